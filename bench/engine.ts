/**
 * Engine benchmarks, run bundled (bench/.out/engine.js) by `npm run bench`:
 *  - headless throughput of the reducer on a long command stream, against the floor of only parsing
 *    the same lines, and memory as the stream grows;
 *  - undo history: memory held by 10,000 steps of inverse patches on the large world, against the
 *    same steps kept as full snapshots (structural sharing);
 *  - `--large`: one command on the large world (1,000 containers).
 * Prints one JSON object.
 */
import {enablePatches, produceWithPatches, setAutoFreeze} from 'immer';
import {defaultWorld} from '../source/scenario/default-world.js';
import {runLine} from '../source/docker/session.js';
import {parseScript} from '../source/engine/shell/syntax.js';
import type {World} from '../source/engine/world.js';
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

function undoHistory(steps: number): {patchesMb: number; snapshotsMb: number; ratio: number; msPerStep: number} {
	let world: World = largeWorld();
	const lines = ['docker container exec c10 sh -c "echo x >> /tmp/log.txt"', 'docker container diff c10', 'docker volume create extra', 'docker volume rm extra'];
	const before = heapMb();
	const inverse: unknown[] = [];
	const start = performance.now();
	for (let i = 0; i < steps; i++) {
		const [next, , undo] = produceWithPatches(world, draft => {
			runLine(draft as World, lines[i % lines.length]!);
		});
		inverse.push(undo);
		world = next;
	}
	const elapsed = performance.now() - start;
	const patchesMb = heapMb() - before;
	inverse.length = 0;
	// The same history kept as whole worlds (immer shares unchanged parts between them).
	let snapshotWorld: World = world;
	const snapshots: World[] = [];
	const beforeSnapshots = heapMb();
	for (let i = 0; i < steps; i++) {
		const [next] = produceWithPatches(snapshotWorld, draft => {
			runLine(draft as World, lines[i % lines.length]!);
		});
		snapshots.push(next);
		snapshotWorld = next;
	}
	const snapshotsMb = heapMb() - beforeSnapshots;
	return {patchesMb: Number(patchesMb.toFixed(1)), snapshotsMb: Number(snapshotsMb.toFixed(1)), ratio: Number((patchesMb / snapshotsMb).toFixed(2)), msPerStep: Number((elapsed / steps).toFixed(3))};
}

const mode = process.argv[2] ?? 'all';
const result: Record<string, unknown> = {};
if (mode === 'all' || mode === 'throughput') result.throughput = throughput(Number(process.env.BENCH_COMMANDS ?? 20_000));
if (mode === 'all' || mode === 'undo') result.undo = undoHistory(Number(process.env.BENCH_UNDO_STEPS ?? 10_000));
process.stdout.write(JSON.stringify(result) + '\n');
