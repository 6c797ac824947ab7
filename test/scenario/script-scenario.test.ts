/** `layerlab script --scenario ID|FILE` starts from the scenario's world; without it nothing changes. */
import {tempDir} from '../helpers/temp.js';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {runScriptFile} from '../../source/lab/script-command.js';

function capture() {
	const out: string[] = [];
	const err: string[] = [];
	vi.spyOn(process.stdout, 'write').mockImplementation(chunk => (out.push(String(chunk)), true));
	vi.spyOn(process.stderr, 'write').mockImplementation(chunk => (err.push(String(chunk)), true));
	return {out: () => out.join(''), err: () => err.join('')};
}

function linesFile(text: string): string {
	const file = path.join(tempDir('layerlab-script-'), 'lines.txt');
	writeFileSync(file, text);
	return file;
}

afterEach(() => vi.restoreAllMocks());

describe('script --scenario', () => {
	it("starts from the scenario's world: setup lines already ran, silently", async () => {
		const file = linesFile('docker container ls -a --format "{{.Names}} {{.Image}}"\n');
		const io = capture();
		expect(await runScriptFile({file, preload: false, scenario: 'lab'})).toBe(0);
		expect(io.out()).toBe('$ docker container ls -a --format "{{.Names}} {{.Image}}"\ntodo1 diamol/ch06-todo-list\nrn1 diamol/ch06-random-number\n');
	});

	it('takes a scenario file, and the default world without --scenario', async () => {
		const dir = tempDir('layerlab-script-scenario-');
		const scenario = path.join(dir, 'notes.yaml');
		writeFileSync(
			scenario,
			`id: notes
title: Notes
summary: A host file.
world:
  cwd: /home/student
  host:
    notes.txt: "remember the volume\\n"
steps:
  - id: read
    title: Read
    text: Read the notes.
    checks:
      - output: {contains: remember}
    solution: [cat notes.txt]
`,
		);
		const file = linesFile('pwd\ncat notes.txt\n');
		let io = capture();
		expect(await runScriptFile({file, preload: false, scenario})).toBe(0);
		expect(io.out()).toBe('$ pwd\n/home/student\n$ cat notes.txt\nremember the volume\n');
		vi.restoreAllMocks();
		io = capture();
		expect(await runScriptFile({file, preload: false})).toBe(0);
		expect(io.out()).toBe('$ pwd\n/home/student/diamol\n$ cat notes.txt\ncat: notes.txt: No such file or directory\n');
	});

	it('reports an unknown scenario or a broken file and exits 1', async () => {
		const file = linesFile('pwd\n');
		let io = capture();
		expect(await runScriptFile({file, preload: false, scenario: 'nope'})).toBe(1);
		expect(io.err()).toMatch(/^layerlab script: no scenario "nope"; the scenarios are writable-layer, /);
		vi.restoreAllMocks();
		io = capture();
		const broken = path.join(path.dirname(new URL(import.meta.url).pathname), 'malformed', 'unknown-key-hint.yaml');
		expect(await runScriptFile({file, preload: false, scenario: broken})).toBe(1);
		expect(io.err()).toBe(`${broken}:11:5: unknown key "hint" (did you mean "hints"?)\n`);
	});
});
