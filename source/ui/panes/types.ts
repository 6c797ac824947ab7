/**
 * What a pane is: one folder under `panes/<name>/` exporting a `PaneDef` — its view, the slice of
 * view state it owns, its keys and help, what its title line says — registered by one row in
 * `registry.ts`. The layout, the reducer, the key table and the App iterate that table.
 */
import type React from 'react';
import type {LabModel} from '../../lab/model/lab.js';
import type {AppState, Env, PaneId, PaneSlices} from '../app-state.js';
import type {Theme} from '../theme.js';

/** Where the layout puts a pane: the step text, the terminal, or the side group (tabs or a stack). */
export type Place = 'step' | 'terminal' | 'side';

/** A key a pane binds while it has focus (listed in the key table under the pane's name). */
export interface PaneBinding {
	/** The pane's own command name, handed to its `command`. */
	command: string;
	keys: readonly string[];
	label: string;
	help: string;
	bar?: boolean;
	delegated?: boolean;
}

export interface PaneViewProps {
	state: AppState;
	lab: LabModel;
	lang: string;
	width: number;
	height: number;
	focused: boolean;
	/** The container the Layers pane shows (the selected one, or the newest). */
	container: string | null;
	theme: Theme;
}

export type Move = number | 'top' | 'bottom';

/**
 * A pane's content component that can work out ahead, for its props, the rows it will draw (the
 * pause before an Enter calls `prepare` with the props of the Enter's frame: prepareContent).
 */
export type Preparable<P extends object> = React.NamedExoticComponent<P> & {prepare(props: P): void};

export function preparable<P extends object>(component: React.NamedExoticComponent<P>, prepare: (props: P) => void): Preparable<P> {
	return Object.assign(component, {prepare});
}

/** Works out ahead what a pane's content element will draw, where its component can (Preparable). */
export function prepareContent(content: React.ReactNode): void {
	if (typeof content !== 'object' || content === null || !('type' in content) || !('props' in content)) return;
	const prepare = (content.type as Partial<Preparable<object>>).prepare;
	if (typeof prepare === 'function') prepare(content.props as object);
}

/** A list cursor moved by `delta` (rows, or to the top or the bottom), kept within the list's `length`. */
export function movedCursor(current: number, delta: Move, length: number): number {
	return delta === 'top' ? 0 : delta === 'bottom' ? length - 1 : Math.max(0, Math.min(current + delta, length - 1));
}

export interface PaneDef<S> {
	title: string;
	/** Digit that focuses the pane (after Esc). */
	digit: number;
	place: Place;
	/** Its view state when a lab opens. */
	initial: S;
	/**
	 * The pane's content: called as a function (no hooks) by the layout, which hands the element to the
	 * Pane; the Pane is drawn again only when the element's props changed, so they should be what the
	 * pane shows (the world's parts, the changes projected onto the pane, the slice), not the state.
	 */
	View(props: PaneViewProps): React.ReactNode;
	/** Right side of the title line. */
	info?(state: AppState, lab: LabModel, lang: string): string;
	/** Extra words after the title (e.g. the container shown). */
	subtitle?(lab: LabModel, container: string | null): string;
	/** Something new since the last command (a tab that is not shown gets a marker). */
	news?(lab: LabModel, container: string | null): boolean;
	/** Rows its content would like (the wide layout sizes stacked panes by it). */
	wants?(lab: LabModel): number;
	/** Rows a page holds and rows of content, when they differ from the pane's inner height (for scrolling). */
	measure?(lab: LabModel, lang: string, width: number, height: number): {page: number; rows: number};
	/**
	 * Computes ahead what its View will derive for this state (the memoised item lists), called while
	 * the learner pauses before an Enter whose state is known: the Enter's frame then finds them ready.
	 */
	prepare?(state: AppState, env: PrepareEnv): void;
	/** ↑↓, Home/End, PgUp/PgDn while focused. */
	move?(state: AppState, delta: Move, env: Env): AppState;
	keys?: readonly PaneBinding[];
	/** Runs one of its `keys`' commands. */
	command?(state: AppState, command: string, env: Env): AppState;
}

/** What a pane's `prepare` knows besides the state: the language, the Terminal pane's inner width and the theme rows are painted with. */
export interface PrepareEnv {
	lang: string;
	columns: number;
	theme: Theme;
}

export function slice<K extends PaneId>(state: AppState, id: K): PaneSlices[K] {
	return state.ui.panes[id];
}

export function withSlice<K extends PaneId>(state: AppState, id: K, patch: Partial<PaneSlices[K]>): AppState {
	const merged = {...(state.ui.panes[id] as object), ...patch} as PaneSlices[K];
	return {...state, ui: {...state.ui, panes: {...state.ui.panes, [id]: merged}}};
}
