/**
 * The Step pane: the step's Markdown, what to try, each check with a live ✓/✗, the prediction
 * question (its answer, scored and explained from the world's real state), hints revealed so far,
 * the solution once confirmed, and the "step complete" moment.
 */
import type {World, Container} from '../../../engine/index.js';
import {originsOf, findContainer} from '../../../engine/screen.js';
import {localize, type CheckResult, type ContainerSelector, type Scenario, type Step} from '../../../scenario/types.js';
import {describeOrigin, selectContainers} from '../../../scenario/checks/checks.js';
import type {PredictionAnswer} from '../../../lab/model/lab.js';
import {row, seg, type Row} from '../../rows.js';
import {t} from '../../../lab/messages.js';
import {markdownRows, parseInline, wrapRuns} from '../../text/markdown.js';
import {safeText} from '../../../text/safe.js';

export interface StepView {
	scenario: Scenario;
	step: number;
	lang: string;
	checks: readonly CheckResult[];
	completed: readonly string[];
	hintsShown: number;
	solutionShown: boolean;
	prediction: PredictionAnswer | undefined;
	celebrate: boolean;
	/** What the answered prediction explains from; null when the rows read nothing of the world (so they need not follow its every change). */
	world: World | null;
}

function heading(text: string, width: number): Row[] {
	return wrapRuns([{text, style: {tone: 'heading', bold: true}}], width);
}

function pickContainer(world: World, name: string, select: ContainerSelector | undefined): Container | undefined {
	if (select) return selectContainers(world, select)[0];
	try {
		return findContainer(world, name);
	} catch {
		return undefined;
	}
}

function fileState(world: World, place: {container: string; select?: ContainerSelector}, path: string, lang: string): string {
	const container = pickContainer(world, place.container, place.select);
	if (!container) return t(lang, 'real.noContainer', {name: place.container});
	const origins = originsOf(world, container, path);
	if (origins.length === 0) return t(lang, 'real.notThere', {path, name: container.name});
	const [visible, ...hidden] = origins.map(found => describeOrigin(found.origin, lang));
	return t(lang, 'real.from', {path, name: container.name, origin: visible!, hidden: hidden.length > 0 ? t(lang, 'real.hiding', {list: hidden.join(', ')}) : ''});
}

/**
 * What the world really holds for a step, one line each: the prediction's file (or the step's file
 * checks) with where it comes from and what it hides, and the containers the checks name.
 */
export function realState(world: World, step: Step, lang = 'en'): string[] {
	const lines: string[] = [];
	const reveal = step.predict?.reveal;
	if (reveal) lines.push(fileState(world, reveal.place, reveal.path, lang));
	for (const check of step.checks) {
		if (check.kind === 'file' && 'container' in check.place) {
			if (reveal && reveal.path === check.path && reveal.place.container === check.place.container) continue;
			lines.push(fileState(world, check.place, check.path, lang));
		} else if (check.kind === 'container') {
			const container = pickContainer(world, check.name, check.select);
			lines.push(
				container
					? container.status === 'exited'
						? t(lang, 'real.exited', {name: container.name, code: container.exitCode ?? 0})
						: t(lang, `real.${container.status}`, {name: container.name})
					: t(lang, 'real.noSuch', {name: check.name}),
			);
		}
	}
	return lines;
}

/** A command to try, wrapped between words (a word longer than the line is cut where it must be), continued lines indented. */
export function commandRows(command: string, width: number): Row[] {
	// Spaces as plain runs: the wrapper breaks lines there (a code run would be kept in one piece).
	const runs = command
		.split(/( +)/)
		.filter(part => part !== '')
		.map(part => ({text: part, style: / /.test(part) ? {} : {tone: 'code' as const}}));
	return wrapRuns(runs, width, [seg('  '), seg('$ ', 'code')], 6);
}

