/** Go's net package: which strings net.ParseIP accepts. */

/** net.ParseIP(s) != nil: an IPv4 dotted quad or an IPv6 address. */
export function parseIP(s: string): boolean {
	if (s.includes('.') && !s.includes(':')) return isIPv4(s);
	if (!s.includes(':')) return false;
	let groups = s;
	let extra = 0;
	const lastColon = s.lastIndexOf(':');
	if (s.slice(lastColon + 1).includes('.')) {
		if (!isIPv4(s.slice(lastColon + 1))) return false;
		groups = `${s.slice(0, lastColon + 1)}0:0`;
		extra = 0;
	}
	const halves = groups.split('::');
	if (halves.length > 2) return false;
	const part = (h: string) => (h === '' ? [] : h.split(':'));
	const left = part(halves[0] as string);
	const right = halves.length === 2 ? part(halves[1] as string) : [];
	const all = [...left, ...right];
	if (!all.every(g => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
	const count = all.length + extra;
	return halves.length === 2 ? count <= 7 : count === 8;
}

function isIPv4(s: string): boolean {
	const parts = s.split('.');
	return parts.length === 4 && parts.every(p => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}
