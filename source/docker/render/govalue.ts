/**
 * Go values, modelled in TypeScript, and the three ways Docker prints them:
 *
 *  - `goFormat`   – fmt.Sprint / `%v` (what `{{.Mounts}}` prints),
 *  - `goJson`     – encoding/json.Marshal (what `{{json .Mounts}}` prints, with HTML escaping off),
 *  - `dockerInspectJson` – what `docker inspect` prints without --format.
 *
 * The simulator builds typed inspect objects once (e.g. a container's MountPoint structs with their
 * json tags) and prints them every way Docker does. Expected outputs in the tests come from real Go
 * programs (test/docker/fixtures/goref/main.go), not from this code.
 *
 * Every variant may carry an optional Go type name (`type`), e.g. `str('volume', 'mount.Type')`.
 * It only matters where Go shows or checks types: template error messages ("can't evaluate field X
 * in type T"), `%T`, and assignability of template function arguments (a named string type such as
 * mount.Type is NOT assignable to a `string` parameter, so `{{upper .Type}}` fails in Go).
 */

export type GoValue =
	| {t: 'string'; v: string; type?: string}
	| {t: 'bool'; v: boolean; type?: string}
	| {t: 'int'; v: number; type?: string} // all integer kinds; `type` names the kind ('int64', 'uint32', ...)
	| {t: 'float'; v: number; type?: string}
	| {t: 'nil'; of: 'ptr' | 'slice' | 'map' | 'interface'; type?: string} // typed nils print differently in fmt and json
	| {t: 'slice'; items: GoValue[]; type?: string}
	| {t: 'map'; entries: Array<[string, GoValue]>; type?: string} // string keys; fmt and json sort keys
	| {t: 'struct'; fields: GoField[]; type?: string} // fmt %v prints {a b c}
	| {t: 'ptr'; to: GoValue; type?: string; addr?: string} // see goFormat for how pointers print
	| {t: 'time'; iso: string} // time.Time (UTC)
	| {t: 'iface'; v: GoValue}; // interface{} holding a value (e.g. the values of map[string]interface{})

export interface GoField {
	name: string;
	/** json tag name: undefined or '' = the Go field name, '-' = skipped by encoding/json. */
	json?: string;
	omitempty?: boolean;
	value: GoValue;
}

// ---------------------------------------------------------------------------------------------
// Constructors

export const str = (v: string, type?: string): GoValue => (type ? {t: 'string', v, type} : {t: 'string', v});
export const bool = (v: boolean, type?: string): GoValue => (type ? {t: 'bool', v, type} : {t: 'bool', v});
export const int = (v: number, type?: string): GoValue => (type ? {t: 'int', v, type} : {t: 'int', v});
export const float = (v: number, type?: string): GoValue => (type ? {t: 'float', v, type} : {t: 'float', v});
export const nil = (of: 'ptr' | 'slice' | 'map' | 'interface', type?: string): GoValue => (type ? {t: 'nil', of, type} : {t: 'nil', of});
export const slice = (items: GoValue[], type?: string): GoValue => (type ? {t: 'slice', items, type} : {t: 'slice', items});
/** A []string. */
export const strings = (items: string[], type?: string): GoValue =>
	slice(
		items.map(s => str(s)),
		type ?? '[]string',
	);
export function map(entries: Array<[string, GoValue]> | Record<string, GoValue>, type?: string): GoValue {
	const list = Array.isArray(entries) ? entries : Object.entries(entries);
	return type ? {t: 'map', entries: list, type} : {t: 'map', entries: list};
}
export function field(name: string, value: GoValue, opts: {json?: string; omitempty?: boolean} = {}): GoField {
	const f: GoField = {name, value};
	if (opts.json !== undefined) f.json = opts.json;
	if (opts.omitempty) f.omitempty = true;
	return f;
}
/** A struct from GoFields, or from a plain record (field name = json name, no omitempty). */
export function struct(fields: GoField[] | Record<string, GoValue>, type?: string): GoValue {
	const list = Array.isArray(fields) ? fields : Object.entries(fields).map(([name, value]) => field(name, value));
	return type ? {t: 'struct', fields: list, type} : {t: 'struct', fields: list};
}
export const ptr = (to: GoValue, type?: string): GoValue => (type ? {t: 'ptr', to, type} : {t: 'ptr', to});
export const time = (iso: string): GoValue => ({t: 'time', iso});
export const iface = (v: GoValue): GoValue => ({t: 'iface', v});
/** The zero time.Time, printed by Go as 0001-01-01 00:00:00 +0000 UTC. */
export const zeroTime = (): GoValue => time('0001-01-01T00:00:00Z');

