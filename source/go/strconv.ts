/**
 * Go's strconv: formatting floats (FormatFloat), quoting (Quote, QuoteRune, Unquote) and parsing
 * numbers and booleans (ParseInt, ParseUint, Atoi, ParseFloat, ParseBool) with Go's error texts.
 *
 * Functions that return (value, error) in Go return `value | GoError` here: the error is a plain
 * object whose `error` is the message Go's err.Error() gives.
 */

/** A Go error value: `error` is its Error() text. */
export interface GoError {
	error: string;
}

/** strconv.NumError: `strconv.ParseInt: parsing "x": invalid syntax`. */
interface NumError extends GoError {
	func: string;
	num: string;
	err: 'invalid syntax' | 'value out of range' | 'invalid base';
}

export function isGoError(v: unknown): v is GoError {
	return typeof v === 'object' && v !== null && 'error' in v;
}

function numError(func: string, num: string, err: NumError['err']): NumError {
	return {func, num, err, error: `strconv.${func}: parsing ${goQuote(num)}: ${err}`};
}

const SYNTAX: GoError = {error: 'invalid syntax'};

// ---------------------------------------------------------------------------------------------
// strconv.FormatFloat

interface Digits {
	d: string; // significant decimal digits, no leading/trailing zeros ('' for zero)
	dp: number; // decimal point position: value = 0.d × 10^dp
}

/** Shortest digits that round-trip (what strconv uses for precision -1); JS computes the same ones. */
function shortestDigits(x: number): Digits {
	if (x === 0) return {d: '', dp: 0};
	const [mant = '', exp = '0'] = Math.abs(x).toExponential().split('e');
	const d = mant.replace('.', '').replace(/0+$/, '');
	return {d, dp: Number(exp) + 1};
}

/** The exact decimal expansion of a double (every double is a finite decimal). */
function exactDigits(x: number): Digits {
	if (x === 0) return {d: '', dp: 0};
	const view = new DataView(new ArrayBuffer(8));
	view.setFloat64(0, Math.abs(x));
	const bits = view.getBigUint64(0);
	const expBits = Number((bits >> 52n) & 0x7ffn);
	let mant = bits & ((1n << 52n) - 1n);
	let exp: number;
	if (expBits === 0) exp = -1074;
	else {
		mant |= 1n << 52n;
		exp = expBits - 1075;
	}
	let digits: string;
	let dp: number;
	if (exp >= 0) {
		digits = (mant << BigInt(exp)).toString();
		dp = digits.length;
	} else {
		digits = (mant * 5n ** BigInt(-exp)).toString();
		dp = digits.length + exp; // divided by 10^-exp
	}
	const lead = digits.length - digits.replace(/^0+/, '').length;
	digits = digits.slice(lead);
	dp -= lead;
	return {d: digits.replace(/0+$/, ''), dp};
}

/** Round exact digits to `nd` significant digits, half to even on exact ties (strconv's decimal.Round). */
function roundDigits(x: Digits, nd: number): Digits {
	if (nd < 0) return {d: '', dp: x.dp};
	if (nd >= x.d.length) return x;
	const next = x.d.charCodeAt(nd) - 48;
	// Digits have no trailing zeros, so a 5 followed by anything is above half; a final 5 is a tie.
	const tie = next === 5 && nd + 1 === x.d.length;
	const up = tie ? nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1 : next >= 5;
	let d = x.d.slice(0, nd);
	let dp = x.dp;
	if (up) {
		let i = d.length - 1;
		while (i >= 0 && d[i] === '9') i--;
		if (i < 0) {
			d = '1';
			dp++;
		} else d = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
	}
	return {d: d.replace(/0+$/, ''), dp};
}

function digitAt(x: Digits, i: number): string {
	return i >= 0 && i < x.d.length ? x.d[i]! : '0';
}

function fmtE(x: Digits, prec: number, e: 'e' | 'E'): string {
	let s = x.d.length ? x.d[0]! : '0';
	if (prec > 0) {
		s += '.';
		for (let i = 1; i <= prec; i++) s += digitAt(x, i);
	}
	const exp = x.d.length === 0 ? 0 : x.dp - 1;
	const abs = Math.abs(exp);
	return s + e + (exp < 0 ? '-' : '+') + (abs < 10 ? '0' + abs : String(abs));
}

function fmtF(x: Digits, prec: number): string {
	let s = '';
	if (x.dp > 0) for (let i = 0; i < x.dp; i++) s += digitAt(x, i);
	else s = '0';
	if (prec > 0) {
		s += '.';
		for (let i = 1; i <= prec; i++) s += digitAt(x, x.dp + i - 1);
	}
	return s;
}

