/**
 * What the prompt line shows: the line being typed, the cursor and Tab's candidates. The Terminal
 * pane reads it from the App's store (store.ts) rather than through the layout, so a keystroke that
 * only edits the line draws the Terminal pane's prompt and candidates again, and no pane frame,
 * title or other row, and does not render the App.
 */
import {createContext, useContext, useSyncExternalStore} from 'react';

export interface PromptLine {
	text: string;
	cursor: number;
	candidates: readonly string[];
}

/** Where the prompt line is read from: its current value, and a call when it changes. */
export interface PromptSource {
	getPrompt(): PromptLine;
	subscribe(listener: () => void): () => void;
}

const EMPTY: PromptLine = {text: '', cursor: 0, candidates: []};

/** The App's store; its identity never changes, so providing it makes React walk no tree. (Without it: an empty line that never changes.) */
export const PromptLineContext = createContext<PromptSource>({getPrompt: () => EMPTY, subscribe: () => () => {}});

/** The prompt line now; the component is drawn again when it changes. */
export function usePromptLine(): PromptLine {
	const source = useContext(PromptLineContext);
	return useSyncExternalStore(source.subscribe, source.getPrompt);
}