// ---------------------------------------------------------------------------------------------
// Types

/** The Go type of a value, as reflect.Type.String() prints it (best effort when `type` is absent). */
export function goTypeName(v: GoValue): string {
	switch (v.t) {
		case 'string':
			return v.type ?? 'string';
		case 'bool':
			return v.type ?? 'bool';
		case 'int':
			return v.type ?? 'int';
		case 'float':
			return v.type ?? 'float64';
		case 'nil':
			return v.type ?? {ptr: '*struct {}', slice: '[]interface {}', map: 'map[string]interface {}', interface: 'interface {}'}[v.of];
		case 'slice':
			return v.type ?? '[]' + (v.items[0] ? goTypeName(v.items[0]) : 'interface {}');
		case 'map':
			return v.type ?? 'map[string]' + (v.entries[0] ? goTypeName(v.entries[0][1]) : 'interface {}');
		case 'struct':
			return v.type ?? anonymousStructType(v.fields);
		case 'ptr':
			return v.type ?? '*' + goTypeName(v.to);
		case 'time':
			return 'time.Time';
		case 'iface':
			return 'interface {}';
	}
}

/** reflect's spelling of an unnamed struct type: struct { A string "json:\"a\"" }. */
function anonymousStructType(fields: GoField[]): string {
	if (fields.length === 0) return 'struct {}';
	const parts = fields.map(f => {
		const tag = f.json !== undefined || f.omitempty ? `json:"${f.json ?? ''}${f.omitempty ? ',omitempty' : ''}"` : '';
		return `${f.name} ${goTypeName(f.value)}${tag ? ' ' + goQuote(tag) : ''}`;
	});
	return `struct { ${parts.join('; ')} }`;
}

/** The zero value of the type of `sample` (used for missing map keys, like reflect.Zero). */
export function zeroLike(sample: GoValue): GoValue {
	const keepType = (z: GoValue, type: string | undefined): GoValue => (type ? ({...z, type} as GoValue) : z);
	switch (sample.t) {
		case 'string':
			return keepType({t: 'string', v: ''}, sample.type);
		case 'bool':
			return keepType({t: 'bool', v: false}, sample.type);
		case 'int':
			return keepType({t: 'int', v: 0}, sample.type);
		case 'float':
			return keepType({t: 'float', v: 0}, sample.type);
		case 'nil':
			return sample;
		case 'slice':
			return {t: 'nil', of: 'slice', type: goTypeName(sample)};
		case 'map':
			return {t: 'nil', of: 'map', type: goTypeName(sample)};
		case 'struct':
			return keepType({t: 'struct', fields: sample.fields.map(f => ({...f, value: zeroLike(f.value)}))}, sample.type);
		case 'ptr':
			return {t: 'nil', of: 'ptr', type: goTypeName(sample)};
		case 'time':
			return zeroTime();
		case 'iface':
			return {t: 'nil', of: 'interface'};
	}
}

/** Zero value of a map's element type: from an entry, or from a `map[string]T` type name. */
export function mapElemZero(m: GoValue & {t: 'map'}): GoValue {
	const first = m.entries[0];
	if (first) return zeroLike(first[1]);
	return zeroOfTypeName(elemTypeName(goTypeName(m)));
}

/** Element type spelled inside a map or slice type name (`map[string]T` / `[]T`), if recognisable. */
export function elemTypeName(typeName: string): string {
	if (typeName.startsWith('[]')) return typeName.slice(2);
	if (typeName.startsWith('map[string]')) return typeName.slice('map[string]'.length);
	return 'interface {}';
}

export function zeroOfTypeName(typeName: string): GoValue {
	if (/^u?int(8|16|32|64)?$/.test(typeName) || typeName === 'uintptr') return int(0, typeName === 'int' ? undefined : typeName);
	if (typeName === 'float64' || typeName === 'float32') return float(0, typeName === 'float64' ? undefined : typeName);
	if (typeName === 'string') return str('');
	if (typeName === 'bool') return bool(false);
	if (typeName === 'time.Time') return zeroTime();
	if (typeName.startsWith('[]')) return nil('slice', typeName);
	if (typeName.startsWith('map[')) return nil('map', typeName);
	if (typeName.startsWith('*')) return nil('ptr', typeName);
	if (typeName === 'interface {}' || typeName === 'any') return nil('interface');
	if (typeName === 'struct {}') return struct([]);
	return nil('interface'); // unknown named type: the best we can do without its definition
}

