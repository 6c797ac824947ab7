/**
 * Text and path utilities: grep and sed (regular expressions through re2js, a linear-time engine, so
 * no pattern can hang the lab), sort, uniq, seq, tee, basename, dirname, readlink, which, id, date.
 * One implementation, two voices (GNU coreutils on the host, busybox in containers).
 */
import {RE2JS} from 're2js';
import {spend} from '../budget.js';
import {FsError, mtimeOf} from '../fsapi.js';
import {joinPath, normalizePath} from '../path.js';
import type {Program, Proc} from '../shell/interpreter.js';
import type {World} from '../world.js';
import type {Flavor} from './coreutils.js';
import {BUSYBOX_USAGE} from './busybox-usage.js';
import {strftime} from './strftime.js';

const q = (text: string) => `'${text}'`;

function usage(flavor: Flavor, name: string, gnu: string, busybox: string): string {
	return flavor === 'bash' ? `${name}: ${gnu}\nTry '${name} --help' for more information.\n` : (BUSYBOX_USAGE[name] ?? `BusyBox v1.35.0 multi-call binary.\n\nUsage: ${busybox}\n`);
}

function readInputs(proc: Proc, flavor: Flavor, name: string, files: string[]): {text: string; status: number; per: Array<{file: string; text: string}>} {
	if (files.length === 0) {
		const text = proc.stdin;
		return {text, status: 0, per: [{file: '(standard input)', text}]};
	}
	let text = '';
	let status = 0;
	const per: Array<{file: string; text: string}> = [];
	for (const file of files) {
		try {
			const content = file === '-' ? proc.stdin : proc.shell.fs.read(normalizePath(file, proc.shell.cwd));
			text += content;
			per.push({file, text: content});
		} catch (error) {
			const message = error instanceof FsError ? error.message : String(error);
			proc.err(flavor === 'bash' ? `${name}: ${file}: ${message}\n` : `${name}: can't open ${q(file)}: ${message}\n`);
			status = name === 'grep' ? 2 : 1;
		}
	}
	return {text, status, per};
}

function lines(text: string): string[] {
	const list = text.split('\n');
	if (list.at(-1) === '') list.pop();
	return list;
}

// ---------------------------------------------------------------- regular expressions

/** A POSIX basic or extended regular expression as RE2 syntax (GNU's `\+ \? \|` in basic ones too). */
export function posixToRe2(pattern: string, extended: boolean): string {
	let out = '';
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i]!;
		if (ch === '[') {
			// A bracket expression: copied through, with backslashes made literal for RE2.
			let j = i + 1;
			if (pattern[j] === '^') j++;
			if (pattern[j] === ']') j++;
			while (j < pattern.length && pattern[j] !== ']') {
				if (pattern[j] === '[' && /[:.=]/.test(pattern[j + 1] ?? '')) {
					const close = pattern.indexOf(pattern[j + 1] + ']', j + 2);
					j = close < 0 ? j + 1 : close + 2;
				} else j++;
			}
			if (j >= pattern.length) throw new Error('Unmatched [, [^, [:, [., or [=');
			const body = pattern.slice(i + 1, j);
			const negate = body.startsWith('^');
			const inner = (negate ? body.slice(1) : body).replace(/\\/g, '\\\\').replace(/\[(?![:.=])/g, '\\[');
			out += '[' + (negate ? '^' : '') + (inner.startsWith(']') ? '\\]' + inner.slice(1) : inner) + ']';
			i = j;
			continue;
		}
		if (ch === '\\') {
			const next = pattern[i + 1];
			i++;
			if (next === undefined) throw new Error('Trailing backslash');
			if (!extended && '(){}|+?'.includes(next)) out += next;
			else if (/[1-9]/.test(next)) throw new Error('back-references are not supported');
			else if ('wWsSbB'.includes(next)) out += '\\' + next;
			else if (next === '<' || next === '>') out += '\\b';
			else out += next.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
			continue;
		}
		if (!extended && '(){}|+?'.includes(ch)) {
			out += '\\' + ch;
			continue;
		}
		if (ch === '*' && (out === '' || out === '^' || out.endsWith('(') || out.endsWith('|'))) {
			out += '\\*';
			continue;
		}
		out += ch;
	}
	return out;
}

