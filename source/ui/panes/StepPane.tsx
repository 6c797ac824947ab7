import React, {memo, useMemo} from 'react';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {LabModel} from '../model/lab.js';
import {predictionChoices, stepRows, type StepView} from './step-rows.js';
import {Rows} from '../components/RowView.js';
import type {Row} from '../rows.js';
import type {Theme} from '../theme.js';
import {truncate} from '../text/width.js';
import {memoByRef} from './common.js';

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
		world: lab.world,
	};
}

const memoRows = memoByRef((view: StepView, width: number) => stepRows(view, width));
const memoChoices = memoByRef((view: StepView) => predictionChoices(view));
/** Check results that read the same (a command re-evaluates them into new objects). */
function sameChecks(a: StepView['checks'], b: StepView['checks']): boolean {
	if (a === b) return true;
	if (!a || !b || a.length !== b.length) return false;
	return a.every((check, index) => check.ok === b[index]!.ok && check.message === b[index]!.message);
}

let lastView: StepView | undefined;
/**
 * The same view object while the pane would read the same: the world counts only when the step's
 * answered prediction shows what the world holds (step-rows reads it nowhere else), so a command
 * that leaves the checks as they were does not rebuild the step's rows.
 */
function memoView(fresh: StepView): StepView {
	const last = lastView;
	const step = fresh.scenario.steps[fresh.step];
	const readsWorld = Boolean(step?.predict && fresh.prediction);
	if (
		last &&
		last.scenario === fresh.scenario &&
		last.step === fresh.step &&
		last.lang === fresh.lang &&
		sameChecks(last.checks, fresh.checks) &&
		(last.completed === fresh.completed || last.completed.join('\u0000') === fresh.completed.join('\u0000')) &&
		last.hintsShown === fresh.hintsShown &&
		last.solutionShown === fresh.solutionShown &&
		last.prediction === fresh.prediction &&
		last.celebrate === fresh.celebrate &&
		(!readsWorld || last.world === fresh.world)
	)
		return last;
	lastView = fresh;
	return fresh;
}

/** The Step pane's text rows (memoised on what they read) and the open prediction's choices. */
export function stepContent(lab: LabModel, lang: string, width: number): {rows: Row[]; choices: string[] | undefined} {
	const fresh = stepView(lab, lang);
	const view = memoView(fresh);
	return {rows: memoRows(view, width), choices: memoChoices(view)};
}

/** Rows of the pane the choices take. */
export function choiceHeight(choices: string[] | undefined, height: number): number {
	return choices ? Math.min(choices.length, Math.max(1, height - 3)) : 0;
}

export interface StepPaneProps {
	rows: Row[];
	choices: string[] | undefined;
	/** First text row shown. */
	offset: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	onAnswer(choice: number): void;
}

/** Memoised on what it shows: the step's rows (the same array while the step reads the same), the choices, the scroll. */
export const StepPane = memo(function StepPane({rows, choices, offset, width, height, focused, theme, onAnswer}: StepPaneProps) {
	const choicesHeight = choiceHeight(choices, height);
	const textHeight = Math.max(0, height - choicesHeight);
	const items = useMemo(
		() => (choices ?? []).map((label, index) => ({key: String(index), label: truncate(`${index + 1}. ${label}`, width - 3), value: index})),
		[choices?.join('\u0000'), width],
	);
	return (
		<>
			<Rows rows={rows.slice(offset, offset + textHeight)} width={width} height={textHeight} theme={theme} />
			{choices ? (
				<Box flexDirection="column" height={choicesHeight} overflowY="hidden">
					<SelectInput
						items={items}
						isFocused={focused}
						limit={choicesHeight}
						onSelect={item => onAnswer(item.value)}
						indicatorComponent={({isSelected}) => <Text {...(theme.color ? {color: 'cyan'} : {bold: true})}>{isSelected ? '❯ ' : '  '}</Text>}
						itemComponent={({isSelected, label}) => (
							<Text wrap="truncate-end" bold={isSelected} {...(isSelected && theme.color ? {color: 'cyan'} : {})} {...(isSelected && !theme.color ? {inverse: true} : {})}>
								{label}
							</Text>
						)}
					/>
				</Box>
			) : null}
		</>
	);
});

/** "2/5 · 1 done" for the pane's title line. */
export function stepInfo(lab: LabModel): string {
	return `${lab.step + 1}/${lab.scenario.steps.length} · ${lab.completed.length} done`;
}
