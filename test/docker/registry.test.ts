/** The command registry is the one list: the recorded CLI spec, the README and the lab's lines follow it. */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {DOCKER_COMMANDS, README_BEGIN, README_END, readmeCommandList, simulatedPaths} from '../../source/docker/registry.js';
import {COMMAND_TREE, COMMANDS, type CommandNode} from '../../source/docker/recorded/cli-spec.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {transcript} from '../../source/lab/script.js';

function node(words: string[]): CommandNode | undefined {
	let current: CommandNode | undefined = COMMAND_TREE;
	for (const word of words) current = current?.children?.find(c => c.name === word);
	return current;
}

const run = (...lines: string[]) => transcript(defaultWorld({seed: 1}), lines);

describe('the docker command registry', () => {
	it('names each command once, and every one exists in the real CLI', () => {
		const paths = DOCKER_COMMANDS.map(row => row.path);
		expect(new Set(paths).size).toBe(paths.length);
		for (const row of DOCKER_COMMANDS) {
			for (const instance of [row.path, ...(row.shortcuts ?? [])]) expect(node(instance.split(' ')), instance).toBeDefined();
		}
	});

	it('is what the recorded CLI spec was recorded from (else: npx tsx scripts/record-cli.mjs)', () => {
		expect(Object.keys(COMMANDS).sort()).toEqual(simulatedPaths().sort());
		for (const row of DOCKER_COMMANDS.filter(r => r.run)) {
			for (const instance of [row.path, ...(row.shortcuts ?? [])]) expect(node(instance.split(' '))?.command, instance).toBe(row.path);
		}
	});

	it('is what README.md lists (else: npx tsx scripts/gen-readme-docker.mjs)', () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const start = readme.indexOf(README_BEGIN);
		const end = readme.indexOf(README_END);
		expect(start).toBeGreaterThan(0);
		expect(readme.slice(start + README_BEGIN.length + 1, end)).toBe(readmeCommandList());
	});
});

describe("the lab's own lines", () => {
	it('a command the lab does not simulate gets one line naming what it does', () => {
		const out = run('docker image import x');
		expect(out).toMatch(/^\$ docker image import x\nlayerlab: `docker image import` is not simulated here\. The lab simulates docker container \(run, create, .*\)\.\n$/);
		expect(out.split('\n').filter(Boolean)).toHaveLength(2);
	});

	it('compose, swarm and registries get a line saying what to do instead', () => {
		expect(run('docker compose up')).toBe('$ docker compose up\nlayerlab: `docker compose` is not simulated here: start each container with `docker container run`.\n');
		expect(run('docker push diamol/base')).toMatch(/^\$ docker push diamol\/base\nlayerlab: `docker push` is not simulated here: the lab has no registry to push to; .*\.\n$/);
		expect(run('docker image push x')).toContain('layerlab: `docker image push` is not simulated here: the lab has no registry');
		expect(run('docker swarm init')).toContain('layerlab: `docker swarm init` is not simulated here: the lab is one host');
	});

	it("a typo keeps Docker's text and adds one note", () => {
		expect(run('docker contianer ls')).toBe(
			"$ docker contianer ls\ndocker: unknown command: docker contianer\n\nRun 'docker --help' for more information\nlayerlab: did you mean `docker container ls`?\n",
		);
		expect(run('docker container lss')).toContain('layerlab: did you mean `docker container ls`?\n');
		expect(run('docker imgaes')).toContain('layerlab: did you mean `docker images`?\n');
		expect(run('docker frobnicate')).not.toContain('did you mean');
	});
});
