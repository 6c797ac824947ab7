/** Headless mode: a transcript of command lines, as a terminal would show them. */
import {type World, isIncomplete} from '../engine/index.js';
import {promptText, runLine, type TerminalOptions} from '../host/index.js';
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
	for (let index = 0; index < lines.length; index++) {
		// In a container's shell (`docker run -it … sh`) the lines go to it, after its own prompt.
		const prompt = world.host.session ? promptText(world) : '$ ';
		let text = lines[index]!;
		let shown = `${prompt}${text}\n`;
		// A line that more lines complete (a here-document, a loop over several lines) reads on, as
		// bash does after its `> ` prompt.
		while (index + 1 < lines.length && isIncomplete(text)) {
			index++;
			text += '\n' + lines[index];
			shown += `> ${lines[index]}\n`;
		}
		write(terminalSafe(shown));
		const result = runLine(world, text, terminal);
		for (const chunk of result.output) write(terminalSafe(chunk.text));
	}
}

/** The whole transcript as one string (tests and `check`). */
export function transcript(world: World, lines: string[], terminal?: TerminalOptions): string {
	let text = '';
	runScript(world, lines, chunk => (text += chunk), terminal);
	return text;
}
