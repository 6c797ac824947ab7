/**
 * `layerlab check` for one scenario, headless: from a fresh world, for each step,
 *  1. every check that is not a guard must FAIL before the step's solution (else it is vacuous),
 *  2. every listed mistake, run from that same state, must leave some check failing,
 *  3. after the solution every check must pass,
 *  4. a prediction's correct choice must name the origin the world really has.
 * Setup lines must succeed, and every image the solutions pull must be listed in `images`.
 * Like rustlings' `dev check --require-solutions` and Learn Git Branching's level tests.
 */
import {type World, lookupIn, FsError, containerFs, parseImageRef} from '../../engine/index.js';
import type {Scenario, Step} from '../types.js';
import {scenarioWorld} from '../catalog/scenario-world.js';
import {runLine, type LineResult} from '../../host/index.js';
import {evaluateStep, describeOrigin, describeOriginKind, selectContainers} from './checks.js';
import {t} from '../../lab/messages.js';

export interface StepReport {
	id: string;
	ok: boolean;
	checks: number;
	problems: string[];
}

export interface ScenarioReport {
	id: string;
	file: string;
	ok: boolean;
	/** Problems not tied to a step (setup lines, images). */
	problems: string[];
	steps: StepReport[];
}

function text(result: LineResult): string {
	return result.output.map(chunk => chunk.text).join('');
}

function firstLine(output: string): string {
	return output.split('\n').find(line => line.trim() !== '') ?? '';
}

function checkPrediction(world: World, step: Step, lang: string): string[] {
	const predict = step.predict;
	if (!predict?.reveal) return [];
	const {place, path} = predict.reveal;
	const container = place.select ? selectContainers(world, place.select)[0] : Object.values(world.containers).find(candidate => candidate.name === place.container);
	if (!container) return [t(lang, 'run.revealNoContainer', {name: place.container})];
	let real: string;
	try {
		real = containerFs(world, container).stat(path).path;
	} catch (error) {
		if (error instanceof FsError) return [t(lang, 'run.revealNoFile', {path, name: container.name})];
		throw error;
	}
	const origin = lookupIn(world, container, real)?.origin;
	if (!origin) return [t(lang, 'run.revealNoFile', {path, name: container.name})];
	const problems: string[] = [];
	predict.choices.forEach((choice, index) => {
		if (!choice.origin) return;
		const right = choice.origin === origin.kind;
		if (choice.correct && !right)
			problems.push(t(lang, 'run.wrongCorrect', {n: index + 1, claim: describeOriginKind(choice.origin, lang), path, name: container.name, origin: describeOrigin(origin, lang)}));
		if (!choice.correct && right) problems.push(t(lang, 'run.unmarked', {n: index + 1, claim: describeOriginKind(choice.origin, lang), path}));
	});
	return problems;
}

/** Runs the whole scenario headless and reports every problem. */
export function checkScenario(scenario: Scenario, options: {seed?: number; lang?: string} = {}): ScenarioReport {
	const lang = options.lang ?? 'en';
	const problems: string[] = [];
	const world = scenarioWorld(scenario, {
		seed: options.seed,
		onLine(line, result) {
			if (result.status !== 0) problems.push(t(lang, 'run.setup', {status: result.status, line, output: firstLine(text(result))}));
		},
	});
	let lastOutput = '';
	const steps: StepReport[] = [];
	for (const step of scenario.steps) {
		const stepProblems: string[] = [];
		const before = evaluateStep(world, step, lastOutput, lang);
		before.forEach((result, index) => {
			if (result.ok && !step.checks[index]!.guard) stepProblems.push(t(lang, 'run.vacuous', {n: index + 1, message: result.message}));
		});
		(step.mistakes ?? []).forEach((lines, index) => {
			const trial = structuredClone(world);
			let output = lastOutput;
			for (const line of lines) output = text(runLine(trial, line));
			const results = evaluateStep(trial, step, output, lang);
			if (results.every(result => result.ok)) stepProblems.push(t(lang, 'run.lenient', {n: index + 1, lines: lines.join(' ; ')}));
		});
		for (const line of step.solution) lastOutput = text(runLine(world, line));
		const after = evaluateStep(world, step, lastOutput, lang);
		after.forEach((result, index) => {
			if (!result.ok) stepProblems.push(t(lang, 'run.failsAfter', {n: index + 1, message: result.message}));
		});
		stepProblems.push(...checkPrediction(world, step, lang));
		steps.push({id: step.id, ok: stepProblems.length === 0, checks: step.checks.length, problems: stepProblems});
	}
	const listed = new Set([...scenario.images, ...scenario.world.pulled].map(ref => parseImageRef(ref).full));
	const pulled = Object.values(world.images)
		.filter(image => image.source === 'pull')
		.flatMap(image => image.repoTags)
		.filter(ref => !listed.has(ref))
		.sort();
	for (const ref of pulled) problems.push(t(lang, 'run.unlisted', {ref: ref.replace(/:latest$/, '')}));
	return {id: scenario.id, file: scenario.file, ok: problems.length === 0 && steps.every(step => step.ok), problems, steps};
}
