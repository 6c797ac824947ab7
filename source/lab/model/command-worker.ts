/**
 * A command that outgrew the lab's first, small step budget runs again here, in a worker thread, from
 * the same starting world and with the full budget, so the lab's screen stays live and Ctrl+C can end
 * it (runner.ts terminates the worker). The same engine, seed and starting world give the same result
 * as running it on the main thread would. Posts back immer patches, never the whole world.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {enablePatches, produceWithPatches, setAutoFreeze, type Patch} from 'immer';
import type {World} from '../../engine/index.js';
import {runLine, type LineResult, type TerminalOptions} from '../../host/index.js';

export interface WorkerJob {
	world: World;
	line: string;
	terminal: TerminalOptions;
}

export type WorkerAnswer = {ok: true; result: LineResult; patches: Patch[]; inverse: Patch[]} | {ok: false; message: string};

enablePatches();
setAutoFreeze(false);
const job = workerData as WorkerJob;
let answer: WorkerAnswer;
try {
	let result: LineResult = {output: [], status: 0};
	const [, patches, inverse] = produceWithPatches(job.world, (draft: World) => {
		result = runLine(draft as World, job.line, job.terminal);
	});
	answer = {ok: true, result, patches, inverse};
} catch (error) {
	answer = {ok: false, message: error instanceof Error ? error.message : String(error)};
}
parentPort!.postMessage(answer);
