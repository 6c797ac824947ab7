/**
 * go/strconv, go/time (ParseDuration), go/csv, go/net and go/big: the helpers the docker command
 * line parser calls, with Go's error texts (the same texts test/docker/parse.test.ts checks against
 * the recorded CLI, here one function at a time).
 */
import {describe, expect, it} from 'vitest';
import {
	atoi,
	goQuote,
	goQuoteRune,
	hexFloat,
	parseBool,
	parseDuration,
	parseFloat64,
	parseIP,
	parseInteger,
	parseUnsigned,
	ratSetString,
	readCsv,
	unquote,
} from '../../source/go/index.js';

const err = (v: unknown): string | undefined => (typeof v === 'object' && v !== null && 'error' in v ? (v as {error: string}).error : undefined);

describe('strconv', () => {
	it('ParseInt with base 0: prefixes, underscores between digits, 64-bit range', () => {
		expect(parseInteger('0x1F', 0, 64)).toBe(31n);
		expect(parseInteger('-0o17', 0, 64)).toBe(-15n);
		expect(parseInteger('017', 0, 64)).toBe(15n);
		expect(parseInteger('0b1_01', 0, 64)).toBe(5n);
		expect(parseInteger('1_000', 0, 64)).toBe(1000n);
		expect(err(parseInteger('1__0', 0, 64))).toBe('strconv.ParseInt: parsing "1__0": invalid syntax');
		expect(err(parseInteger('_1', 0, 64))).toBe('strconv.ParseInt: parsing "_1": invalid syntax');
		expect(parseInteger('-9223372036854775808', 0, 64)).toBe(-(2n ** 63n));
		expect(err(parseInteger('9223372036854775808', 0, 64))).toBe('strconv.ParseInt: parsing "9223372036854775808": value out of range');
		expect(err(parseInteger('', 0, 64))).toBe('strconv.ParseInt: parsing "": invalid syntax');
	});
	it('base 10 reads no prefix and no underscore', () => {
		expect(err(parseInteger('0x10', 10, 64))).toBe('strconv.ParseInt: parsing "0x10": invalid syntax');
		expect(err(parseInteger('1_0', 10, 64))).toBe('strconv.ParseInt: parsing "1_0": invalid syntax');
		expect(parseInteger('+42', 10, 64)).toBe(42n);
	});
	it('ParseUint: no sign, the bit size bounds it, the first overflow wins over a later bad digit', () => {
		expect(parseUnsigned('65535', 0, 16)).toBe(65535n);
		expect(err(parseUnsigned('65536', 0, 16))).toBe('strconv.ParseUint: parsing "65536": value out of range');
		expect(err(parseUnsigned('+1', 0, 16))).toBe('strconv.ParseUint: parsing "+1": invalid syntax');
		expect(err(parseUnsigned('99999x', 0, 16))).toBe('strconv.ParseUint: parsing "99999x": value out of range');
	});
	it('Atoi names itself in its errors', () => {
		expect(atoi('-12')).toBe(-12);
		expect(atoi('x')).toMatchObject({err: 'invalid syntax', error: 'strconv.Atoi: parsing "x": invalid syntax'});
		expect(atoi('99999999999999999999')).toMatchObject({err: 'value out of range'});
	});
	it('ParseBool', () => {
		expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(parseBool)).toEqual([true, true, true, true, true, true]);
		expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(parseBool)).toEqual([false, false, false, false, false, false]);
		expect(err(parseBool('yes'))).toBe('strconv.ParseBool: parsing "yes": invalid syntax');
	});
	it('ParseFloat: decimal, hexadecimal with a p exponent, inf and nan; overflow is a range error', () => {
		expect(parseFloat64('1.5e3')).toBe(1500);
		expect(parseFloat64('.5')).toBe(0.5);
		expect(parseFloat64('0x1.8p1')).toBe(3);
		expect(parseFloat64('-Inf')).toBe(-Infinity);
		expect(parseFloat64('infinity')).toBe(Infinity);
		expect(parseFloat64('NaN')).toBeNaN();
		expect(err(parseFloat64('1e400'))).toBe('strconv.ParseFloat: parsing "1e400": value out of range');
		expect(err(parseFloat64('1.2.3'))).toBe('strconv.ParseFloat: parsing "1.2.3": invalid syntax');
		expect(err(parseFloat64('0x1.8'))).toBe('strconv.ParseFloat: parsing "0x1.8": invalid syntax');
	});
	it('hexFloat is the one hexadecimal float reader (template literals and flag values)', () => {
		expect(hexFloat('0x1p-2')).toBe(0.25);
		expect(hexFloat('-0X.8p1')).toBe(-1);
		expect(hexFloat('0xp1')).toBeNaN();
		expect(hexFloat('0x10')).toBeNaN();
	});
	it('Quote and QuoteRune escape what unicode.IsPrint refuses', () => {
		expect(goQuote('a"b\\c\n\t\x07\x7f')).toBe('"a\\"b\\\\c\\n\\t\\a\\x7f"');
		expect(goQuote('é 本 \u00a0 \u200b 😀')).toBe('"é 本 \\u00a0 \\u200b 😀"');
		expect(goQuote('é', true)).toBe('"\\u00e9"');
		expect(goQuoteRune("'")).toBe("'\\''");
		expect(goQuoteRune('\x01')).toBe("'\\x01'");
	});
	it('Unquote reads the three literal forms and refuses malformed ones', () => {
		expect(unquote('"a\\tb\\u00e9\\101"')).toBe('a\tbéA');
		expect(unquote('`raw\\n`')).toBe('raw\\n');
		expect(unquote("'x'")).toBe('x');
		expect(err(unquote('"a'))).toBe('invalid syntax');
		expect(err(unquote("'xy'"))).toBe('invalid syntax');
		expect(err(unquote('"\\q"'))).toBe('invalid syntax');
	});
});

