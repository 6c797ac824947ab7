/** Headless mode: a transcript of command lines, as a terminal would show them. */
import type {World} from '../engine/world.js';
import {runLine, type TerminalOptions} from '../host/index.js';
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
	for (const line of lines) {
		write(terminalSafe(`$ ${line}\n`));
		const result = runLine(world, line, terminal);
		for (const chunk of result.output) write(terminalSafe(chunk.text));
	}
}

/** The whole transcript as one string (tests and `check`). */
export function transcript(world: World, lines: string[], terminal?: TerminalOptions): string {
	let text = '';
	runScript(world, lines, chunk => (text += chunk), terminal);
	return text;
}
