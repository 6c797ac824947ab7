import {memo, useMemo} from 'react';
import type {TermBlock} from '../../../lab/model/lab.js';
import {candidateRows, promptRow, scrollbackWindow} from './rows.js';
import {paintRows, rowsBox} from '../../components/RowView.js';
import {memoSlots} from '../common.js';
import {preparable} from '../types.js';
import type {Theme} from '../../theme.js';
import {usePromptLine} from '../../prompt-line.js';

export interface TerminalPaneProps {
	blocks: readonly TermBlock[];
	prompt: string;
	scroll: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	lang?: string;
}

/**
 * Memoised on the scrollback and the pane; the line being typed, its cursor and Tab's candidates
 * come from the App's store (usePromptLine). `prepare` paints the empty prompt an Enter leaves.
 */
export const TerminalPane = preparable(
	memo(function TerminalPane({blocks, prompt, scroll, width, height, focused, theme, lang = 'en'}: TerminalPaneProps) {
		const {text, cursor, candidates} = usePromptLine();
		const listed = useMemo(() => candidateRows(candidates, width, Math.max(1, Math.min(5, height - 3))), [candidates, width, height]);
		const scrollHeight = Math.max(0, height - 1 - listed.length);
		const window = useMemo(() => scrollbackWindow(blocks, width, scrollHeight, scroll, lang), [blocks, width, scrollHeight, scroll, lang]);
		const promptLine = useMemo(
			() => (text === '' && cursor === 0 ? emptyPrompt(prompt, width, focused) : promptRow(prompt, text, cursor, width, focused)),
			[prompt, text, cursor, width, focused],
		);
		// Like a real terminal: output from the top, the prompt right after it.
		const lines = [...window.rows, ...listed, promptLine];
		return rowsBox(lines, width, height, theme, false);
	}),
	({prompt, width, focused, theme}) => paintRows([emptyPrompt(prompt, width, focused)], width, theme, false),
);

/** The prompt with nothing typed, as an Enter leaves it: the same row for the same prompt (so painted once, ahead of the Enter). */
const emptyPrompt = memoSlots(2, (prompt: string, width: number, focused: boolean) => promptRow(prompt, '', 0, width, focused));
