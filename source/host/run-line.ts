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
	copySession,
	interruptContainer,
} from '../engine/index.js';
import {promptText} from './prompt.js';
import {DETACH_KEYS, isKeyLine, keysOf} from './keys.js';
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
		fs: treeFs(host.files, () => world.clock, host),
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
	if (isDraft(world) && terminal.unguarded) {
		try {
			outcome = attempt(world);
		} catch (error) {
			const outcome = stopped(error);
			if (outcome.kind === 'stopped') throw new LineStopped(stoppedResult(output, outcome));
			throw error;
		}
	} else if (isDraft(world)) {
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
		const result = stoppedResult(output, outcome);
		afterStopped(world, result);
		return result;
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

/**
 * An unguarded line (TerminalOptions.unguarded) was stopped: its draft holds part of what it did.
 * `result` is what the line shows; on the world as it was before the line, `afterStopped` does the rest.
 */
export class LineStopped extends Error {
	constructor(readonly result: LineResult) {
		super('a line was stopped on an unguarded draft');
		this.name = 'LineStopped';
	}
}

function stoppedResult(output: Chunk[], outcome: Extract<Outcome, {kind: 'stopped'}>): LineResult {
	const shown = output.length > 0 && !output.at(-1)!.text.endsWith('\n') ? '\n' + outcome.message : outcome.message;
	return {output: [...output, {stream: 'stderr', text: shown}], status: outcome.status, stoppedBy: outcome.by};
}

/** A stopped line leaves the world as before it; time still moves on, and $? says the line failed. */
export function afterStopped(world: World, result: LineResult): void {
	tick(world);
	world.host.lastStatus = result.status;
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

/** How a session ends: the docker command that held the terminal returns `status`. */
function endSession(world: World, status: number): number {
	world.host.session = null;
	world.host.lastStatus = status;
	return status;
}

/**
 * Keys pressed while a docker command holds the terminal. Ctrl+C: with the CLI's sig-proxy (no tty)
 * the container's main process gets SIGINT and the command returns its status; `exec` and `start`
 * end at once (130) and the container runs on; `run` and `attach` without sig-proxy let the third one
 * force them out. The detach keys (with the terminal's input attached) leave the container running:
 * `attach` and `exec` say `read escape sequence` (status 1), run and start say nothing. Ctrl+D
 * closes the input: a shell reading it exits.
 */
function pressKeys(world: World, keys: string[], push: (stream: Chunk['stream'], text: string) => void): number {
	const session = world.host.session;
	const container = session && world.containers[session.container];
	const pressed = keys.join();
	if (!session || container?.status !== 'running') {
		if (session) world.host.session = null;
		if (pressed !== 'ctrl-c') return world.host.lastStatus;
		push('stdout', '^C\n');
		world.host.lastStatus = 130;
		return 130;
	}
	if (!session.deaf && pressed === (session.detachKeys ?? DETACH_KEYS)) {
		if (session.kind === 'run') container.shell = copySession({...session, attached: false, detachKeys: undefined, sigProxy: undefined});
		const says = session.attached || session.kind === 'exec';
		if (says) push('stdout', 'read escape sequence\n');
		return endSession(world, says ? 1 : 0);
	}
	if (pressed === 'ctrl-c') {
		push('stdout', '^C');
		// In a terminal the shell reads (`-it`), Ctrl+C is a character for it: it drops the line and prompts again.
		if (!session.deaf && !session.program && session.tty) {
			push('stdout', '\n');
			return world.host.lastStatus;
		}
		const interrupts = (session.interrupts ?? 0) + 1;
		if (session.stubborn && interrupts === 3) {
			push('stderr', '\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n');
			return endSession(world, 1);
		}
		session.interrupts = interrupts;
		if (session.sigProxy && session.kind === 'run' && session.tty && !session.program) {
			// A shell on a terminal survives SIGINT and prompts again.
			push('stdout', '\n');
			session.typed = 0;
		} else if (session.sigProxy && session.kind === 'run') {
			// Another program dies of it, and the docker command returns its status.
			interruptContainer(world, container);
			if (container.status !== 'running') return endSession(world, container.exitCode);
		} else session.typed = (session.typed ?? 0) + 1;
		// exec and start end quietly, with status 0
		return session.stubborn ? world.host.lastStatus : endSession(world, 0);
	}
	if (pressed === 'ctrl-d' && !session.deaf && !session.program) {
		// The shell reads the end of its input and exits with the last status; a terminal moves to the next line.
		if (session.tty) push('stdout', '\n');
		if (session.kind === 'run') mainProcessExited(world, container, session.lastStatus);
		return endSession(world, session.lastStatus);
	}
	return world.host.lastStatus;
}

function runOnHost(world: World, line: string, terminal: TerminalOptions, push: (stream: Chunk['stream'], text: string) => void): number {
	tick(world);
	if (isKeyLine(line)) return pressKeys(world, keysOf(line), push);
	const session = world.host.session;
	if (session) {
		const container = world.containers[session.container];
		if (container?.status === 'running' && (session.deaf || session.program)) {
			// Nothing reads the line: the terminal showed it as it was typed, and the prompt does not come back.
			session.typed = (session.typed ?? 0) + 1;
			return world.host.lastStatus;
		}
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
