/**
 * Runs parsed scripts against a filesystem. The same interpreter plays the learner's bash on the host
 * and busybox `sh` inside containers; `Shell.flavor` picks whose messages are printed.
 */
import {FsError, type FsApi} from '../fsapi.js';
import {normalizePath} from '../path.js';
import {parseScript, SyntaxError, type Script, type SimpleCommand, type Word} from './syntax.js';

export type Stream = 'stdout' | 'stderr';

export interface Proc {
	argv: string[];
	env: Record<string, string>;
	stdin: string;
	/** True when stdout is the terminal (not a pipe or a file). */
	stdoutIsTty: boolean;
	out(text: string): void;
	err(text: string): void;
	shell: Shell;
}

/** A program: returns its exit status. Throws ExitSignal/BlockSignal to end the shell or block. */
export type Program = (proc: Proc) => number;

export type Lookup = {kind: 'program'; program: Program} | {kind: 'script'; source: string} | {kind: 'not-found'} | {kind: 'denied'};

export interface Shell {
	flavor: 'bash' | 'busybox';
	/** Prefix of the shell's own messages: `bash`, `sh` or `/bin/sh`. */
	name: string;
	fs: FsApi;
	cwd: string;
	vars: Record<string, string>;
	/** Names exported to programs' environments. */
	exported: Set<string>;
	positional: string[];
	lastStatus: number;
	/** Terminal width for programs that lay out columns. */
	columns: number;
	/** Whether this shell's stdout is a terminal. */
	tty: boolean;
	random(): number;
	find(name: string, shell: Shell): Lookup;
	/** Extra data for programs (the world, the container): never read by the interpreter. */
	context: unknown;
	/** Status of the last command substitution while a command's words are expanded. */
	substitutionStatus?: number;
}

/** Thrown by `exit`; a control-flow signal, so no Error (and no stack trace). */
export class ExitSignal {
	constructor(readonly status: number) {}
}

/** Thrown by a long-running program (a server, `sleep` in a detached container) to keep running. */
export class BlockSignal {
	constructor(readonly program: string) {}
}

interface Io {
	stdin: string;
	stdoutIsTty: boolean;
	out(text: string): void;
	err(text: string): void;
}

export function shellError(shell: Shell, message: string): string {
	return `${shell.name}: ${message}\n`;
}

function errnoText(error: unknown): string {
	return error instanceof FsError ? error.message : String(error);
}

const parsed = new Map<string, Script>();

/** Scripts repeat (every container of an image runs the same one): parse each text once. */
function parseCached(source: string): Script {
	let script = parsed.get(source);
	if (!script) {
		script = parseScript(source);
		if (parsed.size > 2000) parsed.clear();
		parsed.set(source, script);
	}
	return script;
}

