/**
 * Conformance: every shipped scenario and every golden command list, replayed on the simulator and on
 * a real Docker engine (`layerlab verify --docker`), with zero mismatches.
 *
 * Needs an engine of verify's own at DOCKER_HOST (test/real-docker/ci-engine.sh up). Without one the
 * suite is skipped with a notice; with LAYERLAB_REQUIRE_DOCKER=1 (CI) a missing engine fails it.
 * When ci-engine.sh also started a second engine (LAYERLAB_ENGINE2_*, one with a network and a mount
 * namespace of its own), the lists are split between the two and replayed side by side: the run is
 * mostly waiting on the engines, so two take about half as long.
 */
import {execFileSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runVerify} from '../../source/verify/command.js';
import {dockerBinary} from '../../source/verify/docker-cli.js';
import {formatScenario} from '../../source/verify/report.js';

const golden = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'golden');
const required = process.env.LAYERLAB_REQUIRE_DOCKER === '1';

function engineAnswers(env: NodeJS.ProcessEnv): string | undefined {
	if (!env.DOCKER_HOST) return 'DOCKER_HOST is not set';
	try {
		execFileSync(dockerBinary(), ['version', '--format', '{{.Server.Version}}'], {env, timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe']});
		return undefined;
	} catch (error) {
		const stderr = (error as {stderr?: Buffer}).stderr?.toString().trim();
		return `no engine answers at ${env.DOCKER_HOST}${stderr ? `: ${stderr.split('\n').at(-1)}` : ''}`;
	}
}

const missing = engineAnswers(process.env);

/** The engines to replay on: DOCKER_HOST's, and the second one when it answers. */
function engines(): NodeJS.ProcessEnv[] {
	const first = {...process.env};
	const host = process.env.LAYERLAB_ENGINE2_DOCKER_HOST;
	if (!host) return [first];
	const second: NodeJS.ProcessEnv = {
		...process.env,
		DOCKER_HOST: host,
		LAYERLAB_ENGINE_NETNS: process.env.LAYERLAB_ENGINE2_NETNS,
		LAYERLAB_ENGINE_FS: process.env.LAYERLAB_ENGINE2_FS,
	};
	const problem = engineAnswers(second);
	if (problem) {
		console.warn(`\n  ⚠ the second engine is not used: ${problem}\n`);
		return [first];
	}
	return [first, second];
}
if (missing && !required) {
	console.warn(
		`\n  ⚠ conformance against real Docker SKIPPED: ${missing}.\n` +
			`    Run it with: eval "$(test/real-docker/ci-engine.sh up)" && npm test (LAYERLAB_REQUIRE_DOCKER=1 makes this a failure).\n`,
	);
}

describe('conformance with a real Docker engine (layerlab verify --docker)', () => {
	it.runIf(missing !== undefined && required)('has an engine (LAYERLAB_REQUIRE_DOCKER=1)', () => {
		expect.fail(`LAYERLAB_REQUIRE_DOCKER=1 but ${missing}`);
	});

	it.runIf(missing === undefined)(
		'every built-in scenario and golden command list matches, line by line and probe by probe',
		async context => {
			const cmds = readdirSync(golden)
				.filter(name => name.endsWith('.cmds'))
				.sort()
				.map(name => path.join(golden, name));
			const envs = engines();
			const runs = await Promise.all(
				envs.map(async (env, index) => {
					let output = '';
					const run = await runVerify(cmds, {
						env,
						out: text => (output += text),
						err: text => (output += text),
						includeBuiltin: true,
						shard: {index, count: envs.length},
					});
					return {run, output};
				}),
			);
			const output = runs.map(({output}) => output).join('\n');
			// a mismatch on either engine fails the run, whatever the other one said
			const codes = runs.map(({run}) => run.code);
			const run = {code: codes.includes(1) ? 1 : Math.max(...codes), engine: runs[0]!.run.engine, results: runs.flatMap(({run}) => run.results)};
			const report = run.results.map(result => formatScenario(result, {color: false})).join('');
			if (run.code === 2 && !required) {
				// an engine answers, but not one verify may use (no local registry mirror, or it holds things of
				// someone else's): say why and skip, unless CI requires the check
				console.warn(`\n  ⚠ conformance against real Docker SKIPPED:\n${output.replace(/^/gm, '    ')}`);
				context.skip();
				return;
			}
			console.info(`verify --docker against ${envs.length === 1 ? 'one engine' : `${envs.length} engines, a share of the lists each`}, ${run.engine ?? 'no engine'}:\n${output}`);
			expect(run.results.length, output).toBeGreaterThan(cmds.length);
			expect(run.code, report || output).toBe(0);
		},
		20 * 60_000,
	);
});
