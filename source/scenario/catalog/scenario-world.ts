/**
 * A scenario's starting world: the default world (the chapter's host folders, the book's earlier
 * images) with the scenario's seed, extra host files and folders, working directory and pulled
 * images, then its setup lines run silently through the same reducer the learner's lines go through.
 */
import {type World, pullImage, ancestors} from '../../engine/index.js';
import type {Scenario} from '../types.js';
import {defaultWorld} from './default-world.js';
import {runLine, type LineResult, type TerminalOptions} from '../../host/index.js';

export interface ScenarioWorldOptions {
	/** Overrides the scenario's seed (`--seed`). */
	seed?: number;
	/** Every catalog image already local (`--preload`). */
	preload?: boolean;
	/** Also runs the solutions of the first N steps (to start a learner at a later step). */
	solved?: number;
	/** Terminal the setup lines format for (default 80 columns, a tty). */
	terminal?: TerminalOptions;
	/** Sees each setup (and solved-step) line's result; `check` uses it to report failing setup lines. */
	onLine?: (line: string, result: LineResult, phase: 'setup' | 'solution') => void;
}

function addDir(world: World, path: string): void {
	for (const dir of [...ancestors(path), path]) {
		if (dir === '/') continue;
		const existing = world.host.files[dir];
		if (!existing || existing.kind !== 'dir') world.host.files[dir] = {kind: 'dir', mode: 0o755};
	}
}

/** A fresh world for the scenario. Deterministic: the same scenario and seed give the same world. */
export function scenarioWorld(scenario: Scenario, options: ScenarioWorldOptions = {}): World {
	const world = defaultWorld({seed: options.seed ?? scenario.world.seed, preload: options.preload ?? false});
	for (const dir of scenario.world.hostDirs ?? []) addDir(world, dir);
	for (const [path, content] of Object.entries(scenario.world.hostFiles)) {
		addDir(world, path.slice(0, path.lastIndexOf('/')) || '/');
		world.host.files[path] = {kind: 'file', mode: 0o644, content};
	}
	addDir(world, scenario.world.cwd);
	world.host.cwd = scenario.world.cwd;
	world.host.vars.PWD = scenario.world.cwd;
	for (const ref of scenario.world.pulled) pullImage(world, ref);
	for (const line of scenario.world.setup) {
		const result = runLine(world, line, options.terminal);
		options.onLine?.(line, result, 'setup');
	}
	const solved = Math.min(options.solved ?? 0, scenario.steps.length);
	for (let i = 0; i < solved; i++) {
		for (const line of scenario.steps[i]!.solution) {
			const result = runLine(world, line, options.terminal);
			options.onLine?.(line, result, 'solution');
		}
	}
	return world;
}
