/**
 * One line typed at the learner's prompt: bash on the simulated host, with the programs registry's
 * host programs (docker and curl among them). This is the reducer the TUI, `script` and `check` all use: it changes the world
 * it is given (an immer draft or a plain object) and returns what the terminal shows.
 */
import {
	own,
	readonly,
	type Container,
	type ShellSession,
	type World,
	sessionShell,
	mainProcessExited,
	tick,
	randomInt,
	treeFs,
	normalizePath,
	BudgetExceeded,
	Interrupted,
	spendBytes,
	withBudget,
	ExitSignal,
	NestingExceeded,
	runSource,
	type Lookup,
	type Shell,
	builtinFor,
	isNotSimulated,
	notSimulatedLine,
	programFor,
} from '../engine/index.js';
import {promptText} from './prompt.js';
import {current, Immer, isDraft} from 'immer';
import {HOST_SUPPLIED} from './programs.js';
import type {HostContext, TerminalOptions} from './context.js';

export interface Chunk {
	stream: 'stdout' | 'stderr';
	text: string;
}

export interface LineResult {
	output: Chunk[];
	status: number;
	/** Set when a limit stopped the line (its changes were not kept). */
	stoppedBy?: 'steps' | 'bytes' | 'interrupt' | 'nesting';
}

function findOnHost(name: string, shell: Shell): Lookup {
	if (!name.includes('/')) {
		const builtin = builtinFor(name, 'host');
		if (builtin) return {kind: 'builtin', program: builtin};
		const program = programFor(name, 'host') ?? own(HOST_SUPPLIED, name);
		if (program) return {kind: 'program', program};
		return isNotSimulated(name) ? {kind: 'program', program: proc => (proc.err(notSimulatedLine(name)), 127)} : {kind: 'not-found'};
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

function hostShell(world: World, terminal: TerminalOptions): Shell {
	const host = world.host;
	return {
		flavor: 'bash',
		name: 'bash',
		fs: treeFs(host.files),
		cwd: host.cwd,
		// A plain copy: reading variables through an immer draft costs a proxy per read, and loops read often.
		vars: {...readonly(host.vars)},
		exported: new Set(host.exported),
		positional: ['bash'],
		lastStatus: host.lastStatus,
		functions: {...readonly(host.functions ?? {})},
		options: {},
		columns: terminal.columns,
		tty: terminal.tty,
		random: () => randomInt(world, 32768),
		find: findOnHost,
		context: {world, terminal} satisfies HostContext,
	};
}

/** World data modified in place with immer, for plain (non-draft) worlds: no freezing. */
const plain = new Immer({autoFreeze: false});

type Outcome = {kind: 'done'; status: number} | {kind: 'stopped'; message: string; status: number; by: NonNullable<LineResult['stoppedBy']>};

/**
 * Runs one command line on the host; the world moves on by one virtual second. The line runs under
 * a budget (engine/budget.ts): when it is exceeded, nests too deep or is interrupted, the learner
 * gets one `layerlab:` line (or `^C`) and the world is left as it was before the line.
 */
export function runLine(world: World, line: string, terminal: TerminalOptions = {columns: 80, tty: true}): LineResult {
	const output: Chunk[] = [];
	const push = (stream: Chunk['stream'], text: string) => {
		if (!text) return;
		spendBytes(text.length);
		const last = output.at(-1);
		if (last && last.stream === stream) last.text += text;
		else output.push({stream, text});
	};
	const attempt = (draft: World): Outcome =>
		withBudget(terminal.limits ?? {}, () => ({kind: 'done', status: runOnHost(draft, line, terminal, push)}), {interrupted: terminal.interrupted});
	let outcome: Outcome;
	if (isDraft(world)) {
		const before = current(world);
		try {
			outcome = attempt(world);
		} catch (error) {
			outcome = stopped(error);
			const after = current(world);
			for (const key of Object.keys(before) as Array<keyof World>) if (after[key] !== before[key]) (world as unknown as Record<string, unknown>)[key] = before[key];
		}
	} else {
		let result: Outcome | undefined;
		try {
			const next = plain.produce(world, draft => {
				result = attempt(draft as World);
			});
			if (next !== world) Object.assign(world, next);
			outcome = result!;
		} catch (error) {
			outcome = stopped(error);
		}
	}
	if (outcome.kind === 'stopped') {
		// The world is as before the line; time still moves on, and $? says the line failed.
		tick(world);
		world.host.lastStatus = outcome.status;
		const shown = output.length > 0 && !output.at(-1)!.text.endsWith('\n') ? '\n' + outcome.message : outcome.message;
		output.push({stream: 'stderr', text: shown});
		return {output, status: outcome.status, stoppedBy: outcome.by};
	}
	return {output, status: outcome.status};
}

/**
 * A line typed while the terminal is in a container's shell: busybox sh runs it there. `exit` (or
 * Ctrl+D, which the lab sends as `exit`) leaves the shell; when it was the container's main process
 * (`run -it`), the container stops with its status, as Docker's does.
 */
function runInSession(
	world: World,
	container: Container,
	session: ShellSession,
	line: string,
	terminal: TerminalOptions,
	push: (stream: Chunk['stream'], text: string) => void,
): number {
	const shell = sessionShell(world, container, session, terminal.columns);
	const log = (stream: Chunk['stream'], text: string) => {
		push(stream, text);
		// The main process's terminal is the container's log, as `docker logs` shows it.
		if (session.kind === 'run' && text) container.logs.push({stream: 'stdout', text: text.replace(/(?<!\r)\n/g, '\r\n')});
	};
	if (session.kind === 'run' && session.tty) container.logs.push({stream: 'stdout', text: `${promptText(world)}${line}\r\n`});
	let status: number;
	try {
		status = runSource(shell, line, {stdin: '', stdoutIsTty: session.tty, out: text => log('stdout', text), err: text => log(session.tty ? 'stdout' : 'stderr', text)});
	} catch (error) {
		if (!(error instanceof ExitSignal)) throw error;
		world.host.session = null;
		if (session.kind === 'run') mainProcessExited(world, container, error.status);
		return error.status;
	}
	session.cwd = shell.cwd;
	session.exported = [...shell.exported];
	session.lastStatus = status;
	return status;
}

function stopped(error: unknown): Outcome {
	if (error instanceof Interrupted) return {kind: 'stopped', message: '^C\n', status: 130, by: 'interrupt'};
	if (error instanceof BudgetExceeded) {
		const what = error.kind === 'steps' ? 'it took too many steps (a loop that does not end?)' : 'it made too much text or data';
		return {kind: 'stopped', message: `layerlab: ${error.message}: ${what}; nothing it changed was kept\n`, status: 1, by: error.kind};
	}
	if (error instanceof NestingExceeded) return {kind: 'stopped', message: `layerlab: ${error.message}; nothing it changed was kept\n`, status: 1, by: 'nesting'};
	throw error;
}

function runOnHost(world: World, line: string, terminal: TerminalOptions, push: (stream: Chunk['stream'], text: string) => void): number {
	tick(world);
	const session = world.host.session;
	if (session) {
		const container = world.containers[session.container];
		if (container?.status === 'running') {
			const status = runInSession(world, container, session, line, terminal, push);
			// Leaving the shell ends the docker command that opened it, with the shell's status.
			if (!world.host.session) world.host.lastStatus = status;
			return status;
		}
		world.host.session = null;
	}
	const shell = hostShell(world, terminal);
	let status: number;
	try {
		status = runSource(shell, line, {stdin: '', stdoutIsTty: terminal.tty, out: text => push('stdout', text), err: text => push('stderr', text)});
	} catch (error) {
		if (error instanceof ExitSignal) {
			push('stderr', 'layerlab: exit is not needed here (the lab keeps one shell open); press q to quit the lab\n');
			status = error.status;
		} else if (error instanceof BudgetExceeded || error instanceof NestingExceeded || error instanceof Interrupted) {
			throw error;
		} else {
			// A bug in the simulator must not end the learner's session: say so in one line.
			push('stderr', `layerlab: internal error: ${error instanceof Error ? error.message : String(error)} (please report this command line)\n`);
			status = 1;
		}
	}
	world.host.cwd = shell.cwd;
	const vars = readonly(world.host.vars);
	const names = Object.keys(shell.vars);
	if (names.length !== Object.keys(vars).length || names.some(name => vars[name] !== shell.vars[name])) world.host.vars = shell.vars;
	world.host.exported = [...shell.exported];
	const functions = readonly(world.host.functions ?? {});
	if (Object.keys(shell.functions).length !== Object.keys(functions).length || Object.keys(shell.functions).some(name => functions[name] !== shell.functions[name])) {
		world.host.functions = shell.functions;
	}
	world.host.lastStatus = status;
	return status;
}
