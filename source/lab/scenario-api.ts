/**
 * The LabApi backed by source/scenario: scenarios from every source, a scenario's world (with
 * --seed and --preload), its checks, and progress saved atomically after every change.
 *
 * Start-up is kept cheap (docs/PERFORMANCE.md): scenarios and starting worlds come from the start-up cache when
 * nothing changed since they were last built; the YAML loader, the schema and the image catalog are
 * imported only on a miss. Nothing may print while the lab owns the screen, so warnings are
 * collected and shown after it.
 */
import {t} from './messages.js';
import type {World} from '../engine/index.js';
import type {Scenario} from '../scenario/types.js';
import type {Problem} from '../scenario/load/yaml-load.js';
import {evaluateStep} from '../scenario/checks/checks.js';
import {builtinScenariosDir} from '../scenario/load/paths.js';
import {SANDBOX_ID, sandboxScenario} from '../scenario/sandbox.js';
import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as ProgressModule from '../scenario/progress/progress.js';
import type {Progress, ScenarioProgress} from '../scenario/progress/progress.js';
import type {LabApi} from './api.js';
import {createLab, note, resumeLab, savedState, type Evaluate, type LabModel, type SavedLab} from './model/lab.js';
import {loadRunner} from './model/runner.js';
import {CACHE_VERSION, cacheKey, cachePath, dependencies, readCache, sourceRoots, worldKey, writeCache, type StartupCache} from './startup-cache.js';

export interface ScenarioApiOptions {
	progressFile: string;
	seed?: number;
	preload: boolean;
	/** Extra scenario files or folders (besides the built-in course and $LAYERLAB_SCENARIOS). */
	extra?: string[];
	env?: NodeJS.ProcessEnv;
	/** Where the start-up cache lives; `false` turns it off. */
	cacheFile?: string | false;
	/** The learner's language: check results are phrased in it (English when not given). */
	lang?: string;
}

export interface ScenarioLabApi extends LabApi {
	/** Warnings gathered while the screen was busy (print them after leaving it). */
	notices: string[];
	/** A scenario by id (or by file). Throws like source/scenario's findScenario. */
	find(idOrFile: string): Promise<Scenario>;
}

/**
 * source/scenario/progress/progress.ts's progressPath, without loading that module (and its schema library)
 * before the first frame; a test keeps the two equal.
 */
export function progressFile(env: NodeJS.ProcessEnv = process.env): string {
	const state = env.XDG_STATE_HOME;
	const base = state && path.isAbsolute(state) ? state : path.join(env.HOME || os.homedir(), '.local', 'state');
	return path.join(base, 'layerlab', 'progress.json');
}

