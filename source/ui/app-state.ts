/**
 * The app's state as types only (the reducer is state.ts): which screen, the lab model and the view
 * state, each pane's slice included. Kept apart so the panes can name it without importing the
 * reducer (which imports the pane table).
 */
import type {Evaluate, LabModel} from '../lab/model/lab.js';
import type {MessageKey} from '../lab/messages.js';
import type {StepSlice} from './panes/step/slice.js';
import type {TerminalSlice} from './panes/terminal/slice.js';
import type {LayersSlice} from './panes/layers/slice.js';
import type {ContainersSlice} from './panes/containers/slice.js';
import type {VolumesSlice} from './panes/volumes/slice.js';
import type {ImagesSlice} from './panes/images/slice.js';

/** Each pane's own view state; a pane is one line here and one row in panes/registry.ts (the compiler checks both). */
export interface PaneSlices {
	step: StepSlice;
	terminal: TerminalSlice;
	layers: LayersSlice;
	containers: ContainersSlice;
	volumes: VolumesSlice;
	images: ImagesSlice;
}

export type PaneId = keyof PaneSlices;

export type Overlay = null | {kind: 'help'} | {kind: 'confirm'; action: 'solution' | 'reset-step'; question: MessageKey};

export interface PromptState {
	text: string;
	cursor: number;
	/** Index into the typed history while browsing it with ↑/↓. */
	browsing: number | null;
	/** The line being typed before browsing started. */
	draft: string;
	/** The first of Docker's detach keys, pressed in a container's terminal: the next may complete them. */
	detaching?: string;
}

export interface UiState {
	focus: PaneId;
	/** Most recently focused first (decides the tab a tab group shows). */
	recent: PaneId[];
	overlay: Overlay;
	prompt: PromptState;
	/** Completion choices shown above the prompt until the next key. */
	candidates: string[];
	/** Each pane's own view state (scroll positions, selections, open folders), from the pane table. */
	panes: PaneSlices;
	helpScroll: number;
	/** Enter was pressed before the shell finished loading (lab/model/runner.ts): run once it has. */
	pendingRun: boolean;
}

export interface AppState {
	screen: 'picker' | 'lab';
	lab: LabModel | null;
	ui: UiState;
	/** Set by quit; the App's effect saves and exits. */
	quitting: boolean;
}

/** What the reducer needs from outside: the checks, and the sizes of what is on screen. */
export interface Env {
	evaluate: Evaluate;
	/** Columns the simulated programs format for (the terminal pane's width). */
	columns: number;
	/** Visible rows of each pane (for PgUp/PgDn). */
	page: Record<PaneId, number>;
	/** Rows of content, for panes that scroll text (to keep the scrolling in range). */
	content: Partial<Record<PaneId, number>>;
}
