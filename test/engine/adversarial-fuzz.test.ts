/**
 * Fuzzing the prompt with the shapes of the adversarial findings, mixed with ordinary lines: folders
 * copied or moved into themselves, exponential strings, nested template ranges, catastrophic regular
 * expressions, device paths, self-calling functions and scripts, bad glob ranges, files grown past the
 * disk's bounds. Whatever the sequence, runLine answers (it never throws), each line stays inside its
 * budget, and the disk's count equals what the files hold. Small limits keep each run short; the
 * limits tests (limits.test.ts) check the real ones.
 */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {entryChars} from '../../source/engine/disk.js';
import type {Tree} from '../../source/engine/world.js';

const LIMITS = {steps: 100_000, bytes: 1024 * 1024};
const measured = (tree: Tree) => Object.values(tree).reduce((sum, entry) => sum + entryChars(entry), 0);

const folder = fc.constantFrom('d', 'backup', '.', 'd/x', 'ch06');
const doublings = fc.integer({min: 1, max: 30});
const nesting = fc.integer({min: 1, max: 8});
const shape = fc.oneof(
	fc.constant('mkdir -p d/x backup; echo hi > d/f'),
	fc.tuple(folder, folder).map(([a, b]) => `cp -r ${a} ${b}`),
	fc.tuple(folder, folder).map(([a, b]) => `mv ${a} ${b}`),
	fc.constant('mv * backup'),
	doublings.map(n => `x=ab; for i in $(seq ${n}); do x=$x$x; done; echo \${#x}`),
	doublings.map(n => `x=abcdefgh; i=0; while [ $i -lt ${n} ]; do x=$x$x; i=$((i+1)); done; echo $x > big; cat big big big >> big`),
	fc.tuple(nesting, fc.boolean()).map(([n, group]) => `echo ${'a'.repeat(40)}b | grep -E '^${group ? '(a+)+' : 'a'.repeat(n) + '*'}$'`),
	fc.tuple(nesting).map(([n]) => `echo ${'a'.repeat(30)}c | sed -E 's/(a*)*${'(a|aa)*'.repeat(n)}b/x/'`),
	fc.tuple(fc.integer({min: 2, max: 100_000_000}), fc.integer({min: 1, max: 1000})).map(([a, b]) => `docker inspect -f '{{range ${a}}}{{range ${b}}}x{{end}}{{end}}' c1`),
	fc.constant('docker container run -d --name c1 diamol/ch06-todo-list'),
	fc.constantFrom('/dev/zero', '/dev/urandom', '/dev/full', '/proc/self/environ', '/dev/stdin').map(path => `cat ${path} | head -c 10; cp ${path} copy`),
	fc.constant('f() { f; }; f'),
	fc.constant(`printf '#!/bin/sh\\n./self.sh\\n' > self.sh; chmod +x self.sh; ./self.sh`),
	fc.constantFrom('ls [z-a]*', 'ls [a-', 'echo x > /', 'head -c 99999999999 ch06/exercises/todo-list/config/config.json'),
	fc.constant('while true; do echo x; done'),
	fc.constant('rm -rf d backup big copy; ls'),
);

describe('fuzzing the prompt with adversarial shapes', () => {
	it('every line answers within its budget, and the disk count stays true', () => {
		fc.assert(
			fc.property(fc.array(shape, {minLength: 1, maxLength: 6}), lines => {
				const world = defaultWorld({seed: 3});
				for (const line of lines) {
					const result = runLine(world, line, {columns: 80, tty: true, limits: LIMITS});
					const size = result.output.reduce((sum, chunk) => sum + chunk.text.length, 0);
					expect(size, line).toBeLessThanOrEqual(LIMITS.bytes + 1024);
					expect(Number.isInteger(result.status), line).toBe(true);
					if (world.host.used !== undefined) expect(world.host.used, line).toBe(measured(world.host.files));
					for (const container of Object.values(world.containers)) if (container.used !== undefined) expect(container.used, line).toBe(measured(container.rw));
				}
			}),
			{numRuns: 25, seed: 17},
		);
	});
});
