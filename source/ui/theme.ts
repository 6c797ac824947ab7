/**
 * Semantic tones → Ink text props. With colours off (--no-color, NO_COLOR) only bold, italic,
 * underline, strikethrough, inverse and faint remain, so nothing depends on colour alone: every
 * change also has a sign (+ ~ −) and every state a word.
 */
import type {Segment, Tone} from './rows.js';

export interface TextStyle {
	color?: string;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
	strikethrough?: boolean;
	inverse?: boolean;
	dimColor?: boolean;
}

const COLORS: Record<Tone, TextStyle> = {
	plain: {},
	dim: {dimColor: true},
	title: {color: 'cyan', bold: true},
	heading: {color: 'cyan', bold: true},
	accent: {color: 'cyan'},
	code: {color: 'yellow'},
	key: {color: 'cyan', bold: true},
	ok: {color: 'green'},
	fail: {color: 'red'},
	warn: {color: 'yellow'},
	added: {color: 'green'},
	changed: {color: 'yellow'},
	removed: {color: 'red'},
	running: {color: 'green'},
	exited: {color: 'gray'},
	created: {color: 'blue'},
	prompt: {color: 'green', bold: true},
	stderr: {color: 'red'},
	image: {color: 'blue'},
	rw: {color: 'magenta'},
	init: {color: 'gray'},
	volume: {color: 'cyan'},
	bind: {color: 'yellow'},
};

/** What stays of a tone without colour. */
const PLAIN: Partial<Record<Tone, TextStyle>> = {
	dim: {dimColor: true},
	title: {bold: true},
	heading: {bold: true},
	key: {bold: true},
	prompt: {bold: true},
	exited: {dimColor: true},
	init: {dimColor: true},
};

export interface Theme {
	color: boolean;
	/** A segment's text props: one object per tone and style (shared: never change it). */
	style(segment: Segment): Readonly<TextStyle>;
	/** Border colour of a pane (focused or not). */
	border(focused: boolean): TextStyle;
}

export function makeTheme(color: boolean): Theme {
	const styles = new Map<string, TextStyle>();
	return {
		color,
		style(segment) {
			const key = `${segment.tone ?? ''}|${segment.bold ? 'b' : ''}${segment.italic ? 'i' : ''}${segment.underline ? 'u' : ''}${segment.strike ? 's' : ''}${segment.inverse ? 'v' : ''}`;
			let style = styles.get(key);
			if (style !== undefined) return style;
			const base = segment.tone ? (color ? COLORS[segment.tone] : (PLAIN[segment.tone] ?? {})) : {};
			style = {...base};
			if (segment.bold) style.bold = true;
			if (segment.italic) style.italic = true;
			if (segment.underline) style.underline = true;
			if (segment.strike) style.strikethrough = true;
			if (segment.inverse) style.inverse = true;
			styles.set(key, style);
			return style;
		},
		border(focused) {
			if (!color) return focused ? {bold: true} : {dimColor: true};
			return focused ? {color: 'cyan', bold: true} : {color: 'gray'};
		},
	};
}

/** NO_COLOR (any non-empty value, no-color.org) or --no-color turns colours off. */
export function colorEnabled(flag: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
	if (flag === false) return false;
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
	return true;
}
