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
