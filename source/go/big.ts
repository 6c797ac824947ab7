/** Go's math/big, the one call Docker's flag parsing makes: Rat.SetString. */

/** big.Rat's SetString: a fraction of two integers, or a number with an optional e/p exponent */
export function ratSetString(s: string): {num: bigint; den: bigint} | undefined {
	const slash = s.indexOf('/');
	if (slash >= 0) {
		const num = ratDigits(s.slice(0, slash), true, false);
		const den = ratDigits(s.slice(slash + 1), false, false);
		if (!num || !den || den.frac !== 0 || num.frac !== 0 || den.value === 0n) return undefined;
		return {num: num.value, den: den.value};
	}
	const m = /^(.*?)(?:([eEpP])([+-]?\d+))?$/.exec(s);
	const mantissa = ratDigits(m?.[1] ?? '', true, true);
	if (!mantissa) return undefined;
	const kind = m?.[2]?.toLowerCase();
	if (kind === 'e' && mantissa.base === 16) return undefined;
	let num = mantissa.value;
	let den = BigInt(mantissa.base) ** BigInt(mantissa.frac);
	const exp = BigInt(m?.[3] ?? '0');
	// big.Rat gives up on excessively large exponents
	if ((exp < 0n ? -exp : exp) > (kind === 'p' ? 10_000_000n : 1_000_000n)) return undefined;
	const scale = (kind === 'p' ? 2n : 10n) ** (exp < 0n ? -exp : exp);
	if (exp < 0n) den *= scale;
	else num *= scale;
	return {num, den};
}

/** an integer or, with `fraction`, a mantissa: optional sign, 0b/0o/0x prefix ("0" is octal only for integers), _ separators */
function ratDigits(text: string, signed: boolean, fraction: boolean): {value: bigint; base: number; frac: number} | undefined {
	let s = text;
	let negative = false;
	if (signed && (s[0] === '+' || s[0] === '-')) {
		negative = s[0] === '-';
		s = s.slice(1);
	}
	let base = 10;
	const prefix = /^0([bBoOxX])/.exec(s);
	if (prefix) {
		base = {b: 2, o: 8, x: 16}[(prefix[1] as string).toLowerCase() as 'b' | 'o' | 'x'];
		s = s.slice(2);
	} else if (!fraction && /^0[0-9_]/.test(s)) {
		base = 8;
		s = s.slice(1);
	}
	const [intPart, fracPart = '', more] = s.split('.');
	if (more !== undefined || (!fraction && s.includes('.'))) return undefined;
	const digits = `${intPart}${fracPart}`;
	if (digits.replaceAll('_', '') === '' && !(prefix === null && base === 8)) return undefined;
	// _ only between digits, or right after the prefix
	const misplaced = (part: string, afterPrefix: boolean) => /__|_$/.test(part) || (part.startsWith('_') && !afterPrefix);
	if (misplaced(intPart as string, prefix !== null) || misplaced(fracPart, false)) return undefined;
	let value = 0n;
	for (const c of digits.replaceAll('_', '')) {
		const d = parseInt(c, 36);
		if (Number.isNaN(d) || d >= base) return undefined;
		value = value * BigInt(base) + BigInt(d);
	}
	return {value: negative ? -value : value, base, frac: fracPart.replaceAll('_', '').length};
}
