/**
 * The shell's builtins, shared by bash on the host and busybox sh in containers (each prints its
 * own shell's messages). Declared in the programs registry (engine/userland/registry.ts).
 */
import {FsError} from '../fsapi.js';
import {normalizePath} from '../path.js';
import {spend} from '../budget.js';
import {arithmeticScope, errnoText, execProgram, ExitSignal, LoopSignal, ReturnSignal, runSource, shellError, sourceFile, type Proc, type Program} from './interpreter.js';
import {evaluateArithmetic} from './arith.js';

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
		if (escapes) {
			const decoded = decodeEscapes(text, false);
			text = decoded.text;
			if (decoded.stop) newline = false;
		}
		proc.out(text + (newline ? '\n' : ''));
		return 0;
	},
	export(proc) {
		const args = proc.argv.slice(1);
		if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
			// The exported variables by name, quoted as each shell reads them back.
			const {vars, exported, flavor} = proc.shell;
			for (const name of [...exported].sort()) {
				const value = vars[name];
				if (flavor === 'bash') proc.out(value === undefined ? `declare -x ${name}\n` : `declare -x ${name}="${value.replace(/["\\$`]/g, '\\$&')}"\n`);
				else proc.out(value === undefined ? `export ${name}\n` : `export ${name}='${value.replace(/'/g, `'"'"'`)}'\n`);
			}
			return 0;
		}
		for (const arg of args) {
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
	exec: execProgram,
	printf: printfBuiltin,
	set(proc) {
		const {shell} = proc;
		const args = proc.argv.slice(1);
		if (args.length === 0) {
			proc.out(
				Object.keys(shell.vars)
					.sort()
					.map(name => `${name}=${quoteValue(shell.vars[name]!)}\n`)
					.join(''),
			);
			return 0;
		}
		for (let i = 0; i < args.length; i++) {
			const arg = args[i]!;
			if (arg === '--') {
				shell.positional = [shell.positional[0] ?? shell.name, ...args.slice(i + 1)];
				return 0;
			}
			if (!/^[-+]/.test(arg)) {
				shell.positional = [shell.positional[0] ?? shell.name, ...args.slice(i)];
				return 0;
			}
			const on = arg[0] === '-';
			for (const flag of arg.slice(1)) {
				if (flag === 'e') shell.options.errexit = on;
				else if (flag === 'u') shell.options.nounset = on;
				else if (flag === 'x' || flag === 'o' || flag === 'f' || flag === 'v') continue;
				else {
					proc.err(
						shell.flavor === 'bash'
							? `${shell.name}: set: ${arg[0]}${flag}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n`
							: `${shell.name}: set: illegal option ${arg[0]}${flag}\n`,
					);
					return 2;
				}
			}
		}
		return 0;
	},
	shift(proc) {
		const {shell} = proc;
		const count = proc.argv[1] === undefined ? 1 : Number(proc.argv[1]);
		if (!Number.isInteger(count) || count < 0) {
			proc.err(shellError(shell, shell.flavor === 'bash' ? `shift: ${proc.argv[1]}: numeric argument required` : `shift: Illegal number: ${proc.argv[1]}`));
			return shell.flavor === 'bash' ? 1 : 2;
		}
		if (count > shell.positional.length - 1) return 1;
		shell.positional = [shell.positional[0] ?? shell.name, ...shell.positional.slice(1 + count)];
		return 0;
	},
	source: sourceBuiltin,
	'.': sourceBuiltin,
	eval(proc) {
		return runSource(proc.shell, proc.argv.slice(1).join(' '), proc);
	},
	local(proc) {
		const {shell} = proc;
		const frame = shell.locals?.at(-1);
		if (!frame) {
			proc.err(shellError(shell, shell.flavor === 'bash' ? 'local: can only be used in a function' : 'local: line 0: not in a function'));
			return shell.flavor === 'bash' ? 1 : 2;
		}
		for (const arg of proc.argv.slice(1)) {
			const index = arg.indexOf('=');
			const name = index < 0 ? arg : arg.slice(0, index);
			if (!Object.hasOwn(frame, name)) frame[name] = Object.hasOwn(shell.vars, name) ? shell.vars[name] : undefined;
			if (index >= 0) shell.vars[name] = arg.slice(index + 1);
			else if (!Object.hasOwn(shell.vars, name)) shell.vars[name] = '';
		}
		return 0;
	},
	return(proc) {
		const status = proc.argv[1] === undefined ? proc.shell.lastStatus : Number(proc.argv[1]) & 255;
		if (!proc.shell.locals?.length && !proc.shell.depth) {
			if (proc.shell.flavor === 'bash') proc.err(shellError(proc.shell, "return: can only `return' from a function or sourced script"));
			return proc.shell.flavor === 'bash' ? 1 : status;
		}
		throw new ReturnSignal(status);
	},
	break: proc => loopControl(proc, 'break'),
	continue: proc => loopControl(proc, 'continue'),
	read(proc) {
		const {shell} = proc;
		const args = proc.argv.slice(1);
		let raw = false;
		while (args[0]?.startsWith('-') && args[0] !== '-') {
			if (args[0] === '-r') raw = true;
			else if (args[0] === '-p') args.shift();
			args.shift();
		}
		const names = args.length > 0 ? args : ['REPLY'];
		let line = proc.readLine();
		if (line === undefined) {
			for (const name of names) shell.vars[name] = '';
			return 1;
		}
		if (!raw) line = line.replace(/\\(.)/g, '$1');
		const words = names.length === 1 && names[0] === 'REPLY' && args.length === 0 ? [line] : line.trim().split(/[ \t]+/);
		names.forEach((name, index) => {
			shell.vars[name] = index === names.length - 1 ? words.slice(index).join(' ') : (words[index] ?? '');
		});
		return 0;
	},
	let(proc) {
		let value = 0n;
		for (const expression of proc.argv.slice(1)) value = evaluateArithmetic(expression, arithmeticScope(proc.shell));
		return value === 0n ? 1 : 0;
	},
	':': () => 0,
	test: proc => testBuiltin(proc, proc.argv.slice(1)),
	'[': proc => {
		if (proc.argv.at(-1) !== ']') {
			proc.err(shellError(proc.shell, proc.shell.flavor === 'bash' ? "[: missing `]'" : 'missing ]'));
			return 2;
		}
		return testBuiltin(proc, proc.argv.slice(1, -1));
	},
};

