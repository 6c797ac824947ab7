/** The headless contract: `$ line` then the output, and no escape sequence ever reaches the terminal. */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {commandLines, scriptLines, transcript} from '../../source/lab/script.js';

describe('layerlab script', () => {
	it('skips blank lines and comments, echoes each command and goes on after failures', () => {
		const lines = commandLines('# a comment\n\ncat nosuch.txt\n  # indented comment\necho done\n');
		expect(lines).toEqual(['cat nosuch.txt', 'echo done']);
		expect(transcript(defaultWorld(), lines)).toBe('$ cat nosuch.txt\ncat: nosuch.txt: No such file or directory\n$ echo done\ndone\n');
	});

	it('shows control characters from typed lines and program output as placeholders', () => {
		const text = transcript(defaultWorld(), ["echo '\u001b[31mred\u001b]0;title\u0007' > x.txt", 'cat x.txt', 'printf_is_not_here \u001b[2J']);
		expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
		expect(text).toContain('␛[31mred␛]0;title␇');
	});

	it('reads bytes a block at a time into the same lines as decoding them whole', () => {
		// Newlines, carriage returns, comments, blanks, a byte order mark, complete and cut multi-byte
		// sequences and stray continuation bytes, against blocks of 1 to 9 bytes.
		const piece = fc.constantFrom(
			...['\n', '\r\n', '\r', ' ', '#', 'ls', 'echo é', '한', '😀', '\u2028', '\ufeff'].map(text => [...Buffer.from(text)]),
			[0xe2, 0x82],
			[0xf0, 0x9f],
			[0x80],
			[0xc3],
			[0xff],
		);
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 40}), fc.integer({min: 1, max: 9}), (pieces, block) => {
				const bytes = Buffer.from(pieces.flat());
				expect([...scriptLines(bytes, block)]).toEqual(commandLines(bytes.toString('utf8')));
			}),
			{numRuns: 2000},
		);
		const long = Buffer.from(Array.from({length: 3000}, (_, i) => (i % 7 === 0 ? '# note' : `echo ${'é'.repeat(i % 50)} ${i}`)).join('\r\n'));
		expect([...scriptLines(long)]).toEqual(commandLines(long.toString('utf8')));
	});
});
