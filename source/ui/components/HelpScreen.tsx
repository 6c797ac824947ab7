/** The `?` screen: every key from the key table, by where it works. */
import React from 'react';
import {Box} from 'ink';
import {helpSections} from '../keys.js';
import {row, seg, type Row} from '../rows.js';
import {Rows} from './RowView.js';
import {Pane} from './Pane.js';
import type {Theme} from '../theme.js';
import {fit, textWidth} from '../text/width.js';
import {wrapRuns} from '../text/markdown.js';
import {t} from '../../lab/messages.js';

export function helpRows(width: number, lang = 'en'): Row[] {
	const rows: Row[] = [];
	const keyWidth = Math.min(24, Math.max(12, Math.floor(width * 0.28)));
	for (const section of helpSections(lang)) {
		if (rows.length > 0) rows.push(row([]));
		rows.push(row([seg(section.title, 'heading', {bold: true})]));
		for (const entry of section.entries) {
			const keys = textWidth(entry.keys) > keyWidth - 1 ? entry.keys : fit(entry.keys, keyWidth);
			rows.push(...wrapRuns([{text: entry.help, style: {}}], width, [seg('  '), seg(keys, 'key'), ...(textWidth(entry.keys) > keyWidth - 1 ? [seg(' ')] : [])], keyWidth + 2));
		}
	}
	return rows;
}

export function HelpScreen({width, height, scroll, theme, lang}: {width: number; height: number; scroll: number; theme: Theme; lang: string}) {
	const rows = helpRows(width - 2, lang);
	const inner = height - 2;
	const offset = Math.max(0, Math.min(scroll, rows.length - inner));
	return (
		<Box width={width} height={height} flexDirection="column">
			<Pane
				title={[{text: t(lang, 'keys.title'), active: true}]}
				info={t(lang, 'keys.info', {from: offset + 1, to: Math.min(rows.length, offset + inner), total: rows.length})}
				focused
				width={width}
				height={height}
				theme={theme}
			>
				<Rows rows={rows.slice(offset, offset + inner)} width={width - 2} height={inner} theme={theme} />
			</Pane>
		</Box>
	);
}