class TestError {
	constructor(readonly message: string) {}
}

const UNARY = new Set(['-z', '-n', '-e', '-f', '-d', '-r', '-w', '-x', '-s', '-L', '-h']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

function testBuiltin(proc: Proc, args: string[]): number {
	const {shell} = proc;
	const statOf = (path: string, follow = true) => {
		try {
			return shell.fs.stat(normalizePath(path, shell.cwd), follow).entry;
		} catch {
			return undefined;
		}
	};
	const integer = (text: string): number => {
		if (/^\s*[-+]?\d+\s*$/.test(text)) return Number(text);
		throw new TestError(shell.flavor === 'bash' ? `${proc.argv[0]}: ${text}: integer expression expected` : `${text}: bad number`);
	};
	const unary = (op: string, value: string): boolean => {
		if (op === '-z') return value === '';
		if (op === '-n') return value !== '';
		if (op === '-L' || op === '-h') return statOf(value, false)?.kind === 'symlink';
		const entry = statOf(value);
		if (op === '-f') return entry?.kind === 'file';
		if (op === '-d') return entry?.kind === 'dir';
		if (op === '-s') return entry !== undefined && (entry.kind !== 'file' || entry.content.length > 0);
		if (op === '-x') return entry !== undefined && (entry.kind !== 'file' || (entry.mode & 0o111) !== 0);
		return entry !== undefined;
	};
	const binary = (left: string, op: string, right: string): boolean => {
		if (op === '=' || op === '==') return left === right;
		if (op === '!=') return left !== right;
		const l = integer(left);
		const r = integer(right);
		if (op === '-eq') return l === r;
		if (op === '-ne') return l !== r;
		if (op === '-lt') return l < r;
		if (op === '-le') return l <= r;
		if (op === '-gt') return l > r;
		return l >= r;
	};
	// POSIX decides by the number of arguments up to three; longer expressions (-a, -o, parentheses) are parsed.
	const simple = (a: string[]): boolean | undefined => {
		if (a.length === 0) return false;
		if (a.length === 1) return a[0] !== '';
		if (a.length === 2) return a[0] === '!' ? a[1] === '' : UNARY.has(a[0]!) ? unary(a[0]!, a[1]!) : undefined;
		if (a.length === 3) {
			if (BINARY.has(a[1]!)) return binary(a[0]!, a[1]!, a[2]!);
			if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
			if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
			if (a[0] === '!') return !simple(a.slice(1));
			if (a[0] === '(' && a[2] === ')') return a[1] !== '';
		}
		return undefined;
	};
	let pos = 0;
	const fail = (): never => {
		throw new TestError(
			shell.flavor === 'bash' ? `${proc.argv[0]}: ${args[pos] === undefined ? 'argument expected' : `${args[pos]}: unary operator expected`}` : `${proc.argv[0]}: syntax error`,
		);
	};
	const primary = (): boolean => {
		const word = args[pos];
		if (word === undefined) return fail();
		if (word === '!') {
			pos++;
			return !primary();
		}
		if (word === '(') {
			pos++;
			const value = or();
			if (args[pos] !== ')') return fail();
			pos++;
			return value;
		}
		if (UNARY.has(word) && args[pos + 1] !== undefined) {
			pos += 2;
			return unary(word, args[pos - 1]!);
		}
		if (args[pos + 1] !== undefined && BINARY.has(args[pos + 1]!) && args[pos + 2] !== undefined) {
			pos += 3;
			return binary(word, args[pos - 2]!, args[pos - 1]!);
		}
		pos++;
		return word !== '';
	};
	const and = (): boolean => {
		let value = primary();
		while (args[pos] === '-a') {
			pos++;
			value = primary() && value;
		}
		return value;
	};
	const or = (): boolean => {
		let value = and();
		while (args[pos] === '-o') {
			pos++;
			value = and() || value;
		}
		return value;
	};
	try {
		const quick = simple(args);
		if (quick !== undefined) return quick ? 0 : 1;
		const value = or();
		if (pos < args.length) fail();
		return value ? 0 : 1;
	} catch (error) {
		if (!(error instanceof TestError)) throw error;
		proc.err(shellError(shell, error.message));
		return 2;
	}
}

function loopControl(proc: Proc, kind: 'break' | 'continue'): number {
	const levels = proc.argv[1] === undefined ? 1 : Number(proc.argv[1]);
	if (!Number.isInteger(levels) || levels < 1) {
		proc.err(shellError(proc.shell, proc.shell.flavor === 'bash' ? `${kind}: ${proc.argv[1]}: loop count out of range` : `${kind}: Illegal number: ${proc.argv[1]}`));
		return 1;
	}
	throw new LoopSignal(kind, levels);
}

function sourceBuiltin(proc: Proc): number {
	const {shell} = proc;
	const file = proc.argv[1];
	if (file === undefined) {
		proc.err(shell.flavor === 'bash' ? `${shell.name}: ${proc.argv[0]}: filename argument required\n${proc.argv[0]}: usage: ${proc.argv[0]} filename [arguments]\n` : '');
		return 2;
	}
	let text: string;
	try {
		text = shell.fs.read(normalizePath(file, shell.cwd));
	} catch (error) {
		proc.err(shellError(shell, shell.flavor === 'bash' ? `${file}: ${errnoText(error)}` : `${proc.argv[0]}: can't open '${file}': ${errnoText(error)}`));
		return shell.flavor === 'bash' ? 1 : 2;
	}
	return sourceFile(proc, text, proc.argv.slice(2));
}

function quoteValue(value: string): string {
	return /^[A-Za-z0-9_./:,+@%=-]*$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

const ESCAPES: Record<string, string> = {n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\'};

/** Backslash escapes of `echo -e`, `printf`'s format and `%b`; `\c` stops the output. */
function decodeEscapes(text: string, format: boolean): {text: string; stop: boolean} {
	let result = '';
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (ch !== '\\' || i + 1 >= text.length) {
			result += ch;
			continue;
		}
		const next = text[i + 1]!;
		if (Object.hasOwn(ESCAPES, next)) {
			result += ESCAPES[next];
			i++;
		} else if (next === 'c') return {text: result, stop: true};
		else if (next === '"' && format) {
			result += '"';
			i++;
		} else if (next === '0' || (format && next >= '1' && next <= '7')) {
			const digits = /^[0-7]{1,3}/.exec(text.slice(next === '0' && !format ? i + 2 : i + 1))?.[0] ?? '';
			result += String.fromCharCode(parseInt(digits || '0', 8) & 255);
			i += (next === '0' && !format ? 1 : 0) + digits.length;
		} else if (next === 'x') {
			const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))?.[0];
			if (hex) {
				result += String.fromCharCode(parseInt(hex, 16));
				i += 1 + hex.length;
			} else result += ch;
		} else result += ch;
	}
	return {text: result, stop: false};
}

