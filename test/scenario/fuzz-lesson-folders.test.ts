/**
 * Fuzzing what a lesson folder can hold: random trees of files, folders, symlinks (inside, outside,
 * to devices, loops), FIFOs and escape bytes in names and every text field. Every load ends in a
 * scenario or in positioned problems, never reads outside the folder, never blocks, and nothing it
 * prints holds a control character once made safe for a terminal.
 */
import {tempDir} from '../helpers/temp.js';
import {execFileSync} from 'node:child_process';
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {LoadError, loadScenarioFile} from '../../source/scenario/index.js';
import {validateCommand} from '../../source/scenario/commands.js';

const RUNS = Math.max(10, Math.floor(Number(process.env.LAYERLAB_FUZZ_RUNS ?? 150) / 5));
const SECRET = 'HOST-SECRET-' + process.pid;

type Node = {kind: 'file'; text: string} | {kind: 'link'; to: string} | {kind: 'fifo'} | {kind: 'dir'};

const names = fc.constantFrom('a', 'b.txt', 'sub', 'sub/c', 'sub/d', 'e\u001b]0;x\u0007', 'f');
const node: fc.Arbitrary<Node> = fc.oneof(
	fc.record({kind: fc.constant('file' as const), text: fc.string({maxLength: 40})}),
	fc.record({
		kind: fc.constant('link' as const),
		to: fc.constantFrom('a', '../secret.txt', '/dev/zero', '/proc/self/environ', 'sub', '..', '.', 'loop', '/etc/hostname', 'sub/../a'),
	}),
	fc.constant({kind: 'fifo' as const}),
	fc.constant({kind: 'dir' as const}),
);
const escapes = fc.constantFrom('', '\u001b]0;t\u0007', '\u001b]52;c;eA==\u0007', '\u009b2J', '\u202e', '\r', '\u0000');

describe('fuzzing lesson folders', () => {
	it('load or fail with positions, never leak, never block', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(names, node), {maxLength: 8}), fc.array(escapes, {minLength: 4, maxLength: 4}), async (entries, [e1, e2, e3, e4]) => {
				const dir = tempDir('layerlab-fuzzfolder-');
				writeFileSync(path.join(dir, 'secret.txt'), SECRET);
				const lesson = path.join(dir, 'lesson');
				const files = path.join(lesson, 'files');
				mkdirSync(files, {recursive: true});
				const taken = new Set<string>();
				for (const [name, item] of entries) {
					const full = path.join(files, name);
					// Never write through an earlier entry (opening a FIFO for writing would block the test itself).
					if (taken.has(name) || [...taken].some(other => name.startsWith(other + '/'))) continue;
					taken.add(name);
					try {
						mkdirSync(path.dirname(full), {recursive: true});
						if (item.kind === 'file') writeFileSync(full, item.text);
						else if (item.kind === 'dir') mkdirSync(full, {recursive: true});
						else if (item.kind === 'fifo') execFileSync('mkfifo', [full]);
						else symlinkSync(item.to === 'loop' ? full : item.to, full);
					} catch {
						// a name taken by an earlier entry: skip it
					}
				}
				const file = path.join(lesson, 'lesson.yaml');
				const q = (text: string) => JSON.stringify(text);
				writeFileSync(
					file,
					`id: ${q('fz' + e1)}\ntitle: ${q('T' + e2)}\nsummary: ${q('S' + e3)}\nworld:\n  host:\n    lab: {from: files}\nsteps:\n  - id: ${q('s' + e4)}\n    title: t\n    text: ${q('x' + e1)}\n    checks:\n      - container: rn1\n    solution: [docker container run --name rn1 diamol/ch06-random-number]\n`,
				);
				try {
					const scenario = loadScenarioFile(file);
					for (const content of Object.values(scenario.world.hostFiles)) expect(content).not.toContain(SECRET);
				} catch (error) {
					expect(error, String(error)).toBeInstanceOf(LoadError);
					for (const problem of (error as LoadError).problems) expect(problem.line).toBeGreaterThanOrEqual(1);
				}
				const out: string[] = [];
				await validateCommand([file], {}, {out: text => void out.push(text), err: text => void out.push(text), env: {}});
				expect(out.join('')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
				expect(out.join('')).not.toContain(SECRET);
			}),
			{numRuns: RUNS},
		);
	}, 120_000);
});
