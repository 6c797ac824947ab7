/**
 * Go's fmt over GoValues: Sprint, Sprintln and Sprintf with Go's verbs, flags, widths, precisions
 * and its %!verb(type=value) error notation.
 */
import {type GoValue, goTypeName, sortedEntries, str} from './values.js';
import {canBackquote, formatFloat, goQuote, isPrint} from './strconv.js';
import {goTimeString} from './time.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

interface Flags {
	plus: boolean;
	minus: boolean;
	sharp: boolean;
	space: boolean;
	zero: boolean;
	plusV: boolean;
	sharpV: boolean;
	width?: number;
	prec?: number;
}

const noFlags = (): Flags => ({plus: false, minus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false});

/**
 * A pointer's address as fmt prints it (%v of a pointer that is not a top-level pointer to a
 * struct/slice/map, e.g. State.Health inside `{{.State}}`). Real Docker prints a heap address that
 * changes from run to run (0xc000123456); we print a stable, plausible one derived from the pointee,
 * unless the value carries its own `addr`.
 */
function pointerAddress(p: GoValue & {t: 'ptr'}): string {
	if (p.addr) return p.addr;
	let h = 0x811c9dc5;
	for (const ch of JSON.stringify(p.to)) {
		h ^= ch.charCodeAt(0);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return '0xc000' + ((h & 0xfffff8) >>> 0).toString(16).padStart(6, '0');
}

/**
 * Thrown when a Sprint call's output passes the `maxLength` its caller gave (not Go behaviour: a
 * caller with a budget uses it so a 10 MB width repeated per verb cannot build a huge string first).
 */
export class FmtTooLong extends Error {
	constructor(readonly length: number) {
		super(`fmt: output of ${length} characters`);
	}
}

class Printer {
	buf = '';
	flags: Flags = noFlags();

	constructor(private readonly maxLength = Infinity) {}

	/** Checked after each operand: the output so far must stay within maxLength. */
	check(): void {
		if (this.buf.length > this.maxLength) throw new FmtTooLong(this.buf.length);
	}

	/** Write with padding to the field width (fmt.pad), counting runes. */
	pad(s: string): void {
		const width = this.flags.width;
		if (width === undefined) {
			this.buf += s;
			return;
		}
		const n = width - [...s].length;
		if (n <= 0) this.buf += s;
		else if (this.flags.minus) this.buf += s + ' '.repeat(n);
		else this.buf += (this.flags.zero ? '0' : ' ').repeat(n) + s;
	}

	badVerb(verb: string, v: GoValue | undefined): void {
		this.buf += '%!' + verb + '(';
		if (v === undefined || (v.t === 'nil' && v.of === 'interface')) this.buf += '<nil>';
		else {
			this.buf += goTypeName(v) + '=';
			const saved = this.flags;
			this.flags = noFlags();
			this.printArg(v, 'v');
			this.flags = saved;
		}
		this.buf += ')';
	}

	fmtInteger(n: number, verb: string, v: GoValue): void {
		let big = BigInt(Math.trunc(n));
		const neg = big < 0n;
		if (neg) big = -big;
		let digits: string;
		let prefix = '';
		switch (verb) {
			case 'v':
			case 'd':
				digits = big.toString(10);
				break;
			case 'b':
				digits = big.toString(2);
				if (this.flags.sharp) prefix = '0b';
				break;
			case 'o':
			case 'O':
				digits = big.toString(8);
				if (verb === 'O') prefix = '0o';
				else if (this.flags.sharp) prefix = '0';
				break;
			case 'x':
				digits = big.toString(16);
				if (this.flags.sharp) prefix = '0x';
				break;
			case 'X':
				digits = big.toString(16).toUpperCase();
				if (this.flags.sharp) prefix = '0X';
				break;
			case 'c':
				this.pad(String.fromCodePoint(validRune(n)));
				return;
			case 'q':
				this.pad(goQuote(String.fromCodePoint(validRune(n)), this.flags.plus, "'"));
				return;
			case 'U': {
				const hex = big.toString(16).toUpperCase().padStart(4, '0');
				let s = 'U+' + hex;
				if (this.flags.sharp && n >= 0 && n <= 0x10ffff && isPrint(String.fromCodePoint(n))) s += " '" + String.fromCodePoint(n) + "'";
				this.pad(s);
				return;
			}
			default:
				this.badVerb(verb, v);
				return;
		}
		// Precision is a minimum number of digits; %.0d of 0 prints nothing.
		if (this.flags.prec !== undefined) {
			if (this.flags.prec === 0 && big === 0n) digits = '';
			digits = digits.padStart(this.flags.prec, '0');
		} else if (this.flags.zero && !this.flags.minus && this.flags.width !== undefined) {
			const signLen = neg || this.flags.plus || this.flags.space ? 1 : 0;
			digits = digits.padStart(this.flags.width - signLen - prefix.length, '0');
		}
		const sign = neg ? '-' : this.flags.plus ? '+' : this.flags.space ? ' ' : '';
		const saved = this.flags.zero;
		this.flags.zero = false;
		this.pad(sign + prefix + digits);
		this.flags.zero = saved;
	}

	fmtFloat(n: number, verb: string, v: GoValue): void {
		let fmt: 'e' | 'E' | 'f' | 'g' | 'G';
		let prec = this.flags.prec ?? -1;
		switch (verb) {
			case 'v':
			case 'g':
				fmt = 'g';
				break;
			case 'G':
				fmt = 'G';
				break;
			case 'e':
			case 'E':
				fmt = verb;
				if (this.flags.prec === undefined) prec = 6;
				break;
			case 'f':
			case 'F':
				fmt = 'f';
				if (this.flags.prec === undefined) prec = 6;
				break;
			default:
				this.badVerb(verb, v);
				return;
		}
		let s = formatFloat(n, fmt, prec);
		if (this.flags.sharp && Number.isFinite(n)) s = sharpFloat(s, verb, prec);
		if (!s.startsWith('-') && !s.startsWith('+')) s = (this.flags.plus ? '+' : this.flags.space ? ' ' : '') + s;
		else if (s === '+Inf' && !this.flags.plus) s = this.flags.space ? ' Inf' : 'Inf';
		if (this.flags.zero && !this.flags.minus && this.flags.width !== undefined && Number.isFinite(n)) {
			const sign = /^[+\- ]/.test(s) ? s[0]! : '';
			const body = s.slice(sign.length);
			this.buf += sign + body.padStart(this.flags.width - sign.length, '0');
			return;
		}
		const saved = this.flags.zero;
		this.flags.zero = false;
		this.pad(s);
		this.flags.zero = saved;
	}

	fmtString(s: string, verb: string, v: GoValue): void {
		switch (verb) {
			case 'v':
			case 's': {
				if (this.flags.prec !== undefined) s = [...s].slice(0, this.flags.prec).join('');
				this.pad(s);
				return;
			}
			case 'q':
				if (this.flags.prec !== undefined) s = [...s].slice(0, this.flags.prec).join('');
				this.pad(this.flags.sharp && canBackquote(s) ? '`' + s + '`' : goQuote(s, this.flags.plus));
				return;
			case 'x':
			case 'X': {
				let bytes = [...utf8(s)];
				if (this.flags.prec !== undefined) bytes = bytes.slice(0, this.flags.prec);
				const hex = bytes.map(b => b.toString(16).padStart(2, '0'));
				const x = verb === 'X' ? (h: string) => h.toUpperCase() : (h: string) => h;
				const pre = this.flags.sharp ? (verb === 'X' ? '0X' : '0x') : '';
				const out = this.flags.space ? hex.map(h => pre + x(h)).join(' ') : pre + x(hex.join(''));
				this.pad(out);
				return;
			}
			default:
				this.badVerb(verb, v);
		}
	}

	fmtPointer(p: GoValue, verb: string): void {
		const isNil = p.t === 'nil';
		switch (verb) {
			case 'v':
				if (isNil) this.pad('<nil>');
				else this.pad(pointerAddress(p as GoValue & {t: 'ptr'}));
				return;
			case 'p':
				this.pad(isNil ? '0x0' : pointerAddress(p as GoValue & {t: 'ptr'}));
				return;
			default:
				this.badVerb(verb, p);
		}
	}

	/** fmt's printArg for an operand (depth 0). `undefined` is a nil interface{} argument. */
	printArg(v: GoValue | undefined, verb: string): void {
		if (v === undefined || (v.t === 'nil' && v.of === 'interface')) {
			if (verb === 'T' || verb === 'v') this.pad('<nil>');
			else this.badVerb(verb, undefined);
			return;
		}
		if (verb === 'T') {
			this.fmtString(goTypeName(v), 's', v);
			return;
		}
		if (verb === 'p') {
			if (v.t === 'ptr' || (v.t === 'nil' && v.of === 'ptr')) this.fmtPointer(v, 'p');
			else this.badVerb(verb, v);
			return;
		}
		this.printValue(v, verb, 0);
	}

	/** fmt's printValue; `depth` > 0 inside composites (where pointers print as addresses). */
	printValue(v: GoValue, verb: string, depth: number): void {
		switch (v.t) {
			case 'bool':
				if (verb === 't' || verb === 'v') this.pad(v.v ? 'true' : 'false');
				else this.badVerb(verb, v);
				return;
			case 'int':
				this.fmtInteger(v.v, verb, v);
				return;
			case 'float':
				this.fmtFloat(v.v, verb, v);
				return;
			case 'string':
				this.fmtString(v.v, verb, v);
				return;
			case 'time':
				// time.Time is a fmt.Stringer: %v %s %q %x %X print its String().
				if ('vsqxX'.includes(verb)) this.fmtString(goTimeString(v.iso), verb, str(''));
				else this.badVerb(verb, v);
				return;
			case 'iface':
				this.printValue(v.v, verb, depth + 1);
				return;
			case 'nil':
				if (v.of === 'slice') this.buf += '[]';
				else if (v.of === 'map') this.buf += 'map[]';
				else if (v.of === 'ptr') this.fmtPointer(v, verb);
				else this.pad('<nil>'); // a nil interface inside a composite prints <nil> whatever the verb
				return;
			case 'slice':
				this.buf += '[';
				v.items.forEach((item, i) => {
					if (i > 0) this.buf += ' ';
					this.printValue(item, verb, depth + 1);
				});
				this.buf += ']';
				return;
			case 'map': {
				this.buf += 'map[';
				sortedEntries(v.entries).forEach(([k, item], i) => {
					if (i > 0) this.buf += ' ';
					this.printValue(str(k), verb, depth + 1);
					this.buf += ':';
					this.printValue(item, verb, depth + 1);
				});
				this.buf += ']';
				return;
			}
			case 'struct':
				this.buf += '{';
				v.fields.forEach((f, i) => {
					if (i > 0) this.buf += ' ';
					if (this.flags.plusV) this.buf += f.name + ':';
					this.printValue(f.value, verb, depth + 1);
				});
				this.buf += '}';
				return;
			case 'ptr': {
				// Only a top-level pointer to a struct, slice or map prints as &{...}; anything deeper is an address.
				const to = v.to;
				if (depth === 0 && (to.t === 'struct' || to.t === 'slice' || to.t === 'map' || (to.t === 'nil' && to.of !== 'ptr' && to.of !== 'interface'))) {
					this.buf += '&';
					this.printValue(to, verb, depth + 1);
					return;
				}
				this.fmtPointer(v, verb);
				return;
			}
		}
	}
}

/** fmt's # flag for floats: always a decimal point; %#g/%#v keep trailing zeros up to the precision. */
function sharpFloat(num: string, verb: string, prec: number): string {
	let digits = verb === 'v' || verb === 'g' || verb === 'G' ? (prec === -1 ? 6 : prec) : 0;
	const sign = /^[+\- ]/.test(num) ? num[0]! : '';
	let body = num.slice(sign.length);
	let tail = '';
	const e = body.search(/[eE]/);
	if (e >= 0) {
		tail = body.slice(e);
		body = body.slice(0, e);
	}
	let sawNonzero = false;
	for (const c of body) {
		if (c === '.') continue;
		if (c !== '0') sawNonzero = true;
		if (sawNonzero) digits--;
	}
	if (!body.includes('.')) {
		if (body === '0') digits--;
		body += '.';
	}
	return sign + body + '0'.repeat(Math.max(digits, 0)) + tail;
}

function validRune(n: number): number {
	return n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? n : 0xfffd;
}

/** fmt.Sprint(v) – the same as %v. Pointers: see `pointerAddress`. */
export function goFormat(v: GoValue): string {
	return goSprint([v]);
}

/** fmt.Sprint(args...): spaces between operands when neither side is a string. `undefined` = nil. */
export function goSprint(args: Array<GoValue | undefined>, maxLength = Infinity): string {
	const p = new Printer(maxLength);
	let prevString = false;
	args.forEach((arg, i) => {
		const isString = arg !== undefined && arg.t === 'string';
		if (i > 0 && !isString && !prevString) p.buf += ' ';
		p.flags = noFlags();
		p.printArg(arg, 'v');
		p.check();
		prevString = isString;
	});
	return p.buf;
}

/** fmt.Sprintln(args...): always spaces, and a newline. */
export function goSprintln(args: Array<GoValue | undefined>, maxLength = Infinity): string {
	const p = new Printer(maxLength);
	args.forEach((arg, i) => {
		if (i > 0) p.buf += ' ';
		p.flags = noFlags();
		p.printArg(arg, 'v');
		p.check();
	});
	return p.buf + '\n';
}

/** fmt's bound on widths and precisions: anything at or past a million is refused. */
const tooLarge = (x: number): boolean => !(-1e6 < x && x < 1e6);

/** fmt.Sprintf(format, args...), including Go's %!verb(type=value) error notation. */
export function goSprintf(format: string, args: Array<GoValue | undefined>, maxLength = Infinity): string {
	const p = new Printer(maxLength);
	let argNum = 0;
	let i = 0;
	let reordered = false;
	let goodArgNum = true;
	// fmt's intFromArg: the argument is used up even when it is not a usable int.
	const intArg = (): number | undefined => {
		const a = args[argNum];
		argNum++;
		if (a === undefined || a.t !== 'int' || tooLarge(a.v)) return undefined;
		return a.v;
	};
	// fmt's parsenum: a number too long to be sensible ends the format (NOVERB follows).
	const parsenum = (): number | undefined => {
		let n = 0;
		let digits = 0;
		for (; i < format.length && format[i]! >= '0' && format[i]! <= '9'; i++, digits++) {
			if (tooLarge(n)) {
				i = format.length;
				return undefined;
			}
			n = n * 10 + format.charCodeAt(i) - 48;
		}
		return digits > 0 ? n : undefined;
	};
	while (i < format.length) {
		const start = i;
		while (i < format.length && format[i] !== '%') i++;
		p.buf += format.slice(start, i);
		if (i >= format.length) break;
		i++; // skip %
		const f = noFlags();
		for (; i < format.length; i++) {
			const c = format[i];
			if (c === '#') f.sharp = true;
			else if (c === '0') f.zero = true;
			else if (c === '+') f.plus = true;
			else if (c === '-') f.minus = true;
			else if (c === ' ') f.space = true;
			else break;
		}
		if (f.minus) f.zero = false; // Go: "Do not pad with zeros to the right."
		// Explicit argument index: %[2]s, %[1]*d.
		const argIndex = (): void => {
			const m = /^\[(\d+)\]/.exec(format.slice(i));
			if (!m) return;
			i += m[0].length;
			reordered = true;
			const n = Number(m[1]) - 1;
			if (n >= 0 && n < args.length) argNum = n;
			else goodArgNum = false;
		};
		argIndex();
		if (format[i] === '*') {
			i++;
			const w = argNum < args.length ? intArg() : undefined;
			if (w === undefined) p.buf += '%!(BADWIDTH)';
			else if (w < 0) {
				f.minus = true;
				f.zero = false;
				f.width = -w;
			} else f.width = w;
		} else {
			f.width = parsenum();
		}
		if (format[i] === '.') {
			i++;
			argIndex();
			if (format[i] === '*') {
				i++;
				const pr = argNum < args.length ? intArg() : undefined;
				if (pr === undefined || pr < 0) p.buf += '%!(BADPREC)';
				else f.prec = pr;
			} else {
				f.prec = parsenum() ?? 0;
			}
		}
		argIndex();
		if (i >= format.length) {
			p.buf += '%!(NOVERB)';
			break;
		}
		const verb = String.fromCodePoint(format.codePointAt(i)!);
		i += verb.length;
		if (verb === '%') {
			p.buf += '%';
			continue;
		}
		if (!goodArgNum) {
			p.buf += '%!' + verb + '(BADINDEX)';
			goodArgNum = true;
			continue;
		}
		if (argNum >= args.length) {
			p.buf += '%!' + verb + '(MISSING)';
			continue;
		}
		if (verb === 'v') {
			if (f.sharp) {
				f.sharp = false;
				f.sharpV = true;
			}
			if (f.plus) {
				f.plus = false;
				f.plusV = true;
			}
		}
		p.flags = f;
		p.printArg(args[argNum++], verb);
		p.check();
	}
	if (!reordered && argNum < args.length) {
		p.flags = noFlags();
		p.buf += '%!(EXTRA ';
		args.slice(argNum).forEach((arg, k) => {
			if (k > 0) p.buf += ', ';
			if (arg === undefined || (arg.t === 'nil' && arg.of === 'interface')) p.buf += '<nil>';
			else {
				p.buf += goTypeName(arg) + '=';
				p.printArg(arg, 'v');
			}
		});
		p.buf += ')';
	}
	return p.buf;
}
