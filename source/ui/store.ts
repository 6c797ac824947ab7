/**
 * The App's state, held outside React: the reducer runs when a key is dispatched, and two snapshots
 * are handed out. The screen's state follows every change but one that only edits the prompt line
 * (the text typed, the cursor, Tab's candidates); the prompt line follows exactly those. The App
 * renders from the first and the Terminal pane's prompt row reads the second, so a keystroke that
 * only edits the line draws that row and nothing else: the App, its hooks and the layout are not
 * rendered again for it.
 */
import type {AppState} from './app-state.js';
import type {PromptLine} from './prompt-line.js';

/** The same state but for what only the prompt line shows: the line being typed and its completions. */
function sameButPrompt(a: AppState, b: AppState): boolean {
	if (a.screen !== b.screen || a.lab !== b.lab || a.quitting !== b.quitting) return false;
	const x = a.ui as unknown as Record<string, unknown>;
	const y = b.ui as unknown as Record<string, unknown>;
	for (const key in x) if (key !== 'prompt' && key !== 'candidates' && x[key] !== y[key]) return false;
	return true;
}

function promptLineOf(state: AppState): PromptLine {
	return {text: state.ui.prompt.text, cursor: state.ui.prompt.cursor, candidates: state.ui.candidates};
}

export class Store<Action> {
	/** The latest state. */
	state: AppState;
	/** The state the screen draws: the latest, but kept while only the prompt line changed. */
	private screen: AppState;
	private prompt: PromptLine;
	private readonly listeners = new Set<() => void>();

	constructor(
		private readonly reducer: (state: AppState, action: Action) => AppState,
		initial: AppState,
	) {
		this.state = initial;
		this.screen = initial;
		this.prompt = promptLineOf(initial);
	}

	dispatch = (action: Action): void => {
		const next = this.reducer(this.state, action);
		if (next === this.state) return;
		this.state = next;
		if (!sameButPrompt(this.screen, next)) this.screen = next;
		const {text, cursor} = next.ui.prompt;
		if (text !== this.prompt.text || cursor !== this.prompt.cursor || next.ui.candidates !== this.prompt.candidates) this.prompt = promptLineOf(next);
		for (const listener of this.listeners) listener();
	};

	subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getScreen = (): AppState => this.screen;
	getPrompt = (): PromptLine => this.prompt;
}
