/**
 * Replays a plan (a scenario's setup and step solutions) on two sides in lockstep and, after each
 * step, the same probes on both: what a learner could look at to see the state the step left.
 *
 *   docker container ls -a
 *   docker container diff NAME                          each container, newest first
 *   docker container inspect --format '{{json .Mounts}}' NAME
 *   docker volume ls
 *   # files in volume NAME                               each volume a container mounts, and each named
 *                                                        one: its files and their contents, read from the
 *                                                        engine's storage (no command line shows them)
 *   cat FILE | ls -a DIR                                 host files and new folders the step changed
 *
 * Containers are paired by name, then (those with generated names) by position; a probe of a
 * container one side does not have runs only there and shows as a mismatch. Volumes are paired
 * through the containers that mount them (anonymous ones have random names), and named ones by name;
 * an anonymous volume no container mounts any more is not opened (its name is all that pairs it).
 */
import type {Side, SideContainer} from './side.js';

export interface PlanStep {
	/** `setup`, a step id, or the .cmds file name. */
	id: string;
	title?: string;
	lines: string[];
}

export interface Plan {
	id: string;
	title: string;
	/** Where it was loaded from (for the report). */
	source: string;
	steps: PlanStep[];
}

export interface RecordedLine {
	step: string;
	kind: 'line' | 'probe';
	/** Index into each side's blocks; undefined when that side did not run it. */
	sim?: number;
	real?: number;
}

export interface Recording {
	lines: RecordedLine[];
}

