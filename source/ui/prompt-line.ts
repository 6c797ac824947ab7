/**
 * What the prompt line shows: the line being typed, the cursor and Tab's candidates. The App hands
 * it down by context rather than through the layout, so a keystroke that only edits the line draws
 * the Terminal pane's prompt and candidates again, and no pane frame, title or other row.
 */
import {createContext} from 'react';

export interface PromptLine {
	text: string;
	cursor: number;
	candidates: readonly string[];
}

export const PromptLineContext = createContext<PromptLine>({text: '', cursor: 0, candidates: []});