/** GNU's wording for a pattern re2js refuses. */
function gnuRegexError(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (message.includes('missing closing )')) return 'Unmatched ( or \\(';
	if (message.includes('unexpected )')) return 'Unmatched ) or \\)';
	if (message.includes('missing closing ]') || message.startsWith('Unmatched [')) return 'Unmatched [, [^, [:, [., or [=';
	if (message === 'Trailing backslash') return message;
	return 'Invalid regular expression';
}

function compile(pattern: string, extended: boolean, ignoreCase: boolean, fixed: boolean): RE2JS {
	const source = fixed ? RE2JS.quote(pattern) : posixToRe2(pattern, extended);
	return RE2JS.compile(source, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
}

/** Options that take a value (`-e PATTERN`, `-m N`): read from argv for grep and sed. */
function splitArgs(args: string[], withValue: string): {flags: Set<string>; values: Array<[string, string]>; operands: string[]} {
	const flags = new Set<string>();
	const values: Array<[string, string]> = [];
	const operands: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') {
			operands.push(...args.slice(i + 1));
			break;
		}
		if (arg.startsWith('--') || !arg.startsWith('-') || arg === '-') {
			if (arg.startsWith('--')) flags.add(arg);
			else operands.push(arg);
			continue;
		}
		for (let j = 1; j < arg.length; j++) {
			const flag = arg[j]!;
			if (withValue.includes(flag)) {
				const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
				values.push([flag, value ?? '']);
				break;
			}
			flags.add(flag);
		}
	}
	return {flags, values, operands};
}

function grepProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, values, operands} = splitArgs(proc.argv.slice(1), 'em');
		const patterns = values.filter(([flag]) => flag === 'e').map(([, value]) => value);
		if (patterns.length === 0 && operands.length > 0) patterns.push(operands.shift()!);
		if (patterns.length === 0) {
			proc.err(flavor === 'bash' ? "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" : BUSYBOX_USAGE.grep!);
			return 2;
		}
		const extended = flags.has('E') || proc.argv[0] === 'egrep';
		let regexes: RE2JS[];
		try {
			regexes = patterns.flatMap(pattern => pattern.split('\n')).map(pattern => compile(pattern, extended, flags.has('i'), flags.has('F')));
		} catch (error) {
			proc.err(flavor === 'bash' ? `grep: ${gnuRegexError(error)}\n` : `grep: bad regex '${patterns[0]}'\n`);
			return 2;
		}
		const maxCount = Number(values.find(([flag]) => flag === 'm')?.[1] ?? Infinity);
		const {per, status} = readInputs(proc, flavor, 'grep', operands);
		let found = false;
		const showName = (operands.length > 1 || flags.has('H')) && !flags.has('h');
		for (const {file, text} of per) {
			let count = 0;
			let out = '';
			for (const [index, line] of lines(text).entries()) {
				if (count >= maxCount) break;
				spend(1 + (line.length >> 6));
				let matched = false;
				let parts: string[] = [];
				for (const regex of regexes) {
					const matcher = regex.matcher(line);
					if (flags.has('x') ? matcher.matches() : matcher.find()) {
						matched = true;
						if (flags.has('o')) {
							parts.push(matcher.group(0) ?? '');
							while (matcher.find()) if (matcher.end() > matcher.start()) parts.push(matcher.group(0) ?? '');
						}
					}
				}
				if (matched === flags.has('v')) continue;
				count++;
				if (flags.has('q') || flags.has('l') || flags.has('c')) continue;
				const prefix = (showName ? `${file}:` : '') + (flags.has('n') ? `${index + 1}:` : '');
				if (flags.has('o') && !flags.has('v')) out += parts.map(part => prefix + part + '\n').join('');
				else out += prefix + line + '\n';
				parts = [];
			}
			if (count > 0) found = true;
			if (flags.has('q')) {
				if (found) return 0;
				continue;
			}
			if (flags.has('l')) {
				if (count > 0) proc.out(file + '\n');
			} else if (flags.has('c')) proc.out(`${showName ? `${file}:` : ''}${count}\n`);
			else proc.out(out);
		}
		if (status !== 0 && !(flags.has('q') && found)) return 2;
		return found ? 0 : 1;
	};
}

// ---------------------------------------------------------------- sed

interface SedCommand {
	address?: {kind: 'line'; n: number} | {kind: 'last'} | {kind: 'regex'; regex: RE2JS};
	op: 's' | 'p' | 'd' | 'q';
	regex?: RE2JS;
	replacement?: string;
	global?: boolean;
	nth?: number;
	print?: boolean;
}

