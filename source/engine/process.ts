/**
 * Running programs inside a container: PATH lookup in the container's own filesystem, busybox
 * applets behind /bin/busybox (from the programs registry), `#!/bin/sh` scripts through the shell
 * interpreter, and the simulated applications (engine/apps) for files marked with a `program`.
 */
import {type Container, type LogLine, type ShellSession, type World} from './world.js';
import {containerFs, lookupIn} from './unionfs.js';
import {FsError} from './fsapi.js';
import {basename, joinPath, normalizePath} from './path.js';
import {randomInt} from './random.js';
import {BlockSignal, ExitSignal, startProcess, type Lookup, type Program, type Shell} from './shell/interpreter.js';
import {builtinFor, isNotSimulated, notSimulatedLine, programFor} from './userland/registry.js';
import {runScriptText} from './userland/sh.js';
import {appNamed} from './apps/index.js';
import type {ContainerContext} from './context.js';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Builtins busybox also has as applets (`/bin/echo`, `busybox true`). */
const BUILTIN_APPLETS = new Set(['echo', 'pwd', 'true', 'false', 'test', '[', 'printf']);

function busyboxProgram(applet: string): Program {
	return proc => {
		if (applet === 'busybox') {
			const name = proc.argv[1];
			if (!name) {
				proc.out('BusyBox v1.35.0 multi-call binary.\n');
				return 0;
			}
			return busyboxProgram(name)(proc.withArgv(proc.argv.slice(1)));
		}
		const program = programFor(applet, 'container') ?? (BUILTIN_APPLETS.has(applet) ? builtinFor(applet, 'container') : undefined);
		if (!program) {
			proc.err(notSimulatedLine(applet, 'container'));
			return 127;
		}
		return program(proc);
	};
}

/**
 * True when `path` surely does not exist: it is missing, and every ancestor is a real directory or
 * missing (no symlink could lead elsewhere). Lets PATH lookups skip the full resolution.
 */
function cannotExist(world: World, container: Container, path: string): boolean {
	if (lookupIn(world, container, path)) return false;
	for (let index = path.lastIndexOf('/'); index > 0; index = path.lastIndexOf('/', index - 1)) {
		const found = lookupIn(world, container, path.slice(0, index));
		if (!found) continue;
		return found.entry.kind === 'dir';
	}
	return true;
}

/** PATH lookup in the container's filesystem, like execvp. */
function findInContainer(name: string, shell: Shell): Lookup {
	const builtin = name.includes('/') ? undefined : builtinFor(name, 'container');
	if (builtin) return {kind: 'builtin', program: builtin};
	const found = findInPath(name, shell, true);
	if (found.kind === 'not-found' && isNotSimulated(name)) return {kind: 'program', program: proc => (proc.err(notSimulatedLine(name, 'container')), 127)};
	return found;
}

/**
 * What runc would execute: a file found through PATH (no shell builtins). From a shell (`fromShell`),
 * an executable text file without `#!` runs as a shell script, as ash does when exec refuses it.
 */
function findInPath(name: string, shell: Shell, fromShell = false): Lookup {
	const candidates = name.includes('/')
		? [normalizePath(name, shell.cwd)]
		: (shell.vars.PATH ?? DEFAULT_PATH)
				.split(':')
				.filter(Boolean)
				.map(dir => joinPath(dir, name));
	const context = shell.context as Partial<ContainerContext> | undefined;
	for (const candidate of candidates) {
		// Fast path: when the PATH directory is a real directory without the name, skip the full
		// symlink-following lookup (most PATH entries do not hold the program).
		if (context?.world && context.container && cannotExist(context.world, context.container, candidate)) continue;
		let stat;
		try {
			stat = shell.fs.stat(candidate);
		} catch (error) {
			if (error instanceof FsError) continue;
			throw error;
		}
		const entry = stat.entry;
		if (entry.kind !== 'file') continue;
		if (entry.program) {
			if (entry.program === 'busybox') return {kind: 'program', program: busyboxProgram(basename(name))};
			const app = appNamed(entry.program);
			if (app) return {kind: 'program', program: app.program};
		}
		if ((entry.mode & 0o111) === 0) return {kind: 'denied'};
		if (entry.content.startsWith('#!') || fromShell) return {kind: 'program', program: proc => runScriptText(proc, entry.content)};
		return {kind: 'denied'};
	}
	return {kind: 'not-found'};
}

const INTERACTIVE_SHELLS = new Set(['sh', 'ash']);

/** What the images' busybox (Debian's 1.35 build) prints when its sh starts on a terminal. */
const ASH_BANNER = "\n\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\nEnter 'help' for a list of built-in commands.\n\n";

