/**
 * `sh` as a program (busybox's ash in containers): `sh -c 'script' [name args…]`, `sh FILE args…`,
 * or a script on stdin; and `#!` scripts run in a child shell that shares the filesystem, not the
 * variables.
 */
import {FsError} from '../fsapi.js';
import {normalizePath} from '../path.js';
import {ExitSignal, nested, runSource, type Proc, type Shell} from '../shell/interpreter.js';

export function childShell(parent: Shell, name: string, env: Record<string, string>): Shell {
	return {
		...parent,
		name,
		vars: {...env},
		exported: new Set(Object.keys(env)),
		positional: [name],
		lastStatus: 0,
		functions: {},
		options: {},
		condition: 0,
		locals: [],
	};
}

function runChild(child: Shell, source: string, proc: Proc): number {
	return nested(child, () => {
		try {
			return runSource(child, source, proc);
		} catch (error) {
			if (error instanceof ExitSignal) return error.status;
			throw error;
		}
	});
}

export function shProgram(proc: Proc): number {
	const args = proc.argv.slice(1);
	const child = childShell(proc.shell, proc.argv[0]!, proc.env);
	let source: string;
	if (args[0] === '-c') {
		if (args[1] === undefined) {
			proc.err(`${proc.argv[0]}: -c requires an argument\n`);
			return 2;
		}
		source = args[1];
		child.positional = [args[2] ?? proc.argv[0]!, ...args.slice(3)];
	} else if (args[0] !== undefined) {
		try {
			source = proc.shell.fs.read(normalizePath(args[0], proc.shell.cwd));
		} catch (error) {
			proc.err(`${proc.argv[0]}: can't open '${args[0]}': ${error instanceof FsError ? error.message : String(error)}\n`);
			return 2;
		}
		child.positional = args;
	} else source = proc.stdin;
	return runChild(child, source, proc);
}

/** Runs the text of a `#!` script with argv as its positional parameters. */
export function runScriptText(proc: Proc, source: string): number {
	const child = childShell(proc.shell, proc.argv[0]!, proc.env);
	child.positional = proc.argv;
	return runChild(child, source.replace(/^#![^\n]*\n?/, ''), proc);
}
