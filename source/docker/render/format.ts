/** Small formatters the Docker CLI uses everywhere: tables, sizes, durations, ports. */
import {type Container, humanDuration} from '../../engine/index.js';
import {rfc3339NanoFromMillis, tabwrite} from '../../go/index.js';

/**
 * A table as the CLI prints it: Go's text/tabwriter configured as the CLI does (minwidth 10,
 * tabwidth 1, padding 3, spaces), each row's cells joined by tabs.
 */
export function table(rows: string[][]): string {
	if (rows.length === 0) return '';
	return tabwrite(rows.map(row => row.join('\t')).join('\n') + '\n', {minwidth: 10, padding: 3, padchar: ' '});
}

export {humanSize} from './size.js';

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

/** Go's RFC 3339 with nanoseconds, as the API prints times: `2019-09-19T10:09:00.123456789Z`. */
export const apiTime = rfc3339NanoFromMillis;
