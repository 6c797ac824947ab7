/**
 * One line typed at the learner's prompt: bash on the simulated host, with the programs registry's
 * host programs (docker and curl among them). This is the reducer the TUI, `script` and `check` all use: it changes the world
 * it is given (an immer draft or a plain object) and returns what the terminal shows.
 */
import {own, readonly, type World} from '../engine/world.js';
import {tick} from '../engine/clock.js';
import {randomInt} from '../engine/random.js';
import {treeFs} from '../engine/treefs.js';
import {normalizePath} from '../engine/path.js';
import {ExitSignal, runSource, type Lookup, type Shell} from '../engine/shell/interpreter.js';
import {builtinFor, isNotSimulated, notSimulatedLine, programFor} from '../engine/userland/registry.js';
import {HOST_SUPPLIED} from './programs.js';
import type {HostContext, TerminalOptions} from './context.js';

export interface Chunk {
	stream: 'stdout' | 'stderr';
	text: string;
}

export interface LineResult {
	output: Chunk[];
	status: number;
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