describe('time.ParseDuration', () => {
	it('sums units to nanoseconds, with a sign', () => {
		expect(parseDuration('1h2m3.5s')).toBe(3_723_500_000_000n);
		expect(parseDuration('-1.5ms')).toBe(-1_500_000n);
		expect(parseDuration('0')).toBe(0n);
		expect(parseDuration('2µs')).toBe(2000n);
	});
	it("Go's error texts, quoting with the time package's own quote", () => {
		expect(err(parseDuration(''))).toBe('time: invalid duration ""');
		expect(err(parseDuration('10'))).toBe('time: missing unit in duration "10"');
		expect(err(parseDuration('1d'))).toBe('time: unknown unit "d" in duration "1d"');
		expect(err(parseDuration('1é'))).toBe('time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"');
		expect(err(parseDuration('9999999999h'))).toBe('time: invalid duration "9999999999h"');
	});
});

describe('encoding/csv, net.ParseIP, big.Rat', () => {
	it('reads one record with quotes', () => {
		expect(readCsv('a,"b,c",d')).toEqual({fields: ['a', 'b,c', 'd']});
		expect(readCsv('a,"say ""hi"""')).toEqual({fields: ['a', 'say "hi"']});
		expect(readCsv('a,b"c').error).toBe('parse error on line 1, column 4: bare " in non-quoted-field');
		expect(readCsv('"a"x').error).toBe('parse error on line 1, column 3: extraneous or missing " in quoted-field');
	});
	it('accepts IPv4 dotted quads and IPv6 forms', () => {
		expect(['127.0.0.1', '::1', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1'].map(parseIP)).toEqual([true, true, true, true]);
		expect(['256.1.1.1', '1.2.3', '01.2.3.4', 'x', '1::2::3'].map(parseIP)).toEqual([false, false, false, false, false]);
	});
	it('Rat.SetString: fractions, decimals, exponents', () => {
		expect(ratSetString('3/2')).toEqual({num: 3n, den: 2n});
		expect(ratSetString('1.5')).toEqual({num: 15n, den: 10n});
		expect(ratSetString('2e-1')).toEqual({num: 2n, den: 10n});
		expect(ratSetString('0x1p-2')).toEqual({num: 1n, den: 4n});
		expect(ratSetString('1/0')).toBeUndefined();
		expect(ratSetString('abc')).toBeUndefined();
	});
});
