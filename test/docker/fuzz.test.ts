/**
 * Fuzzing the command line: random strings and mutations of real command lines must always give
 * output (an error is output too), never an exception, an internal error or a hang.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {parseDocker} from '../../source/docker/parse.js';
import {commandLines} from '../../source/lab/script.js';

const golden = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'golden');
const realLines = ['ch06-book', 'errors', 'commands'].flatMap(name => commandLines(readFileSync(path.join(golden, `${name}.cmds`), 'utf8')));

/** A real command line with a few characters inserted, deleted or replaced. */
const mutated = fc
	.tuple(
		fc.constantFrom(...realLines),
		fc.array(
			fc.tuple(
				fc.nat(),
				fc.constantFrom('insert', 'delete', 'replace'),
				fc.constantFrom('"', "'", '$', '(', ')', '|', '&', ';', '>', '<', '\\', '`', '-', '=', ':', ',', ' ', '{', '}', '*', '\t', '\u0000', 'é'),
			),
			{maxLength: 4},
		),
	)
	.map(([line, edits]) => {
		let text = line;
		for (const [at, op, ch] of edits) {
			const i = text.length === 0 ? 0 : at % text.length;
			if (op === 'insert') text = text.slice(0, i) + ch + text.slice(i);
			else if (op === 'delete') text = text.slice(0, i) + text.slice(i + 1);
			else text = text.slice(0, i) + ch + text.slice(i + 1);
		}
		return text;
	});

const RUNS = Number(process.env.LAYERLAB_FUZZ_RUNS ?? 300);

function outputOf(line: string, world = defaultWorld({seed: 9, preload: true})): string {
	const result = runLine(world, line);
	expect(Number.isInteger(result.status)).toBe(true);
	return result.output.map(chunk => chunk.text).join('');
}

describe('fuzzing the command line', () => {
	it('mutated real command lines never crash the engine', () => {
		fc.assert(
			fc.property(mutated, line => {
				expect(outputOf(line)).not.toContain('internal error');
			}),
			{numRuns: RUNS},
		);
	});

	it('random text never crashes the engine', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 120}), line => {
				expect(outputOf(line)).not.toContain('internal error');
			}),
			{numRuns: RUNS},
		);
	});

	it('the docker argv parser answers every argv with a command, output or "unsupported"', () => {
		const token = fc.oneof(
			fc.constantFrom(
				'container',
				'run',
				'ls',
				'ps',
				'image',
				'volume',
				'rm',
				'cp',
				'-d',
				'-it',
				'-dit',
				'--rm',
				'-p',
				'8080:80',
				'--mount',
				'type=bind',
				'-v',
				'--name',
				'x',
				'--',
				'-',
				'--format',
				'{{.ID}}',
				'-n',
				'-1',
				'abc',
				'--help',
				'-h',
				'--time=3',
				'-e',
				'A=B',
			),
			fc.string({maxLength: 8}),
		);
		fc.assert(
			fc.property(fc.array(token, {maxLength: 8}), argv => {
				const outcome = parseDocker(argv);
				expect(['command', 'output', 'unsupported']).toContain(outcome.kind);
				if (outcome.kind === 'output') expect(outcome.stdout + outcome.stderr).not.toBe('');
			}),
			{numRuns: RUNS * 3},
		);
	});

	it('a very long line and deep nesting stay bounded', () => {
		expect(outputOf('echo ' + 'x'.repeat(100_000)).length).toBe(100_001);
		expect(outputOf('echo ' + '$(echo '.repeat(100) + 'deep' + ')'.repeat(100))).toBe('deep\n');
		expect(outputOf('"'.repeat(10_001))).toContain('unexpected EOF');
	});
});
