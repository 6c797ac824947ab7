/**
 * The LabApi backed by source/scenario: scenarios from every source, a scenario's world (with
 * --seed and --preload), its checks, and progress saved atomically after every change. Nothing may
 * print while the lab owns the screen, so warnings are collected and shown after it.
 */
import type {World} from '../engine/world.js';
import {pullImage} from '../engine/images.js';
import {
	evaluateStep,
	loadProgress,
	loadScenarios,
	saveProgress,
	scenarioProgress,
	scenarioSources,
	scenarioWorld,
	updateScenario,
	formatProblem,
	type Progress,
	type Scenario,
} from '../scenario/index.js';
import type {LabApi} from './api.js';
import {createLab, resumeLab, savedState, type LabModel, type SavedLab} from './model/lab.js';

export interface ScenarioApiOptions {
	progressFile: string;
	seed?: number;
	preload: boolean;
	/** Extra scenario files or folders (besides the built-in course and $LAYERLAB_SCENARIOS). */
	extra?: string[];
	env?: NodeJS.ProcessEnv;
}

export interface ScenarioLabApi extends LabApi {
	/** Warnings gathered while the screen was busy (print them after leaving it). */
	notices: string[];
}

function withPreload(world: World, preload: boolean): World {
	if (!preload) return world;
	for (const ref of Object.keys(world.registry)) {
		try {
			pullImage(world, ref);
		} catch {
			// an image the registry cannot serve stays remote
		}
	}
	return world;
}

/** Saved progress as the lab's model wants it. */
export function savedFromProgress(scenario: Scenario, entry: ReturnType<typeof scenarioProgress>): Partial<SavedLab> {
	const index = entry.current === null ? -1 : scenario.steps.findIndex(step => step.id === entry.current);
	const firstOpen = scenario.steps.findIndex(step => !entry.completed.includes(step.id));
	const step = index >= 0 ? index : firstOpen >= 0 ? firstOpen : Math.max(0, scenario.steps.length - 1);
	const starts = entry.stepStarts;
	return {
		step,
		completed: entry.completed,
		lines: entry.lines,
		hints: entry.hints ?? {},
		solutions: entry.solutions ?? [],
		predictions: entry.predictions ?? {},
		...(starts && typeof starts === 'object' ? {stepStarts: starts as Record<number, number>} : {}),
	};
}

export function scenarioApi(options: ScenarioApiOptions): ScenarioLabApi {
	const notices: string[] = [];
	const warn = (message: string) => notices.push(message);
	let progress: Progress = loadProgress(options.progressFile, {warn});
	let scenarios: Scenario[] | undefined;
	const api: ScenarioLabApi = {
		notices,
		evaluate: evaluateStep,
		scenarios() {
			if (!scenarios) {
				const loaded = loadScenarios(scenarioSources(options.extra ?? [], options.env ?? process.env));
				scenarios = loaded.scenarios;
				if (loaded.problems.length > 0) {
					warn(`layerlab: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} in scenario files (those scenarios were left out):`);
					for (const problem of loaded.problems.slice(0, 20)) warn('  ' + formatProblem(problem));
				}
			}
			return scenarios;
		},
		open(scenario, columns) {
			const context = {evaluate: evaluateStep, columns};
			const world = withPreload(scenarioWorld(scenario, options.seed === undefined ? {} : {seed: options.seed}), options.preload);
			const entry = scenarioProgress(progress, scenario.id);
			if (entry.lines.length === 0 && entry.completed.length === 0 && entry.current === null) return createLab(scenario, world, context);
			return resumeLab(scenario, world, savedFromProgress(scenario, entry), context);
		},
		save(lab: LabModel) {
			const saved = savedState(lab);
			const stepId = lab.scenario.steps[saved.step]?.id ?? null;
			progress = updateScenario(progress, lab.scenario.id, entry => ({
				...entry,
				completed: saved.completed,
				current: stepId,
				lines: saved.lines,
				hints: saved.hints,
				solutions: saved.solutions,
				predictions: saved.predictions,
				stepStarts: saved.stepStarts,
			}));
			try {
				saveProgress(options.progressFile, progress);
			} catch (error) {
				const message = `layerlab: could not save progress to ${options.progressFile}: ${error instanceof Error ? error.message : String(error)}`;
				if (!notices.includes(message)) warn(message);
			}
		},
		progress(scenario) {
			const entry = progress.scenarios[scenario.id];
			if (!entry) return undefined;
			const current = entry.current === null ? 0 : Math.max(0, scenario.steps.findIndex(step => step.id === entry.current));
			return {done: scenario.steps.filter(step => entry.completed.includes(step.id)).length, current};
		},
	};
	return api;
}
