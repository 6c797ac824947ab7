/**
 * Running programs inside a container: PATH lookup in the container's own filesystem, busybox
 * applets behind /bin/busybox, `#!/bin/sh` scripts through the shell interpreter, and the
 * simulated applications (the to-do web app, gols) for files marked with a `program`.
 */
import {own, type Container, type LogLine, type World} from './world.js';
import {containerFs, lookupIn} from './unionfs.js';
import {FsError} from './fsapi.js';
import {basename, joinPath, normalizePath} from './path.js';
import {randomInt} from './random.js';
import {BlockSignal, ExitSignal, runSource, type Lookup, type Program, type Proc, type Shell} from './shell/interpreter.js';
import {utilities} from './shell/programs.js';
import {NATIVE_PROGRAMS} from './programs/index.js';
import {contextOf, type ContainerContext} from './context.js';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const BUSYBOX_APPLETS: Record<string, Program> = {
	...utilities('busybox'),
	sh: shProgram,
	ash: shProgram,
	hostname: proc => {
		proc.out(contextOf(proc).container.config.hostname + '\n');
		return 0;
	},
	sleep: proc => {
		const seconds = Number.parseFloat(proc.argv[1] ?? '');
		if (!Number.isFinite(seconds)) return utilities('busybox').sleep!(proc);
		const context = contextOf(proc);
		if (context.canBlock && seconds >= 1) throw new BlockSignal('sleep');
		context.world.clock += Math.min(seconds, 3600) * 1000;
		return 0;
	},
	pwd: proc => {
		proc.out(proc.shell.cwd + '\n');
		return 0;
	},
	echo: proc => {
		proc.out(proc.argv.slice(1).join(' ') + '\n');
		return 0;
	},
	true: () => 0,
	false: () => 1,
	whoami: proc => {
		proc.out('root\n');
		return 0;
	},
};

function busyboxProgram(applet: string): Program {
	return proc => {
		if (applet === 'busybox') {
			const name = proc.argv[1];
			if (!name) {
				proc.out('BusyBox v1.35.0 multi-call binary.\n');
				return 0;
			}
			return busyboxProgram(name)({...proc, argv: proc.argv.slice(1)});
		}
		const program = own(BUSYBOX_APPLETS, applet);
		if (!program) {
			proc.err(`${applet}: applet not simulated by layerlab\n`);
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
			const native = own(NATIVE_PROGRAMS, entry.program);
			if (native) return {kind: 'program', program: native};
		}
		if ((entry.mode & 0o111) === 0) return {kind: 'denied'};
		if (entry.content.startsWith('#!')) return {kind: 'program', program: proc => runScriptText(proc, entry.content)};
		return {kind: 'denied'};
	}
	return {kind: 'not-found'};
}

/** `sh -c 'script' [name args…]`, `sh FILE args…`, or a script on stdin. */
function shProgram(proc: Proc): number {
	const args = proc.argv.slice(1);
	const child = childShell(proc.shell, proc.argv[0]!, proc.env);
	let source: string;
	if (args[0] === '-c') {
		if (args[1] === undefined) {
			proc.err(`${proc.argv[0]}: -c requires an argument\n`);
			return 2;
		}
		source = args[1];
		child.positional = [args[2] ?? proc.argv[0]!, ...args.slice(3)];
	} else if (args[0] !== undefined) {
		try {
			source = proc.shell.fs.read(normalizePath(args[0], proc.shell.cwd));
		} catch (error) {
			proc.err(`${proc.argv[0]}: can't open '${args[0]}': ${error instanceof FsError ? error.message : String(error)}\n`);
			return 2;
		}
		child.positional = args;
	} else source = proc.stdin;
	try {
		return runSource(child, source, proc);
	} catch (error) {
		if (error instanceof ExitSignal) return error.status;
		throw error;
	}
}

/** Runs the text of a `#!` script with argv as its positional parameters. */
export function runScriptText(proc: Proc, source: string): number {
	const child = childShell(proc.shell, proc.argv[0]!, proc.env);
	child.positional = proc.argv;
	try {
		return runSource(child, source.replace(/^#![^\n]*\n?/, ''), proc);
	} catch (error) {
		if (error instanceof ExitSignal) return error.status;
		throw error;
	}
}

function childShell(parent: Shell, name: string, env: Record<string, string>): Shell {
	return {
		...parent,
		name,
		vars: {...env},
		exported: new Set(Object.keys(env)),
		positional: [name],
		lastStatus: 0,
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
	output: LogLine[];
	/** What Docker reports when the program cannot be started at all. */
	startError?: string;
}

export interface RunOptions {
	canBlock: boolean;
	tty: boolean;
	env?: string[];
	workingDir?: string;
	stdin?: string;
	columns?: number;
	/** Streams output as it is produced (for attached runs); also collected in the result. */
	onOutput?: (line: LogLine) => void;
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
		columns: options.columns ?? 80,
		tty: options.tty,
		random: () => randomInt(world, 32768),
		find: findInContainer,
		context: {world, container, canBlock: options.canBlock} satisfies ContainerContext,
	};
	const name = argv[0] ?? '';
	const found = findInContainer(name, shell);
	if (found.kind === 'not-found' || found.kind === 'denied') {
		const reason = found.kind === 'denied' ? 'permission denied' : name.includes('/') ? 'no such file or directory' : 'executable file not found in $PATH';
		return {status: 127, output, startError: `exec: "${name}": ${reason}`};
	}
	const proc: Proc = {
		argv,
		env,
		stdin: options.stdin ?? '',
		stdoutIsTty: options.tty,
		out: text => emit('stdout', text),
		err: text => emit('stderr', text),
		shell,
	};
	try {
		const status = found.kind === 'program' ? found.program(proc) : runScriptText(proc, found.source);
		return {status, output};
	} catch (error) {
		if (error instanceof ExitSignal) return {status: error.status, output};
		if (error instanceof BlockSignal) return {status: 'running', output};
		throw error;
	}
}