/** Saved progress as the lab's model wants it. */
export function savedFromProgress(scenario: Scenario, entry: ScenarioProgress): Partial<SavedLab> {
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

async function buildWorld(scenario: Scenario, seed: number | undefined, preload: boolean): Promise<World> {
	const {scenarioWorld} = await import('../scenario/catalog/scenario-world.js');
	const world = scenarioWorld(scenario, seed === undefined ? {} : {seed});
	if (preload) {
		const {pullImage} = await import('../engine/index.js');
		for (const ref of Object.keys(world.registry)) {
			try {
				pullImage(world, ref);
			} catch {
				// an image the registry cannot serve stays remote
			}
		}
	}
	return world;
}

export async function scenarioApi(options: ScenarioApiOptions): Promise<ScenarioLabApi> {
	const env = options.env ?? process.env;
	const lang = options.lang ?? 'en';
	const notices: string[] = [];
	const warn = (message: string) => notices.push(message);
	// The progress module (and its schema library) loads only when there is progress to read or to write.
	let progressModule: typeof ProgressModule | undefined = existsSync(options.progressFile) ? await import('../scenario/progress/progress.js') : undefined;
	const read = progressModule ? progressModule.readProgress(options.progressFile, {warn, lang}) : undefined;
	let progress: Progress = read?.progress ?? {version: 1, scenarios: {}};
	// A progress file that exists but cannot be read is never written over; the lab says so at once.
	const unreadable = read?.unreadable;
	let saving: Promise<void> = Promise.resolve();
	const listeners = new Set<(message: string) => void>();
	const saveProblems: string[] = unreadable ? [unreadable] : [];
	const saveProblem = (message: string) => {
		if (saveProblems.includes(message)) return;
		saveProblems.push(message);
		if (!notices.includes(message)) warn(message);
		for (const listener of listeners) listener(message);
	};
	const roots = sourceRoots(builtinScenariosDir(), options.extra ?? [], env);
	const cacheFile = options.cacheFile === false ? undefined : (options.cacheFile ?? cachePath(env));
	const key = cacheFile ? cacheKey(roots) : '';
	let cache: StartupCache | undefined = cacheFile ? readCache(cacheFile, key) : undefined;
	let dirty = false;
	const flush = () => {
		if (cacheFile && cache && dirty) writeCache(cacheFile, cache);
		dirty = false;
	};

	const reportProblems = (problems: Problem[], format: (problem: Problem) => string) => {
		if (problems.length === 0) return;
		warn(t(lang, 'cmd.leftOut', {count: problems.length, s: problems.length === 1 ? '' : 's'}));
		for (const problem of problems.slice(0, 20)) warn('  ' + format(problem));
	};

	if (!cache) {
		const index = await import('../scenario/index.js');
		const loaded = index.loadScenarios(index.scenarioSources(options.extra ?? [], env));
		cache = {version: CACHE_VERSION, key, scenarios: loaded.scenarios, problems: loaded.problems, worlds: {}, deps: dependencies(loaded.scenarios)};
		dirty = true;
		reportProblems(loaded.problems, index.formatProblem);
	} else if (cache.problems.length > 0) {
		const {formatProblem} = await import('../scenario/load/yaml-load.js');
		reportProblems(cache.problems, formatProblem);
	}
	const data = cache;
	const sandbox = sandboxScenario();
	const listed = [...data.scenarios, sandbox];

	const evaluate: Evaluate = (world, step, output) => evaluateStep(world, step, output, lang);
	const api: ScenarioLabApi = {
		notices,
		evaluate,
		scenarios: () => listed,
		async find(idOrFile) {
			if (idOrFile === SANDBOX_ID) return sandbox;
			const known = data.scenarios.find(scenario => scenario.id === idOrFile);
			if (known) return known;
			// A file, or an unknown id: the loader reads it, or explains (with a did-you-mean).
			const index = await import('../scenario/index.js');
			return index.findScenario(idOrFile, {extra: options.extra ?? [], env});
		},
		async open(scenario, columns) {
			const context = {evaluate, columns};
			const inCourse = data.scenarios.includes(scenario);
			const wkey = worldKey(scenario, options.seed, options.preload);
			let world = inCourse ? data.worlds[wkey] : undefined;
			if (world) world = structuredClone(world);
			else {
				world = await buildWorld(scenario, options.seed, options.preload);
				if (inCourse) {
					data.worlds[wkey] = structuredClone(world);
					dirty = true;
					setImmediate(flush);
				}
			}
			const entry = progress.scenarios[scenario.id];
			let lab: LabModel;
			if (!entry || (entry.lines.length === 0 && entry.completed.length === 0 && entry.current === null)) lab = createLab(scenario, world, context);
			else {
				await loadRunner();
				lab = resumeLab(scenario, world, savedFromProgress(scenario, entry), context);
			}
			return unreadable ? note(lab, 'note.text', 'error', {text: unreadable.replace(/^layerlab: /, '')}) : lab;
		},
		save(lab: LabModel) {
			const saved = savedState(lab);
			const stepId = lab.scenario.steps[saved.step]?.id ?? null;
			// Saves run in order; the first one may have to load the progress module.
			saving = saving.then(async () => {
				progressModule ??= await import('../scenario/progress/progress.js');
				const change = (current: Progress) =>
					progressModule!.updateScenario(current, lab.scenario.id, entry => ({
						...entry,
						completed: saved.completed,
						current: stepId,
						lines: saved.lines,
						hints: saved.hints,
						solutions: saved.solutions,
						predictions: saved.predictions,
						stepStarts: saved.stepStarts,
					}));
				if (unreadable) {
					progress = change(progress);
					return;
				}
				try {
					// Merged with what is on disk, under a lock: another lab's lessons stay.
					progress = progressModule.updateProgressFile(options.progressFile, change, {warn: saveProblem, lang});
				} catch (error) {
					progress = change(progress);
					saveProblem(t(lang, 'progress.saveFailed', {file: options.progressFile, error: error instanceof Error ? error.message : String(error)}));
				}
			});
		},
		onSaveProblem(listener) {
			listeners.add(listener);
			for (const message of saveProblems) listener(message);
			return () => listeners.delete(listener);
		},
		flushed: () => saving,
		progress(scenario) {
			const entry = progress.scenarios[scenario.id];
			if (!entry) return undefined;
			const current =
				entry.current === null
					? 0
					: Math.max(
							0,
							scenario.steps.findIndex(step => step.id === entry.current),
						);
			return {
				done: scenario.steps.filter(step => entry.completed.includes(step.id)).length,
				current,
				started: entry.lines.length > 0 || entry.completed.length > 0 || entry.current !== null,
			};
		},
	};
	if (dirty) setImmediate(flush);
	return api;
}