/** strconv.FormatFloat(v, fmt, prec, 64). */
export function formatFloat(v: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
	if (Number.isNaN(v)) return 'NaN';
	if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
	const neg = v < 0 || Object.is(v, -0);
	const shortest = prec < 0;
	let x: Digits;
	if (shortest) {
		x = shortestDigits(v);
		prec = fmt === 'e' || fmt === 'E' ? Math.max(x.d.length - 1, 0) : fmt === 'f' ? Math.max(x.d.length - x.dp, 0) : x.d.length;
	} else {
		const exact = exactDigits(v);
		if (fmt === 'e' || fmt === 'E') x = roundDigits(exact, prec + 1);
		else if (fmt === 'f') x = roundDigits(exact, exact.dp + prec);
		else {
			if (prec === 0) prec = 1;
			x = roundDigits(exact, prec);
		}
	}
	let body: string;
	if (fmt === 'e' || fmt === 'E') body = fmtE(x, prec, fmt);
	else if (fmt === 'f') body = fmtF(x, prec);
	else {
		let eprec = prec;
		if (eprec > x.d.length && x.d.length >= x.dp) eprec = x.d.length;
		// %e is used if the exponent is < -4 or >= the precision; shortest uses precision 6 for this decision.
		if (shortest) eprec = 6;
		const exp = x.dp - 1;
		if (x.d.length > 0 && (exp < -4 || exp >= eprec)) {
			body = fmtE(x, Math.min(prec, x.d.length) - 1, fmt === 'g' ? 'e' : 'E');
		} else {
			body = fmtF(x, Math.max((prec > x.dp ? x.d.length : prec) - x.dp, 0));
		}
	}
	return (neg ? '-' : '') + body;
}

// ---------------------------------------------------------------------------------------------
// strconv.Quote

const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/** strconv.Quote (asciiOnly = strconv.QuoteToASCII, as %+q). */
export function goQuote(s: string, asciiOnly = false, quote = '"'): string {
	let out = quote;
	for (const ch of s) {
		const c = ch.codePointAt(0)!;
		if (ch === quote || ch === '\\') out += '\\' + ch;
		else if (c >= 0xd800 && c <= 0xdfff)
			out += '\\ufffd'; // lone surrogate: invalid UTF-8 in Go
		else if (c < 0x80 ? c >= 0x20 && c < 0x7f : !asciiOnly && (printable.test(ch) || c === 0x20)) out += ch;
		else {
			const named: Record<number, string> = {7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v'};
			const hex = c.toString(16);
			if (named[c]) out += named[c];
			else if (c < 0x20 || c === 0x7f) out += '\\x' + hex.padStart(2, '0');
			else if (c < 0x10000) out += '\\u' + hex.padStart(4, '0');
			else out += '\\U' + hex.padStart(8, '0');
		}
	}
	return out + quote;
}

/** strconv.QuoteRune of the first character of `ch`. */
export function goQuoteRune(ch: string): string {
	return goQuote(String.fromCodePoint(ch.codePointAt(0) ?? 0xfffd), false, "'");
}

/** strconv.CanBackquote: no control characters other than tab, no backquote, valid UTF-8. */
export function canBackquote(s: string): boolean {
	for (const ch of s) {
		const c = ch.codePointAt(0)!;
		if (ch === '`' || c === 0xfeff || (c < 0x20 && c !== 9) || c === 0x7f || (c >= 0xd800 && c <= 0xdfff)) return false;
	}
	return true;
}

/** unicode.IsPrint for one character (letters, marks, numbers, punctuation, symbols, ASCII space). */
export function isPrint(ch: string): boolean {
	return ch === ' ' || printable.test(ch);
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** strconv.ParseBool */
export function parseBool(s: string): boolean | NumError {
	if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
	if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
	return numError('ParseBool', s, 'invalid syntax');
}

/**
 * strconv.ParseUint(s, base, bitSize). Base 0 reads the 0b/0o/0x/0 prefixes and allows _ between
 * digits; like Go, the first overflow is reported even if a bad digit follows.
 */
export function parseUnsigned(s: string, base = 0, bitSize = 64, func = 'ParseUint'): bigint | NumError {
	if (s === '') return numError(func, s, 'invalid syntax');
	const base0 = base === 0;
	let body = s;
	if (base0) {
		base = 10;
		if (s[0] === '0') {
			const p = (s[1] ?? '').toLowerCase();
			if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
				base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
				body = s.slice(2);
			} else {
				base = 8;
				body = s.slice(1);
			}
		}
	} else if (base < 2 || base > 36) return numError(func, s, 'invalid base');
	const max = (1n << BigInt(bitSize)) - 1n;
	let n = 0n;
	let underscores = false;
	for (const c of body) {
		if (c === '_' && base0) {
			underscores = true;
			continue;
		}
		const d = /^[0-9a-zA-Z]$/.test(c) ? parseInt(c, 36) : Number.NaN;
		if (Number.isNaN(d) || d >= base) return numError(func, s, 'invalid syntax');
		n = n * BigInt(base) + BigInt(d);
		if (n > max) return numError(func, s, 'value out of range');
	}
	if (underscores && !underscoreOK(s)) return numError(func, s, 'invalid syntax');
	return n;
}

/** strconv.ParseInt(s, base, bitSize): an optional sign, then ParseUint's syntax. */
export function parseInteger(s: string, base = 0, bitSize = 64, func = 'ParseInt'): bigint | NumError {
	if (s === '') return numError(func, s, 'invalid syntax');
	let body = s;
	const negative = s[0] === '-';
	if (s[0] === '+' || s[0] === '-') body = s.slice(1);
	const magnitude = parseUnsigned(body, base, bitSize, func);
	if (isGoError(magnitude) && magnitude.err !== 'value out of range') return numError(func, s, magnitude.err);
	const cutoff = 1n << BigInt(bitSize - 1);
	if (isGoError(magnitude) || (!negative && magnitude >= cutoff) || (negative && magnitude > cutoff)) return numError(func, s, 'value out of range');
	return negative ? -magnitude : magnitude;
}

/** strconv.Atoi: ParseInt(s, 10, 0) on a 64-bit machine, errors naming Atoi. */
export function atoi(s: string): number | NumError {
	const n = parseInteger(s, 10, 64, 'Atoi');
	return isGoError(n) ? n : Number(n);
}

/** strconv's rule for _ digit separators: only between digits, or right after a base prefix. */
function underscoreOK(s0: string): boolean {
	let s = s0;
	let saw = '^';
	let i = 0;
	if (s[0] === '-' || s[0] === '+') s = s.slice(1);
	let hex = false;
	const p = (s[1] ?? '').toLowerCase();
	if (s.length >= 2 && s[0] === '0' && (p === 'b' || p === 'o' || p === 'x')) {
		i = 2;
		saw = '0';
		hex = p === 'x';
	}
	for (; i < s.length; i++) {
		const c = s[i] as string;
		if ((c >= '0' && c <= '9') || (hex && /[a-f]/i.test(c))) {
			saw = '0';
			continue;
		}
		if (c === '_') {
			if (saw !== '0') return false;
			saw = '_';
			continue;
		}
		if (saw === '_') return false;
		saw = '!';
	}
	return saw !== '_';
}

/**
 * strconv.ParseFloat(s, 64) for the forms a command line gives: decimal and hexadecimal (with a p
 * exponent) numbers, and inf/infinity/nan. Underscores are not read. An overflow is Go's range error.
 */
export function parseFloat64(s: string): number | NumError {
	const special = /^([+-]?)(inf|infinity)$/i.exec(s);
	if (special) return special[1] === '-' ? -Infinity : Infinity;
	if (/^nan$/i.test(s)) return Number.NaN;
	const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s);
	const hex = /^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+$/.test(s);
	if (!decimal && !hex) return numError('ParseFloat', s, 'invalid syntax');
	const value = decimal ? Number(s) : hexFloat(s);
	if (!Number.isFinite(value)) return numError('ParseFloat', s, 'value out of range');
	return value;
}

