/**
 * Go's time package, the parts Docker prints or parses: time.Time as String() and MarshalJSON print
 * it (times are RFC 3339 strings, always UTC as Docker's are), and time.ParseDuration with its error
 * texts.
 */
import type {GoError} from './strconv.js';

// ---------------------------------------------------------------------------------------------
// time.Time

interface TimeParts {
	date: string; // YYYY-MM-DD
	clock: string; // HH:MM:SS
	frac: string; // fractional seconds without trailing zeros ('' if none)
}

function timeParts(iso: string): TimeParts {
	const m = /^(\d{4,})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(iso);
	if (!m) throw new Error(`go/time: not an RFC 3339 time: ${iso}`);
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

/** time.Time.Format(time.RFC3339Nano) of a UTC instant given in milliseconds since the epoch. */
export function rfc3339NanoFromMillis(ms: number): string {
	return goTimeRfc3339Nano(new Date(ms).toISOString());
}

// ---------------------------------------------------------------------------------------------
// time.Duration

/** time.ParseDuration: the duration in nanoseconds, or Go's error text. */
export function parseDuration(orig: string): bigint | GoError {
	const invalid = {error: `time: invalid duration ${timeQuote(orig)}`};
	let s = orig;
	const negative = s[0] === '-';
	if (s[0] === '-' || s[0] === '+') s = s.slice(1);
	if (s === '0') return 0n;
	if (s === '') return invalid;
	const units = new Map<string, bigint>([
		['ns', 1n],
		['us', 1000n],
		['\u00b5s', 1000n],
		['\u03bcs', 1000n],
		['ms', 1_000_000n],
		['s', 1_000_000_000n],
		['m', 60_000_000_000n],
		['h', 3_600_000_000_000n],
	]);
	const limit = 1n << 63n;
	let total = 0n;
	while (s !== '') {
		if (!/^[0-9.]/.test(s)) return invalid;
		const int = /^[0-9]*/.exec(s)?.[0] ?? '';
		s = s.slice(int.length);
		let v = 0n;
		for (const c of int) {
			if (v > limit / 10n) return invalid;
			v = v * 10n + BigInt(c);
			if (v > limit) return invalid;
		}
		let frac = '';
		let post = false;
		if (s[0] === '.') {
			frac = /^\.([0-9]*)/.exec(s)?.[1] ?? '';
			s = s.slice(1 + frac.length);
			post = frac.length > 0;
		}
		if (int.length === 0 && !post) return invalid;
		const unitText = /^[^0-9.]*/.exec(s)?.[0] ?? '';
		if (unitText === '') return {error: `time: missing unit in duration ${timeQuote(orig)}`};
		s = s.slice(unitText.length);
		const unit = units.get(unitText);
		if (unit === undefined) return {error: `time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(orig)}`};
		if (v > limit / unit) return invalid;
		v *= unit;
		if (post) {
			v += BigInt(Math.floor(Number(`0.${frac}`) * Number(unit)));
			if (v > limit) return invalid;
		}
		total += v;
		if (total > limit) return invalid;
	}
	if (!negative && total > limit - 1n) return invalid;
	return negative ? -total : total;
}

/** the time package's own quote(): non-ASCII and control bytes as \xNN */
function timeQuote(s: string): string {
	let out = '"';
	for (const ch of s) {
		const code = ch.codePointAt(0) as number;
		if (code >= 0x80 || code < 0x20) {
			for (const byte of Buffer.from(ch, 'utf8')) out += `\\x${byte.toString(16).padStart(2, '0')}`;
		} else {
			out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
		}
	}
	return `${out}"`;
}
