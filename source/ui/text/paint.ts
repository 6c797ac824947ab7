/**
 * A text styled the way Ink's `<Text>` styles it: the same chalk (Ink's own instance, so the same
 * colour level) and the same order of styles (dim, colour, bold, italic, underline, strikethrough,
 * inverse). A row drawn as one text of painted segments puts on screen exactly what a `<Text>` per
 * segment did, without a React component and a style closure per segment on every frame.
 */
import chalk, {type ForegroundColorName} from 'chalk';
import type {TextStyle} from '../theme.js';

export function paint(text: string, style: TextStyle): string {
	if (text === '') return text;
	// A text with no escape code and no line break is wrapped by the same codes whatever it says:
	// chalk's work for a style is done once (for a stand-in character) and its two ends kept.
	if (text.includes('\u001B') || text.includes('\n')) return chalkPaint(text, style);
	const key = `${chalk.level}${style.dimColor ? 'd' : ''}${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}${style.underline ? 'u' : ''}${style.strikethrough ? 's' : ''}${style.inverse ? 'v' : ''}|${style.color ?? ''}`;
	let ends = ENDS.get(key);
	if (ends === undefined) {
		const painted = chalkPaint(STAND_IN, style);
		const at = painted.indexOf(STAND_IN);
		ENDS.set(key, (ends = [painted.slice(0, at), painted.slice(at + 1)]));
	}
	return ends[0] + text + ends[1];
}

/** A character no escape code holds. */
const STAND_IN = '\u0000';
/** What chalk puts before and after a text, per style and colour level (a few dozen styles in all). */
const ENDS = new Map<string, readonly [string, string]>();

/** Chalk's calls, one per style, in Ink's order (chalk re-opens a style its inner text closes). */
export function chalkPaint(text: string, style: TextStyle): string {
	if (text === '') return text;
	let out = text;
	if (style.dimColor) out = chalk.dim(out);
	if (style.color) out = color(out, style.color);
	if (style.bold) out = chalk.bold(out);
	if (style.italic) out = chalk.italic(out);
	if (style.underline) out = chalk.underline(out);
	if (style.strikethrough) out = chalk.strikethrough(out);
	if (style.inverse) out = chalk.inverse(out);
	return out;
}

/** Ink's foreground colours: a chalk colour name or `#rrggbb` (the theme uses names). */
function color(text: string, name: string): string {
	if (name.startsWith('#')) return chalk.hex(name)(text);
	const named = chalk[name as ForegroundColorName] as ((text: string) => string) | undefined;
	return typeof named === 'function' ? named(text) : text;
}
