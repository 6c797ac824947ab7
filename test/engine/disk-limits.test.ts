/**
 * The simulated disk and the values the real programs refuse: a file may not grow past
 * MAX_FILE_SIZE (the write fails with the program's `write error: No space left on device`, status 1,
 * and the file keeps its old content), `echo x > /` is bash's `Is a directory`. Texts recorded from
 * GNU bash/coreutils and busybox writing to /dev/full (a full disk answers the same).
 */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {MAX_FILE_SIZE} from '../../source/engine/fsapi.js';

const text = (result: {output: Array<{text: string}>}) => result.output.map(chunk => chunk.text).join('');

describe('the simulated disk', () => {
	it("a file grown tenfold per command stops at the bound with cat's message; the file stays whole", () => {
		const world = defaultWorld({seed: 1});
		runLine(world, 'echo 0123456789 > f');
		let failed;
		let last = 0;
		for (let i = 0; i < 8 && !failed; i++) {
			const result = runLine(world, 'cat f f f f f f f f f f > g && mv g f');
			if (result.status !== 0) failed = result;
			else last = world.host.files['/home/student/diamol/f']!.kind === 'file' ? (world.host.files['/home/student/diamol/f'] as {content: string}).content.length : 0;
		}
		expect(failed).toEqual({output: [{stream: 'stderr', text: 'cat: write error: No space left on device\n'}], status: 1});
		expect(last).toBeLessThanOrEqual(MAX_FILE_SIZE);
		const file = world.host.files['/home/student/diamol/f'] as {content: string};
		expect(file.content.length).toBe(last);
		expect(file.content).toBe('0123456789\n'.repeat(last / 11));
	});

	it('a builtin that cannot write is reported by the shell', () => {
		const world = defaultWorld({seed: 1});
		runLine(world, `echo ${'x'.repeat(1000)} > f`);
		const big = `x=$(cat f); x=$x$x$x$x$x$x$x$x$x$x; x=$x$x$x$x$x$x$x$x$x$x; x=$x$x$x$x$x$x$x$x$x$x; x=$x$x$x$x$x$x$x$x$x$x; echo $x$x > big`;
		const result = runLine(world, big);
		expect(text(result)).toBe('bash: echo: write error: No space left on device\n');
		expect(result.status).toBe(1);
	});

	it('echo x > / is bash\'s "Is a directory", status 1', () => {
		const world = defaultWorld({seed: 1});
		const result = runLine(world, 'echo x > /');
		expect(result).toEqual({output: [{stream: 'stderr', text: 'bash: /: Is a directory\n'}], status: 1});
		expect(world.host.files['/']).toBeUndefined();
	});
});