class SedError extends Error {}

function parseSed(script: string, flavor: Flavor, extended: boolean, index: number): SedCommand[] {
	const commands: SedCommand[] = [];
	let i = 0;
	const fail = (gnu: string, busybox: string): never => {
		throw new SedError(flavor === 'bash' ? `sed: -e expression #${index}, char ${i}: ${gnu}\n` : `sed: ${busybox}\n`);
	};
	const readDelimited = (delimiter: string): string => {
		let text = '';
		while (i < script.length && script[i] !== delimiter) {
			if (script[i] === '\\' && i + 1 < script.length) {
				text += script[i + 1] === delimiter ? delimiter : script[i]! + script[i + 1];
				i += 2;
			} else text += script[i++];
		}
		if (i >= script.length) fail("unterminated `s' command", `unmatched '${delimiter}'`);
		i++;
		return text;
	};
	const regexOf = (source: string, ignoreCase = false) => {
		try {
			return compile(source, extended, ignoreCase, false);
		} catch (error) {
			return fail(error instanceof Error ? error.message : String(error), 'bad regex');
		}
	};
	while (i < script.length) {
		while (i < script.length && /[\s;]/.test(script[i]!)) i++;
		if (i >= script.length) break;
		const command: SedCommand = {op: 'p'};
		const number = /^[0-9]+/.exec(script.slice(i));
		if (number) {
			command.address = {kind: 'line', n: Number(number[0])};
			i += number[0].length;
		} else if (script[i] === '$') {
			command.address = {kind: 'last'};
			i++;
		} else if (script[i] === '/') {
			i++;
			command.address = {kind: 'regex', regex: regexOf(readDelimited('/'))};
		}
		const op = script[i++];
		if (op === 's') {
			const delimiter = script[i++];
			if (delimiter === undefined) fail("unterminated `s' command", 'unmatched');
			const pattern = readDelimited(delimiter!);
			const replacement = readDelimited(delimiter!);
			const flagText = /^[gpiI0-9]*/.exec(script.slice(i))![0];
			i += flagText.length;
			Object.assign(command, {
				op: 's',
				regex: regexOf(pattern, /[iI]/.test(flagText)),
				replacement,
				global: flagText.includes('g'),
				nth: Number(/[0-9]+/.exec(flagText)?.[0] ?? 1),
				print: flagText.includes('p'),
			});
		} else if (op === 'p' || op === 'd' || op === 'q') command.op = op;
		else fail(`unknown command: \`${op ?? ''}'`, `unsupported command ${op ?? ''}`);
		commands.push(command);
	}
	return commands;
}

function substitute(line: string, command: SedCommand): {text: string; changed: boolean} {
	const matcher = command.regex!.matcher(line);
	let result = '';
	let last = 0;
	let count = 0;
	let changed = false;
	let pos = 0;
	while (pos <= line.length && matcher.find(pos)) {
		spend();
		count++;
		const start = matcher.start();
		const end = matcher.end();
		if (count >= command.nth! && (command.global || count === command.nth)) {
			result += line.slice(last, start);
			result += command.replacement!.replace(/\\([0-9n&\\])|&/g, (whole, escaped: string | undefined) => {
				if (escaped === undefined) return matcher.group(0) ?? '';
				if (escaped === 'n') return '\n';
				if (escaped === '&' || escaped === '\\') return escaped;
				return matcher.group(Number(escaped)) ?? '';
			});
			last = end;
			changed = true;
			if (!command.global) break;
		}
		pos = end > start ? end : end + 1;
	}
	return {text: result + line.slice(last), changed};
}

function sedProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, values, operands} = splitArgs(proc.argv.slice(1), 'e');
		const scripts = values.map(([, value]) => value);
		if (scripts.length === 0 && operands.length > 0) scripts.push(operands.shift()!);
		if (scripts.length === 0) {
			proc.err(flavor === 'bash' ? 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n' : BUSYBOX_USAGE.sed!);
			return 1;
		}
		let commands: SedCommand[];
		try {
			commands = scripts.flatMap((script, index) => parseSed(script, flavor, flags.has('E') || flags.has('r'), index + 1));
		} catch (error) {
			if (!(error instanceof SedError)) throw error;
			proc.err(error.message);
			return 1;
		}
		const run = (text: string): string => {
			const list = lines(text);
			let out = '';
			for (let n = 0; n < list.length; n++) {
				spend();
				let line = list[n]!;
				let deleted = false;
				let quit = false;
				for (const command of commands) {
					const address = command.address;
					if (address) {
						if (address.kind === 'line' && address.n !== n + 1) continue;
						if (address.kind === 'last' && n !== list.length - 1) continue;
						if (address.kind === 'regex' && !address.regex.matcher(line).find()) continue;
					}
					if (command.op === 's') {
						const result = substitute(line, command);
						line = result.text;
						if (result.changed && command.print) out += line + '\n';
					} else if (command.op === 'p') out += line + '\n';
					else if (command.op === 'd') {
						deleted = true;
						break;
					} else {
						quit = true;
						break;
					}
				}
				if (!deleted && !flags.has('n')) out += line + '\n';
				if (quit) break;
			}
			return out;
		};
		if (flags.has('i')) {
			let status = 0;
			for (const file of operands) {
				const path = normalizePath(file, proc.shell.cwd);
				try {
					proc.shell.fs.write(path, run(proc.shell.fs.read(path)));
				} catch (error) {
					proc.err(`sed: can't read ${file}: ${error instanceof FsError ? error.message : String(error)}\n`);
					status = flavor === 'bash' ? 2 : 1;
				}
			}
			return status;
		}
		const {text, status} = readInputs(proc, flavor, 'sed', operands);
		proc.out(run(text));
		return status === 0 ? 0 : flavor === 'bash' ? 2 : 1;
	};
}

// ---------------------------------------------------------------- sort, uniq, seq, tee

function sortProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, values, operands} = splitArgs(proc.argv.slice(1), 'kt');
		const {text, status} = readInputs(proc, flavor, 'sort', operands);
		const separator = values.find(([flag]) => flag === 't')?.[1];
		const keyField = Number(/^[0-9]+/.exec(values.find(([flag]) => flag === 'k')?.[1] ?? '')?.[0] ?? 0);
		const key = (line: string): string => {
			if (!keyField) return line;
			const fields = separator !== undefined ? line.split(separator) : line.trim().split(/[ \t]+/);
			return fields.slice(keyField - 1).join(separator ?? ' ');
		};
		const list = lines(text);
		spend(list.length);
		const numeric = flags.has('n');
		const fold = flags.has('f');
		const compare = (a: string, b: string): number => {
			const ka = key(a);
			const kb = key(b);
			if (numeric) {
				const diff = (Number.parseFloat(ka) || 0) - (Number.parseFloat(kb) || 0);
				if (diff !== 0) return diff;
				if (flags.has('u')) return 0;
			} else {
				const x = fold ? ka.toUpperCase() : ka;
				const y = fold ? kb.toUpperCase() : kb;
				if (x !== y) return x < y ? -1 : 1;
				if (flags.has('u')) return 0;
			}
			return a < b ? -1 : a > b ? 1 : 0;
		};
		let sorted = [...list].sort(compare);
		if (flags.has('r')) sorted.reverse();
		if (flags.has('u')) sorted = sorted.filter((line, index) => index === 0 || compare(sorted[index - 1]!, line) !== 0);
		proc.out(sorted.map(line => line + '\n').join(''));
		return status === 0 ? 0 : 2;
	};
}

function uniqProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, operands} = splitArgs(proc.argv.slice(1), '');
		const {text, status} = readInputs(proc, flavor, 'uniq', operands.slice(0, 1));
		const groups: Array<{line: string; count: number}> = [];
		for (const line of lines(text)) {
			spend();
			const last = groups.at(-1);
			if (last && last.line === line) last.count++;
			else groups.push({line, count: 1});
		}
		const picked = groups.filter(group => (flags.has('d') ? group.count > 1 : flags.has('u') ? group.count === 1 : true));
		proc.out(picked.map(group => (flags.has('c') ? `${String(group.count).padStart(7)} ${group.line}\n` : group.line + '\n')).join(''));
		return status;
	};
}

