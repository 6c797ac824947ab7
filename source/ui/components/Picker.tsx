/** The scenario list: title, steps and your progress; Enter opens (and resumes) one. */
import React, {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {localize, type Scenario} from '../../scenario/types.js';
import type {LabApi, ScenarioProgress} from '../../lab/api.js';
import {Pane} from './Pane.js';
import {Rows} from './RowView.js';
import {markdownRows} from '../text/markdown.js';
import {fit, truncate} from '../text/width.js';
import {safeText} from '../../text/safe.js';
import type {Theme} from '../theme.js';
import {t} from '../../lab/messages.js';

export interface PickerProps {
	api: LabApi;
	scenarios: Scenario[];
	lang: string;
	width: number;
	height: number;
	theme: Theme;
	active: boolean;
	onOpen(scenario: Scenario): void;
}

export function progressLabel(steps: number, progress: ScenarioProgress | undefined, free = false, lang = 'en'): string {
	if (free) return t(lang, progress?.started ? 'picker.freeSaved' : 'picker.free');
	if (!progress?.started) return t(lang, 'picker.new');
	if (progress.done >= steps) return t(lang, 'picker.done');
	return t(lang, 'picker.progress', {n: progress.current + 1, done: progress.done, total: steps});
}

/** A lab with no checks at all (the sandbox): no steps to count, nothing to finish. */
function free(scenario: Scenario): boolean {
	return scenario.steps.every(step => step.checks.length === 0);
}

/** Where the list starts: the first lesson, in course order, that is not done yet. */
export function nextUnfinished(scenarios: readonly Scenario[], progress: (scenario: Scenario) => ScenarioProgress | undefined): number {
	const index = scenarios.findIndex(scenario => (progress(scenario)?.done ?? 0) < scenario.steps.length);
	return Math.max(0, index);
}

export function Picker({api, scenarios, lang, width, height, theme, active, onOpen}: PickerProps) {
	const start = useMemo(() => nextUnfinished(scenarios, scenario => api.progress(scenario)), [scenarios, api]);
	const [highlighted, setHighlighted] = useState(start);
	const titleWidth = Math.max(20, width - 36);
	const items = useMemo(
		() =>
			scenarios.map((scenario, index) => ({
				key: scenario.id,
				label: `${fit(safeText(localize(scenario.title, lang)), titleWidth)}  ${fit(free(scenario) ? '' : t(lang, 'picker.steps', {count: scenario.steps.length}), 9)} ${truncate(progressLabel(scenario.steps.length, api.progress(scenario), free(scenario), lang), 20)}`,
				value: index,
			})),
		[scenarios, lang, titleWidth, api],
	);
	const listHeight = Math.max(3, Math.min(items.length, height - 10));
	const current = scenarios[highlighted];
	const summary = current ? markdownRows(localize(current.summary, lang), width - 4) : [];
	const summaryHeight = Math.max(0, height - listHeight - 5);
	return (
		<Pane title={[{text: t(lang, 'picker.title'), active: true}]} info={t(lang, 'picker.info', {count: scenarios.length})} focused width={width} height={height} theme={theme}>
			<Box flexDirection="column" height={listHeight} overflow="hidden">
				{items.length === 0 ? (
					<Text dimColor>{t(lang, 'picker.none')}</Text>
				) : (
					<SelectInput
						items={items}
						initialIndex={start}
						isFocused={active}
						limit={listHeight}
						onHighlight={item => setHighlighted(item.value)}
						onSelect={item => {
							const scenario = scenarios[item.value];
							if (scenario) onOpen(scenario);
						}}
						indicatorComponent={({isSelected}) => <Text {...(theme.color ? {color: 'cyan'} : {bold: true})}>{isSelected ? '❯ ' : '  '}</Text>}
						itemComponent={({isSelected, label}) => (
							<Text wrap="truncate-end" bold={isSelected} {...(isSelected && theme.color ? {color: 'cyan'} : {})} {...(isSelected && !theme.color ? {inverse: true} : {})}>
								{label}
							</Text>
						)}
					/>
				)}
			</Box>
			<Text> </Text>
			<Box flexDirection="column" height={summaryHeight} overflow="hidden" paddingLeft={1}>
				<Rows rows={summary} width={width - 4} height={summaryHeight} theme={theme} />
			</Box>
		</Pane>
	);
}
