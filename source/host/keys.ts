/**
 * Keys a learner presses rather than types, as a line of a script: `<C-c>`, `<C-d>`, `<C-p><C-q>`.
 * The lab sends the same lines for Ctrl+C in a held terminal and for Docker's detach keys.
 */

/** A line made only of control keys. */
export function isKeyLine(line: string): boolean {
	return /^(?:<C-[a-z]>)+$/.test(line.trim());
}

/** The keys of a key line as Docker spells them in `--detach-keys`: `ctrl-p`, `ctrl-q`. */
export function keysOf(line: string): string[] {
	return [...line.trim().matchAll(/<C-([a-z])>/g)].map(match => `ctrl-${match[1]}`);
}

/** A key line for the keys Docker names (`ctrl-p,ctrl-q`). */
export function keyLine(keys: string): string {
	return keys
		.split(',')
		.map(key => `<C-${key.trim().replace(/^ctrl-/, '')}>`)
		.join('');
}

/** Docker's default detach keys. */
export const DETACH_KEYS = 'ctrl-p,ctrl-q';
