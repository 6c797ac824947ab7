/**
 * Runs parsed scripts against a filesystem. The same interpreter plays the learner's bash on the host
 * and busybox `sh` inside containers; `Shell.flavor` picks whose messages are printed.
 */
import {FsError, MAX_FILE_SIZE, type FsApi} from '../fsapi.js';
import {normalizePath} from '../path.js';
import {spend, spendBytes} from '../budget.js';
import {lexArithmetic, parseScript, SyntaxError, type Command, type Pipeline, type Redirect, type Script, type SimpleCommand, type Word} from './syntax.js';
import {ArithError, evaluateArithmetic} from './arith.js';
import {braceExpand} from './brace.js';

export interface Proc {
	argv: string[];
	env: Record<string, string>;
	/** Everything left on standard input (reading it consumes it). */
	readonly stdin: string;
	/** Reads one line of standard input (without its newline); undefined at end of input. */
	readLine(): string | undefined;
	/** The same process with other arguments (`busybox APPLET …` runs APPLET with the rest), optionally another environment. */
	withArgv(argv: string[], env?: Record<string, string>): Proc;
	/** True when stdout is the terminal (not a pipe or a file). */
	stdoutIsTty: boolean;
	out(text: string): void;
	err(text: string): void;
	shell: Shell;
}

/** A program: returns its exit status. Throws ExitSignal/BlockSignal to end the shell or block. */
export type Program = (proc: Proc) => number;

export type Lookup = {kind: 'builtin'; program: Program} | {kind: 'program'; program: Program} | {kind: 'script'; source: string} | {kind: 'not-found'} | {kind: 'denied'};

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
	/** Functions by name, as the text of their definitions (the host keeps them between lines). */
	functions: Record<string, string>;
	options: ShellOptions;
	/** How deep functions, `source` and scripts are nested (bounded: see NestingExceeded). */
	depth?: number;
	/** Inside an `if`/`while` condition or a `&&`/`||`/`!` operand, where `set -e` does not apply. */
	condition?: number;
	/** Saved values of `local` variables, one frame per running function. */
	locals?: Array<Record<string, string | undefined>>;
}

export interface ShellOptions {
	/** `set -e` */
	errexit?: boolean;
	/** `set -u` */
	nounset?: boolean;
}

/** Thrown by `exit`; a control-flow signal, so no Error (and no stack trace). */
export class ExitSignal {
	constructor(readonly status: number) {}
}

/** Thrown by a long-running program (a server, `sleep` in a detached container) to keep running. */
export class BlockSignal {
	constructor(readonly program: string) {}
}

/** `break N`, `continue N` and `return`: control flow, not errors. */
export class LoopSignal {
	constructor(
		readonly kind: 'break' | 'continue',
		public levels: number,
	) {}
}

export class ReturnSignal {
	constructor(readonly status: number) {}
}

/** Functions, `source` and scripts nested deeper than the lab allows (one that calls itself). */
export class NestingExceeded extends Error {
	constructor(readonly limit: number) {
		super(`stopped: functions or scripts nested more than ${limit} deep (one calls itself?)`);
		this.name = 'NestingExceeded';
	}
}

export const MAX_DEPTH = 100;

/** An error found while expanding a command's words: reported, and the command fails. */
class ExpansionError {
	constructor(
		readonly message: string,
		readonly status = 1,
	) {}
}

/** Standard input, shared by the commands that read it in turn (`while read line; do …; done < f`). */
interface Input {
	text: string;
	pos: number;
}

/** What the caller of runSource gives: its standard input as text and where output goes. */
export interface IoIn {
	stdin: string;
	stdoutIsTty: boolean;
	out(text: string): void;
	err(text: string): void;
}

interface Io {
	input: Input;
	stdoutIsTty: boolean;
	out(text: string): void;
	err(text: string): void;
}

function takeAll(input: Input): string {
	const rest = input.pos === 0 ? input.text : input.text.slice(input.pos);
	input.pos = input.text.length;
	return rest;
}

function takeLine(input: Input): string | undefined {
	if (input.pos >= input.text.length) return undefined;
	const end = input.text.indexOf('\n', input.pos);
	const line = input.text.slice(input.pos, end < 0 ? input.text.length : end);
	input.pos = end < 0 ? input.text.length : end + 1;
	return line;
}

