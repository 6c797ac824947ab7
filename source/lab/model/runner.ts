/**
 * The docker CLI, the host shell and the engine's programs and daemon actions (with the CLI's recorded
 * specs and texts) are the biggest part of the program and, like immer, are not needed to draw the
 * first frame (it reads the world through engine/screen.ts), so they load just after it
 * (main.tsx) — or before, when saved progress has to be replayed. Until then a command line waits.
 */
import type {World} from '../../engine/index.js';
import {BudgetExceeded, spent, withBudget} from '../../engine/screen.js';
import type {LineResult, TerminalOptions} from '../../host/index.js';
import type * as CliSpec from '../../docker/recorded/cli-spec.js';
import type * as Engine from '../../engine/index.js';
import type * as Immer from 'immer';
import type {Patch} from 'immer';
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {WorkerAnswer, WorkerJob} from './command-worker.js';

export type RunLine = (world: World, line: string, terminal: TerminalOptions) => LineResult;

let runLine: RunLine | undefined;
let spec: typeof CliSpec | undefined;
let immer: typeof Immer | undefined;
let commandNames: typeof Engine.commandNames | undefined;
let loading: Promise<void> | undefined;

export function loadRunner(): Promise<void> {
	loading ??= Promise.all([import('../../host/index.js'), import('../../docker/recorded/cli-spec.js'), import('immer'), import('../../engine/index.js')]).then(
		([session, cli, immerModule, engine]) => {
			commandNames = engine.commandNames;
			immerModule.enablePatches();
			// The shipped lab does not deep-freeze worlds (produce runs 1.4–10x faster, and
			// the first one skips a 44–75 ms deep freeze of the whole world); tests turn it on.
			if (process.env.NODE_ENV === 'production') immerModule.setAutoFreeze(false);
			immer = immerModule;
			runLine = session.runLine;
			spec = cli;
		},
	);
	return loading;
}

/** immer (patches enabled), once loaded: every world change goes through it. */
export function loadedImmer(): typeof Immer | undefined {
	return immer;
}

/** The shell's runLine, once loaded. */
export function loadedRunner(): RunLine | undefined {
	return runLine;
}

/** The names the simulated shell can run where it runs (for Tab completion), once the shell has loaded. */
export function loadedCommandNames(): typeof Engine.commandNames | undefined {
	return commandNames;
}

/** The recorded docker CLI spec (for Tab completion), once loaded. */
export function loadedCliSpec(): typeof CliSpec | undefined {
	return spec;
}

// ------------------------------------------------------------------------------------------------
// Commands that run long: Ink reads keys on the main thread, so a command that runs synchronously
// there cannot see Ctrl+C. Each command first runs with a small step budget (almost every command
// a learner types fits); one that exceeds it is run again from the same starting world in a worker
// thread with the full budget, while the lab stays live and Ctrl+C can terminate the worker.

/** Steps a command may take on the main thread before it moves to a worker. */
export const FIRST_STEPS = 200_000;

/** Thrown inside a world change when the command needs the worker: the change is abandoned. */
export class NeedsWorker extends Error {
	constructor(readonly line: string) {
		super(`"${line}" runs long: it continues in the background`);
		this.name = 'NeedsWorker';
	}
}

/** Runs one line on the main thread under the small budget; throws NeedsWorker when it outgrows it. */
export function runFirst(run: RunLine, world: World, line: string, terminal: TerminalOptions, steps = FIRST_STEPS): LineResult {
	return withBudget({steps}, () => {
		let result: LineResult;
		try {
			// The line's own budget is the small first one: past it, the line goes to the worker.
			result = run(world, line, {...terminal, limits: {...terminal.limits, steps}});
		} catch (error) {
			if (error instanceof BudgetExceeded && error.kind === 'steps') throw new NeedsWorker(line);
			throw error;
		}
		// The shell reports a budget it hit as a line of output; the counter says whether it was this one.
		if (result.stoppedBy === 'steps' || spent().steps > steps) throw new NeedsWorker(line);
		return result;
	});
}

/**
 * The worker's script: the bundle's own (dist/command-worker.js), or, running from source (tests),
 * a bootstrap that registers tsx's loader in the worker and imports command-worker.ts.
 */
function workerScript(): {code: string; eval: boolean} {
	const here = fileURLToPath(import.meta.url);
	const dir = here.slice(0, here.lastIndexOf('/'));
	const built = `${dir}/command-worker.js`;
	if (existsSync(built)) return {code: built, eval: false};
	// Spelled out so that a bundler does not try to resolve the dev-only loader.
	const api = createRequire(import.meta.url)
		.resolve(['tsx', 'esm', 'api'].join('/'))
		.replace(/\.cjs$/, '.mjs');
	const source = JSON.stringify(pathToFileURL(`${dir}/command-worker.ts`).href);
	return {code: `import {register} from ${JSON.stringify(pathToFileURL(api).href)}; register(); await import(${source});`, eval: true};
}

export interface BackgroundRun {
	/** Settles with the command's result (or the worker's error). */
	done: Promise<{result: LineResult; patches: Patch[]; inverse: Patch[]}>;
	/** Ends the command now (Ctrl+C): the promise rejects with Interrupted. */
	interrupt(): void;
}

export class Interrupted extends Error {
	constructor() {
		super('interrupted');
		this.name = 'Interrupted';
	}
}

/** Runs one line in a worker thread, from `world` (a plain or frozen world, not a draft). */
export function runInWorker(world: World, line: string, terminal: TerminalOptions): BackgroundRun {
	const script = workerScript();
	const job: WorkerJob = {world, line, terminal};
	const worker = new Worker(script.code, {eval: script.eval, workerData: job, stdout: true, stderr: true});
	let interrupted = false;
	const done = new Promise<{result: LineResult; patches: Patch[]; inverse: Patch[]}>((resolve, reject) => {
		worker.once('message', (answer: WorkerAnswer) => {
			if (answer.ok) resolve({result: answer.result, patches: answer.patches, inverse: answer.inverse});
			else reject(new Error(answer.message));
			void worker.terminate();
		});
		worker.once('error', error => reject(interrupted ? new Interrupted() : error));
		worker.once('exit', () => reject(interrupted ? new Interrupted() : new Error('the command ended without a result')));
	});
	return {
		done,
		interrupt() {
			interrupted = true;
			void worker.terminate();
		},
	};
}
