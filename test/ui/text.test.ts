import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import chalk from 'chalk';
import {chalkPaint, paint} from '../../source/ui/text/paint.js';
import {expandTabs, isSafe, outputLines, safeText} from '../../source/text/safe.js';
import {fit, hardWrap, textWidth, truncate, truncateStart} from '../../source/ui/text/width.js';
import {markdownRows, parseInline} from '../../source/ui/text/markdown.js';
import {rowText} from '../../source/ui/rows.js';

describe('safe text', () => {
	it('shows control characters and escape sequences as visible placeholders', () => {
		expect(safeText('\x1b[31mred\x1b[0m')).toBe('␛[31mred␛[0m');
		expect(safeText('bell\x07 nul\x00 del\x7f')).toBe('bell␇ nul␀ del␡');
		expect(safeText('csi\x9b2J')).toBe('csi\ufffd2J');
		expect(safeText('rtl\u202eevil')).toBe('rtl\ufffdevil');
		expect(isSafe('plain text, 한국어 ✓')).toBe(true);
	});

	it('turns terminal output into lines: CRLF, lone CR overwrites, tabs expand', () => {
		expect(outputLines('a\r\nb\n')).toEqual(['a', 'b']);
		expect(outputLines('abc\rX\n')).toEqual(['Xbc']);
		expect(outputLines('a\tb')).toEqual(['a       b']);
		expect(outputLines('\x1b]0;title\x07x')).toEqual(['␛]0;title␇x']);
		expect(expandTabs('12345678\tx')).toBe('12345678        x');
	});
});

describe('widths', () => {
	it('counts wide characters as two cells', () => {
		expect(textWidth('abc')).toBe(3);
		expect(textWidth('한국')).toBe(4);
		expect(textWidth('e\u0301')).toBe(1);
	});

	it('truncates and pads to cells', () => {
		expect(truncate('abcdef', 4)).toBe('abc…');
		expect(truncate('한국어', 4)).toBe('한…');
		expect(truncateStart('/random/number.txt', 10)).toBe('…umber.txt');
		expect(fit('ab', 4)).toBe('ab  ');
		expect(hardWrap('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
	});
});

describe('markdown', () => {
	it('renders inline code, bold, italic and links', () => {
		const runs = parseInline('run `docker ps` **now** *please* [docs](https://docs.docker.com)');
		expect(runs.find(run => run.text === 'docker ps')?.style.tone).toBe('code');
		expect(runs.find(run => run.text === 'now')?.style.bold).toBe(true);
		expect(runs.find(run => run.text === 'please')?.style.italic).toBe(true);
		expect(runs.some(run => run.text === ' (https://docs.docker.com)')).toBe(true);
	});

	it('wraps paragraphs, keeps punctuation with the word before it, indents list items', () => {
		const rows = markdownRows('# Title\n\nRun two containers from it, named `rn1` and `rn2`.\n\n- first item that is long enough to wrap around\n- second', 30).map(rowText);
		expect(rows[0]).toBe('Title');
		expect(rows).toContain('named rn1 and rn2.');
		const item = rows.findIndex(line => line.startsWith('• first'));
		expect(rows[item + 1]!.startsWith('  ')).toBe(true);
		for (const line of rows) expect(textWidth(line)).toBeLessThanOrEqual(30);
	});

	it('keeps code blocks as they are (cut, not re-wrapped) and never lets control characters through', () => {
		const rows = markdownRows('```\ndocker run \x1b[2J\n```', 40).map(rowText);
		expect(rows).toEqual(['  docker run ␛[2J']);
	});

	it('wraps Korean text by cells', () => {
		const rows = markdownRows('컨테이너의 디스크는 이미지 레이어들과 그 컨테이너만 갖는 레이어 하나로 만들어진다.', 20).map(rowText);
		for (const line of rows) expect(textWidth(line)).toBeLessThanOrEqual(20);
		expect(rows.join(' ')).toContain('컨테이너의');
	});
});

describe('painting', () => {
	it('wraps a text in the very codes chalk gives it, for every style and colour level', () => {
		const style = fc.record(
			{
				color: fc.constantFrom('cyan', 'green', 'red', 'gray', 'blue', '#ff8800', 'nocolour'),
				dimColor: fc.boolean(),
				bold: fc.boolean(),
				italic: fc.boolean(),
				underline: fc.boolean(),
				strikethrough: fc.boolean(),
				inverse: fc.boolean(),
			},
			{requiredKeys: []},
		);
		// Texts with escape codes and line breaks too (those take chalk's own path), and the stand-in character.
		const text = fc.oneof(
			fc.string({unit: 'grapheme', maxLength: 8}),
			fc.string({unit: fc.constantFrom('a', ' ', '\u0000', '\n', '\r', '\u001b', '[', '2m', '\u001b[22m', '\u001b[39m', '\u001b[27m', '\u001b[1m'), maxLength: 8}),
		);
		const level = chalk.level;
		try {
			fc.assert(
				fc.property(fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>, style, text, text, (at, style, first, second) => {
					chalk.level = at;
					// Twice each: the first call may fill the cache, the second reads it.
					expect(paint(first, style)).toBe(chalkPaint(first, style));
					expect(paint(second, style)).toBe(chalkPaint(second, style));
					expect(paint(first, style)).toBe(chalkPaint(first, style));
				}),
				{numRuns: 2000},
			);
		} finally {
			chalk.level = level;
		}
	});
});
