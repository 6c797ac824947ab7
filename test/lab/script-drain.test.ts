/**
 * `layerlab script` into a slow reader: when the output stream is full (write returns false), the
 * next batch of commands waits for 'drain', so the transcript cannot pile up in memory; the text
 * written is the same transcript.
 */
import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {writeTranscript} from '../../source/lab/script-command.js';
import {transcript} from '../../source/lab/script.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';

/** A stream that is always "full": every write returns false until the test emits 'drain'. */
class SlowStream extends EventEmitter {
	chunks: string[] = [];
	write(chunk: string): boolean {
		this.chunks.push(chunk);
		return false;
	}
}

const tick = () => new Promise(resolve => setImmediate(resolve));

describe('script output waits for drain', () => {
	it('runs one batch per drain and writes the same transcript', async () => {
		const lines = Array.from({length: 1200}, (_, i) => (i % 3 === 0 ? `echo line ${i}` : i % 3 === 1 ? 'docker volume ls' : 'docker container ls -a'));
		const out = new SlowStream();
		const done = writeTranscript(defaultWorld({seed: 1, preload: false}), lines, 80, out as unknown as NodeJS.WritableStream);
		let finished = false;
		void done.then(() => (finished = true));
		const dollars = () =>
			out.chunks
				.join('')
				.split('\n')
				.filter(line => line.startsWith('$ ')).length;

		for (let i = 0; i < 5; i++) await tick();
		// The first batch (500 lines) is written, then the script waits.
		expect(dollars()).toBe(500);
		expect(finished).toBe(false);
		out.emit('drain');
		for (let i = 0; i < 5; i++) await tick();
		expect(dollars()).toBe(1000);
		out.emit('drain');
		for (let i = 0; i < 5; i++) await tick();
		expect(dollars()).toBe(1200);
		out.emit('drain');
		await done;
		expect(out.chunks.join('')).toBe(transcript(defaultWorld({seed: 1, preload: false}), lines, {columns: 80, tty: true}));
	});

	it('takes the lines a batch at a time: a long script is not held whole while the output waits', async () => {
		let taken = 0;
		function* lines() {
			for (let i = 0; i < 5000; i++) {
				taken++;
				yield i % 2 === 0 ? `echo line ${i}` : 'docker volume ls';
			}
		}
		const out = new SlowStream();
		const done = writeTranscript(defaultWorld({seed: 1, preload: false}), lines(), 80, out as unknown as NodeJS.WritableStream);
		for (let i = 0; i < 5; i++) await tick();
		// The first batch's 500 lines, and the one read ahead to see whether the last line reads on.
		expect(taken).toBe(501);
		out.emit('drain');
		for (let i = 0; i < 5; i++) await tick();
		expect(taken).toBe(1001);
		for (let i = 0; i < 10; i++) {
			out.emit('drain');
			for (let j = 0; j < 5; j++) await tick();
		}
		await done;
		expect(taken).toBe(5000);
	});
});
