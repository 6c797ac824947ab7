/**
 * One target, both sides: a fresh simulator world and a real side made from the same starting world,
 * replayed in lockstep and compared. The real side is a parameter, so tests can stand another
 * simulator (or a recorded transcript) in for Docker.
 */
import type {World} from '../engine/index.js';
import {compareRecording, type ScenarioResult} from './compare.js';
import type {Target} from './plans.js';
import {Aborted, replay, type Recording, type ReplayHooks} from './replay.js';
import type {Side} from './side.js';
import {SimSide, type SimSideOptions} from './sim-side.js';

export type RealFactory = (world: World, target: Target) => Promise<Side>;

export interface VerifyOptions extends ReplayHooks {
	real: RealFactory;
	sim?: SimSideOptions;
	/** A folder to write both transcripts to, raw and normalised (LAYERLAB_VERIFY_DUMP). */
	dump?: string;
}

/** The images a world starts with locally (what the real engine must hold before the first line). */
export function startImages(world: World): string[] {
	return Object.values(world.images)
		.flatMap(image => image.repoTags)
		.sort();
}

export async function verifyTarget(target: Target, options: VerifyOptions): Promise<ScenarioResult> {
	const sim = new SimSide(target.world(), options.sim);
	const real = await options.real(target.world(), target);
	let error: string | undefined;
	const recording: Recording = {lines: []};
	try {
		await replay(target.plan, sim, real, options, recording);
	} catch (caught) {
		if (caught instanceof Aborted) throw caught;
		error = caught instanceof Error ? caught.message : String(caught);
	}
	try {
		const result = compareRecording(target.plan, recording, await sim.blocks(), await real.blocks(), {real: real.label, sim: sim.label}, options.dump);
		return error ? {...result, error} : result;
	} finally {
		await real.close();
		await sim.close();
	}
}