/** printf FORMAT [ARGUMENT]…: the format is reused while arguments remain, as coreutils and busybox do. */
function printfBuiltin(proc: Proc): number {
	const {shell} = proc;
	const args = proc.argv.slice(1);
	if (args[0] === '--') args.shift();
	const format = args.shift();
	if (format === undefined) {
		proc.err(shell.flavor === 'bash' ? 'printf: usage: printf [-v var] format [arguments]\n' : `${shell.name}: usage: printf FORMAT [ARGUMENT...]\n`);
		return 2;
	}
	let status = 0;
	const invalid = (value: string) => {
		proc.err(shell.flavor === 'bash' ? `${shell.name}: printf: ${value}: invalid number\n` : `${shell.name}: invalid number '${value}'\n`);
		status = 1;
	};
	const integer = (value: string | undefined): bigint => {
		if (value === undefined || value === '') return 0n;
		if (/^['"]/.test(value)) return BigInt(value.codePointAt(1) ?? 0);
		const match = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(value);
		if (!match) {
			invalid(value);
			return 0n;
		}
		if (match[0].length !== value.length) {
			invalid(value);
			if (shell.flavor === 'busybox') return 0n;
		}
		const digits = match[2]!;
		const parsed = /^0[xX]/.test(digits) ? BigInt(digits) : digits.length > 1 && digits.startsWith('0') ? BigInt('0o' + digits.slice(1)) : BigInt(digits);
		return match[1] === '-' ? -parsed : parsed;
	};
	const float = (value: string | undefined): number => {
		if (value === undefined || value === '') return 0;
		const parsed = Number(value);
		if (Number.isNaN(parsed)) {
			invalid(value);
			return Number.parseFloat(value) || 0;
		}
		return parsed;
	};
	let output = '';
	let index = 0;
	do {
		spend();
		const start = index;
		let stop = false;
		output += format.replace(
			/%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([diouxXcsbfeEgG%])|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g,
			(whole, flags: string, widthText: string, precisionText: string, conversion: string) => {
				if (stop) return '';
				if (whole.startsWith('\\')) {
					const decoded = decodeEscapes(whole, true);
					if (decoded.stop) stop = true;
					return decoded.text;
				}
				if (conversion === '%') return '%';
				const width = widthText === '*' ? Number(integer(args[index++])) : widthText ? Number(widthText) : 0;
				const precision = precisionText === '*' ? Number(integer(args[index++])) : precisionText === undefined ? undefined : Number(precisionText || '0');
				const arg = args[index++];
				let body: string;
				switch (conversion) {
					case 's':
						body = (arg ?? '').slice(0, precision);
						break;
					case 'b': {
						const decoded = decodeEscapes(arg ?? '', false);
						if (decoded.stop) stop = true;
						body = decoded.text.slice(0, precision);
						break;
					}
					case 'c':
						body = (arg ?? '').slice(0, 1);
						break;
					case 'd':
					case 'i':
					case 'u': {
						const value = integer(arg);
						let digits = (value < 0n ? -value : value).toString();
						if (precision !== undefined) digits = digits.padStart(precision, '0');
						body = (value < 0n ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + digits;
						break;
					}
					case 'o':
					case 'x':
					case 'X': {
						const value = BigInt.asUintN(64, integer(arg));
						body = value.toString(conversion === 'o' ? 8 : 16);
						if (conversion === 'X') body = body.toUpperCase();
						if (precision !== undefined) body = body.padStart(precision, '0');
						if (flags.includes('#') && value !== 0n) body = (conversion === 'o' ? '0' : conversion === 'x' ? '0x' : '0X') + body;
						break;
					}
					default: {
						const value = float(arg);
						const p = precision ?? 6;
						if (conversion === 'f') body = value.toFixed(p);
						else if (conversion === 'e' || conversion === 'E') body = cExponent(value.toExponential(p));
						else body = gFormat(value, p === 0 ? 1 : p, flags.includes('#'));
						if (conversion === 'E' || conversion === 'G') body = body.toUpperCase();
						if (value >= 0 && flags.includes('+')) body = '+' + body;
					}
				}
				if (body.length >= width) return body;
				if (flags.includes('-')) return body.padEnd(width);
				if (flags.includes('0') && conversion !== 's' && conversion !== 'c' && conversion !== 'b' && precision === undefined) {
					const sign = /^[+ -]/.test(body) ? body[0]! : '';
					return sign + body.slice(sign.length).padStart(width - sign.length, '0');
				}
				return body.padStart(width);
			},
		);
		if (stop || index === start) break;
	} while (index < args.length);
	proc.out(output);
	return status;
}

/** C's %e exponent has at least two digits: 1.5e+3 → 1.5e+03. */
function cExponent(text: string): string {
	return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

function gFormat(value: number, precision: number, alternate: boolean): string {
	if (value === 0) return '0';
	const exponent = Math.floor(Math.log10(Math.abs(value)));
	let text = exponent < -4 || exponent >= precision ? cExponent(value.toExponential(precision - 1)) : value.toFixed(Math.max(0, precision - 1 - exponent));
	if (!alternate && text.includes('.')) text = text.replace(/\.?0+(e|$)/, '$1').replace(/(\.\d*?)0+(e|$)/, '$1$2');
	return text;
}
