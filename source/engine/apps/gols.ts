import type {Program} from '../shell/interpreter.js';
import {normalizePath} from '../path.js';

/**
 * The bind-mount exercise's Go program: prints the names in `/init` (or its argument), one per line,
 * sorted by name like ioutil.ReadDir; errors are ignored, so a missing directory prints nothing.
 */
export const gols: Program = proc => {
	const root = proc.argv[1] ?? '/init';
	try {
		const names = proc.shell.fs.list(normalizePath(root, proc.shell.cwd));
		proc.out(names.map(name => name + '\n').join(''));
	} catch {
		// ReadDir's error is ignored by the program.
	}
	return 0;
};