function seqProgram(flavor: Flavor): Program {
	return proc => {
		const args = proc.argv.slice(1);
		let separator = '\n';
		let width = false;
		while (args[0] && /^-[sw]/.test(args[0]) && !/^-[0-9.]/.test(args[0])) {
			const arg = args.shift()!;
			if (arg === '-w') width = true;
			else separator = arg.length > 2 ? arg.slice(2) : (args.shift() ?? '');
		}
		if (args.length === 0 || args.length > 3) {
			proc.err(
				args.length === 0
					? usage(flavor, 'seq', 'missing operand', 'seq [-w] [-s SEP] [FIRST [INC]] LAST')
					: flavor === 'bash'
						? `seq: extra operand ${q(args[3]!)}\nTry 'seq --help' for more information.\n`
						: usage(flavor, 'seq', '', 'seq [-w] [-s SEP] [FIRST [INC]] LAST'),
			);
			return 1;
		}
		const numbers = args.map(Number);
		const bad = args.find((arg, index) => arg.trim() === '' || Number.isNaN(numbers[index]));
		if (bad !== undefined) {
			proc.err(flavor === 'bash' ? `seq: invalid floating point argument: ${q(bad)}\nTry 'seq --help' for more information.\n` : `seq: invalid number '${bad}'\n`);
			return 1;
		}
		const [first, step, last] = numbers.length === 1 ? [1, 1, numbers[0]!] : numbers.length === 2 ? [numbers[0]!, 1, numbers[1]!] : (numbers as [number, number, number]);
		if (step === 0) {
			if (flavor === 'bash') {
				proc.err(`seq: invalid Zero increment value: ${q(args[1]!)}\nTry 'seq --help' for more information.\n`);
				return 1;
			}
		}
		const decimals = Math.max(...args.map(arg => /\.([0-9]+)/.exec(arg)?.[1]?.length ?? 0));
		const out: string[] = [];
		for (let value = first, index = 0; step > 0 ? value <= last + 1e-9 : step < 0 ? value >= last - 1e-9 : index < 1; index++, value = first + index * step) {
			spend();
			out.push(value.toFixed(decimals));
		}
		const size = Math.max(...out.map(item => item.length));
		proc.out(out.length === 0 ? '' : (width ? out.map(item => item.padStart(size, '0')) : out).join(separator) + '\n');
		return 0;
	};
}

function teeProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, operands} = splitArgs(proc.argv.slice(1), '');
		const text = proc.stdin;
		let status = 0;
		for (const file of operands) {
			try {
				proc.shell.fs.write(normalizePath(file, proc.shell.cwd), text, {append: flags.has('a')});
			} catch (error) {
				const message = error instanceof FsError ? error.message : String(error);
				proc.err(flavor === 'bash' ? `tee: ${file}: ${message}\n` : `tee: ${q(file)}: ${message}\n`);
				status = 1;
			}
		}
		proc.out(text);
		return status;
	};
}

// ---------------------------------------------------------------- paths and identity

function basenameProgram(flavor: Flavor): Program {
	return proc => {
		const args = proc.argv.slice(1);
		if (args.length === 0) {
			proc.err(usage(flavor, 'basename', 'missing operand', 'basename FILE [SUFFIX] | -a FILE... | -s SUFFIX FILE...'));
			return 1;
		}
		const [path, suffix] = args as [string, string | undefined];
		const trimmed = path.replace(/\/+$/, '');
		let base = trimmed === '' ? (path === '' ? '' : '/') : trimmed.slice(trimmed.lastIndexOf('/') + 1);
		if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
		proc.out(base + '\n');
		return 0;
	};
}

function dirnameProgram(flavor: Flavor): Program {
	return proc => {
		const args = proc.argv.slice(1);
		if (args.length === 0) {
			proc.err(usage(flavor, 'dirname', 'missing operand', 'dirname FILENAME'));
			return 1;
		}
		for (const path of flavor === 'bash' ? args : args.slice(0, 1)) {
			const trimmed = path.replace(/\/+$/, '');
			const index = trimmed.lastIndexOf('/');
			proc.out((index < 0 ? (path.startsWith('/') ? '/' : '.') : trimmed.slice(0, index).replace(/\/+$/, '') || '/') + '\n');
		}
		return 0;
	};
}

function readlinkProgram(): Program {
	return proc => {
		const {flags, operands} = splitArgs(proc.argv.slice(1), '');
		let status = 0;
		for (const file of operands) {
			const path = normalizePath(file, proc.shell.cwd);
			try {
				if (flags.has('f')) proc.out(proc.shell.fs.stat(path).path + '\n');
				else {
					const entry = proc.shell.fs.stat(path, false).entry;
					if (entry.kind !== 'symlink') status = 1;
					else proc.out(entry.target + '\n');
				}
			} catch {
				status = 1;
			}
		}
		return status;
	};
}

