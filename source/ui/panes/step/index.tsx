/** The Step pane: the lesson's text, what to try, its checks, the prediction, hints and solution. */
import React from 'react';
import type {PaneDef} from '../types.js';
import type {StepScroll, StepSlice} from './slice.js';
import {slice, withSlice} from '../types.js';
import {choiceHeight, stepContent, StepPane, stepInfo} from './view.js';

export const STEP_TOP: StepScroll = {anchor: 'top', offset: 0};
export const STEP_BOTTOM: StepScroll = {anchor: 'bottom', offset: 0};

/** The first row shown, given the step text's length and the rows it has. */
export function stepOffset(scroll: StepScroll, total: number, height: number): number {
	const max = Math.max(0, total - height);
	const offset = scroll.anchor === 'top' ? scroll.offset : max - scroll.offset;
	return Math.max(0, Math.min(max, offset));
}

function measure(lab: Parameters<typeof stepContent>[0], lang: string, width: number, height: number) {
	const content = stepContent(lab, lang, width);
	return {page: Math.max(1, height - choiceHeight(content.choices, height, width)), rows: content.rows.length};
}

export const stepPane: PaneDef<StepSlice> = {
	title: 'Step',
	digit: 1,
	place: 'step',
	initial: {scroll: STEP_TOP, choice: 0},
	View: ({state, lab, lang, width, height, focused, theme}) => {
		const content = stepContent(lab, lang, width);
		const textHeight = Math.max(1, height - choiceHeight(content.choices, height, width));
		const {scroll, choice} = slice(state, 'step');
		const offset = stepOffset(scroll, content.rows.length, textHeight);
		return (
			<StepPane rows={content.rows} choices={content.choices} choice={choice} offset={offset} width={width} height={height} focused={focused && !state.ui.overlay} theme={theme} />
		);
	},
	info: (_state, lab, lang) => stepInfo(lab, lang),
	news: lab => lab.celebrate,
	measure,
	move(state, delta, env) {
		if (delta === 'top') return withSlice(state, 'step', {scroll: STEP_TOP});
		if (delta === 'bottom') return withSlice(state, 'step', {scroll: STEP_BOTTOM});
		const height = env.page.step;
		const rows = env.content.step ?? 0;
		const top = stepOffset(slice(state, 'step').scroll, rows, height) + delta;
		return withSlice(state, 'step', {scroll: {anchor: 'top', offset: Math.max(0, Math.min(top, rows - height))}});
	},
};
