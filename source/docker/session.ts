/**
 * One line typed at the learner's prompt: bash on the simulated host, with `docker`, `curl` and the
 * file utilities. This is the reducer the TUI, `script` and `check` all use: it changes the world
 * it is given (an immer draft or a plain object) and returns what the terminal shows.
 */
import {own, readonly, type World} from '../engine/world.js';
import {tick} from '../engine/clock.js';
import {randomInt} from '../engine/random.js';
import {treeFs} from '../engine/treefs.js';
import {normalizePath} from '../engine/path.js';
import {ExitSignal, runSource, type Lookup, type Program, type Proc, type Shell} from '../engine/shell/interpreter.js';
import {utilities} from '../engine/shell/programs.js';
import {todoRequest} from '../engine/programs/todo.js';
import {runDocker} from './dispatch.js';

export interface Chunk {
	stream: 'stdout' | 'stderr';
	text: string;
}

export interface LineResult {
	output: Chunk[];
	status: number;
}

export interface TerminalOptions {
	columns: number;
	/** Whether the learner's stdout is a terminal (it is, in the lab and in `script` transcripts). */
	tty: boolean;
}

interface HostContext {
	world: World;
	terminal: TerminalOptions;
}

function hostContext(proc: Proc): HostContext {
	return proc.shell.context as HostContext;
}

const docker: Program = proc => {
	const {world, terminal} = hostContext(proc);
	return runDocker(
		{
			world,
			io: {out: proc.out, err: proc.err, tty: terminal.tty && proc.stdoutIsTty, columns: terminal.columns, cwd: proc.shell.cwd, env: proc.env, stdin: proc.stdin},
		},
		proc.argv.slice(1),
	);
};

/** curl 7.88 against the simulated network: published ports of running containers on localhost. */
const curl: Program = proc => {
	const {world} = hostContext(proc);
	let method: string | undefined;
	let data: string | undefined;
	let include = false;
	let url: string | undefined;
	const args = proc.argv.slice(1);
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '-d' || arg === '--data' || arg === '--data-raw' || arg === '--data-urlencode') data = data === undefined ? (args[++i] ?? '') : `${data}&${args[++i] ?? ''}`;
		else if (arg === '-X' || arg === '--request') method = args[++i];
		else if (arg === '-i' || arg === '--include') include = true;
		else if (arg.startsWith('-')) continue;
		else url = arg;
	}
	if (url === undefined) {
		proc.err("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
		return 2;
	}
	const match = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(url);
	if (!match) {
		proc.err(`curl: (3) URL using bad/illegal format or missing URL\n`);
		return 3;
	}
	const [, scheme = 'http', host = '', portText, rest = ''] = match;
	const port = Number(portText ?? (scheme === 'https' ? 443 : 80));
	if (host !== 'localhost' && host !== '127.0.0.1' && host !== '0.0.0.0') {
		proc.err(`curl: (6) Could not resolve host: ${host}\n`);
		return 6;
	}
	const found = Object.values(readonly(world.containers)).find(
		container => container.status === 'running' && container.hostConfig.portBindings.some(binding => binding.hostPort === port),
	);
	const target = found && world.containers[found.id];
	if (!target) {
		proc.err(`curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`);
		return 7;
	}
	const binding = target.hostConfig.portBindings.find(candidate => candidate.hostPort === port)!;
	if (target.app?.program !== 'todo' || binding.containerPort !== target.app.port) {
		proc.err('curl: (56) Recv failure: Connection reset by peer\n');
		return 56;
	}
	const response = todoRequest(world, target, {
		method: method ?? (data !== undefined ? 'POST' : 'GET'),
		target: rest === '' ? '/' : rest,
		host: portText ? `${host}:${port}` : host,
		body: data ?? '',
	});
	if (include) {
		const reason = {200: 'OK', 404: 'Not Found', 500: 'Internal Server Error'}[response.status] ?? '';
		const headers = response.body
			? `HTTP/1.1 ${response.status} ${reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(response.body)}\r\nConnection: close\r\n\r\n`
			: `HTTP/1.1 ${response.status} ${reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`;
		proc.out(headers);
	}
	proc.out(response.body);
	return 0;
};

const clear: Program = () => 0;

const HOST_PROGRAMS: Record<string, Program> = {...utilities('bash'), docker, curl, clear};

function findOnHost(name: string, shell: Shell): Lookup {
	if (!name.includes('/')) {
		const program = own(HOST_PROGRAMS, name);
		return program ? {kind: 'program', program} : {kind: 'not-found'};
	}
	const path = normalizePath(name, shell.cwd);
	let entry;
	try {
		entry = shell.fs.stat(path).entry;
	} catch {
		return {kind: 'program', program: proc => (proc.err(`bash: ${name}: No such file or directory\n`), 127)};
	}
	if (entry.kind === 'dir') return {kind: 'program', program: proc => (proc.err(`bash: ${name}: Is a directory\n`), 126)};
	if (entry.kind !== 'file' || (entry.mode & 0o111) === 0) return {kind: 'denied'};
	return {kind: 'script', source: entry.content};
}

export function hostShell(world: World, terminal: TerminalOptions): Shell {
	const host = world.host;
	return {
		flavor: 'bash',
		name: 'bash',
		fs: treeFs(host.files),
		cwd: host.cwd,
		vars: host.vars,
		exported: new Set(host.exported),
		positional: ['bash'],
		lastStatus: host.lastStatus,
		columns: terminal.columns,
		tty: terminal.tty,
		random: () => randomInt(world, 32768),
		find: findOnHost,
		context: {world, terminal} satisfies HostContext,
	};
}

/** Runs one command line on the host; the world moves on by one virtual second. */
export function runLine(world: World, line: string, terminal: TerminalOptions = {columns: 80, tty: true}): LineResult {
	tick(world);
	const output: Chunk[] = [];
	const push = (stream: Chunk['stream'], text: string) => {
		if (!text) return;
		const last = output.at(-1);
		if (last && last.stream === stream) last.text += text;
		else output.push({stream, text});
	};
	const shell = hostShell(world, terminal);
	let status: number;
	try {
		status = runSource(shell, line, {stdin: '', stdoutIsTty: terminal.tty, out: text => push('stdout', text), err: text => push('stderr', text)});
	} catch (error) {
		if (error instanceof ExitSignal) {
			push('stderr', 'layerlab: exit is not needed here (the lab keeps one shell open); press q to quit the lab\n');
			status = error.status;
		} else {
			// A bug in the simulator must not end the learner's session: say so in one line.
			push('stderr', `layerlab: internal error: ${error instanceof Error ? error.message : String(error)} (please report this command line)\n`);
			status = 1;
		}
	}
	world.host.cwd = shell.cwd;
	world.host.exported = [...shell.exported];
	world.host.lastStatus = status;
	return {output, status};
}
