/**
 * Fuzzing the scenario loader: mutations of the shipped lessons and random text must end in a
 * scenario or in positioned problems (LoadError), never another exception, and quickly.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {LoadError, parseScenario} from '../../source/scenario/index.js';

const scenarios = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'scenarios');
const sources = readdirSync(scenarios)
	.filter(name => name.endsWith('.yaml'))
	.map(name => ({file: path.join(scenarios, name), text: readFileSync(path.join(scenarios, name), 'utf8')}));

const RUNS = Number(process.env.LAYERLAB_FUZZ_RUNS ?? 150);

function load(file: string, text: string): void {
	try {
		parseScenario(file, text);
	} catch (error) {
		expect(error, String(error)).toBeInstanceOf(LoadError);
		for (const problem of (error as LoadError).problems) {
			expect(problem.line).toBeGreaterThanOrEqual(1);
			expect(problem.col).toBeGreaterThanOrEqual(1);
			expect(problem.message).not.toBe('');
		}
	}
}

describe('fuzzing the scenario loader', () => {
	it('mutated lessons load or fail with positioned problems', () => {
		const mutation = fc.tuple(
			fc.constantFrom(...sources),
			fc.array(
				fc.tuple(
					fc.nat(),
					fc.constantFrom('delete', 'insert', 'duplicate-line', 'swap'),
					fc.constantFrom(':', '-', ' ', '\n', '"', "'", '&a', '*a', '{', '[', '#', '\t', '|', '!!str', 'x'),
				),
				{minLength: 1, maxLength: 5},
			),
		);
		fc.assert(
			fc.property(mutation, ([source, edits]) => {
				let text = source.text;
				for (const [at, op, piece] of edits) {
					const i = at % Math.max(1, text.length);
					if (op === 'delete') text = text.slice(0, i) + text.slice(i + 1 + (at % 7));
					else if (op === 'insert') text = text.slice(0, i) + piece + text.slice(i);
					else if (op === 'duplicate-line') {
						const start = text.lastIndexOf('\n', i) + 1;
						const end = text.indexOf('\n', i);
						const line = text.slice(start, end < 0 ? text.length : end);
						text = text.slice(0, start) + line + '\n' + text.slice(start);
					} else text = text.slice(i) + text.slice(0, i);
				}
				load(source.file, text);
			}),
			{numRuns: RUNS},
		);
	});

	it('random text fails with positioned problems', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 400}), text => load(path.join(scenarios, 'random.yaml'), text)),
			{numRuns: RUNS},
		);
	});
});
