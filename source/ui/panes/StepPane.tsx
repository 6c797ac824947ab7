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
		world: LabModel['world'],
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

/** The Step pane's text rows (memoised on what they read) and the open prediction's choices. */
export function stepContent(lab: LabModel, lang: string, width: number): {rows: Row[]; choices: string[] | undefined} {
	const fresh = stepView(lab, lang);
	const view = memoView(fresh.scenario, fresh.step, lang, fresh.checks, fresh.completed, fresh.hintsShown, fresh.solutionShown, fresh.prediction, fresh.celebrate, fresh.world);
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
