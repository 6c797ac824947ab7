/** Reading typed flag values out of a ParsedCommand, and the option parsers of `run`. */
import type {FlagValue, ParsedCommand} from './parse.js';
import {type PortBinding, normalizePath} from '../engine/index.js';

export function flagBool(command: ParsedCommand, name: string): boolean {
	const value = command.flags[name];
	return value === true || value === 'true';
}

export function flagString(command: ParsedCommand, name: string): string | undefined {
	const value: FlagValue | undefined = command.flags[name];
	if (value === undefined || typeof value === 'boolean') return undefined;
	if (Array.isArray(value)) return value.at(-1);
	return String(value);
}

export function flagList(command: ParsedCommand, name: string): string[] {
	const value = command.flags[name];
	if (value === undefined || typeof value === 'boolean') return [];
	return Array.isArray(value) ? value : [String(value)];
}

export function flagInt(command: ParsedCommand, name: string): number | undefined {
	const value = command.flags[name];
	if (value === undefined || typeof value === 'boolean') return undefined;
	return Number(Array.isArray(value) ? value.at(-1) : value);
}

/** `-p [ip:][hostPort:]containerPort[/proto]`. Returns an error text for a bad value. */
export function parsePublish(value: string, nextEphemeral: () => number): PortBinding[] | string {
	const [portPart, protoRaw] = value.split('/') as [string, string | undefined];
	const protocol = (protoRaw ?? 'tcp') as 'tcp' | 'udp';
	const parts = portPart.split(':');
	let hostIp = '';
	let hostPort = '';
	let containerPort: string;
	if (parts.length === 1) containerPort = parts[0]!;
	else if (parts.length === 2) [hostPort, containerPort] = parts as [string, string];
	else [hostIp, hostPort, containerPort] = parts.slice(-3) as [string, string, string];
	// Ports are 16-bit (Go's strconv.ParseUint(port, 10, 16)): 65536 and 4294967296 are refused, never wrapped.
	const port = (text: string) => /^\d+$/.test(text) && Number(text) <= 65535;
	if (!port(containerPort)) return `invalid containerPort: ${containerPort}`;
	if (hostPort !== '' && !port(hostPort)) return `invalid hostPort: ${hostPort}`;
	return [{containerPort: Number(containerPort), protocol, hostIp, hostPort: hostPort === '' ? nextEphemeral() : Number(hostPort)}];
}

/** The CLI turns a relative host path in `-v ./x:/y` into an absolute one. */
export function absoluteBind(spec: string, cwd: string): string {
	const parts = spec.split(':');
	if (parts.length >= 2 && (parts[0]!.startsWith('.') || parts[0] === '~')) {
		parts[0] = normalizePath(parts[0]!, cwd);
	}
	return parts.join(':');
}
