/**
 * `docker image build` benchmark, run bundled (bench/.out/build.js) by `npm run bench`: a 10-instruction
 * Dockerfile (FROM, ARG, ENV, WORKDIR, COPY, RUN, LABEL, EXPOSE, USER, CMD) built from scratch
 * (`--no-cache`) and again from the cache, against a baseline measured in the same run: one
 * `docker container run --rm alpine:3.9 true` (a container made, run and removed). The target is a
 * from-scratch build under 50 ms. The `lab*` figures run the same lines on an immer draft with patches, as
 * the full-screen lab does. Prints one JSON object.
 */
import {enablePatches, produceWithPatches, setAutoFreeze} from 'immer';
import {defaultWorld} from '../source/scenario/catalog/default-world.js';
import {runLine} from '../source/host/index.js';
import type {World} from '../source/engine/index.js';
import {TEN_INSTRUCTIONS as DOCKERFILE, writeDockerfileLine} from '../test/helpers/dockerfiles.js';

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(world: World, line: string, rounds: number): number {
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const start = performance.now();
		runLine(world, line);
		times.push(performance.now() - start);
	}
	return median(times);
}

enablePatches();
setAutoFreeze(false);

/** As the lab runs a line: on an immer draft, keeping the patches for undo; each round in a fresh world. */
function timedDraft(line: string, rounds: number): number {
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		let world = prepared();
		const begin = performance.now();
		[world] = produceWithPatches(world, draft => {
			runLine(draft as World, line);
		});
		times.push(performance.now() - begin);
	}
	return median(times);
}

/** The course's world with the Dockerfile written and built once (so the cache holds one build). */
function prepared(): World {
	const world = defaultWorld({seed: 1, preload: true});
	runLine(world, writeDockerfileLine('ten', DOCKERFILE));
	runLine(world, 'docker build -t ten .');
	return world;
}

const world = prepared();
const rounds = Number(process.env.BENCH_BUILDS ?? 40);
// warm-up: the JIT, and the first build fills the cache
for (let i = 0; i < 5; i++) runLine(world, 'docker build -t ten .');
const baseline = timed(world, 'docker container run --rm alpine:3.9 true', rounds);
const fresh = timed(world, 'docker build --no-cache -t ten .', rounds);
const cached = timed(world, 'docker build -t ten .', rounds);
const labBaseline = timedDraft('docker container run --rm alpine:3.9 true', rounds);
const labFresh = timedDraft('docker build --no-cache -t ten .', rounds);
const labCached = timedDraft('docker build -t ten .', rounds);
process.stdout.write(
	JSON.stringify({
		instructions: DOCKERFILE.length,
		freshBuildMs: Number(fresh.toFixed(2)),
		cachedBuildMs: Number(cached.toFixed(2)),
		baselineRunMs: Number(baseline.toFixed(2)),
		freshRatio: Number((fresh / baseline).toFixed(1)),
		cachedRatio: Number((cached / baseline).toFixed(1)),
		labFreshBuildMs: Number(labFresh.toFixed(2)),
		labCachedBuildMs: Number(labCached.toFixed(2)),
		labBaselineRunMs: Number(labBaseline.toFixed(2)),
		labFreshRatio: Number((labFresh / labBaseline).toFixed(1)),
		targetMs: 50,
	}) + '\n',
);
