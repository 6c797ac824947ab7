/** The Terminal pane: the scrollback and the prompt (the prompt's keys are the key table's `prompt` scope). */
import React from 'react';
import {promptText} from '../../../lab/model/lab.js';
import {t} from '../../../lab/messages.js';
import type {PaneDef} from '../types.js';
import type {TerminalSlice} from './slice.js';
import {slice, withSlice} from '../types.js';
import {TerminalPane} from './view.js';
import {blockRows} from './rows.js';
import {paintRows} from '../../components/RowView.js';

/** More rows than any screen shows. */
const MAX_PAINTED = 200;

export const terminalPane: PaneDef<TerminalSlice> = {
	title: 'Terminal',
	digit: 2,
	place: 'terminal',
	initial: {scroll: 0},
	View: ({state, lab, lang, width, height, focused, theme}) => (
		<TerminalPane
			blocks={lab.terminal}
			prompt={promptText(lab.world)}
			scroll={slice(state, 'terminal').scroll}
			width={width}
			height={height}
			focused={focused}
			theme={theme}
			lang={lang}
		/>
	),
	// The newest blocks' rows, wrapped to the pane (a command adds a block or two; wrapped blocks are cached).
	prepare({lab}, {lang, columns, theme}) {
		const blocks = lab!.terminal;
		for (let index = blocks.length - 1; index >= Math.max(0, blocks.length - 4); index--) {
			const rows = blockRows(blocks[index]!, columns, lang);
			// The newest block is the Enter's output: its rows are painted now (the last screenful at most).
			if (index === blocks.length - 1) paintRows(rows.slice(-MAX_PAINTED), columns, theme, false);
		}
	},
	info: (state, _lab, lang) => {
		const scroll = slice(state, 'terminal').scroll;
		return scroll > 0 ? t(lang, 'info.scrolled', {rows: scroll}) : '';
	},
	move(state, delta) {
		const current = slice(state, 'terminal').scroll;
		const scroll = delta === 'top' ? Number.MAX_SAFE_INTEGER : delta === 'bottom' ? 0 : Math.max(0, current - delta);
		return withSlice(state, 'terminal', {scroll});
	},
};