/** The rows above the prediction choices (or the whole pane when there is no open question). */
export function stepRows(view: StepView, width: number): Row[] {
	const w = Math.max(10, width);
	const step = view.scenario.steps[view.step];
	if (!step) return [row([seg(t(view.lang, 'step.none'), 'dim')])];
	const tr = (text: Parameters<typeof localize>[0]) => localize(text, view.lang);
	const rows: Row[] = [];
	const done = view.completed.includes(step.id);
	rows.push(
		row([
			seg(t(view.lang, 'step.of', {n: view.step + 1, total: view.scenario.steps.length}), 'accent', {bold: true}),
			seg(done ? t(view.lang, 'step.done') : '', 'ok', {bold: true}),
		]),
	);
	rows.push(...heading(tr(step.title), w));
	rows.push(row([]));
	rows.push(...markdownRows(tr(step.text), w));
	if (step.commands.length > 0) {
		rows.push(row([]));
		rows.push(row([seg(t(view.lang, 'step.try'), 'dim', {bold: true})]));
		for (const command of step.commands) rows.push(...commandRows(command, w));
	}
	if (step.predict) rows.push(...predictionRows(view, step, w));
	if (step.checks.length > 0 && (!step.predict || view.prediction)) {
		rows.push(row([]));
		rows.push(row([seg(t(view.lang, 'step.checks'), 'dim', {bold: true}), seg(`  ${view.checks.filter(check => check.ok).length}/${view.checks.length}`, 'dim')]));
		for (const check of view.checks) {
			rows.push(
				...wrapRuns(
					parseInline(check.error === undefined ? check.message : t(view.lang, 'check.error', {error: check.error})),
					w,
					[check.ok ? seg(' ✓ ', 'ok', {bold: true}) : seg(' ✗ ', 'fail', {bold: true})],
					3,
				),
			);
		}
	}
	const hints = step.hints.slice(0, view.hintsShown);
	if (hints.length > 0) {
		rows.push(row([]));
		hints.forEach((hint, index) => {
			rows.push(row([seg(t(view.lang, 'step.hint', {n: index + 1, total: step.hints.length}), 'warn', {bold: true})]));
			rows.push(...markdownRows(tr(hint), w));
		});
	} else if (step.hints.length > 0 && !done) {
		rows.push(row([]));
		rows.push(row([seg(t(view.lang, 'step.stuck', {count: step.hints.length}), 'dim')]));
	}
	if (view.solutionShown && step.solution.length > 0) {
		rows.push(row([]));
		rows.push(row([seg(t(view.lang, 'step.solution'), 'warn', {bold: true})]));
		for (const line of step.solution) rows.push(...commandRows(line, w));
	}
	if (done) {
		rows.push(row([]));
		const last = view.step === view.scenario.steps.length - 1;
		const all = view.scenario.steps.every(s => view.completed.includes(s.id) || s.checks.length === 0);
		const holds = view.checks.every(check => check.ok);
		const message = !holds
			? t(view.lang, 'step.earlier')
			: all && last
				? t(view.lang, 'step.scenarioComplete')
				: last
					? t(view.lang, 'step.lastComplete')
					: t(view.lang, 'step.complete');
		rows.push(...wrapRuns([{text: message, style: {tone: holds ? 'ok' : 'dim', bold: holds, inverse: view.celebrate && holds}}], w));
	}
	return rows;
}

function predictionRows(view: StepView, step: Step, w: number): Row[] {
	const predict = step.predict!;
	const tr = (text: Parameters<typeof localize>[0]) => localize(text, view.lang);
	const rows: Row[] = [row([])];
	rows.push(row([seg(t(view.lang, 'step.predict'), 'warn', {bold: true}), seg(view.prediction ? '' : t(view.lang, 'step.predictFirst'), 'dim')]));
	rows.push(...markdownRows(tr(predict.question), w));
	if (!view.prediction) return rows;
	const chosen = predict.choices[view.prediction.choice];
	const right = predict.choices.find(choice => choice.correct);
	rows.push(row([seg(t(view.lang, 'step.youSaid'), 'dim'), seg(chosen ? tr(chosen.label) : '?', undefined, {bold: true})]));
	rows.push(
		view.prediction.correct
			? row([seg(t(view.lang, 'step.right'), 'ok', {bold: true})])
			: row([seg(t(view.lang, 'step.notQuite'), 'fail', {bold: true}), seg(right ? tr(right.label) : '?', undefined, {bold: true})]),
	);
	rows.push(...markdownRows(tr(predict.explain), w));
	const state = view.world ? realState(view.world, step, view.lang) : [];
	if (state.length > 0) {
		rows.push(row([seg(t(view.lang, 'step.worldNow'), 'dim', {bold: true})]));
		for (const line of state) rows.push(...wrapRuns([{text: line, style: {}}], w, [seg('  • ', 'accent')], 4));
	}
	return rows;
}

/** The choices of an open prediction (labels in the learner's language). */
export function predictionChoices(view: Pick<StepView, 'scenario' | 'step' | 'lang' | 'prediction'>): string[] | undefined {
	const step = view.scenario.steps[view.step];
	if (!step?.predict || view.prediction) return undefined;
	return step.predict.choices.map(choice => safeText(localize(choice.label, view.lang)));
}

/** The open prediction's choices, each wrapped under its number; the one under the cursor marked (❯, bold). */
export function choiceRows(choices: readonly string[], selected: number, width: number, focused: boolean): Row[] {
	const rows: Row[] = [];
	choices.forEach((label, index) => {
		const chosen = index === selected;
		const lead = `${chosen ? '❯' : ' '} ${index + 1}. `;
		const wrapped = wrapRuns(
			[{text: label, style: chosen ? {bold: true, tone: focused ? 'accent' : undefined} : {}}],
			Math.max(10, width),
			[seg(lead, 'accent', {bold: true})],
			lead.length,
		);
		for (const entry of wrapped) rows.push({...entry, ...(chosen ? {selected: true} : {})});
	});
	return rows;
}
