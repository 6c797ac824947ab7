/**
 * Terminal cell widths: East Asian wide characters (Hangul, CJK, fullwidth forms, most emoji) take
 * two cells, combining marks none. Enough for the lessons' English and Korean text; Ink does its own
 * measuring when it draws, these keep our wrapping and truncation in step with it.
 */

function isWide(code: number): boolean {
	return (
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0x303e) ||
		(code >= 0x3041 && code <= 0x33ff) ||
		(code >= 0x3400 && code <= 0x4dbf) ||
		(code >= 0x4e00 && code <= 0x9fff) ||
		(code >= 0xa000 && code <= 0xa4cf) ||
		(code >= 0xa960 && code <= 0xa97f) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		(code >= 0x1f300 && code <= 0x1f64f) ||
		(code >= 0x1f900 && code <= 0x1f9ff) ||
		(code >= 0x20000 && code <= 0x3fffd)
	);
}

function isZeroWidth(code: number): boolean {
	return (code >= 0x0300 && code <= 0x036f) || (code >= 0x1160 && code <= 0x11ff) || (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d;
}

export function charWidth(char: string): number {
	const code = char.codePointAt(0) ?? 0;
	if (code < 0x7f) return code < 0x20 ? 0 : 1;
	if (isZeroWidth(code)) return 0;
	return isWide(code) ? 2 : 1;
}

const ASCII = /^[\x20-\x7e]*$/;

/** Cells `text` takes on a terminal. */
export function textWidth(text: string): number {
	if (ASCII.test(text)) return text.length;
	let width = 0;
	for (const char of text) width += charWidth(char);
	return width;
}

/** At most `width` cells of `text`, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const char of text) {
		const w = charWidth(char);
		if (used + w > width - 1) break;
		out += char;
		used += w;
	}
	return out + '…';
}

/** Keeps the end of `text` (for paths): `…/random/number.txt`. */
export function truncateStart(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	const chars = [...text];
	let out = '';
	let used = 0;
	for (let i = chars.length - 1; i >= 0; i--) {
		const w = charWidth(chars[i]!);
		if (used + w > width - 1) break;
		out = chars[i]! + out;
		used += w;
	}
	return '…' + out;
}

/** `text` cut or padded with spaces to exactly `width` cells. */
export function fit(text: string, width: number): string {
	const cut = truncate(text, width);
	return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/** Splits `text` into pieces of at most `width` cells (hard wrap, for long words and output lines). */
export function hardWrap(text: string, width: number): string[] {
	if (width <= 0) return [text];
	if (textWidth(text) <= width) return [text];
	const pieces: string[] = [];
	let current = '';
	let used = 0;
	for (const char of text) {
		const w = charWidth(char);
		if (used + w > width && current !== '') {
			pieces.push(current);
			current = '';
			used = 0;
		}
		current += char;
		used += w;
	}
	if (current !== '' || pieces.length === 0) pieces.push(current);
	return pieces;
}