function whichProgram(flavor: Flavor): Program {
	return proc => {
		let status = 0;
		const path = proc.shell.vars.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
		for (const name of proc.argv.slice(1).filter(arg => !arg.startsWith('-'))) {
			let found: string | undefined;
			if (flavor === 'bash') {
				const lookup = proc.shell.find(name, proc.shell);
				if (lookup.kind === 'program') found = `/usr/bin/${name}`;
			}
			for (const dir of path.split(':').filter(Boolean)) {
				if (found) break;
				try {
					const candidate = joinPath(dir, name);
					const entry = proc.shell.fs.stat(candidate).entry;
					if (entry.kind === 'file' && (entry.mode & 0o111) !== 0) found = candidate;
				} catch {
					// not in this PATH entry
				}
			}
			if (found) proc.out(found + '\n');
			else status = 1;
		}
		return status;
	};
}

function worldOf(proc: Proc): World | undefined {
	return (proc.shell.context as {world?: World} | undefined)?.world;
}

/** Users and groups from the filesystem's /etc/passwd and /etc/group, like getpwuid. */
function idProgram(flavor: Flavor): Program {
	return proc => {
		const read = (path: string) => {
			try {
				return proc.shell.fs.read(path);
			} catch {
				return '';
			}
		};
		const world = worldOf(proc);
		const passwd = read('/etc/passwd');
		const groupFile = read('/etc/group');
		const host = flavor === 'bash';
		const userName = host ? (world?.host.user ?? 'student') : 'root';
		const user = passwd
			.split('\n')
			.map(line => line.split(':'))
			.find(fields => fields[0] === userName);
		const uid = user ? Number(user[2]) : host ? 1000 : 0;
		const gid = user ? Number(user[3]) : host ? 1000 : 0;
		const groups = groupFile
			.split('\n')
			.map(line => line.split(':'))
			.filter(fields => fields.length >= 3);
		const groupName = (id: number) => groups.find(fields => Number(fields[2]) === id)?.[0] ?? (host ? userName : 'root');
		const member = groups.filter(fields => Number(fields[2]) !== gid && (fields[3] ?? '').split(',').includes(userName)).map(fields => Number(fields[2]));
		const all = [gid, ...member];
		const arg = proc.argv[1];
		if (arg === '-u') proc.out(`${uid}\n`);
		else if (arg === '-g') proc.out(`${gid}\n`);
		else if (arg === '-un' || arg === '-nu') proc.out(`${userName}\n`);
		else proc.out(`uid=${uid}(${userName}) gid=${gid}(${groupName(gid)}) groups=${all.map(id => `${id}(${groupName(id)})`).join(',')}\n`);
		return 0;
	};
}

function dateProgram(flavor: Flavor): Program {
	return proc => {
		const args = proc.argv.slice(1);
		let ms = worldOf(proc)?.clock ?? 0;
		let format = '%a %b %e %H:%M:%S %Z %Y';
		for (let i = 0; i < args.length; i++) {
			const arg = args[i]!;
			if (arg.startsWith('+')) format = arg.slice(1);
			else if (arg === '-u' || arg === '--utc') continue;
			else if (arg === '-I' || arg === '--iso-8601') format = '%Y-%m-%d';
			else if (arg === '-R') format = '%a, %d %b %Y %H:%M:%S %z';
			else if (arg === '-d' || arg === '--date') {
				const value = args[++i] ?? '';
				const parsed = value.startsWith('@') ? Number(value.slice(1)) * 1000 : Date.parse(value.includes('T') || /[zZ]$/.test(value) ? value : `${value}Z`);
				if (!Number.isFinite(parsed)) {
					proc.err(flavor === 'bash' ? `date: invalid date ${q(value)}\n` : `date: invalid date ${q(value)}\n`);
					return 1;
				}
				ms = parsed;
			} else {
				proc.err(flavor === 'bash' ? `date: invalid date ${q(arg)}\n` : `date: invalid date ${q(arg)}\n`);
				return 1;
			}
		}
		proc.out(strftime(format, ms) + '\n');
		return 0;
	};
}

/** fnmatch(3) without FNM_PATHNAME, as find's -name and -path use it; undefined when invalid. */
function fnmatchRegExp(pattern: string, ignoreCase: boolean): RegExp | undefined {
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i]!;
		if (ch === '*') source += '[\\s\\S]*';
		else if (ch === '?') source += '[\\s\\S]';
		else if (ch === '\\' && i + 1 < pattern.length) source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		else if (ch === '[' && pattern.indexOf(']', i + 2) > 0) {
			const end = pattern.indexOf(']', i + 2);
			const body = pattern.slice(i + 1, end);
			source += '[' + body.replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
			i = end;
		} else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
	}
	try {
		return new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
	} catch {
		return undefined;
	}
}

