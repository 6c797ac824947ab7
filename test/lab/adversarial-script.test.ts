/**
 * The headless `layerlab script` under the adversarial findings' inputs: a line that builds an
 * exponential string stops with one line and the transcript goes on (it was lost when the process
 * died of heap exhaustion), and a device given as the script is refused by bytes read, not `stat.size`.
 */
import {describe, expect, it, vi} from 'vitest';
import {Writable} from 'node:stream';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runScriptFile, writeTranscript} from '../../source/lab/script-command.js';
import {transcript} from '../../source/lab/script.js';

describe('layerlab script with hostile input', () => {
	it('24 doublings on one line: one stop line, then the next lines run and print', async () => {
		const doubled = 'x=aaaaaaaaaaaaaaaa; ' + Array.from({length: 24}, () => 'x=$x$x;').join(' ') + ' echo ${#x}';
		let text = '';
		const out = new Writable({
			write(chunk, _encoding, done) {
				text += String(chunk);
				done();
			},
		});
		await writeTranscript(defaultWorld({seed: 1}), [doubled, 'echo after'], 80, out);
		const lines = text.split('\n');
		expect(lines[0]).toBe(`$ ${doubled}`);
		expect(lines[1]).toMatch(/^layerlab: stopped after [0-9,]+ bytes/);
		expect(lines.slice(2)).toEqual(['$ echo after', 'after', '']);
	});

	it('runs batches on one draft and redoes a stopped line guarded: the transcript and world are the guarded ones', async () => {
		const lines = [
			'docker run --name a1 alpine:3.9 true',
			'y=1; echo $RANDOM > r.txt',
			'y=2; touch gone; g() { g; }; g',
			'echo y=$y $RANDOM',
			'cat <<END > here.txt',
			'line one',
			'END',
			'f() { f; }; f',
			...Array.from({length: 600}, (_, i) => (i === 550 ? 'docker run alpine:3.9 true; h() { h; }; h' : 'docker run alpine:3.9 true')),
			'echo $? $RANDOM; cat here.txt r.txt; ls; docker ps -aq | wc -l',
		];
		let text = '';
		const out = new Writable({
			write(chunk, _encoding, done) {
				text += String(chunk);
				done();
			},
		});
		const batched = defaultWorld({seed: 1});
		await writeTranscript(batched, lines, 80, out);
		const guarded = defaultWorld({seed: 1});
		expect(text).toBe(transcript(guarded, lines, {columns: 80, tty: true}));
		expect(text.match(/layerlab: stopped/g)).toHaveLength(3);
		expect(JSON.stringify(batched)).toBe(JSON.stringify(guarded));
	});

	it('/dev/zero as the script: one line, status 1, nothing read past the bound', async () => {
		const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		try {
			expect(await runScriptFile({file: '/dev/zero', preload: false})).toBe(1);
			expect(err.mock.calls.map(call => String(call[0]))).toEqual(['layerlab: cannot read /dev/zero: is a device, not a file\n']);
		} finally {
			err.mockRestore();
		}
	});
});
