/** Small formatters the Docker CLI uses everywhere: tables, sizes, durations, ports. */
import type {Container, PortBinding} from '../../engine/world.js';
import {humanDuration} from '../../engine/clock.js';

/**
 * Go's text/tabwriter as the CLI configures it (minwidth 10, tabwidth 1, padding 3, spaces):
 * every column but the last is as wide as its widest cell plus 3, and at least 10.
 */
export function table(rows: string[][]): string {
	if (rows.length === 0) return '';
	const columns = Math.max(...rows.map(row => row.length));
	const widths: number[] = [];
	for (let c = 0; c < columns - 1; c++) {
		let width = 10;
		for (const row of rows) {
			if (c < row.length - 1) width = Math.max(width, displayWidth(row[c]!) + 3);
		}
		widths.push(width);
	}
	return rows.map(row => row.map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat(widths[c]! - displayWidth(cell)))).join('')).join('\n') + '\n';
}

/** Terminal columns of a string (the CLI counts runes; "…" is one). */
export function displayWidth(text: string): number {
	return [...text].length;
}

/** Go's %.<p>g, which go-units uses to print sizes. */
export function goG(value: number, precision: number): string {
	if (value === 0) return '0';
	const exponent = Math.floor(Math.log10(Math.abs(value)));
	const rounded = Number(value.toPrecision(precision));
	const realExponent = rounded === 0 ? 0 : Math.floor(Math.log10(Math.abs(rounded)));
	if (realExponent < -4 || realExponent >= precision) {
		const [mantissa, exp] = rounded.toExponential(precision - 1).split('e') as [string, string];
		const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
		const n = Number(exp);
		return `${trimmed}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
	}
	void exponent;
	const fixed = rounded.toFixed(Math.max(0, precision - 1 - realExponent));
	return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** go-units HumanSizeWithPrecision(size, 3): `1.99MB`, `529B`, `2.05kB`. */
export function humanSize(bytes: number, precision = 3): string {
	let size = bytes;
	let unit = 0;
	while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
		size /= 1000;
		unit++;
	}
	return goG(size, precision) + DECIMAL_UNITS[unit];
}

/** The CLI's Ellipsis: at most `max` runes, the last one "…" when cut. */
export function ellipsis(text: string, max: number): string {
	const runes = [...text];
	if (runes.length <= max) return text;
	return runes.slice(0, max - 1).join('') + '…';
}

export function ago(now: number, then: number): string {
	return `${humanDuration(Math.max(0, now - then))} ago`;
}

/** The STATUS column of `docker ps`. */
export function containerStatus(container: Container, now: number): string {
	if (container.status === 'running') return `Up ${humanDuration(Math.max(0, now - container.startedAt))}${container.paused ? ' (Paused)' : ''}`;
	if (container.status === 'exited') return `Exited (${container.exitCode}) ${ago(now, container.finishedAt)}`;
	return 'Created';
}

/** The PORTS column of a running container: published ports on IPv4 and IPv6, then exposed ones. */
export function displayPorts(container: Container): string {
	if (container.status !== 'running') return '';
	const published = container.hostConfig.portBindings;
	const parts: string[] = [];
	const seen = new Set<string>();
	const sorted = [...published].sort((a, b) => a.containerPort - b.containerPort || a.hostPort - b.hostPort);
	for (const binding of sorted) {
		const ip = binding.hostIp || '0.0.0.0';
		parts.push(`${ip}:${binding.hostPort}->${binding.containerPort}/${binding.protocol}`);
		if (!binding.hostIp) parts.push(`[::]:${binding.hostPort}->${binding.containerPort}/${binding.protocol}`);
		seen.add(`${binding.containerPort}/${binding.protocol}`);
	}
	for (const port of [...container.config.exposedPorts].sort()) {
		if (!seen.has(port)) parts.push(port);
	}
	return parts.join(', ');
}

export function formatBinding(binding: PortBinding): string {
	return `${binding.hostIp || '0.0.0.0'}:${binding.hostPort}`;
}

/** Go's RFC 3339 with nanoseconds, as the API prints times: `2019-09-19T10:09:00.123456789Z`. */
export function apiTime(ms: number): string {
	const iso = new Date(ms).toISOString();
	const fraction = String(ms % 1000).padStart(3, '0');
	return fraction === '000' ? iso.replace(/\.000Z$/, 'Z') : iso.replace(/\.\d{3}Z$/, `.${fraction}000000Z`.replace(/0+Z$/, 'Z'));
}
