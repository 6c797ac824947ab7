/**
 * What verify replays. A target is a plan (steps of command lines) and the simulator's starting
 * world for it; the real side is laid out from that same world.
 *   - a `.cmds` file (test/golden/*.cmds): one step, its lines; the default world (seed 1)
 *   - a scenario (id or YAML file): `world.setup` as a step named setup, then each step's solution
 */
import {readFileSync, existsSync} from 'node:fs';
import path from 'node:path';
import type {World} from '../engine/index.js';
import {defaultWorld} from '../scenario/catalog/default-world.js';
import {commandLines} from '../lab/script.js';
import type {Scenario} from '../scenario/types.js';
import type {Plan} from './replay.js';
import {startsBackground} from './real-side.js';

export interface Target {
	plan: Plan;
	/** A fresh starting world (called once per side). */
	world: () => World;
}

export class TargetError extends Error {}

/** A path as the report shows it: relative to the working folder when inside it. */
function shown(file: string): string {
	const relative = path.relative(process.cwd(), file);
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

export function cmdsTarget(file: string): Target {
	const text = readFileSync(file, 'utf8');
	const id = path.basename(file).replace(/\.cmds$/, '');
	return {
		plan: {id, title: id, source: shown(file), steps: [{id, lines: commandLines(text)}]},
		world: () => defaultWorld({seed: 1}),
	};
}

/** A loaded scenario, as source/scenario/index.ts gives it (the fields verify reads). */
export type ScenarioLike = Pick<Scenario, 'id' | 'title' | 'file'> & {
	world: Pick<Scenario['world'], 'setup'>;
	steps: Array<Pick<Scenario['steps'][number], 'id' | 'title' | 'solution'>>;
};

export function scenarioTarget(scenario: ScenarioLike, world: () => World): Target {
	const text = (value: ScenarioLike['title']) => (typeof value === 'string' ? value : value.en);
	const steps = [
		...(scenario.world.setup.length > 0 ? [{id: 'setup', title: 'setup', lines: scenario.world.setup}] : []),
		...scenario.steps.map(step => ({id: step.id, title: text(step.title), lines: step.solution})),
	];
	return {plan: {id: scenario.id, title: text(scenario.title), source: shown(scenario.file), steps}, world};
}

/** The scenario library, when this build has one (source/scenario/index.ts). */
export interface ScenarioLibrary {
	builtin(): ScenarioLike[];
	/** Throws when there is no such scenario or its file is broken (the message says which). */
	find(idOrFile: string): ScenarioLike;
	world(scenario: ScenarioLike): World;
}

export async function resolveTargets(args: string[], library: ScenarioLibrary | undefined): Promise<Target[]> {
	const toTarget = (scenario: ScenarioLike) => scenarioTarget(scenario, () => library!.world(scenario));
	if (args.length === 0) {
		if (!library) throw new TargetError('no scenarios in this build; name .cmds files to verify');
		return library.builtin().map(toTarget);
	}
	return args.map(arg => {
		if (arg.endsWith('.cmds')) {
			if (!existsSync(arg)) throw new TargetError(`no such file: ${arg}`);
			return cmdsTarget(path.resolve(arg));
		}
		if (!library) throw new TargetError(`no scenario "${arg}" (give a scenario id, a scenario file or a .cmds file)`);
		let scenario: ScenarioLike;
		try {
			scenario = library.find(arg);
		} catch (error) {
			throw new TargetError(error instanceof Error ? error.message : String(error));
		}
		return toTarget(scenario);
	});
}

/**
 * How long a plan is expected to take on a real engine, in rough units of one command line: each
 * line, the probes after each step, and the wait after a line that starts a container in the
 * background (the costliest kind: a container start and a settle pause, about six lines' worth).
 */
export function planWeight(plan: Plan): number {
	let weight = 0;
	for (const step of plan.steps) {
		weight += 2;
		for (const line of step.lines) weight += startsBackground(line) ? 6 : 1;
	}
	return weight;
}

/**
 * The targets shard `index` of `count` replays: each target goes, heaviest first, to the shard with
 * the least weight so far, so shards run on separate engines finish close together. Every target
 * is in exactly one shard, and the shards keep the targets' order.
 */
export function shardTargets<T extends {plan: Plan}>(targets: T[], index: number, count: number): T[] {
	if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`no shard ${index} of ${count}`);
	const load = Array.from({length: count}, () => 0);
	const shardOf = new Map<T, number>();
	const byWeight = targets.map(target => ({target, weight: planWeight(target.plan)})).sort((a, b) => b.weight - a.weight);
	for (const {target, weight} of byWeight) {
		const lightest = load.indexOf(Math.min(...load));
		shardOf.set(target, lightest);
		load[lightest]! += weight;
	}
	return targets.filter(target => shardOf.get(target) === index);
}
