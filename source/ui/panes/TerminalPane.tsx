import React, {memo, useMemo} from 'react';
import type {TermBlock} from '../model/lab.js';
import {promptRow, scrollbackWindow} from './terminal-rows.js';
import {Rows} from '../components/RowView.js';
import {row, seg} from '../rows.js';
import type {Theme} from '../theme.js';
import {truncate} from '../text/width.js';
import {safeText} from '../../text/safe.js';

export interface TerminalPaneProps {
	blocks: readonly TermBlock[];
	prompt: string;
	text: string;
	cursor: number;
	candidates: readonly string[];
	scroll: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
}

/** Memoised; on a keystroke only the prompt row is new, and only its RowView draws again. */
export const TerminalPane = memo(function TerminalPane({blocks, prompt, text, cursor, candidates, scroll, width, height, focused, theme}: TerminalPaneProps) {
	const candidateRows = candidates.length > 0 ? 1 : 0;
	const scrollHeight = Math.max(0, height - 1 - candidateRows);
	const window = useMemo(() => scrollbackWindow(blocks, width, scrollHeight, scroll), [blocks, width, scrollHeight, scroll]);
	const promptLine = useMemo(() => promptRow(prompt, text, cursor, width, focused), [prompt, text, cursor, width, focused]);
	const candidateLine = useMemo(() => row([seg(truncate(safeText(candidates.join('  ')), width), 'accent')]), [candidates, width]);
	// Like a real terminal: output from the top, the prompt right after it.
	const lines = [...window.rows, ...(candidateRows > 0 ? [candidateLine] : []), promptLine];
	return <Rows rows={lines} width={width} height={height} theme={theme} showSelection={false} />;
});
