/** Go's strings package, the functions Docker's code paths call. */

/** strings.TrimSpace */
export function trimSpace(s: string): string {
	return s.replace(/^[\s\u0085]+|[\s\u0085]+$/g, '');
}

/** strings.Cut */
export function cut(s: string, sep: string): [string, string, boolean] {
	const i = s.indexOf(sep);
	return i < 0 ? [s, '', false] : [s.slice(0, i), s.slice(i + sep.length), true];
}

/** strings.Title: upper-case the first letter of each word (word = after a separator). */
export function title(s: string): string {
	const isSeparator = (r: string): boolean => {
		if (r.codePointAt(0)! <= 0x7f) return !/[0-9a-zA-Z_]/.test(r);
		if (/[\p{L}\p{Nd}]/u.test(r)) return false;
		return /\s/u.test(r);
	};
	let prev = ' ';
	let out = '';
	for (const r of s) {
		out += isSeparator(prev) ? r.toUpperCase() : r;
		prev = r;
	}
	return out;
}
