/**
 * Scenarios: load them (built-in course, files and folders on the command line, $LAYERLAB_SCENARIOS),
 * build their starting world, evaluate their checks, keep the learner's progress.
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Scenario} from './types.js';
import {loadScenarioFileDetailed} from './load/load.js';
import {builtinScenariosDir} from './load/paths.js';
import {LoadError, sortProblems, type Problem} from './load/yaml-load.js';
import {didYouMean} from './load/suggest.js';
import {t} from '../lab/messages.js';

export type {Check, Scenario, Text} from './types.js';
export {localize} from './types.js';
export {LoadError, formatProblem, type Problem} from './load/yaml-load.js';
export {loadScenarioFile, parseScenario} from './load/load.js';
export {scenarioWorld} from './catalog/scenario-world.js';
export {evaluateCheck, evaluateStep, stepPasses, describeCheck} from './checks/checks.js';
export {checkScenario} from './checks/run-check.js';
export * from './progress/progress.js';

const SCENARIO_FILE = /\.ya?ml$/;

/** The scenario files of a folder (not its subfolders), in name order: the course order. */
function filesIn(dir: string): string[] {
	return readdirSync(dir)
		.filter(name => SCENARIO_FILE.test(name) && !name.startsWith('.'))
		.sort()
		.map(name => path.join(dir, name))
		.filter(file => statSync(file).isFile());
}

/**
 * Loads scenarios from files and folders, in order. Problems (syntax, schema, duplicate ids, missing
 * sources) are collected, never thrown; a scenario with problems is left out.
 */
export function loadScenarios(sources: string[]): {scenarios: Scenario[]; problems: Problem[]} {
	const scenarios: Scenario[] = [];
	const problems: Problem[] = [];
	const seenFiles = new Set<string>();
	const ids = new Map<string, string>();
	for (const source of sources) {
		let files: string[];
		try {
			files = statSync(source).isDirectory() ? filesIn(source) : [source];
		} catch {
			problems.push({file: source, line: 1, col: 1, message: 'no such file or folder'});
			continue;
		}
		for (const file of files) {
			const full = path.resolve(file);
			if (seenFiles.has(full)) continue;
			seenFiles.add(full);
			try {
				const {scenario, idAt} = loadScenarioFileDetailed(file);
				const first = ids.get(scenario.id);
				if (first !== undefined) {
					problems.push({file, ...idAt, message: `duplicate scenario id "${scenario.id}" (also in ${first})`});
					continue;
				}
				ids.set(scenario.id, file);
				scenarios.push(scenario);
			} catch (error) {
				if (error instanceof LoadError) problems.push(...error.problems);
				else throw error;
			}
		}
	}
	return {scenarios, problems};
}

let builtinCache: Scenario[] | undefined;

/** The chapter-6 course, in course order. The shipped files are valid (a test proves it). */
export function builtinScenarios(): Scenario[] {
	if (!builtinCache) {
		const {scenarios, problems} = loadScenarios([builtinScenariosDir()]);
		if (problems.length > 0) throw new LoadError(sortProblems(problems));
		builtinCache = scenarios;
	}
	return builtinCache;
}

/** Where scenarios come from: the built-in course, then command-line sources, then $LAYERLAB_SCENARIOS. */
export function scenarioSources(extra: string[] = [], env: NodeJS.ProcessEnv = process.env): string[] {
	const fromEnv = (env.LAYERLAB_SCENARIOS ?? '').split(':').filter(item => item.trim() !== '');
	return [builtinScenariosDir(), ...extra, ...fromEnv];
}

/** Whether an argument names a file rather than a scenario id. */
export function looksLikeFile(arg: string): boolean {
	return arg.includes('/') || SCENARIO_FILE.test(arg) || (existsSync(arg) && statSync(arg).isFile());
}

function notFoundText(lang: string, id: string, known: string[], problems: Problem[]): string {
	const suggestion = didYouMean(id, known);
	const broken = new Set(problems.map(problem => problem.file)).size;
	return (
		t(lang, 'notFound.id', {id, suggestion: suggestion ? t(lang, 'notFound.suggestion', {id: suggestion}) : '', known: known.join(', ')}) +
		(broken > 0 ? t(lang, 'notFound.broken', {count: broken, s: broken === 1 ? '' : 's'}) : '')
	);
}

export class ScenarioNotFound extends Error {
	constructor(
		readonly id: string,
		readonly known: string[],
		/** Files that failed to load (one of them may be the scenario asked for). */
		readonly problems: Problem[] = [],
	) {
		super(notFoundText('en', id, known, problems));
		this.name = 'ScenarioNotFound';
	}

	/** The message in the learner's language (`message` is the English). */
	text(lang: string): string {
		return notFoundText(lang, this.id, this.known, this.problems);
	}
}

/**
 * A scenario by id (among every source) or by file. Throws LoadError for a broken file and
 * ScenarioNotFound for an unknown id.
 */
export function findScenario(idOrFile: string, options: {extra?: string[]; env?: NodeJS.ProcessEnv} = {}): Scenario {
	if (looksLikeFile(idOrFile)) return loadScenarioFileDetailed(idOrFile).scenario;
	const {scenarios, problems} = loadScenarios(scenarioSources(options.extra ?? [], options.env ?? process.env));
	const found = scenarios.find(scenario => scenario.id === idOrFile);
	if (found) return found;
	throw new ScenarioNotFound(
		idOrFile,
		scenarios.map(scenario => scenario.id),
		problems,
	);
}