/** The value of a hexadecimal float literal (0x1.8p1 = 3); NaN when `text` is not one. */
export function hexFloat(text: string): number {
	const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(text);
	if (!m || (m[2] === '' && !m[3])) return Number.NaN;
	const frac = m[3] ?? '';
	const mant = parseInt((m[2] || '0') + frac, 16);
	return (m[1] === '-' ? -1 : 1) * mant * 2 ** (Number(m[4]) - 4 * frac.length);
}

/** strconv.Unquote for "..." , `...` and '...' literals. */
export function unquote(s: string): string | GoError {
	const q = s[0];
	if (q === '`') {
		if (s.length < 2 || !s.endsWith('`')) return SYNTAX;
		return s.slice(1, -1).replace(/\r/g, '');
	}
	if (s.length < 2 || s[s.length - 1] !== q) return SYNTAX;
	const body = s.slice(1, -1);
	let out = '';
	for (let i = 0; i < body.length;) {
		const c = String.fromCodePoint(body.codePointAt(i)!);
		if (c === q || c === '\n') return SYNTAX;
		if (c !== '\\') {
			out += c;
			i += c.length;
			continue;
		}
		const e = body[i + 1];
		i += 2;
		const simple: Record<string, string> = {a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\'};
		if (e !== undefined && simple[e] !== undefined) out += simple[e];
		else if (e === q) out += q;
		else if (e === 'x' || e === 'u' || e === 'U') {
			const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
			const hex = body.slice(i, i + n);
			if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return SYNTAX;
			const cp = parseInt(hex, 16);
			if (e === 'x')
				out += Buffer.from([cp]).toString('latin1'); // a raw byte; approximated as that code point
			else {
				if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return SYNTAX;
				out += String.fromCodePoint(cp);
			}
			i += n;
		} else if (e !== undefined && e >= '0' && e <= '7') {
			const oct = body.slice(i - 1, i + 2);
			if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return SYNTAX;
			out += String.fromCharCode(parseInt(oct, 8));
			i += 2;
		} else return SYNTAX;
	}
	if (q === "'" && [...out].length !== 1) return SYNTAX;
	return out;
}