/** The shell of an open session, as the interpreter runs it (state is written back by the caller). */
export function sessionShell(world: World, container: Container, session: ShellSession, columns: number): Shell {
	return {
		flavor: 'busybox',
		name: 'sh',
		fs: containerFs(world, container),
		cwd: session.cwd,
		vars: session.vars,
		exported: new Set(session.exported),
		positional: ['sh'],
		lastStatus: session.lastStatus,
		functions: session.functions,
		options: {},
		columns,
		tty: session.tty,
		random: () => randomInt(world, 32768),
		find: findInContainer,
		// the session's shell is the main process (`run -it`) or one `docker exec` started beside it
		context: {
			world,
			container,
			canBlock: false,
			argv: session.kind === 'run' ? [container.path, ...container.args] : ['sh'],
			exec: session.kind === 'exec',
		} satisfies ContainerContext,
	};
}

export function envRecord(env: string[]): Record<string, string> {
	const record: Record<string, string> = {};
	for (const item of env) {
		const index = item.indexOf('=');
		if (index > 0) record[item.slice(0, index)] = item.slice(index + 1);
	}
	return record;
}

export interface ProcessResult {
	/** Exit status, or 'running' when the program keeps running (a server). */
	status: number | 'running';
	/** Set when the program is an interactive shell waiting for the learner's lines (`-it … sh`). */
	session?: ShellSession;
	output: LogLine[];
	/** What Docker reports when the program cannot be started at all. */
	startError?: string;
}

export interface RunOptions {
	canBlock: boolean;
	tty: boolean;
	/** `-i`: stdin stays open, so a shell started without a script waits for lines. */
	interactive?: boolean;
	env?: string[];
	workingDir?: string;
	stdin?: string;
	columns?: number;
	/** Streams output as it is produced (for attached runs); also collected in the result. */
	onOutput?: (line: LogLine) => void;
	/** A `docker exec` process, beside the container's main process. */
	exec?: boolean;
}

/** Executes argv in the container the way runc would, with the container's env and workdir. */
export function runInContainer(world: World, container: Container, argv: string[], options: RunOptions): ProcessResult {
	const output: LogLine[] = [];
	const emit = (stream: LogLine['stream'], text: string) => {
		if (!text) return;
		const line = {stream: options.tty ? ('stdout' as const) : stream, text: options.tty ? text.replace(/(?<!\r)\n/g, '\r\n') : text};
		output.push(line);
		options.onOutput?.(line);
	};
	const env = envRecord(options.env ?? container.config.env);
	env.HOSTNAME ??= container.config.hostname;
	env.HOME ??= '/root';
	if (options.tty) env.TERM ??= 'xterm';
	const shell: Shell = {
		flavor: 'busybox',
		name: 'sh',
		fs: containerFs(world, container),
		cwd: options.workingDir || container.config.workingDir || '/',
		vars: {...env},
		exported: new Set(Object.keys(env)),
		positional: ['sh'],
		lastStatus: 0,
		functions: {},
		options: {},
		columns: options.columns ?? 80,
		tty: options.tty,
		random: () => randomInt(world, 32768),
		find: findInContainer,
		context: {world, container, canBlock: options.canBlock, argv, exec: options.exec} satisfies ContainerContext,
	};
	const name = argv[0] ?? '';
	const found = findInPath(name, shell);
	if (found.kind === 'not-found' || found.kind === 'denied') {
		const reason = found.kind === 'denied' ? 'permission denied' : name.includes('/') ? 'no such file or directory' : 'executable file not found in $PATH';
		return {status: 127, output, startError: `exec: "${name}": ${reason}`};
	}
	// A shell with its input open (`-i`) or a terminal (`-t`) waits for lines: with `-t` alone it waits
	// on a terminal nothing writes to, so it shows its prompt and reads nothing.
	if ((options.interactive || options.tty) && !options.stdin && found.kind === 'program' && argv.length === 1 && INTERACTIVE_SHELLS.has(basename(name))) {
		const session: ShellSession = {
			container: container.id,
			kind: 'run',
			tty: options.tty,
			cwd: shell.cwd,
			vars: shell.vars,
			exported: [...shell.exported],
			functions: {},
			lastStatus: 0,
			...(options.interactive ? {} : {deaf: true}),
		};
		// busybox sh on a terminal is interactive: it greets before its first prompt.
		if (options.tty) emit('stdout', ASH_BANNER);
		return {status: 'running', output, session};
	}
	const proc = startProcess(shell, argv, env, {
		stdin: options.stdin ?? '',
		stdoutIsTty: options.tty,
		out: text => emit('stdout', text),
		err: text => emit('stderr', text),
	});
	try {
		const status = found.kind === 'script' ? runScriptText(proc, found.source) : found.program(proc);
		return {status, output};
	} catch (error) {
		if (error instanceof ExitSignal) return {status: error.status, output};
		if (error instanceof BlockSignal) return {status: 'running', output};
		throw error;
	}
}
