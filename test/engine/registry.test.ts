/** The programs registry is the one list: the host, containers and tab completion all read it. */
import {beforeAll, describe, expect, it, vi} from 'vitest';
import {PROGRAMS, commandNames, notSimulatedLine} from '../../source/engine/userland/registry.js';
import {HOST_SUPPLIED, runLine} from '../../source/host/index.js';
import {candidatesFor} from '../../source/ui/completion.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {loadRunner} from '../../source/lab/model/runner.js';

const world = defaultWorld({seed: 2, preload: true});
const text = (line: string) =>
	runLine(world, line)
		.output.map(chunk => chunk.text)
		.join('');

describe('programs registry', () => {
	// Completion reads the registry through the shell's modules, which load after the first frame.
	beforeAll(() => loadRunner());

	it('declares each name once per place, and the host supplies exactly the rows without an implementation', () => {
		for (const where of ['host', 'container'] as const) {
			const names = PROGRAMS.filter(row => row.on.includes(where)).map(row => row.name);
			expect(new Set(names).size).toBe(names.length);
		}
		const supplied = PROGRAMS.filter(row => !row.make).map(row => row.name);
		expect(supplied.sort()).toEqual(Object.keys(HOST_SUPPLIED).sort());
	});

	it('completion offers no command names before the shell has loaded, then every one', async () => {
		vi.resetModules();
		const fresh = (await import('../../source/ui/completion.js')) as typeof import('../../source/ui/completion.js');
		const runner = (await import('../../source/lab/model/runner.js')) as typeof import('../../source/lab/model/runner.js');
		expect(fresh.candidatesFor(world, [], '')).toEqual([]);
		await runner.loadRunner();
		expect(fresh.candidatesFor(world, [], '').length).toBe(new Set(commandNames('host')).size);
	});

	it('every name completion offers at the host prompt runs (no "command not found")', () => {
		const offered = candidatesFor(world, [], '');
		expect(offered.length).toBe(new Set(commandNames('host')).size);
		for (const name of offered) {
			if (['exit', 'docker', 'sleep', 'cat', 'tee', 'sh', 'bash', 'read'].includes(name)) continue;
			expect(text(`${name} </dev/null`), name).not.toContain('command not found');
		}
	});

	it('programs the lab lacks get one clear line saying what to use instead', () => {
		expect(text('vi notes.txt')).toBe(notSimulatedLine('vi'));
		expect(notSimulatedLine('nano')).toMatch(/^layerlab: `nano` is not simulated here: write files with cat > file <<'EOF'/);
		expect(text('nosuchprogram')).toBe('bash: nosuchprogram: command not found\n');
		expect(text('hostname; whoami')).toBe('layerlab\nstudent\n');
	});

	it('says what to use instead on each side, in the voice of the docker line', () => {
		const box = structuredClone(world);
		runLine(box, 'docker container run -d --name nsbox diamol/ch06-todo-list');
		const inside = (line: string) =>
			runLine(box, `docker container exec nsbox sh -c '${line}'`)
				.output.map(chunk => chunk.text)
				.join('');
		// sudo: the host's learner is a user, a container's shell is root already.
		expect(text('sudo ls')).toBe('layerlab: `sudo` is not simulated here: the lab runs every command as your user already.\n');
		expect(inside('sudo ls; echo $?')).toBe('layerlab: `sudo` is not simulated here: containers in the lab run as root already.\n127\n');
		// vi and less are busybox applets in the image, apk is not there at all: all three get the line.
		expect(inside('vi f; less f; apk add curl')).toBe([notSimulatedLine('vi', 'container'), notSimulatedLine('less', 'container'), notSimulatedLine('apk', 'container')].join(''));
		expect(text('apt-get install -y curl')).toMatch(/^layerlab: `apt-get` is not simulated here: images come from the lab catalog/);
		// An applet the lab has no line for still says it is not simulated, in the same voice.
		expect(inside('awk 1 /dev/null; tac f')).toBe(notSimulatedLine('awk', 'container') + 'layerlab: `tac` is not simulated here.\n');
		// The docker line it follows.
		expect(text('docker compose up')).toMatch(/^layerlab: `docker compose` is not simulated here: /);
	});
});