// ---------------------------------------------------------------------------------------------
// time.Time

interface TimeParts {
	date: string; // YYYY-MM-DD
	clock: string; // HH:MM:SS
	frac: string; // fractional seconds without trailing zeros ('' if none)
}

function timeParts(iso: string): TimeParts {
	const m = /^(\d{4,})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(iso);
	if (!m) throw new Error(`govalue: not an RFC 3339 time: ${iso}`);
	let [, y, mo, d, h, mi, s] = m as unknown as string[];
	const frac = (m[7] ?? '').replace(/0+$/, '');
	const zone = m[8] ?? 'Z';
	if (zone !== 'Z' && zone !== '+00:00' && zone !== '-00:00') {
		// Normalise to UTC (our times are UTC, as Docker's are).
		const sign = zone.startsWith('-') ? 1 : -1;
		const offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
		const date = new Date(0);
		date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
		date.setUTCHours(Number(h), Number(mi) + offset, Number(s), 0);
		const pad = (n: number, w = 2) => String(n).padStart(w, '0');
		[y, mo, d, h, mi, s] = [
			pad(date.getUTCFullYear(), 4),
			pad(date.getUTCMonth() + 1),
			pad(date.getUTCDate()),
			pad(date.getUTCHours()),
			pad(date.getUTCMinutes()),
			pad(date.getUTCSeconds()),
		];
	}
	return {date: `${y}-${mo}-${d}`, clock: `${h}:${mi}:${s}`, frac};
}

/** time.Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST". */
export function goTimeString(iso: string): string {
	const p = timeParts(iso);
	return `${p.date} ${p.clock}${p.frac ? '.' + p.frac : ''} +0000 UTC`;
}

/** time.Time.MarshalJSON: RFC 3339 with nanoseconds, trailing zeros dropped. */
export function goTimeRfc3339Nano(iso: string): string {
	const p = timeParts(iso);
	return `${p.date}T${p.clock}${p.frac ? '.' + p.frac : ''}Z`;
}

// ---------------------------------------------------------------------------------------------
// Numbers (strconv)

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

/** encoding/json's float64 format: like ES Number#toString (same thresholds), except for -0. */
function jsonFloat(v: number): string {
	if (!Number.isFinite(v)) throw new GoJsonError(`json: unsupported value: ${formatFloat(v, 'g', -1)}`);
	if (Object.is(v, -0)) return '-0';
	return String(v);
}

export class GoJsonError extends Error {}

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

