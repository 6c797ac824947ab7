/** Headless mode: a transcript of command lines, as a terminal would show them. */
import {type World, isIncomplete} from '../engine/index.js';
import {promptText, runLine, type TerminalOptions, isKeyLine} from '../host/index.js';
import {terminalSafe} from '../text/safe.js';

/** Lines that are commands: not blank, not comments. */
export function commandLines(text: string): string[] {
	return text.split(/\r?\n/).filter(line => line.trim() !== '' && !line.trimStart().startsWith('#'));
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
 * over several lines) reads on, as bash does after its `> ` prompt.
 */
export function scriptGroups(lines: string[]): string[][] {
	const groups: string[][] = [];
	for (let index = 0; index < lines.length; index++) {
		const group = [lines[index]!];
		// A line of keys (`<C-c>`, `<C-p><C-q>`) is pressed, not typed: it never reads on.
		while (index + 1 < lines.length && !isKeyLine(group[0]!) && isIncomplete(group.join('\n'))) group.push(lines[++index]!);
		groups.push(group);
	}
	return groups;
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