/** Parses and runs one line (or script); syntax errors are reported the shell's way. */
export function runSource(shell: Shell, source: string, io: Io): number {
	let script: Script;
	try {
		script = parseCached(source);
	} catch (error) {
		if (!(error instanceof SyntaxError)) throw error;
		io.err(shellError(shell, shell.flavor === 'bash' ? error.message : error.message.replace(/^syntax error near unexpected token `(.*)'$/, 'syntax error: unexpected "$1"')));
		shell.lastStatus = 2;
		return 2;
	}
	return runScript(shell, script, io);
}

export function runScript(shell: Shell, script: Script, io: Io): number {
	let status = shell.lastStatus;
	for (const andOr of script) {
		status = runPipeline(shell, andOr.first, io);
		for (const {op, pipeline} of andOr.rest) {
			if ((op === '&&' && status === 0) || (op === '||' && status !== 0)) status = runPipeline(shell, pipeline, io);
		}
		shell.lastStatus = status;
	}
	return status;
}

function runPipeline(shell: Shell, pipeline: {negate: boolean; commands: SimpleCommand[]}, io: Io): number {
	let stdin = io.stdin;
	let status = 0;
	pipeline.commands.forEach((command, index) => {
		const last = index === pipeline.commands.length - 1;
		if (last) {
			status = runCommand(shell, command, {...io, stdin});
			return;
		}
		let captured = '';
		status = runCommand(shell, command, {stdin, stdoutIsTty: false, out: text => (captured += text), err: io.err});
		stdin = captured;
	});
	status = pipeline.negate ? (status === 0 ? 1 : 0) : status;
	shell.lastStatus = status;
	return status;
}

// ---------------------------------------------------------------- expansion

interface Field {
	text: string;
	/** Parallel to text: true where a character came from an unquoted literal (may glob). */
	globbable: boolean[];
}

function variable(shell: Shell, name: string): string | undefined {
	if (name === '?') return String(shell.lastStatus);
	if (name === 'RANDOM') return String(shell.random());
	if (name === 'PWD') return shell.vars.PWD ?? shell.cwd;
	if (name === '#') return String(Math.max(0, shell.positional.length - 1));
	if (name === '@' || name === '*') return shell.positional.slice(1).join(' ');
	if (name === '$') return '1';
	if (/^[0-9]+$/.test(name)) return shell.positional[Number(name)];
	return shell.vars[name];
}

function commandSubstitution(shell: Shell, source: string, io: Io): string {
	let captured = '';
	const saved = shell.lastStatus;
	shell.substitutionStatus = runSource(shell, source, {stdin: '', stdoutIsTty: false, out: text => (captured += text), err: io.err});
	shell.lastStatus = saved;
	return captured.replace(/\n+$/, '');
}

function expandPartValue(shell: Shell, part: Word[number], io: Io): string {
	if (part.t === 'lit') return part.v;
	if (part.t === 'cmd') return commandSubstitution(shell, part.source, io);
	const value = variable(shell, part.name);
	const arg = () =>
		expandWord(shell, part.arg ?? [], io, false)
			.map(field => field.text)
			.join(' ');
	switch (part.op) {
		case '#':
			return String((value ?? '').length);
		case ':-':
			return value === undefined || value === '' ? arg() : value;
		case '-':
			return value === undefined ? arg() : value;
		case ':=': {
			if (value === undefined || value === '') {
				const assigned = arg();
				shell.vars[part.name] = assigned;
				return assigned;
			}
			return value;
		}
		case ':+':
			return value === undefined || value === '' ? '' : arg();
		default:
			return value ?? '';
	}
}

/** Expands a word into fields: quoted parts stay whole, unquoted expansions split on blanks. */
function expandWord(shell: Shell, word: Word, io: Io, split = true): Field[] {
	const fields: Field[] = [];
	let current: Field | undefined;
	const append = (text: string, globbable: boolean) => {
		current ??= {text: '', globbable: []};
		current.text += text;
		for (let i = 0; i < text.length; i++) current.globbable.push(globbable);
	};
	for (const part of word) {
		const value = expandPartValue(shell, part, io);
		if (part.t === 'lit') {
			append(value, !part.quoted);
			continue;
		}
		if (part.quoted || !split) {
			append(value, false);
			continue;
		}
		const pieces = value.split(/[ \t\n]+/);
		pieces.forEach((piece, index) => {
			if (index > 0 && current) {
				fields.push(current);
				current = undefined;
			}
			if (piece !== '') append(piece, false);
		});
	}
	const quotedEmpty = word.some(part => part.quoted);
	if (current) fields.push(current);
	else if (quotedEmpty && fields.length === 0) fields.push({text: '', globbable: []});
	return fields;
}

function hasGlob(field: Field): boolean {
	for (let i = 0; i < field.text.length; i++) {
		if (field.globbable[i] && '*?['.includes(field.text[i]!)) return true;
	}
	return false;
}

function globToRegExp(segment: string, globbable: boolean[]): RegExp {
	let source = '';
	for (let i = 0; i < segment.length; i++) {
		const ch = segment[i]!;
		if (globbable[i] && ch === '*') source += '[^/]*';
		else if (globbable[i] && ch === '?') source += '[^/]';
		else if (globbable[i] && ch === '[') {
			const end = segment.indexOf(']', i + 1);
			if (end > i) {
				source +=
					'[' +
					segment
						.slice(i + 1, end)
						.replace(/^!/, '^')
						.replace(/\\/g, '\\\\') +
					']';
				i = end;
			} else source += '\\[';
		} else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	return new RegExp('^' + source + '$');
}

/** Pathname expansion, one path segment at a time; no match keeps the word as written. */
function glob(shell: Shell, field: Field): string[] {
	const absolute = field.text.startsWith('/');
	const segments: Array<{text: string; globbable: boolean[]}> = [];
	let offset = 0;
	for (const segment of field.text.split('/')) {
		segments.push({text: segment, globbable: field.globbable.slice(offset, offset + segment.length)});
		offset += segment.length + 1;
	}
	let candidates = [absolute ? '/' : ''];
	for (const segment of segments) {
		if (segment.text === '') continue;
		const isPattern = segment.globbable.some((g, i) => g && '*?['.includes(segment.text[i]!));
		const next: string[] = [];
		for (const base of candidates) {
			if (!isPattern) {
				next.push(base === '' ? segment.text : base === '/' ? '/' + segment.text : base + '/' + segment.text);
				continue;
			}
			const dir = base === '' ? shell.cwd : normalizePath(base, shell.cwd);
			let names: string[] = [];
			try {
				names = shell.fs.list(dir);
			} catch {
				continue;
			}
			const pattern = globToRegExp(segment.text, segment.globbable);
			for (const name of names) {
				if (name.startsWith('.') && !segment.text.startsWith('.')) continue;
				if (pattern.test(name)) next.push(base === '' ? name : base === '/' ? '/' + name : base + '/' + name);
			}
		}
		candidates = next;
	}
	return candidates.length > 0 ? candidates : [field.text];
}

function expandWords(shell: Shell, words: Word[], io: Io): string[] {
	const argv: string[] = [];
	for (const word of words) {
		for (const field of expandWord(shell, tildeExpand(shell, word), io)) {
			if (hasGlob(field)) argv.push(...glob(shell, field));
			else argv.push(field.text);
		}
	}
	return argv;
}

function tildeExpand(shell: Shell, word: Word): Word {
	const first = word[0];
	if (first?.t === 'lit' && !first.quoted && (first.v === '~' || first.v.startsWith('~/'))) {
		return [{t: 'lit', v: (shell.vars.HOME ?? '/root') + first.v.slice(1), quoted: true}, ...word.slice(1)];
	}
	return word;
}

// ---------------------------------------------------------------- commands

export function environment(shell: Shell, extra: Record<string, string> = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const name of shell.exported) {
		const value = shell.vars[name];
		if (value !== undefined) env[name] = value;
	}
	return {...env, ...extra};
}

interface Sink {
	out(text: string): void;
	err(text: string): void;
	stdoutIsTty: boolean;
	/** Writes what went to redirected files; the error of a write that failed (a full disk). */
	finish(): FsError | undefined;
}

/** Applies redirections; returns undefined (after reporting) when one cannot be opened. */
function openRedirects(shell: Shell, command: SimpleCommand, io: Io): (Sink & {stdin: string}) | undefined {
	let out = io.out;
	let err = io.err;
	let stdoutIsTty = io.stdoutIsTty;
	let stdin = io.stdin;
	const pending: Array<() => void> = [];
	for (const redirect of command.redirects) {
		const target = expandWords(shell, [redirect.target], io)[0] ?? '';
		if (redirect.op === '>&') {
			if (redirect.fd === 2 && target === '1') err = out;
			else if (redirect.fd === 1 && target === '2') out = err;
			continue;
		}
		if (target === '/dev/null') {
			if (redirect.fd === 1) out = () => {};
			if (redirect.fd === 2) err = () => {};
			if (redirect.fd === 0) stdin = '';
			continue;
		}
		const path = normalizePath(target, shell.cwd);
		if (redirect.op === '<') {
			try {
				stdin = shell.fs.read(path);
			} catch (error) {
				io.err(shellError(shell, shell.flavor === 'bash' ? `${target}: ${errnoText(error)}` : `can't open ${target}: no such file`));
				return undefined;
			}
			continue;
		}
		try {
			shell.fs.write(path, '', {append: redirect.op === '>>'});
		} catch (error) {
			const code = error instanceof FsError ? error.code : undefined;
			const text =
				shell.flavor === 'bash'
					? `${target}: ${errnoText(error)}`
					: `can't create ${target}: ${code === 'ENOENT' || code === 'ENOTDIR' ? 'nonexistent directory' : errnoText(error)}`;
			io.err(shellError(shell, text));
			return undefined;
		}
		let buffer = '';
		const write = (text: string) => (buffer += text);
		if (redirect.fd === 1) {
			out = write;
			stdoutIsTty = false;
		} else if (redirect.fd === 2) err = write;
		pending.push(() => {
			if (buffer) shell.fs.write(path, buffer, {append: true});
		});
	}
	const finish = (): FsError | undefined => {
		let failed: FsError | undefined;
		for (const flush of pending) {
			try {
				flush();
			} catch (error) {
				if (!(error instanceof FsError)) throw error;
				failed ??= error;
			}
		}
		return failed;
	};
	return {out, err, stdoutIsTty, stdin, finish};
}

function runCommand(shell: Shell, command: SimpleCommand, io: Io): number {
	shell.substitutionStatus = undefined;
	const argv = expandWords(shell, command.words, io);
	const assignments: Record<string, string> = {};
	for (const {name, value} of command.assigns) {
		assignments[name] = expandWord(shell, value, io, false)
			.map(field => field.text)
			.join('');
	}
	const substitutionStatus = shell.substitutionStatus ?? 0;
	const sink = openRedirects(shell, command, io);
	if (!sink) return 1;
	let status: number;
	try {
		if (argv.length === 0) {
			Object.assign(shell.vars, assignments);
			status = substitutionStatus;
		} else status = execute(shell, argv, assignments, sink);
	} catch (error) {
		sink.finish();
		throw error;
	}
	const failed = sink.finish();
	if (!failed) return status;
	// What the program says when its output cannot be written (a full disk): `cat: write error: …`;
	// a builtin's comes from the shell (`bash: echo: write error: …`, busybox `sh: write error: …`).
	const name = argv[0] ?? '';
	const builtin = Object.hasOwn(BUILTINS, name);
	const text = `write error: ${failed.message}`;
	if (!builtin) io.err(`${name}: ${text}\n`);
	else io.err(shellError(shell, shell.flavor === 'bash' ? `${name}: ${text}` : text));
	return 1;
}

function execute(shell: Shell, argv: string[], assignments: Record<string, string>, io: Sink & {stdin: string}): number {
	const name = argv[0]!;
	const builtin = Object.hasOwn(BUILTINS, name) ? BUILTINS[name] : undefined;
	const proc: Proc = {
		argv,
		env: environment(shell, assignments),
		stdin: io.stdin,
		stdoutIsTty: io.stdoutIsTty,
		out: io.out,
		err: io.err,
		shell,
	};
	if (builtin) return builtin(proc);
	const found = shell.find(name, shell);
	switch (found.kind) {
		case 'program':
			return found.program(proc);
		case 'script':
			return runScriptFile(shell, found.source, argv, proc);
		case 'denied':
			io.err(shellError(shell, `${name}: Permission denied`));
			return 126;
		default:
			io.err(shellError(shell, shell.flavor === 'bash' ? `${name}: command not found` : `${name}: not found`));
			return 127;
	}
}

/** Runs a `#!/bin/sh` script in a child shell that shares the filesystem, not the variables. */
function runScriptFile(shell: Shell, source: string, argv: string[], proc: Proc): number {
	const child: Shell = {
		...shell,
		name: argv[0]!,
		vars: {...proc.env},
		exported: new Set(Object.keys(proc.env)),
		positional: argv,
		lastStatus: 0,
	};
	try {
		return runSource(child, source.replace(/^#![^\n]*\n?/, ''), proc);
	} catch (error) {
		if (error instanceof ExitSignal) return error.status;
		throw error;
	}
}

// ---------------------------------------------------------------- builtins

const BUILTINS: Record<string, Program> = {
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
