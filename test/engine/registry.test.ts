/** The programs registry is the one list: the host, containers and tab completion all read it. */
import {describe, expect, it} from 'vitest';
import {PROGRAMS, commandNames, notSimulatedLine} from '../../source/engine/userland/registry.js';
import {HOST_SUPPLIED, runLine} from '../../source/host/index.js';
import {candidatesFor} from '../../source/ui/completion.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';

const world = defaultWorld({seed: 2, preload: true});
const text = (line: string) =>
	runLine(world, line)
		.output.map(chunk => chunk.text)
		.join('');

describe('programs registry', () => {
	it('declares each name once per place, and the host supplies exactly the rows without an implementation', () => {
		for (const where of ['host', 'container'] as const) {
			const names = PROGRAMS.filter(row => row.on.includes(where)).map(row => row.name);
			expect(new Set(names).size).toBe(names.length);
		}
		const supplied = PROGRAMS.filter(row => !row.make).map(row => row.name);
		expect(supplied.sort()).toEqual(Object.keys(HOST_SUPPLIED).sort());
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
		expect(notSimulatedLine('nano')).toMatch(/^layerlab: nano is not simulated in the lab; write files with cat > file <<'EOF'/);
		expect(text('nosuchprogram')).toBe('bash: nosuchprogram: command not found\n');
		expect(text('hostname; whoami')).toBe('layerlab\nstudent\n');
	});
});
