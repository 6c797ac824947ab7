/**
 * The command line and the headless commands: bad values are one line and exit 2, a wrong path in CI
 * does not go green, and no escape sequence from a lesson or a progress file reaches the terminal.
 */
import {tempDir} from '../helpers/temp.js';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {MAX_SEED, readArgs} from '../../source/cli-args.js';
import {checkCommand, listCommand, progressCommand, validateCommand} from '../../source/scenario/commands.js';
import {progressPath} from '../../source/scenario/progress/progress.js';

function refused(argv: string[]): string {
	const read = readArgs(argv);
	expect(read).toHaveProperty('exit', 2);
	const text = (read as {stderr: string}).stderr;
	expect(text.split('\n')).toHaveLength(2);
	return text;
}

describe('command-line values', () => {
	it('seeds are digits from 0 to 2^31−1; nothing wraps', () => {
		for (const bad of ['', '0x10', '1e3', '-1', '4294967297', String(MAX_SEED + 1), ' 1', '1.0']) {
			expect(refused(['script', `--seed=${bad}`])).toBe(`layerlab: invalid argument "${bad}" for "--seed" flag: a whole number from 0 to ${MAX_SEED}. See 'layerlab --help'.\n`);
		}
		for (const good of ['0', '1', String(MAX_SEED)]) expect(readArgs(['script', '--seed', good])).toMatchObject({flags: {seed: Number(good)}});
	});

	it('a flag a mode does not take, extra arguments and an unknown language are refused', () => {
		expect(refused(['script', '--json', 'x'])).toBe("layerlab: unknown flag: --json for script (it takes --seed, --preload, --scenario). See 'layerlab --help'.\n");
		expect(refused(['script', 'a', 'b'])).toBe('layerlab: script takes at most 1 argument, not "b" (usage: layerlab script [FILE]). See \'layerlab --help\'.\n');
		expect(refused(['progress', 'extra'])).toContain('progress takes no arguments, not "extra"');
		expect(refused(['play', '--lang', 'zz', 'x'])).toBe('layerlab: invalid argument "zz" for "--lang" flag: one of en, ko. See \'layerlab --help\'.\n');
		expect(refused(['--frob'])).toContain('unknown flag: --frob');
		expect(refused(['frobnicate'])).toContain('unknown command "frobnicate"');
		expect(refused(['\u001b]0;owned\u0007'])).not.toContain('\u001b');
		expect(readArgs(['verify', '--docker', 'a', 'b'])).toMatchObject({command: 'verify', args: ['a', 'b'], flags: {docker: true}});
	});
});

function io() {
	const home = tempDir('layerlab-io-');
	const out: string[] = [];
	return {out: (text: string) => void out.push(text), err: (text: string) => void out.push(text), env: {HOME: home, XDG_STATE_HOME: home}, text: () => out.join('')};
}

describe('validate and check with nothing to run', () => {
	it('exit non-zero for an empty folder', async () => {
		const empty = tempDir('layerlab-empty-');
		const a = io();
		expect(await validateCommand([empty], {}, a)).toBe(1);
		expect(a.text()).toContain(`${empty}:1:1: no scenario or image files (*.yaml) here`);
		const b = io();
		expect(await checkCommand([empty], {}, b)).toBe(1);
		expect(b.text()).toContain('no scenarios found');
	});
});

const ESC = '\u001b]0;pwned\u0007\u001b]52;c;ZXZpbA==\u0007\u009b2J';

describe('escape bytes in every lesson field never reach the terminal', () => {
	const lesson = `id: "esc${ESC}"
title: "T${ESC}"
summary: "S${ESC}"
steps:
  - id: "s${ESC}"
    title: "x${ESC}"
    text: "y${ESC}"
    checks:
      - container: "rn${ESC}"
      - file: "/x${ESC}"
        in: {container: "rn${ESC}"}
        matches: "${ESC}("
    hints: ["h${ESC}"]
    "k${ESC}": 1
    predict:
      question: "q${ESC}"
      choices: [{label: "c${ESC}", correct: true}]
      explain: "e${ESC}"
    solution: ["docker run --name 'rn${ESC}' alpine:3.9 true"]
`;
	function folder(): string {
		const dir = tempDir('layerlab-esc-');
		writeFileSync(path.join(dir, 'esc.yaml'), lesson);
		writeFileSync(path.join(dir, `bad${ESC}.yaml`), `id: [${ESC}\n`);
		return dir;
	}
	const clean = (text: string) => {
		expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
	};

	it('list, validate, check and progress (text and JSON)', async () => {
		const dir = folder();
		for (const json of [false, true]) {
			const runs = [
				(x: ReturnType<typeof io>) => listCommand([dir], {json}, x),
				(x: ReturnType<typeof io>) => validateCommand([dir], {json}, x),
				(x: ReturnType<typeof io>) => checkCommand([dir], {json}, x),
			];
			for (const run of runs) {
				const x = io();
				await run(x);
				clean(x.text());
				expect(x.text().length).toBeGreaterThan(0);
			}
		}
		const x = io();
		const file = progressPath(x.env);
		mkdirSync(path.dirname(file), {recursive: true});
		writeFileSync(file, JSON.stringify({version: 1, scenarios: {[`id${ESC}`]: {completed: [`s${ESC}`], current: `c${ESC}`, lines: [`l${ESC}`]}}}));
		for (const json of [false, true]) {
			const y = {...x, text: x.text};
			await progressCommand([], {json}, y);
		}
		clean(x.text());
		expect(x.text()).toContain('id␛]0;pwned␇');
		expect(JSON.parse(x.text().slice(x.text().indexOf('{')))).toMatchObject({scenarios: {[`id${ESC}`]: {current: `c${ESC}`}}});
	});
});
