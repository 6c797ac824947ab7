/**
 * Engine benchmarks, run bundled (bench/.out/engine.js) by `npm run bench`:
 *  - headless throughput of the reducer on a long command stream, against the floor of only parsing
 *    the same lines, and memory as the stream grows;
 *  - undo history: memory held by 10,000 steps of patches and inverse patches on the large world,
 *    against the heap of one deep copy of that world;
 *  - `--large`: one command on the large world (1,000 containers).
 * Prints one JSON object.
 */
import {enablePatches, produceWithPatches, setAutoFreeze} from 'immer';
import {defaultWorld} from '../source/scenario/catalog/default-world.js';
import {runLine} from '../source/host/index.js';
import {parseScript, clonePlain, type World} from '../source/engine/index.js';
import {largeWorld} from './large-world.js';
// @ts-expect-error plain JS module
import {CYCLE} from './stream.mjs';

enablePatches();
setAutoFreeze(false);

const gc = (globalThis as {gc?: () => void}).gc;
function heapMb(): number {
	gc?.();
	gc?.();
	return process.memoryUsage().heapUsed / 1e6;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

function throughput(count: number): {commandsPerSecond: number; floorPerSecond: number; ratio: number; heapMb: Record<string, number>} {
	const lines: string[] = CYCLE;
	const rounds: Array<{sim: number; floor: number}> = [];
	const heap: Record<string, number> = {};
	for (let round = 0; round < 3; round++) {
		const world = defaultWorld({seed: 1, preload: true});
		const start = performance.now();
		for (let i = 0; i < count; i++) {
			runLine(world, lines[i % lines.length]!);
			if (round === 0 && (i + 1) % (count / 4) === 0) heap[String(i + 1)] = Number(heapMb().toFixed(1));
		}
		const sim = performance.now() - start;
		const floorStart = performance.now();
		for (let i = 0; i < count; i++) parseScript(lines[i % lines.length]!);
		const floor = performance.now() - floorStart;
		rounds.push({sim, floor});
	}
	const sim = median(rounds.map(r => r.sim));
	const floor = median(rounds.map(r => r.floor));
	return {commandsPerSecond: Math.round(count / (sim / 1000)), floorPerSecond: Math.round(count / (floor / 1000)), ratio: Number((sim / floor).toFixed(1)), heapMb: heap};
}

function undoHistory(steps: number): {historyMb: number; worldCopyMb: number; ratio: number; msPerStep: number} {
	let world: World = largeWorld();
	const lines = [
		'docker container exec c10 sh -c "echo x >> /tmp/log.txt"',
		'docker container diff c10',
		'docker volume create extra',
		'docker volume rm extra',
		'docker container stop c20',
		'docker container start c20',
	];
	// Baseline, same run: the heap one deep copy of the large world takes.
	const beforeCopy = heapMb();
	let copy: World | undefined = clonePlain(world);
	const worldCopyMb = heapMb() - beforeCopy;
	copy = undefined;
	void copy;
	const before = heapMb();
	const history: Array<{patches: unknown; inverse: unknown}> = [];
	const start = performance.now();
	for (let i = 0; i < steps; i++) {
		const [next, patches, inverse] = produceWithPatches(world, draft => {
			runLine(draft as World, lines[i % lines.length]!);
		});
		history.push({patches, inverse});
		world = next;
	}
	const elapsed = performance.now() - start;
	// What the history retains: the heap with it, minus the heap once it is dropped (same world).
	const withHistory = heapMb();
	history.length = 0;
	const historyMb = withHistory - heapMb();
	void before;
	return {
		historyMb: Number(historyMb.toFixed(1)),
		worldCopyMb: Number(worldCopyMb.toFixed(1)),
		ratio: Number((historyMb / worldCopyMb).toFixed(2)),
		msPerStep: Number((elapsed / steps).toFixed(3)),
	};
}

const mode = process.argv[2] ?? 'all';
const result: Record<string, unknown> = {};
if (mode === 'all' || mode === 'throughput') result.throughput = throughput(Number(process.env.BENCH_COMMANDS ?? 20_000));
if (mode === 'all' || mode === 'undo') result.undo = undoHistory(Number(process.env.BENCH_UNDO_STEPS ?? 10_000));
process.stdout.write(JSON.stringify(result) + '\n');
