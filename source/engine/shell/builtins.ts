/**
 * The shell's builtins, shared by bash on the host and busybox sh in containers (each prints its
 * own shell's messages). Declared in the programs registry (engine/userland/registry.ts).
 */
import {FsError} from '../fsapi.js';
import {normalizePath} from '../path.js';
import {errnoText, ExitSignal, shellError, type Proc, type Program} from './interpreter.js';

export const BUILTINS: Record<string, Program> = {
	cd(proc) {
		const {shell} = proc;
		const target = proc.argv[1] ?? shell.vars.HOME ?? '/';
		const destination = target === '-' ? (shell.vars.OLDPWD ?? shell.cwd) : target;
		const path = normalizePath(destination, shell.cwd);
		try {
			const dir = shell.fs.stat(path);
			if (dir.entry.kind !== 'dir') throw new FsError('ENOTDIR');
		} catch (error) {
			proc.err(shellError(shell, shell.flavor === 'bash' ? `cd: ${target}: ${errnoText(error)}` : `cd: can't cd to ${target}: ${errnoText(error)}`));
			return shell.flavor === 'bash' ? 1 : 2;
		}
		shell.vars.OLDPWD = shell.cwd;
		shell.cwd = path;
		shell.vars.PWD = path;
		if (target === '-') proc.out(path + '\n');
		return 0;
	},
	pwd(proc) {
		proc.out(proc.shell.cwd + '\n');
		return 0;
	},
	echo(proc) {
		let args = proc.argv.slice(1);
		let newline = true;
		let escapes = false;
		while (args[0] && /^-[neE]+$/.test(args[0])) {
			if (args[0].includes('n')) newline = false;
			if (args[0].includes('e')) escapes = true;
			args = args.slice(1);
		}
		let text = args.join(' ');
		if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
		proc.out(text + (newline ? '\n' : ''));
		return 0;
	},
	export(proc) {
		for (const arg of proc.argv.slice(1)) {
			const index = arg.indexOf('=');
			const name = index < 0 ? arg : arg.slice(0, index);
			if (index >= 0) proc.shell.vars[name] = arg.slice(index + 1);
			proc.shell.exported.add(name);
		}
		return 0;
	},
	unset(proc) {
		for (const name of proc.argv.slice(1)) {
			delete proc.shell.vars[name];
			proc.shell.exported.delete(name);
		}
		return 0;
	},
	exit(proc) {
		throw new ExitSignal(proc.argv[1] === undefined ? proc.shell.lastStatus : Number(proc.argv[1]) & 255);
	},
	true: () => 0,
	false: () => 1,
	':': () => 0,
	test: proc => testBuiltin(proc, proc.argv.slice(1)),
	'[': proc => {
		if (proc.argv.at(-1) !== ']') {
			proc.err(shellError(proc.shell, "[: missing `]'"));
			return 2;
		}
		return testBuiltin(proc, proc.argv.slice(1, -1));
	},
};

function testBuiltin(proc: Proc, args: string[]): number {
	const {shell} = proc;
	const statOf = (path: string) => {
		try {
			return shell.fs.stat(normalizePath(path, shell.cwd)).entry;
		} catch {
			return undefined;
		}
	};
	const evaluate = (a: string[]): boolean => {
		if (a[0] === '!') return !evaluate(a.slice(1));
		if (a.length === 0) return false;
		if (a.length === 1) return a[0] !== '';
		if (a.length === 2) {
			const [op, value] = a as [string, string];
			if (op === '-z') return value === '';
			if (op === '-n') return value !== '';
			if (op === '-e') return statOf(value) !== undefined;
			if (op === '-f') return statOf(value)?.kind === 'file';
			if (op === '-d') return statOf(value)?.kind === 'dir';
			if (op === '-r' || op === '-w' || op === '-x' || op === '-s') return statOf(value) !== undefined;
			return false;
		}
		const [left, op, right] = a as [string, string, string];
		if (op === '=' || op === '==') return left === right;
		if (op === '!=') return left !== right;
		const l = Number(left);
		const r = Number(right);
		if (op === '-eq') return l === r;
		if (op === '-ne') return l !== r;
		if (op === '-lt') return l < r;
		if (op === '-le') return l <= r;
		if (op === '-gt') return l > r;
		if (op === '-ge') return l >= r;
		return false;
	};
	return evaluate(args) ? 0 : 1;
}
