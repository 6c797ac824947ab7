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

function checkPrediction(world: World, step: Step): string[] {
	const predict = step.predict;
	if (!predict?.reveal) return [];
	const {place, path} = predict.reveal;
	const container = place.select ? selectContainers(world, place.select)[0] : Object.values(world.containers).find(candidate => candidate.name === place.container);
	if (!container) return [`predict: reveal names ${place.container}, but there is no such container after the solution`];
	let real: string;
	try {
		real = containerFs(world, container).stat(path).path;
	} catch (error) {
		if (error instanceof FsError) return [`predict: ${path} does not exist in ${container.name} after the solution`];
		throw error;
	}
	const origin = lookupIn(world, container, real)?.origin;
	if (!origin) return [`predict: ${path} does not exist in ${container.name} after the solution`];
	const problems: string[] = [];
	predict.choices.forEach((choice, index) => {
		if (!choice.origin) return;
		const right = choice.origin === origin.kind;
		if (choice.correct && !right)
			problems.push(
				`predict: choice ${index + 1} is marked correct and claims ${describeOriginKind(choice.origin)}, but ${path} in ${container.name} comes from ${describeOrigin(origin)}`,
			);
		if (!choice.correct && right)
			problems.push(`predict: choice ${index + 1} claims ${describeOriginKind(choice.origin)}, which is where ${path} really comes from, but it is not marked correct`);
	});
	return problems;
}

/** Runs the whole scenario headless and reports every problem. */
export function checkScenario(scenario: Scenario, options: {seed?: number} = {}): ScenarioReport {
	const problems: string[] = [];
	const world = scenarioWorld(scenario, {
		seed: options.seed,
		onLine(line, result) {
			if (result.status !== 0) problems.push(`setup line fails (exit ${result.status}): ${line}: ${firstLine(text(result))}`);
		},
	});
	let lastOutput = '';
	const steps: StepReport[] = [];
	for (const step of scenario.steps) {
		const stepProblems: string[] = [];
		const before = evaluateStep(world, step, lastOutput);
		before.forEach((result, index) => {
			if (result.ok && !step.checks[index]!.guard)
				stepProblems.push(`check ${index + 1} already passes before the solution (a vacuous check; mark it guard: true if it guards something): ${result.message}`);
		});
		(step.mistakes ?? []).forEach((lines, index) => {
			const trial = structuredClone(world);
			let output = lastOutput;
			for (const line of lines) output = text(runLine(trial, line));
			const results = evaluateStep(trial, step, output);
			if (results.every(result => result.ok)) stepProblems.push(`mistake ${index + 1} passes every check, so the checks are too lenient: ${lines.join(' ; ')}`);
		});
		for (const line of step.solution) lastOutput = text(runLine(world, line));
		const after = evaluateStep(world, step, lastOutput);
		after.forEach((result, index) => {
			if (!result.ok) stepProblems.push(`check ${index + 1} fails after the solution: ${result.message}`);
		});
		stepProblems.push(...checkPrediction(world, step));
		steps.push({id: step.id, ok: stepProblems.length === 0, checks: step.checks.length, problems: stepProblems});
	}
	const listed = new Set([...scenario.images, ...scenario.world.pulled].map(ref => parseImageRef(ref).full));
	const pulled = Object.values(world.images)
		.filter(image => image.source === 'pull')
		.flatMap(image => image.repoTags)
		.filter(ref => !listed.has(ref))
		.sort();
	for (const ref of pulled) problems.push(`the solutions use ${ref.replace(/:latest$/, '')}, which images: does not list`);
	return {id: scenario.id, file: scenario.file, ok: problems.length === 0 && steps.every(step => step.ok), problems, steps};
}
