/**
 * Busybox applets whose behaviour depends on the container they run in (its hostname, whether its
 * main process may keep running).
 */
import {contextOf} from '../context.js';
import {BlockSignal, type Program} from '../shell/interpreter.js';
import {utilities} from './coreutils.js';
import {BUSYBOX_USAGE} from './busybox-usage.js';
import {FsError} from '../fsapi.js';
import {normalizePath} from '../path.js';
import {resolveHost} from '../addresses.js';
import {listeningApp} from '../apps/index.js';

export const hostnameApplet: Program = proc => {
	proc.out(contextOf(proc).container.config.hostname + '\n');
	return 0;
};

/** `sleep` in a detached container's main process keeps it running; elsewhere time moves on. */
export const sleepApplet: Program = proc => {
	const seconds = Number.parseFloat(proc.argv[1] ?? '');
	if (!Number.isFinite(seconds)) return utilities('busybox').sleep!(proc);
	const context = contextOf(proc);
	if (context.canBlock && seconds >= 1) throw new BlockSignal('sleep');
	context.world.clock += Math.min(seconds, 3600) * 1000;
	return 0;
};

export const whoamiApplet: Program = proc => {
	proc.out('root\n');
	return 0;
};

/** The learner's user on the host. */
export const hostWhoami: Program = proc => {
	proc.out(`${(proc.shell.context as {world?: {host: {user: string}}}).world?.host.user ?? 'student'}\n`);
	return 0;
};

/** The learner's machine is called layerlab (the prompt says student@layerlab). */
export const hostHostname: Program = proc => {
	proc.out('layerlab\n');
	return 0;
};

const REASONS: Record<number, string> = {
	200: 'OK',
	201: 'Created',
	204: 'No Content',
	400: 'Bad Request',
	404: 'Not Found',
	405: 'Method Not Allowed',
	500: 'Internal Server Error',
};

function exists(proc: Parameters<Program>[0], path: string): boolean {
	try {
		proc.shell.fs.stat(path, false);
		return true;
	} catch {
		return false;
	}
}

/** busybox's progress line as it ends when stderr is not a terminal: the name in 20 columns, the size in 6. */
function progress(name: string, size: number): string {
	return `${name.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

/**
 * busybox wget against the simulated network: `wget [-q] [-O FILE] [--post-data STR] URL`, reaching
 * the container itself at localhost, another container at its bridge address, or by name on a user
 * network both are on (networks.ts), answered by the simulated app listening on the port.
 */
export const wgetApplet: Program = proc => {
	const args = proc.argv.slice(1);
	let quiet = false;
	let output: string | undefined;
	let data: string | undefined;
	let url: string | undefined;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '-q') quiet = true;
		else if (arg === '-O') output = args[++i];
		else if (arg.startsWith('-O')) output = arg.slice(2);
		else if (arg === '--post-data') data = args[++i] ?? '';
		else if (arg.startsWith('--post-data=')) data = arg.slice(12);
		else if (arg.startsWith('-')) continue;
		else url ??= arg;
	}
	if (url === undefined) {
		proc.err(BUSYBOX_USAGE.wget ?? '');
		return 1;
	}
	const match = /^(?:http:\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(url);
	if (!match) {
		proc.err(`wget: not an http or ftp url: ${url}\n`);
		return 1;
	}
	const [, host = '', portText, rest = ''] = match;
	const port = Number(portText ?? 80);
	const {world, container} = contextOf(proc);
	const found = resolveHost(world, container, host);
	if (!found) {
		proc.err(`wget: bad address '${host}'\n`);
		return 1;
	}
	if (!quiet) proc.err(`Connecting to ${host}${portText ? `:${portText}` : ''} (${found.ip}:${port})\n`);
	const target = found.container && world.containers[found.container.id];
	if (!target) {
		proc.err(`wget: can't connect to remote host (${found.ip}): No route to host\n`);
		return 1;
	}
	const app = listeningApp(target, port);
	if (!app?.request) {
		proc.err(`wget: can't connect to remote host (${found.ip}): Connection refused\n`);
		return 1;
	}
	const path = rest === '' ? '/' : rest;
	const response = app.request(world, target, {method: data === undefined ? 'GET' : 'POST', target: path, host: portText ? `${host}:${portText}` : host, body: data ?? ''});
	if (response.status >= 400) {
		proc.err(`wget: server returned error: HTTP/1.1 ${response.status} ${REASONS[response.status] ?? ''}\n`);
		return 1;
	}
	const size = Buffer.byteLength(response.body);
	if (output === '-') {
		if (!quiet) proc.err('writing to stdout\n');
		proc.out(response.body);
		if (!quiet) proc.err(progress('-', size) + 'written to stdout\n');
		return 0;
	}
	const name = output ?? (path.split('?')[0]!.split('/').at(-1) || 'index.html');
	const file = normalizePath(name, proc.shell.cwd);
	if (output === undefined && exists(proc, file)) {
		proc.err(`wget: can't open '${name}': File exists\n`);
		return 1;
	}
	if (!quiet) proc.err(`saving to '${name}'\n`);
	try {
		proc.shell.fs.write(file, response.body);
	} catch (error) {
		proc.err(`wget: can't open '${name}': ${error instanceof FsError ? error.message : String(error)}\n`);
		return 1;
	}
	if (!quiet) proc.err(progress(name.split('/').at(-1)!, size) + `'${name}' saved\n`);
	return 0;
};
