/** `layerlab script [FILE]`: the headless contract other checks use. */
import {readRegularBytes} from '../scenario/load/read-files.js';
import {terminalSafe} from '../text/safe.js';

/** The most a script may hold (bytes read, so /dev/zero stops here too). */
const MAX_SCRIPT_BYTES = 64 * 1024 * 1024;
import type {World} from '../engine/index.js';
import {defaultWorld} from '../scenario/catalog/default-world.js';
import {runGroup, scriptGroups, scriptLines} from './script.js';
import {Immer} from 'immer';
import {afterStopped, LineStopped, type TerminalOptions} from '../host/index.js';

export interface ScriptOptions {
	file?: string;
	/** Undefined: 1, or the scenario's own seed with `scenario`. */
	seed?: number;
	preload: boolean;
	/** Start from this scenario's world (an id or a scenario file). */
	scenario?: string;
}

export async function scriptCommand(args: string[], flags: {seed?: number; preload: boolean; scenario?: string}): Promise<number> {
	return runScriptFile({file: args[0], seed: flags.seed, preload: flags.preload, scenario: flags.scenario});
}

/** The starting world: the default one, or a scenario's (problems printed, then undefined). */
async function startWorld(options: ScriptOptions): Promise<World | undefined> {
	if (options.scenario === undefined) return defaultWorld({seed: options.seed ?? 1, preload: options.preload});
	const {findScenario, scenarioWorld, LoadError, ScenarioNotFound, formatProblem} = await import('../scenario/index.js');
	try {
		const scenario = findScenario(options.scenario);
		return scenarioWorld(scenario, {seed: options.seed, preload: options.preload});
	} catch (error) {
		if (error instanceof LoadError) {
			for (const problem of error.problems) process.stderr.write(formatProblem(problem) + '\n');
			return undefined;
		}
		if (error instanceof ScenarioNotFound) {
			process.stderr.write(`layerlab script: ${error.message}\n`);
			for (const problem of error.problems) process.stderr.write(formatProblem(problem) + '\n');
			return undefined;
		}
		throw error;
	}
}

export async function runScriptFile(options: ScriptOptions): Promise<number> {
	let bytes: Buffer;
	try {
		bytes = options.file === undefined || options.file === '-' ? await readStdin() : readRegularBytes(options.file, MAX_SCRIPT_BYTES);
	} catch (error) {
		const code = (error as {code?: string}).code;
		const reason = code === 'ENOENT' ? 'No such file or directory' : error instanceof Error ? error.message.replace(/^"[^"]*" /, '') : String(error);
		process.stderr.write(terminalSafe(`layerlab: cannot read ${options.file ?? 'stdin'}: ${reason}\n`));
		return 1;
	}
	const world = await startWorld(options);
	if (!world) return 1;
	const columns = Number(process.env.COLUMNS) || process.stdout.columns || 80;
	await writeTranscript(world, scriptLines(bytes), columns, process.stdout);
	return 0;
}

/** Lines run per batch; between batches the transcript waits for the output to drain. */
const BATCH_LINES = 500;
/** Output gathered before one write. */
const WRITE_BYTES = 64 * 1024;

/**
 * Runs the lines in batches and writes the transcript as it goes. When the reader is slower than the
 * simulator (a pipe into a pager, a slow consumer), `write` returns false; the next batch waits for
 * `drain`, so the transcript never queues up in memory.
 */
export async function writeTranscript(world: World, lines: Iterable<string>, columns: number, out: NodeJS.WritableStream): Promise<void> {
	let pending = '';
	let full = false;
	const flush = () => {
		if (pending && !out.write(pending)) full = true;
		pending = '';
	};
	const write = (chunk: string) => {
		pending += chunk;
		if (pending.length > WRITE_BYTES) flush();
	};
	// Grouped a batch at a time: only the batch running is held, however long the script.
	const groups = scriptGroups(lines);
	let current = world;
	for (let batch = nextBatch(groups); batch.length > 0; batch = nextBatch(groups)) {
		current = runBatch(current, batch, write, {columns, tty: true});
		flush();
		if (full) {
			await new Promise(resolve => out.once('drain', resolve));
			full = false;
		}
	}
}

/** The next BATCH_LINES groups (fewer at the end, none when the script is done). */
function nextBatch(groups: Iterator<string[]>): string[][] {
	const batch: string[][] = [];
	for (let next = groups.next(); !next.done; next = groups.next()) {
		batch.push(next.value);
		if (batch.length === BATCH_LINES) break;
	}
	return batch;
}

const drafts = new Immer({autoFreeze: false});

/**
 * Runs a batch of groups on one immer draft, unguarded (TerminalOptions.unguarded): a line does not
 * snapshot the world first, so a line costs what it does, not what the world holds (a snapshot per
 * line copies every record the line changes: 20,000 `docker run` lines took ~75x what 2,000 take).
 * When a line is stopped (a budget, the nesting bound), its draft is thrown away: the lines before it
 * run again from the batch's start without printing (the world is deterministic: the same world and
 * lines give the same result), and the stopped line's result is shown on that world, as runLine
 * shows a stopped line (only the clock and $? move).
 */
function runBatch(world: World, batch: string[][], write: (text: string) => void, terminal: TerminalOptions): World {
	let base = world;
	let from = 0;
	while (from < batch.length) {
		let draft = drafts.createDraft(base);
		let at = from;
		let stop: LineStopped;
		try {
			for (; at < batch.length; at++) runGroup(draft as World, batch[at]!, write, {...terminal, unguarded: true});
			return finish(world, drafts.finishDraft(draft) as World);
		} catch (error) {
			if (!(error instanceof LineStopped)) throw error;
			stop = error;
		}
		draft = drafts.createDraft(base);
		for (let again = from; again < at; again++) runGroup(draft as World, batch[again]!, () => {}, {...terminal, unguarded: true});
		afterStopped(draft as World, stop.result);
		for (const chunk of stop.result.output) write(terminalSafe(chunk.text));
		base = drafts.finishDraft(draft) as World;
		from = at + 1;
	}
	return finish(world, base);
}

/** The caller's world object holds the result (it may keep a reference to it). */
function finish(world: World, next: World): World {
	if (next !== world) Object.assign(world, next);
	return world;
}

async function readStdin(): Promise<Buffer> {
	if (process.stdin.isTTY) {
		process.stderr.write('layerlab script: reading command lines from the terminal; end with Ctrl+D\n');
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of process.stdin) {
		size += (chunk as Buffer).length;
		if (size > MAX_SCRIPT_BYTES) throw new Error(`holds more than ${MAX_SCRIPT_BYTES / 1024 / 1024} MiB of command lines`);
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}