function withInput(io: IoIn): Io {
	return {input: {text: io.stdin, pos: 0}, stdoutIsTty: io.stdoutIsTty, out: io.out, err: io.err};
}

export function shellError(shell: Shell, message: string): string {
	return `${shell.name}: ${message}\n`;
}

export function errnoText(error: unknown): string {
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
export function runSource(shell: Shell, source: string, io: IoIn): number {
	try {
		return runText(shell, source, withInput(io));
	} catch (error) {
		// `break` outside a loop, `return` outside a function: the rest of the text is skipped.
		if (error instanceof LoopSignal) return 0;
		if (error instanceof ExpansionError) {
			// An expansion error (`$((1/0))`, `set -u`) abandons the rest of the line, as in bash.
			io.err(error.message);
			shell.lastStatus = error.status;
			return error.status;
		}
		if (error instanceof ReturnSignal && !shell.locals?.length) return error.status;
		throw error;
	}
}

function syntaxMessage(shell: Shell, error: SyntaxError): string {
	if (shell.flavor === 'bash') return error.message;
	if (/^here-document/.test(error.message)) return error.message;
	return error.message
		.replace(/^syntax error near unexpected token `(.*)'$/, 'syntax error: unexpected "$1"')
		.replace(/^unexpected EOF while looking for matching `(.)'$/, 'syntax error: unterminated quoted string');
}

function runText(shell: Shell, source: string, io: Io): number {
	let script: Script;
	try {
		script = parseCached(source);
	} catch (error) {
		if (!(error instanceof SyntaxError)) throw error;
		io.err(shellError(shell, syntaxMessage(shell, error)));
		shell.lastStatus = 2;
		return 2;
	}
	return runList(shell, script, io);
}

/** Runs nested (a function, `source`, a script): bounded, so one that calls itself stops. */
export function nested<T>(shell: Shell, body: () => T): T {
	const depth = (shell.depth ?? 0) + 1;
	if (depth > MAX_DEPTH) throw new NestingExceeded(MAX_DEPTH);
	const saved = shell.depth;
	shell.depth = depth;
	try {
		return body();
	} finally {
		shell.depth = saved;
	}
}

/** Runs `body` where `set -e` does not apply (conditions, `&&`/`||` operands). */
function inCondition<T>(shell: Shell, body: () => T): T {
	shell.condition = (shell.condition ?? 0) + 1;
	try {
		return body();
	} finally {
		shell.condition = (shell.condition ?? 1) - 1;
	}
}

function runList(shell: Shell, script: Script, io: Io): number {
	let status = shell.lastStatus;
	for (const andOr of script) {
		spend();
		const last = andOr.rest.length;
		let ranLast = last === 0;
		status = last === 0 ? runPipeline(shell, andOr.first, io) : inCondition(shell, () => runPipeline(shell, andOr.first, io));
		andOr.rest.forEach(({op, pipeline}, index) => {
			if ((op === '&&' && status === 0) || (op === '||' && status !== 0)) {
				status = index === last - 1 ? runPipeline(shell, pipeline, io) : inCondition(shell, () => runPipeline(shell, pipeline, io));
				ranLast = index === last - 1;
			}
		});
		shell.lastStatus = status;
		const negated = (last === 0 ? andOr.first : andOr.rest[last - 1]!.pipeline).negate;
		if (status !== 0 && ranLast && !negated && shell.options.errexit && !shell.condition) throw new ExitSignal(status);
	}
	return status;
}

function runPipeline(shell: Shell, pipeline: Pipeline, io: Io): number {
	if (pipeline.commands.length === 1 && !pipeline.negate) {
		// The common case, without the pipe plumbing.
		const status = runCommand(shell, pipeline.commands[0]!, io);
		shell.lastStatus = status;
		return status;
	}
	let input = io.input;
	let status = 0;
	const run = () =>
		pipeline.commands.forEach((command, index) => {
			const last = index === pipeline.commands.length - 1;
			if (last) {
				status = runCommand(shell, command, {...io, input});
				return;
			}
			let captured = '';
			status = runCommand(shell, command, {
				input,
				stdoutIsTty: false,
				out: text => {
					spendBytes(text.length);
					captured += text;
				},
				err: io.err,
			});
			input = {text: captured, pos: 0};
		});
	if (pipeline.negate) inCondition(shell, run);
	else run();
	status = pipeline.negate ? (status === 0 ? 1 : 0) : status;
	shell.lastStatus = status;
	return status;
}

// ---------------------------------------------------------------- expansion

interface Field {
	text: string;
	/** Offsets of unquoted `*`, `?` and `[` (the characters that make a word a pattern). */
	specials: number[];
}

function variable(shell: Shell, name: string): string | undefined {
	if (name === '?') return String(shell.lastStatus);
	if (name === 'RANDOM') return String(shell.random());
	if (name === 'PWD') return shell.vars.PWD ?? shell.cwd;
	if (name === '#') return String(Math.max(0, shell.positional.length - 1));
	if (name === '@' || name === '*') return shell.positional.slice(1).join(' ');
	if (name === '$') return '1';
	if (name === '-') return (shell.options.errexit ? 'e' : '') + (shell.options.nounset ? 'u' : '') + (shell.flavor === 'bash' ? 'hB' : '');
	if (name === '!') return undefined;
	if (/^[0-9]+$/.test(name)) return shell.positional[Number(name)];
	return Object.hasOwn(shell.vars, name) ? shell.vars[name] : undefined;
}

function commandSubstitution(shell: Shell, source: string, io: Io): string {
	let captured = '';
	const saved = shell.lastStatus;
	shell.substitutionStatus = nested(shell, () => {
		try {
			return runText(shell, source, {
				input: {text: '', pos: 0},
				stdoutIsTty: false,
				out: text => {
					spendBytes(text.length);
					captured += text;
				},
				err: io.err,
			});
		} catch (error) {
			if (error instanceof ExitSignal) return error.status;
			throw error;
		}
	});
	shell.lastStatus = saved;
	return captured.replace(/\n+$/, '');
}

export function arithmeticScope(shell: Shell) {
	return {
		get: (name: string) => variable(shell, name),
		set: (name: string, value: string) => {
			shell.vars[name] = value;
		},
	};
}

function arithmetic(shell: Shell, source: string, io: Io): string {
	const text = expandWord(shell, lexArithmetic(source), io, false)
		.map(field => field.text)
		.join('');
	try {
		return String(evaluateArithmetic(text, arithmeticScope(shell)));
	} catch (error) {
		if (!(error instanceof ArithError)) throw error;
		if (shell.flavor === 'bash') throw new ExpansionError(shellError(shell, `${text.trim()}: ${error.message} (error token is "${error.token}")`));
		throw new ExpansionError(shellError(shell, error.message === 'division by 0' ? 'divide by zero' : 'arithmetic syntax error'), 2);
	}
}

/** Removes the shortest or longest prefix or suffix matching a pattern (`${x%.txt}`, `${x##*.}`). */
function trimPattern(value: string, op: '%' | '%%' | '#' | '##', pattern: Field): string {
	const regex = patternRegExp(pattern, false);
	if (!regex) return value;
	const lengths = [...Array(value.length + 1).keys()];
	if (op === '%%' || op === '##') lengths.reverse();
	for (const length of lengths) {
		spend();
		if (op === '%' || op === '%%') {
			if (regex.test(value.slice(value.length - length))) return value.slice(0, value.length - length);
		} else if (regex.test(value.slice(0, length))) return value.slice(length);
	}
	return value;
}

function expandPartValue(shell: Shell, part: Word[number], io: Io): string {
	if (part.t === 'lit') return part.v;
	if (part.t === 'cmd') return commandSubstitution(shell, part.source, io);
	if (part.t === 'arith') return arithmetic(shell, part.source, io);
	const value = variable(shell, part.name);
	const arg = () =>
		expandWord(shell, part.arg ?? [], io, false)
			.map(field => field.text)
			.join(' ');
	if (value === undefined && shell.options.nounset && !['-', ':-', ':=', ':+', '='].includes(part.op ?? '') && part.name !== '@' && part.name !== '*') {
		throw new ExpansionError(shellError(shell, shell.flavor === 'bash' ? `${part.name}: unbound variable` : `${part.name}: parameter not set`), shell.flavor === 'bash' ? 1 : 2);
	}
	switch (part.op) {
		case 'len':
			return String([...(value ?? '')].length);
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
		case '%':
		case '%%':
		case '#':
		case '##':
			return trimPattern(value ?? '', part.op, joinFields(expandWord(shell, part.arg ?? [], io, false)));
		default:
			return value ?? '';
	}
}

function joinFields(fields: Field[]): Field {
	const joined: Field = {text: '', specials: []};
	for (const field of fields) {
		if (joined.text) joined.text += ' ';
		const offset = joined.text.length;
		joined.text += field.text;
		for (const special of field.specials) joined.specials.push(offset + special);
	}
	return joined;
}

/** Expands a word into fields: quoted parts stay whole, unquoted expansions split on blanks. */
function expandWord(shell: Shell, word: Word, io: Io, split = true): Field[] {
	const fields: Field[] = [];
	let current: Field | undefined;
	const append = (text: string, literal: boolean) => {
		spendBytes(text.length);
		current ??= {text: '', specials: []};
		if (literal) {
			for (let i = 0; i < text.length; i++) if (text[i] === '*' || text[i] === '?' || text[i] === '[') current.specials.push(current.text.length + i);
		}
		current.text += text;
	};
	for (const part of word) {
		const value = expandPartValue(shell, part, io);
		if (part.t === 'lit') {
			append(value, !part.quoted);
			continue;
		}
		if (part.quoted || !split) {
			if (part.t === 'var' && part.name === '@' && part.quoted && split && !part.op) {
				// "$@": one field per positional parameter.
				const params = shell.positional.slice(1);
				params.forEach((param, index) => {
					if (index > 0 && current) {
						fields.push(current);
						current = undefined;
					}
					append(param, false);
				});
				if (params.length === 0 && !current) current = undefined;
				continue;
			}
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
	const quotedEmpty = word.some(part => part.quoted && !(part.t === 'var' && part.name === '@'));
	if (current) fields.push(current);
	else if (quotedEmpty && fields.length === 0) fields.push({text: '', specials: []});
	return fields;
}

/**
 * A glob pattern as a RegExp: `*`, `?` and `[…]` where they were unquoted. `inPath` keeps them
 * from matching `/`. An invalid bracket (`[z-a]`) matches nothing, as fnmatch does.
 */
function patternRegExp(field: Field, inPath: boolean, from = 0, to = field.text.length): RegExp | undefined {
	const special = new Set(field.specials);
	const any = inPath ? '[^/]' : '[\\s\\S]';
	let source = '';
	for (let i = from; i < to; i++) {
		const ch = field.text[i]!;
		if (special.has(i) && ch === '*') source += any + '*';
		else if (special.has(i) && ch === '?') source += any;
		else if (special.has(i) && ch === '[') {
			const end = bracketEnd(field.text, i, to);
			if (end !== undefined) {
				let body = field.text.slice(i + 1, end);
				const negate = body.startsWith('!') || body.startsWith('^');
				if (negate) body = body.slice(1);
				source += (negate ? '[^' : '[') + bracketBody(body) + ']';
				i = end;
			} else source += '\\[';
		} else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	}
	try {
		return new RegExp('^' + source + '$', 'u');
	} catch {
		return undefined;
	}
}

/** The POSIX character classes a bracket expression may name (`[[:upper:]]`), as RegExp class contents. */
const CLASSES: Record<string, string> = {
	alnum: 'A-Za-z0-9',
	alpha: 'A-Za-z',
	blank: ' \\t',
	digit: '0-9',
	lower: 'a-z',
	punct: '!-\\/:-@\\[-`{-~',
	space: ' \\t\\n\\r\\f\\v',
	upper: 'A-Z',
	xdigit: '0-9A-Fa-f',
};

/** Where the bracket expression opening at `open` closes (a `]` first in it, or inside `[:…:]`, does not close it). */
function bracketEnd(text: string, open: number, to: number): number | undefined {
	let i = open + 1;
	if (text[i] === '!' || text[i] === '^') i++;
	if (text[i] === ']') i++;
	for (; i < to; i++) {
		if (text[i] === '[' && text[i + 1] === ':') {
			const close = text.indexOf(':]', i + 2);
			if (close > 0 && close < to) i = close + 1;
		} else if (text[i] === ']') return i;
	}
	return undefined;
}

/** A bracket expression's body as a RegExp class body: classes named, the rest escaped. */
function bracketBody(body: string): string {
	let out = '';
	for (let i = 0; i < body.length; i++) {
		const named = body[i] === '[' && body[i + 1] === ':' ? /^\[:([a-z]+):\]/.exec(body.slice(i)) : null;
		if (named) {
			out += CLASSES[named[1]!] ?? '';
			i += named[0].length - 1;
		} else out += body[i] === '\\' || body[i] === '[' || body[i] === ']' ? '\\' + body[i] : body[i];
	}
	return out;
}

/** Does `text` match the (case) pattern? */
export function matchPattern(text: string, pattern: Field): boolean {
	return patternRegExp(pattern, false)?.test(text) ?? false;
}

/** Pathname expansion, one path segment at a time; no match keeps the word as written. */
function glob(shell: Shell, field: Field): string[] {
	const absolute = field.text.startsWith('/');
	let candidates = [absolute ? '/' : ''];
	let offset = 0;
	for (const segment of field.text.split('/')) {
		const from = offset;
		const to = offset + segment.length;
		offset = to + 1;
		if (segment === '') continue;
		const isPattern = field.specials.some(index => index >= from && index < to);
		const next: string[] = [];
		const pattern = isPattern ? patternRegExp(field, true, from, to) : undefined;
		for (const base of candidates) {
			spend();
			if (!isPattern) {
				next.push(base === '' ? segment : base === '/' ? '/' + segment : base + '/' + segment);
				continue;
			}
			if (!pattern) continue;
			const dir = base === '' ? shell.cwd : normalizePath(base, shell.cwd);
			let names: string[] = [];
			try {
				names = shell.fs.list(dir);
			} catch {
				continue;
			}
			for (const name of names) {
				spend();
				if (name.startsWith('.') && !segment.startsWith('.')) continue;
				if (pattern.test(name)) next.push(base === '' ? name : base === '/' ? '/' + name : base + '/' + name);
			}
		}
		candidates = next;
	}
	return candidates.length > 0 ? candidates : [field.text];
}

function expandWords(shell: Shell, words: Word[], io: Io, braces = true): string[] {
	const argv: string[] = [];
	for (const written of words) {
		for (const word of braces && shell.flavor === 'bash' ? braceExpand(written) : [written]) {
			for (const field of expandWord(shell, tildeExpand(shell, word), io)) {
				if (field.specials.length > 0) argv.push(...glob(shell, field));
				else argv.push(field.text);
			}
		}
	}
	return argv;
}

function expandOne(shell: Shell, word: Word, io: Io): string {
	return expandWord(shell, tildeExpand(shell, word), io, false)
		.map(field => field.text)
		.join('');
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

interface Sink extends Io {
	/** Writes what went to redirected files; the error of a write that failed (a full disk). */
	finish(): FsError | undefined;
}

/** Applies redirections; returns undefined (after reporting) when one cannot be opened. */
function openRedirects(shell: Shell, redirects: Redirect[], io: Io): Sink | undefined {
	let out = io.out;
	let err = io.err;
	let stdoutIsTty = io.stdoutIsTty;
	let input = io.input;
	const pending: Array<() => void> = [];
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
	for (const redirect of redirects) {
		if (redirect.op === '<<') {
			input = {text: expandOne(shell, redirect.target, io), pos: 0};
			continue;
		}
		const target = expandWords(shell, [redirect.target], io, false)[0] ?? '';
		if (redirect.op === '>&') {
			if (redirect.fd === 2 && target === '1') err = out;
			else if (redirect.fd === 1 && target === '2') out = err;
			continue;
		}
		if (target === '/dev/null') {
			if (redirect.fd === 1) out = () => {};
			if (redirect.fd === 2) err = () => {};
			if (redirect.fd === 0) input = {text: '', pos: 0};
			continue;
		}
		const path = normalizePath(target, shell.cwd);
		if (redirect.op === '<') {
			try {
				input = {text: shell.fs.read(path), pos: 0};
			} catch (error) {
				io.err(shellError(shell, shell.flavor === 'bash' ? `${target}: ${errnoText(error)}` : `can't open ${target}: no such file`));
				finish();
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
			finish();
			return undefined;
		}
		let buffer = '';
		// Past the disk's bound on one file the write will fail (ENOSPC) at finish: stop collecting.
		const write = (text: string) => {
			if (buffer.length > MAX_FILE_SIZE) return;
			spendBytes(text.length);
			buffer += text;
		};
		if (redirect.fd === 1) {
			out = write;
			stdoutIsTty = false;
		} else if (redirect.fd === 2) err = write;
		pending.push(() => {
			if (buffer) shell.fs.write(path, buffer, {append: true});
		});
	}
	return {out, err, stdoutIsTty, input, finish};
}

/** Runs one command. An ExpansionError goes up to runSource, which reports it and abandons the line. */
function runCommand(shell: Shell, command: Command, io: Io): number {
	spend();
	if (command.type === 'simple') return runSimple(shell, command, io);
	if (command.type === 'function') {
		shell.functions[command.name] = command.source;
		return 0;
	}
	const sink = openRedirects(shell, command.redirects, io);
	if (!sink) return 1;
	try {
		return runCompound(shell, command, sink);
	} finally {
		sink.finish();
	}
}

function runCompound(shell: Shell, command: Exclude<Command, SimpleCommand | {type: 'function'}>, io: Io): number {
	switch (command.type) {
		case 'group':
			return runList(shell, command.body, io);
		case 'subshell': {
			const saved = {cwd: shell.cwd, vars: shell.vars, exported: shell.exported, functions: shell.functions, options: shell.options};
			shell.vars = {...shell.vars};
			shell.exported = new Set(shell.exported);
			shell.functions = {...shell.functions};
			shell.options = {...shell.options};
			try {
				return runList(shell, command.body, io);
			} catch (error) {
				if (error instanceof ExitSignal) return error.status;
				throw error;
			} finally {
				Object.assign(shell, saved);
			}
		}
		case 'if': {
			for (const clause of command.clauses) {
				if (inCondition(shell, () => runList(shell, clause.cond, io)) === 0) return runList(shell, clause.body, io);
			}
			return command.otherwise ? runList(shell, command.otherwise, io) : 0;
		}
		case 'while': {
			let status = 0;
			for (;;) {
				spend();
				const cond = inCondition(shell, () => runList(shell, command.cond, io));
				if ((cond === 0) === command.until) break;
				const result = loopBody(shell, command.body, io);
				status = result.status;
				if (result.stop) break;
			}
			return status;
		}
		case 'for': {
			const items = command.items ? expandWords(shell, command.items, io) : shell.positional.slice(1);
			let status = 0;
			for (const item of items) {
				spend();
				shell.vars[command.name] = item;
				const result = loopBody(shell, command.body, io);
				status = result.status;
				if (result.stop) break;
			}
			return status;
		}
		case 'case': {
			const value = expandOne(shell, command.word, io);
			for (const item of command.items) {
				for (const pattern of item.patterns) {
					spend();
					if (matchPattern(value, joinFields(expandWord(shell, tildeExpand(shell, pattern), io, false)))) return item.body.length > 0 ? runList(shell, item.body, io) : 0;
				}
			}
			return 0;
		}
	}
}

/** Runs a loop's body once; `break`/`continue` signals for this loop are consumed here. */
function loopBody(shell: Shell, body: Script, io: Io): {status: number; stop: boolean} {
	try {
		return {status: runList(shell, body, io), stop: false};
	} catch (error) {
		if (!(error instanceof LoopSignal)) throw error;
		if (error.levels > 1) {
			error.levels--;
			throw error;
		}
		return {status: 0, stop: error.kind === 'break'};
	}
}

function runSimple(shell: Shell, command: SimpleCommand, io: Io): number {
	shell.substitutionStatus = undefined;
	const argv = expandWords(shell, command.words, io);
	const assignments: Record<string, string> = {};
	for (const {name, value} of command.assigns) assignments[name] = expandOne(shell, value, io);
	const substitutionStatus = shell.substitutionStatus ?? 0;
	const sink = openRedirects(shell, command.redirects, io);
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
	const builtin = name !== '' && shell.find(name, shell).kind === 'builtin';
	const text = `write error: ${failed.message}`;
	if (!builtin) io.err(`${name}: ${text}\n`);
	else io.err(shellError(shell, shell.flavor === 'bash' ? `${name}: ${text}` : text));
	return 1;
}

/** A running program's view of its shell: a class, so the many short-lived ones stay cheap. */
class ShellProc implements Proc {
	private environmentCache: Record<string, string> | undefined;
	readonly stdoutIsTty: boolean;
	readonly out: (text: string) => void;
	readonly err: (text: string) => void;

	constructor(
		readonly shell: Shell,
		readonly argv: string[],
		private readonly input: Input,
		io: Io,
		/** The environment, or the assignments before the command (the environment is made on first use). */
		private readonly extra: Record<string, string>,
		ready: boolean,
	) {
		this.stdoutIsTty = io.stdoutIsTty;
		this.out = io.out;
		this.err = io.err;
		if (ready) this.environmentCache = extra;
	}

	get env(): Record<string, string> {
		this.environmentCache ??= environment(this.shell, this.extra);
		return this.environmentCache;
	}

	get stdin(): string {
		return takeAll(this.input);
	}

	readLine(): string | undefined {
		return takeLine(this.input);
	}

	/** The same process with other arguments (`busybox APPLET …`), and another environment (`env -i …`). */
	withArgv(argv: string[], env = this.env): Proc {
		return new ShellProc(this.shell, argv, this.input, {input: this.input, stdoutIsTty: this.stdoutIsTty, out: this.out, err: this.err}, env, true);
	}
}

function makeProc(shell: Shell, argv: string[], env: Record<string, string>, io: Io, ready = true): ShellProc {
	return new ShellProc(shell, argv, io.input, io, env, ready);
}

/** A process for a program started from outside a shell (a container's main process). */
export function startProcess(shell: Shell, argv: string[], env: Record<string, string>, io: IoIn): Proc {
	return makeProc(shell, argv, env, withInput(io));
}

function execute(shell: Shell, argv: string[], assignments: Record<string, string>, io: Io): number {
	const name = argv[0]!;
	const proc = makeProc(shell, argv, assignments, io, false);
	if (Object.hasOwn(shell.functions, name)) return callFunction(shell, name, argv, io);
	const found = shell.find(name, shell);
	switch (found.kind) {
		case 'builtin':
			// Assignments before a special builtin stay; before others (and programs) they are the
			// program's environment only.
			return found.program(proc);
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

function callFunction(shell: Shell, name: string, argv: string[], io: Io): number {
	const definition = parseCached(shell.functions[name]!)[0]?.first.commands[0];
	if (definition?.type !== 'function') return 0;
	const positional = shell.positional;
	shell.positional = [positional[0] ?? shell.name, ...argv.slice(1)];
	shell.locals ??= [];
	shell.locals.push({});
	try {
		return nested(shell, () => runCommand(shell, definition.body, io));
	} catch (error) {
		if (error instanceof ReturnSignal) return error.status;
		throw error;
	} finally {
		shell.positional = positional;
		const saved = shell.locals.pop() ?? {};
		for (const [variableName, value] of Object.entries(saved)) {
			if (value === undefined) delete shell.vars[variableName];
			else shell.vars[variableName] = value;
		}
	}
}

/** Runs a `#!/bin/sh` script in a child shell that shares the filesystem, not the variables. */
/** `exec COMMAND…`: runs the program (never a function) in place of the shell, which ends with its status. */
export function execProgram(proc: Proc): number {
	const {shell} = proc;
	const argv = proc.argv.slice(1);
	if (argv.length === 0) return 0;
	const name = argv[0]!;
	const found = shell.find(name, shell);
	const child = proc.withArgv(argv);
	let status: number;
	if (found.kind === 'builtin' || found.kind === 'program') status = found.program(child);
	else if (found.kind === 'script') status = runScriptFile(shell, found.source, argv, child);
	else {
		proc.err(shellError(shell, `exec: ${name}: ${found.kind === 'denied' ? 'Permission denied' : 'not found'}`));
		status = found.kind === 'denied' ? 126 : 127;
	}
	throw new ExitSignal(status);
}

function runScriptFile(shell: Shell, source: string, argv: string[], proc: Proc): number {
	const child: Shell = {
		...shell,
		name: argv[0]!,
		vars: {...proc.env},
		exported: new Set(Object.keys(proc.env)),
		positional: argv,
		lastStatus: 0,
		functions: {},
		options: {},
		condition: 0,
		locals: [],
	};
	return nested(child, () => {
		try {
			return runSource(child, source.replace(/^#![^\n]*\n?/, ''), proc);
		} catch (error) {
			if (error instanceof ExitSignal) return error.status;
			throw error;
		}
	});
}

/** `source FILE` and `. FILE`: runs the file in this shell (variables, functions and cwd persist). */
export function sourceFile(proc: Proc, text: string, args: string[]): number {
	const {shell} = proc;
	const positional = shell.positional;
	if (args.length > 0) shell.positional = [positional[0] ?? shell.name, ...args];
	try {
		return nested(shell, () => runSource(shell, text, proc));
	} catch (error) {
		if (error instanceof ReturnSignal) return error.status;
		throw error;
	} finally {
		if (args.length > 0) shell.positional = positional;
	}
}
