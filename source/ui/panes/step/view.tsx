import {createElement, Fragment, memo, useMemo} from 'react';
import type {LabModel} from '../../../lab/model/lab.js';
import {choiceRows, predictionChoices, stepRows, type StepView} from './rows.js';
import {rowsBox} from '../../components/RowView.js';
import {row, seg, type Row} from '../../rows.js';
import type {Theme} from '../../theme.js';
import {fit, textWidth} from '../../text/width.js';
import {t} from '../../../lab/messages.js';
import {memoByRef, memoSlots} from '../common.js';

export function stepView(lab: LabModel, lang: string): StepView {
	const step = lab.scenario.steps[lab.step];
	return {
		scenario: lab.scenario,
		step: lab.step,
		lang,
		checks: lab.checks,
		completed: lab.completed,
		hintsShown: step ? (lab.hints[step.id] ?? 0) : 0,
		solutionShown: step ? lab.solutions.includes(step.id) : false,
		prediction: step ? lab.predictions[step.id] : undefined,
		celebrate: lab.celebrate,
		// Only an answered prediction's explanation reads the world.
		world: step?.predict && lab.predictions[step.id] ? lab.world : null,
	};
}

const memoRows = memoByRef((view: StepView, width: number) => stepRows(view, width));
const memoView = memoByRef(
	(
		scenario: LabModel['scenario'],
		step: number,
		lang: string,
		checks: StepView['checks'],
		completed: StepView['completed'],
		hintsShown: number,
		solutionShown: boolean,
		prediction: StepView['prediction'],
		celebrate: boolean,
		world: LabModel['world'] | null,
	): StepView => ({
		scenario,
		step,
		lang,
		checks,
		completed,
		hintsShown,
		solutionShown,
		prediction,
		celebrate,
		world,
	}),
);

/** The same list as last time when its entries are equal (checks are evaluated again after every command, mostly with the same results). */
function stableList<T>(last: {current: readonly T[] | undefined}, list: readonly T[], same: (a: T, b: T) => boolean): readonly T[] {
	const previous = last.current;
	if (previous && previous.length === list.length && previous.every((entry, index) => same(entry, list[index]!))) return previous;
	return (last.current = list);
}
const lastChecks: {current: StepView['checks'] | undefined} = {current: undefined};
const lastCompleted: {current: StepView['completed'] | undefined} = {current: undefined};

/** The Step pane's text rows (memoised on what they read) and the open prediction's choices. */
export function stepContent(lab: LabModel, lang: string, width: number): {rows: Row[]; choices: string[] | undefined} {
	const fresh = stepView(lab, lang);
	const checks = stableList(lastChecks, fresh.checks, (a, b) => a.ok === b.ok && a.message === b.message);
	const completed = stableList(lastCompleted, fresh.completed, (a, b) => a === b);
	const view = memoView(fresh.scenario, fresh.step, lang, checks, completed, fresh.hintsShown, fresh.solutionShown, fresh.prediction, fresh.celebrate, fresh.world);
	return {rows: memoRows(view, width), choices: predictionChoices(view)};
}

/** Rows the choices take: all of them wrapped, but never more than leaves the text 3 rows. */
export function choiceHeight(choices: string[] | undefined, height: number, width: number): number {
	return choices ? Math.min(choiceRows(choices, 0, width, false).length, Math.max(1, height - 3)) : 0;
}

export interface StepPaneProps {
	rows: Row[];
	choices: string[] | undefined;
	/** The answer under the cursor. */
	choice: number;
	/** First text row shown. */
	offset: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	lang?: string;
}

/** Memoised: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const StepPane = memo(function StepPane({rows, choices, choice, offset, width, height, focused, theme, lang = 'en'}: StepPaneProps) {
	const choicesHeight = choiceHeight(choices, height, width);
	const textHeight = Math.max(0, height - choicesHeight);
	const list = useMemo(() => (choices ? choiceRows(choices, choice, width, focused) : []), [choices, choice, width, focused]);
	// The chosen answer stays in view when the choices are cut.
	const first = list.findIndex(entry => entry.selected);
	const start = Math.max(0, Math.min(first, list.length - choicesHeight));
	const more = textHeight > 0 && offset + textHeight < rows.length;
	const text = rows.slice(offset, offset + textHeight);
	if (more) text[textHeight - 1] = row([seg(fit('', Math.max(0, width - textWidth(t(lang, 'step.more')))) + t(lang, 'step.more'), 'dim', {bold: true})]);
	return createElement(Fragment, null, rowsBox(text, width, textHeight, theme), choices ? rowsBox(list.slice(start, start + choicesHeight), width, choicesHeight, theme) : null);
});

/** "2/5 · 1 done" for the pane's title line. */
export function stepInfo(lab: LabModel, lang = 'en'): string {
	return stepInfoText(lab.step, lab.scenario.steps.length, lab.completed.length, lang);
}

/** Remembered: the title line is drawn again on every command, the step seldom changes. */
const stepInfoText = memoSlots(2, (step: number, total: number, done: number, lang: string) => t(lang, 'info.step', {n: step + 1, total, done}));
