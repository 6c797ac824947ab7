/** Headless mode: a transcript of command lines, as a terminal would show them. */
import {type World, isIncomplete} from '../engine/index.js';
import {promptText, runLine, type TerminalOptions, isKeyLine} from '../host/index.js';
import {terminalSafe} from '../text/safe.js';

/** Lines that are commands: not blank, not comments. */
export function commandLines(text: string): string[] {
	return text.split(/\r?\n/).filter(line => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

/** Bytes decoded at a time by scriptLines. */
const BLOCK_BYTES = 64 * 1024;

/**
 * commandLines of UTF-8 bytes, decoded a block at a time as they are taken: a long script is never
 * one string, nor one array of lines, on the heap. Each block ends just after a newline byte, so no
 * line is cut; a newline byte is never part of a multi-byte sequence (an incomplete one before it
 * decodes to U+FFFD either way), so the blocks decode to the same text as the whole, and the empty
 * line each block's split leaves at its end is dropped as any blank line is.
 */
export function* scriptLines(bytes: Buffer, blockBytes = BLOCK_BYTES): Generator<string, void, undefined> {
	for (let start = 0; start < bytes.length;) {
		const from = start + blockBytes - 1;
		const newline = from < bytes.length ? bytes.indexOf(0x0a, from) : -1;
		const end = newline < 0 ? bytes.length : newline + 1;
		yield* commandLines(bytes.toString('utf8', start, end));
		start = end;
	}
}

/**
 * Runs each line and writes `$ <line>` and its output, in order, through `write`. Control characters
 * (escape sequences included) are shown as placeholders, never sent to the terminal.
 */
export function runScript(world: World, lines: string[], write: (text: string) => void, terminal?: TerminalOptions): void {
	for (const group of scriptGroups(lines)) runGroup(world, group, write, terminal);
}

/**
 * The lines grouped into what runs at once: a line that more lines complete (a here-document, a loop
 * over several lines) reads on, as bash does after its `> ` prompt. Lazy, one line ahead of the group
 * it yields, so a long script is never held as groups (nor as lines, when they come lazily too).
 */
export function* scriptGroups(lines: Iterable<string>): Generator<string[], void, undefined> {
	const source = lines[Symbol.iterator]();
	let next = source.next();
	while (!next.done) {
		const group = [next.value];
		next = source.next();
		// A line of keys (`<C-c>`, `<C-p><C-q>`) is pressed, not typed: it never reads on.
		while (!next.done && !isKeyLine(group[0]!) && isIncomplete(group.join('\n'))) {
			group.push(next.value);
			next = source.next();
		}
		yield group;
	}
}

/** Runs one group of lines: `$ <line>`, then its output. */
export function runGroup(world: World, group: string[], write: (text: string) => void, terminal?: TerminalOptions): void {
	// In a container's shell (`docker run -it … sh`) the lines go to it, after its own prompt.
	const prompt = world.host.session ? promptText(world) : '$ ';
	// A line of keys is pressed, not typed: the terminal shows only what they make.
	const first = isKeyLine(group[0]!) ? prompt : `${prompt}${group[0]}\n`;
	write(
		terminalSafe(
			first +
				group
					.slice(1)
					.map(line => `> ${line}\n`)
					.join(''),
		),
	);
	const result = runLine(world, group.join('\n'), terminal);
	for (const chunk of result.output) write(terminalSafe(chunk.text));
}

/** The whole transcript as one string (tests and `check`). */
export function transcript(world: World, lines: string[], terminal?: TerminalOptions): string {
	let text = '';
	runScript(world, lines, chunk => (text += chunk), terminal);
	return text;
}
