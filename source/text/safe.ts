/**
 * Text that reaches the terminal only through Ink, and never as a control sequence. Scenario files,
 * typed input and program output may hold escape sequences or other control characters; each one is
 * shown as a visible placeholder (the Unicode "control pictures": ␛ for ESC, ␇ for BEL…) instead.
 */

/** C0 controls, DEL, C1 controls, and the invisible bidi/format characters that can reorder a line. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function placeholder(char: string): string {
	const code = char.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	// C1 controls (CSI 0x9b among them) and invisible format characters.
	return '\ufffd';
}

/** One line of display text: every control character becomes a visible placeholder. */
export function safeText(text: string): string {
	return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, placeholder) : text;
}

/** True when `text` has nothing that needs a placeholder. */
export function isSafe(text: string): boolean {
	return !UNSAFE.test(text);
}

/** Tabs to spaces with 8-column stops, as a terminal shows them. */
export function expandTabs(line: string): string {
	if (!line.includes('\t')) return line;
	let out = '';
	for (const char of line) {
		if (char === '\t') out += ' '.repeat(8 - (out.length % 8));
		else out += char;
	}
	return out;
}

/**
 * Terminal output to display lines: CRLF and LF end lines, a lone CR returns to the start of the
 * line (later text overwrites earlier), tabs expand, and what is left unsafe gets placeholders.
 */
export function outputLines(text: string): string[] {
	const lines = text.split('\n');
	if (lines.length > 1 && lines.at(-1) === '') lines.pop();
	return lines.map(line => {
		let current = line.endsWith('\r') ? line.slice(0, -1) : line;
		if (current.includes('\r')) {
			let cells: string[] = [];
			for (const part of current.split('\r')) {
				const chars = [...part];
				cells = [...chars, ...cells.slice(chars.length)];
			}
			current = cells.join('');
		}
		return safeText(expandTabs(current));
	});
}

/**
 * Text for a real terminal (the headless transcript): newlines and tabs stay, `\r\n` becomes `\n`,
 * and every other control character becomes a placeholder, so nothing a learner types or a scenario
 * stores can move the cursor, change colours or retitle the window.
 */
export function terminalSafe(text: string): string {
	if (isSafe(text.replace(/[\n\t]/g, ''))) return text;
	return text
		.replace(/\r\n/g, '\n')
		.split('\n')
		.map(line => line.split('\t').map(safeText).join('\t'))
		.join('\n');
}