/** strconv.CanBackquote: no control characters other than tab, no backquote, valid UTF-8. */
function canBackquote(s: string): boolean {
	for (const ch of s) {
		const c = ch.codePointAt(0)!;
		if (ch === '`' || c === 0xfeff || (c < 0x20 && c !== 9) || c === 0x7f || (c >= 0xd800 && c <= 0xdfff)) return false;
	}
	return true;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

// ---------------------------------------------------------------------------------------------
// fmt

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
export function pointerAddress(p: GoValue & {t: 'ptr'}): string {
	if (p.addr) return p.addr;
	let h = 0x811c9dc5;
	for (const ch of JSON.stringify(p.to)) {
		h ^= ch.charCodeAt(0);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return '0xc000' + ((h & 0xfffff8) >>> 0).toString(16).padStart(6, '0');
}

class Printer {
	buf = '';
	flags: Flags = noFlags();

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
				if (this.flags.sharp && n >= 0 && n <= 0x10ffff && printable.test(String.fromCodePoint(n))) s += " '" + String.fromCodePoint(n) + "'";
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

/** Map entries sorted as Go sorts string keys (byte-wise, i.e. by UTF-8). */
export function sortedEntries<T>(entries: Array<[string, T]>): Array<[string, T]> {
	return [...entries].sort(([a], [b]) => compareGoStrings(a, b));
}

export function compareGoStrings(a: string, b: string): number {
	if (a === b) return 0;
	return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** fmt.Sprint(v) – the same as %v. Pointers: see `pointerAddress`. */
export function goFormat(v: GoValue): string {
	return goSprint([v]);
}

/** fmt.Sprint(args...): spaces between operands when neither side is a string. `undefined` = nil. */
export function goSprint(args: Array<GoValue | undefined>): string {
	const p = new Printer();
	let prevString = false;
	args.forEach((arg, i) => {
		const isString = arg !== undefined && arg.t === 'string';
		if (i > 0 && !isString && !prevString) p.buf += ' ';
		p.flags = noFlags();
		p.printArg(arg, 'v');
		prevString = isString;
	});
	return p.buf;
}

/** fmt.Sprintln(args...): always spaces, and a newline. */
export function goSprintln(args: Array<GoValue | undefined>): string {
	const p = new Printer();
	args.forEach((arg, i) => {
		if (i > 0) p.buf += ' ';
		p.flags = noFlags();
		p.printArg(arg, 'v');
	});
	return p.buf + '\n';
}

/** fmt.Sprintf(format, args...), including Go's %!verb(type=value) error notation. */
export function goSprintf(format: string, args: Array<GoValue | undefined>): string {
	const p = new Printer();
	let argNum = 0;
	let i = 0;
	let reordered = false;
	let goodArgNum = true;
	const intArg = (): number | undefined => {
		const a = args[argNum];
		if (a === undefined || a.t !== 'int') return undefined;
		argNum++;
		return a.v;
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
			const m = /^\d+/.exec(format.slice(i));
			if (m) {
				f.width = Number(m[0]);
				i += m[0].length;
			}
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
				const m = /^\d+/.exec(format.slice(i));
				f.prec = m ? Number(m[0]) : 0;
				if (m) i += m[0].length;
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

// ---------------------------------------------------------------------------------------------
// encoding/json

export interface JsonOptions {
	/** json.Marshal escapes <, > and & as \u003c, \u003e, \u0026; json.Encoder.SetEscapeHTML(false) does not. */
	escapeHTML?: boolean;
}

/** encoding/json's string encoding. */
export function jsonString(s: string, escapeHTML = true): string {
	let out = '"';
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		const ch = s[i]!;
		if (c === 0x22) out += '\\"';
		else if (c === 0x5c) out += '\\\\';
		else if (c < 0x20) {
			// Go 1.22+ writes \b and \f short forms (older Go wrote \u0008 and \u000c).
			const named: Record<number, string> = {8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t'};
			out += named[c] ?? '\\u00' + c.toString(16).padStart(2, '0');
		} else if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) out += '\\u00' + c.toString(16);
		else if (c === 0x2028 || c === 0x2029)
			out += '\\u' + c.toString(16); // always escaped (JSONP safety)
		else if (c >= 0xd800 && c <= 0xdbff) {
			const next = s.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				out += ch + s[i + 1];
				i++;
			} else out += '\\ufffd'; // invalid UTF-8 in Go becomes U+FFFD
		} else if (c >= 0xdc00 && c <= 0xdfff) out += '\\ufffd';
		else out += ch;
	}
	return out + '"';
}

/** encoding/json's isEmptyValue, for omitempty. Structs (and time.Time) are never empty. */
function isEmptyValue(v: GoValue): boolean {
	switch (v.t) {
		case 'string':
			return v.v === '';
		case 'bool':
			return !v.v;
		case 'int':
		case 'float':
			return v.v === 0;
		case 'nil':
			return true;
		case 'slice':
			return v.items.length === 0;
		case 'map':
			return v.entries.length === 0;
		default:
			return false;
	}
}

const isExported = (name: string): boolean => /^\p{Lu}/u.test(name);

/** The fields encoding/json writes for a struct: exported, not tagged '-', omitempty applied. */
export function jsonFields(fields: GoField[]): Array<[string, GoValue]> {
	const out: Array<[string, GoValue]> = [];
	for (const f of fields) {
		if (!isExported(f.name) || f.json === '-') continue;
		if (f.omitempty && isEmptyValue(f.value)) continue;
		out.push([f.json || f.name, f.value]);
	}
	return out;
}

/** json.Marshal(v) (throws GoJsonError for NaN/Inf like Go returns an error). */
export function goJson(v: GoValue, opts: JsonOptions = {}): string {
	const html = opts.escapeHTML ?? true;
	const enc = (x: GoValue): string => {
		switch (x.t) {
			case 'string':
				// json.Number (a named string type) is written as the number literal it holds.
				if (x.type === 'json.Number') return x.v === '' ? '0' : x.v;
				return jsonString(x.v, html);
			case 'bool':
				return x.v ? 'true' : 'false';
			case 'int':
				return String(Math.trunc(x.v));
			case 'float':
				return jsonFloat(x.v);
			case 'nil':
				return 'null';
			case 'slice':
				return '[' + x.items.map(enc).join(',') + ']';
			case 'map':
				return (
					'{' +
					sortedEntries(x.entries)
						.map(([k, item]) => jsonString(k, html) + ':' + enc(item))
						.join(',') +
					'}'
				);
			case 'struct':
				return (
					'{' +
					jsonFields(x.fields)
						.map(([k, item]) => jsonString(k, html) + ':' + enc(item))
						.join(',') +
					'}'
				);
			case 'ptr':
				return enc(x.to);
			case 'time':
				return '"' + goTimeRfc3339Nano(x.iso) + '"';
			case 'iface':
				return enc(x.v);
		}
	};
	return enc(v);
}

/** json.MarshalIndent(v, prefix, indent). */
export function goJsonIndent(v: GoValue, prefix: string, indent: string, opts: JsonOptions = {}): string {
	return jsonIndent(goJson(v, opts), prefix, indent);
}

/**
 * json.Indent on compact (or any valid) JSON: insignificant whitespace is dropped, each element goes
 * on its own line starting with prefix + indent×depth, empty [] and {} stay on one line, and the
 * output itself does not begin with the prefix.
 */
export function jsonIndent(src: string, prefix: string, indent: string): string {
	let out = '';
	let depth = 0;
	let needIndent = false;
	let inString = false;
	const newline = () => {
		out += '\n' + prefix + indent.repeat(depth);
	};
	for (let i = 0; i < src.length; i++) {
		const c = src[i]!;
		if (inString) {
			out += c;
			if (c === '\\') out += src[++i] ?? '';
			else if (c === '"') inString = false;
			continue;
		}
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
		if (needIndent && c !== ']' && c !== '}') {
			needIndent = false;
			depth++;
			newline();
		}
		if (c === '"') {
			inString = true;
			out += c;
		} else if (c === '[' || c === '{') {
			out += c;
			needIndent = true;
		} else if (c === ',') {
			out += c;
			newline();
		} else if (c === ':') out += ': ';
		else if (c === ']' || c === '}') {
			if (needIndent)
				needIndent = false; // suppress the indent of an empty [] or {}
			else {
				depth--;
				newline();
			}
			out += c;
		} else out += c;
	}
	return out;
}

/**
 * What `docker inspect`, `docker container inspect`, `docker volume inspect` print without
 * --format (the trailing newline included). The CLI does not re-encode the objects: it takes the
 * daemon's raw response bodies, joins them as `[a,b]` and runs json.Indent(…, "", "    ") over
 * them. The daemon writes with json.Encoder + SetEscapeHTML(false), so <, >, & stay literal.
 * No objects prints `[]`. `{format: 'json'}` is `--format json`: json.Compact instead of Indent.
 */
export function dockerInspectJson(values: GoValue[], opts: {format?: 'indent' | 'json'} = {}): string {
	if (values.length === 0) return '[]\n';
	const raw = '[' + values.map(v => goJson(v, {escapeHTML: false})).join(',') + ']';
	return (opts.format === 'json' ? raw : jsonIndent(raw, '', '    ')) + '\n';
}

/**
 * The value a JSON decode of goJson(v) gives with json.Decoder.UseNumber() into an interface{}:
 * objects become map[string]interface{}, arrays []interface{}, numbers json.Number, null a nil
 * interface. The Docker CLI executes --format templates against this when they fail against the
 * typed object (see dockerInspectFormat in gotemplate.ts).
 */
export function jsonInterfaceValue(v: GoValue): GoValue {
	const conv = (x: GoValue): GoValue => {
		switch (x.t) {
			case 'string':
				return iface(x.type === 'json.Number' ? x : str(x.v));
			case 'bool':
				return iface(bool(x.v));
			case 'int':
			case 'float':
				return iface(str(goJson(x), 'json.Number'));
			case 'nil':
				return nil('interface');
			case 'slice':
				return iface(slice(x.items.map(conv), '[]interface {}'));
			case 'map':
				return iface(
					map(
						sortedEntries(x.entries).map(([k, item]) => [k, conv(item)] as [string, GoValue]),
						'map[string]interface {}',
					),
				);
			case 'struct':
				return iface(
					map(
						sortedEntries(jsonFields(x.fields)).map(([k, item]) => [k, conv(item)] as [string, GoValue]),
						'map[string]interface {}',
					),
				);
			case 'ptr':
				return conv(x.to);
			case 'time':
				return iface(str(goTimeRfc3339Nano(x.iso)));
			case 'iface':
				return conv(x.v);
		}
	};
	const top = conv(v);
	return top.t === 'iface' ? top.v : top;
}