function quotePath(file: string): string {
	return /^[\w/.,:@%+-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

/** Pairs the two sides' containers: equal names first, then the rest in listing order. */
export function pairContainers(sim: SideContainer[], real: SideContainer[]): Array<{sim?: SideContainer; real?: SideContainer}> {
	const pairs: Array<{sim?: SideContainer; real?: SideContainer}> = [];
	const realLeft = [...real];
	const simLeft: SideContainer[] = [];
	for (const container of sim) {
		const index = realLeft.findIndex(candidate => candidate.name === container.name);
		if (index >= 0) {
			pairs.push({sim: container, real: realLeft[index]!});
			realLeft.splice(index, 1);
		} else simLeft.push(container);
	}
	const names = new Set(sim.map(container => container.name));
	const realUnnamed = realLeft.filter(container => !names.has(container.name));
	for (let i = 0; i < Math.max(simLeft.length, realUnnamed.length); i++) pairs.push({sim: simLeft[i], real: realUnnamed[i]});
	// keep the simulator's listing order (the real one when only it has the container)
	const order = (pair: {sim?: SideContainer; real?: SideContainer}) => (pair.sim ? sim.indexOf(pair.sim) : sim.length + real.indexOf(pair.real!));
	return pairs.sort((a, b) => order(a) - order(b));
}

const ANONYMOUS = /^[0-9a-f]{64}$/;

/**
 * Volume pairs to open: those mounted by paired containers (same destination), then named volumes
 * by name. Either side may be missing (only one side has it).
 */
export function pairVolumes(
	pairs: Array<{sim?: SideContainer; real?: SideContainer}>,
	simVolumes: string[],
	realVolumes: string[],
): Array<[string | undefined, string | undefined]> {
	const result: Array<[string | undefined, string | undefined]> = [];
	const seenSim = new Set<string>();
	const seenReal = new Set<string>();
	const add = (a: string | undefined, b: string | undefined) => {
		if ((a !== undefined && seenSim.has(a)) || (b !== undefined && seenReal.has(b))) return;
		if (a !== undefined) seenSim.add(a);
		if (b !== undefined) seenReal.add(b);
		result.push([a, b]);
	};
	for (const pair of pairs) {
		const simMounts = (pair.sim?.mounts ?? []).filter(mount => mount.type === 'volume');
		const realMounts = (pair.real?.mounts ?? []).filter(mount => mount.type === 'volume');
		const destinations = [...new Set([...simMounts, ...realMounts].map(mount => mount.destination))].sort();
		for (const destination of destinations) {
			const a = simMounts.find(mount => mount.destination === destination)?.name;
			const b = realMounts.find(mount => mount.destination === destination)?.name;
			// a named volume is paired by its name below, so both sides open the same one
			if ((a && !ANONYMOUS.test(a)) || (b && !ANONYMOUS.test(b))) continue;
			add(a && simVolumes.includes(a) ? a : undefined, b && realVolumes.includes(b) ? b : undefined);
		}
	}
	const named = [...new Set([...simVolumes, ...realVolumes].filter(name => !ANONYMOUS.test(name)))].sort();
	for (const name of named) add(simVolumes.includes(name) ? name : undefined, realVolumes.includes(name) ? name : undefined);
	return result.filter(([a, b]) => a !== undefined || b !== undefined);
}

export interface ReplayHooks {
	/** Called before each line (progress output). */
	onLine?: (step: PlanStep, line: string, kind: 'line' | 'probe') => void;
	/** Stops between lines when it returns true (interrupted). */
	aborted?: () => boolean;
}

export class Aborted extends Error {}

/** Fills `recording` as it goes, so a failure part-way still leaves what ran to compare. */
export async function replay(plan: Plan, sim: Side, real: Side, hooks: ReplayHooks = {}, recording: Recording = {lines: []}): Promise<Recording> {
	const recorded = recording.lines;
	let simCount = 0;
	let realCount = 0;
	type Action = (side: Side) => Promise<void>;
	const act = async (step: PlanStep, kind: RecordedLine['kind'], label: string, simAction: Action | undefined, realAction: Action | undefined) => {
		if (hooks.aborted?.()) throw new Aborted('interrupted');
		hooks.onLine?.(step, label, kind);
		const entry: RecordedLine = {step: step.id, kind};
		if (simAction) {
			await simAction(sim);
			entry.sim = simCount++;
		}
		if (realAction) {
			await realAction(real);
			entry.real = realCount++;
		}
		recorded.push(entry);
	};
	const typed = (line: string | undefined): Action | undefined => (line === undefined ? undefined : side => side.run(line));
	const both = (step: PlanStep, kind: RecordedLine['kind'], simLine: string | undefined, realLine: string | undefined) =>
		act(step, kind, simLine ?? realLine ?? '', typed(simLine), typed(realLine));

	for (const step of plan.steps) {
		for (const line of step.lines) await both(step, 'line', line, line);

		await both(step, 'probe', 'docker container ls -a', 'docker container ls -a');
		const pairs = pairContainers(await sim.containers(), await real.containers());
		for (const pair of pairs) {
			const probe = (name: string | undefined, command: (name: string) => string) => (name === undefined ? undefined : command(name));
			await both(
				step,
				'probe',
				probe(pair.sim?.name, name => `docker container diff ${name}`),
				probe(pair.real?.name, name => `docker container diff ${name}`),
			);
			const mounts = (name: string) => `docker container inspect --format '{{json .Mounts}}' ${name}`;
			await both(step, 'probe', probe(pair.sim?.name, mounts), probe(pair.real?.name, mounts));
		}
		await both(step, 'probe', 'docker volume ls', 'docker volume ls');
		for (const [simVolume, realVolume] of pairVolumes(pairs, await sim.volumes(), await real.volumes())) {
			const probe = (name: string | undefined): Action | undefined => (name === undefined ? undefined : side => side.probeVolume(name));
			await act(step, 'probe', `# files in volume ${simVolume ?? realVolume}`, probe(simVolume), probe(realVolume));
		}
		const changes = new Map<string, 'file' | 'dir'>();
		for (const change of [...(await sim.hostChanges()), ...(await real.hostChanges())]) {
			if (changes.get(change.path) !== 'file') changes.set(change.path, change.kind);
		}
		for (const [file, kind] of [...changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
			const line = `${kind === 'file' ? 'cat' : 'ls -a'} ${quotePath(file)}`;
			await both(step, 'probe', line, line);
		}
	}
	return recording;
}