/** find PATH… [-name P] [-iname P] [-path P] [-type f|d|l] [-newer FILE] [-maxdepth N] [-mindepth N]: names in sorted order. */
function findProgram(flavor: Flavor): Program {
	return proc => {
		const args = proc.argv.slice(1);
		const roots: string[] = [];
		while (args.length > 0 && !args[0]!.startsWith('-')) roots.push(args.shift()!);
		if (roots.length === 0) roots.push('.');
		const tests: Array<(path: string, name: string, kind: string, mtime: number) => boolean> = [];
		let maxDepth = Infinity;
		let minDepth = 0;
		for (let i = 0; i < args.length; i++) {
			const option = args[i]!;
			const value = args[i + 1];
			if (option === '-print') continue;
			if (value === undefined) {
				proc.err(flavor === 'bash' ? `find: missing argument to \`${option}'\n` : `find: ${option}: requires an argument\n`);
				return 1;
			}
			i++;
			if (option === '-name' || option === '-iname' || option === '-path') {
				const regex = fnmatchRegExp(value, option === '-iname');
				tests.push((path, name) => regex?.test(option === '-path' ? path : name) ?? false);
			} else if (option === '-type') {
				const kind = {f: 'file', d: 'dir', l: 'symlink'}[value];
				if (!kind) {
					proc.err(flavor === 'bash' ? `find: Unknown argument to -type: ${value}\n` : `find: invalid argument '${value}' to '-type'\n`);
					return 1;
				}
				tests.push((path, name, entryKind) => entryKind === kind);
			} else if (option === '-newer') {
				let reference: number;
				try {
					reference = mtimeOf(proc.shell.fs.stat(normalizePath(value, proc.shell.cwd)).entry);
				} catch (error) {
					const message = error instanceof FsError ? error.message : String(error);
					proc.err(flavor === 'bash' ? `find: ${q(value)}: ${message}\n` : `find: can't stat ${q(value)}: ${message}\n`);
					return 1;
				}
				tests.push((path, name, kind, mtime) => mtime > reference);
			} else if (option === '-maxdepth' || option === '-mindepth') {
				const depth = Number(value);
				if (option === '-maxdepth') maxDepth = depth;
				else minDepth = depth;
			} else {
				proc.err(flavor === 'bash' ? `find: unknown predicate \`${option}'\n` : `find: unrecognized: ${option}\n`);
				return 1;
			}
		}
		let status = 0;
		let out = '';
		const {fs} = proc.shell;
		const walk = (shown: string, path: string, depth: number) => {
			spend();
			let entry;
			try {
				entry = fs.stat(path, false).entry;
			} catch (error) {
				const message = error instanceof FsError ? error.message : String(error);
				proc.err(flavor === 'bash' ? `find: ${q(shown)}: ${message}\n` : `find: ${shown}: ${message}\n`);
				status = 1;
				return;
			}
			const name = depth === 0 ? shown.replace(/\/+$/, '').split('/').pop() || shown : shown.slice(shown.lastIndexOf('/') + 1);
			if (depth >= minDepth && tests.every(test => test(shown, name, entry.kind, mtimeOf(entry)))) out += shown + '\n';
			if (entry.kind !== 'dir' || depth >= maxDepth) return;
			for (const child of fs.list(path)) walk(shown.endsWith('/') ? shown + child : `${shown}/${child}`, joinPath(path, child), depth + 1);
		};
		for (const root of roots) walk(root, normalizePath(root, proc.shell.cwd), 0);
		proc.out(out);
		return status;
	};
}

export function textUtilities(flavor: Flavor): Record<string, Program> {
	return {
		grep: grepProgram(flavor),
		egrep: grepProgram(flavor),
		sed: sedProgram(flavor),
		sort: sortProgram(flavor),
		uniq: uniqProgram(flavor),
		seq: seqProgram(flavor),
		tee: teeProgram(flavor),
		basename: basenameProgram(flavor),
		dirname: dirnameProgram(flavor),
		readlink: readlinkProgram(),
		which: whichProgram(flavor),
		id: idProgram(flavor),
		date: dateProgram(flavor),
		find: findProgram(flavor),
	};
}
