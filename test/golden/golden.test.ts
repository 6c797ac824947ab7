/**
 * The promise: pasted into `layerlab script`, the chapter's commands print what a real Docker engine
 * printed. The .txt files were recorded from Docker (test/real-docker/record.sh); both sides go
 * through the same normalisation (source/lab/normalise.ts) and must then be identical.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {commandLines, transcript} from '../../source/lab/script.js';
import {normaliseTranscript} from '../../source/lab/normalise.js';

const here = path.dirname(new URL(import.meta.url).pathname);

/** The recorder's terminal: tmux at 400x50. */
const TERMINAL = {columns: 400, tty: true};

function realTranscript(name: string): string {
	return readFileSync(path.join(here, `${name}.txt`), 'utf8').replace(/\n?\$ ?\n*$/, '\n');
}

function simulated(name: string): string {
	const lines = commandLines(readFileSync(path.join(here, `${name}.cmds`), 'utf8'));
	return transcript(defaultWorld({seed: 1}), lines, TERMINAL);
}

/** The recorded cases of a folder: each NAME.cmds with its NAME.txt. */
function cases(folder: string): string[] {
	return readdirSync(path.join(here, folder))
		.filter(file => file.endsWith('.cmds'))
		.map(file => path.join(folder, file.slice(0, -'.cmds'.length)))
		.sort();
}

const CASES = cases('.');
/**
 * Interactive sessions (lines typed into a container's shell, keys such as `<C-p><C-q>`), recorded the
 * same way; the conformance run does not replay these (it runs each line as a command of its own).
 */
const INTERACTIVE = cases('interactive');

it('has the recorded corpus', () => {
	expect(CASES.length).toBeGreaterThanOrEqual(29);
});

it('has the interactive sessions', () => {
	expect(INTERACTIVE).toEqual(['interactive/attach', 'interactive/tty']);
});

describe.each([...CASES, ...INTERACTIVE])('%s transcript', name => {
	it('matches the real Docker engine line for line', () => {
		const expected = normaliseTranscript(realTranscript(name));
		const actual = normaliseTranscript(simulated(name));
		expect(actual.split('\n')).toEqual(expected.split('\n'));
	});
});
