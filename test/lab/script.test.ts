/** The headless contract: `$ line` then the output, and no escape sequence ever reaches the terminal. */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {commandLines, transcript} from '../../source/lab/script.js';

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
});
