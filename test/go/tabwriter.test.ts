/**
 * go/tabwriter against the expectations in Go's own text/tabwriter tests (tabwriter_test.go: the
 * cases named here by their Go test names), and the CLI's table configuration.
 */
import {describe, expect, it} from 'vitest';
import {tabwrite} from '../../source/go/index.js';
import {table} from '../../source/docker/render/format.js';

const go =
	(minwidth: number, padding: number, padchar: string, flags: {alignRight?: boolean} = {}) =>
	(text: string) =>
		tabwrite(text, {minwidth, padding, padchar, ...flags});

describe("Go's tabwriter_test.go cases", () => {
	it.each([
		['2', go(8, 1, '.'), '\n\n\n', '\n\n\n'],
		['3', go(8, 1, '.'), 'a\nb\nc', 'a\nb\nc'],
		['4a', go(8, 1, '.'), '\t', ''],
		['5', go(8, 1, '.'), '*\t*', '*.......*'],
		['5c', go(8, 1, '.'), '*\t*\t', '*.......*'],
		['5d', go(8, 1, '.', {alignRight: true}), '*\t*\t', '.......**'],
		['6', go(8, 1, '.'), '\t\n', '........\n'],
		['7c', go(8, 1, '.'), 'c) foo\tbar\t', 'c) foo..bar'],
		['7e', go(8, 1, '.'), 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
		['9a', go(1, 0, '.'), '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
		['9c (a form feed flushes)', go(1, 0, '.'), '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
		['10b', go(5, 0, '.'), '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
		[
			'12a',
			go(8, 1, ' ', {alignRight: true}),
			'a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n',
			'       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n',
		],
		['12b', go(2, 0, ' '), 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
		[
			'13b (column blocks)',
			go(4, 3, '.'),
			'4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
			'4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
		],
	])('%s', (_name, write, src, want) => {
		expect(write(src)).toBe(want);
	});
});

describe('tabwriter beyond the Go cases, and the CLI table (minwidth 10, padding 3, spaces)', () => {
	it('pads every column but the last to its widest cell plus 3, at least 10', () => {
		expect(
			table([
				['DRIVER', 'VOLUME NAME'],
				['local', 'a-rather-long-name'],
			]),
		).toBe('DRIVER    VOLUME NAME\nlocal     a-rather-long-name\n');
	});
	it('a cell holding a newline starts a new line that ends the column block, as Go does', () => {
		expect(
			table([
				['NAME', 'X'],
				['a\nbb', 'y'],
			]),
		).toBe('NAME      X\na\nbb        y\n');
	});
	it('widths count code points ("all Unicode code points have the same width", says the package doc)', () => {
		expect(go(8, 1, '.')('本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n')).toBe('本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n');
	});
	it('a line of 100,000 cells does not overflow the stack', () => {
		const out = tabwrite('x\t'.repeat(100_000) + '\n', {minwidth: 1, padding: 0, padchar: ' '});
		expect(out).toBe('x'.repeat(100_000) + '\n');
	});
});
