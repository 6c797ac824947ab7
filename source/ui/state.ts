/**
 * The app's state and its one reducer: which screen, the lab model (model/lab.ts) and the view state
 * that is not the world's business — focus, prompt line, scroll positions, selections, open
 * folders, overlays. Key commands from keys.ts arrive here as actions; nothing in this file does I/O.
 */
import {commandFor, type Command, type KeyInfo, type Scope} from './keys.js';
import {PANE_ORDER, type PaneId} from './layout.js';
import {
	answerPrediction,
	awaitingPrediction,
	clearTerminal,
	gotoStep,
	failCommand,
	finishCommand,
	interruptCommand,
	note,
	redo,
	resetStep,
	revealHint,
	runCommand,
	showSolution,
	undo,
	type Evaluate,
	type LabModel,
} from './model/lab.js';
import {complete} from './completion.js';
import {loadedRunner} from './model/runner.js';
import {containerItems, itemId, selectedIndex} from './panes/containers-rows.js';
import {volumeLines} from './panes/volumes-rows.js';
import {filesIndex, folderAt, layerItems, parentIndex} from './panes/layers-rows.js';

export type Overlay = null | {kind: 'help'} | {kind: 'confirm'; action: 'solution' | 'reset-step'; question: string};

export interface PromptState {
	text: string;
	cursor: number;
	/** Index into the typed history while browsing it with ↑/↓. */
	browsing: number | null;
	/** The line being typed before browsing started. */
	draft: string;
}

export interface UiState {
	focus: PaneId;
	/** Most recently focused first (decides the tab a tab group shows). */
	recent: PaneId[];
	overlay: Overlay;
	prompt: PromptState;
	/** Completion choices shown above the prompt until the next key. */
	candidates: string[];
	/** Terminal: rows up from the bottom. */
	terminalScroll: number;
	/** Step text: rows from its top, or from its bottom (where new hints, answers and "complete" appear). */
	stepScroll: StepScroll;
	/** Selected container id (null: the newest). */
	container: string | null;
	volumeCursor: number;
	layerCursor: number;
	/** Per container id: folders explicitly opened or closed in the file tree. */
	tree: Record<string, Record<string, boolean>>;
	helpScroll: number;
	/** Enter was pressed before the shell finished loading (model/runner.ts): run once it has. */
	pendingRun: boolean;
}

export interface StepScroll {
	anchor: 'top' | 'bottom';
	offset: number;
}

const STEP_TOP: StepScroll = {anchor: 'top', offset: 0};
const STEP_BOTTOM: StepScroll = {anchor: 'bottom', offset: 0};

/** The first row shown, given the step text's length and the rows it has. */
export function stepOffset(scroll: StepScroll, total: number, height: number): number {
	const max = Math.max(0, total - height);
	const offset = scroll.anchor === 'top' ? scroll.offset : max - scroll.offset;
	return Math.max(0, Math.min(max, offset));
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
	/** Rows of the step text now (to keep its scrolling in range). */
	stepRows: number;
}

export type Action =
	| {type: 'key'; input: string; key: KeyInfo; env: Env}
	| {type: 'command'; command: Command; env: Env}
	| {type: 'insert'; text: string; env: Env}
	| {type: 'open'; lab: LabModel}
	| {type: 'answer'; choice: number; env: Env}
	| {type: 'select-container'; id: string}
	| {type: 'menu'}
	/** A problem from outside the lab (a failed save), shown in the terminal as it happens. */
	| {type: 'notice'; text: string}
	/** The running command's worker answered (runner.ts runInWorker), or failed. */
	| {type: 'finished'; done: Parameters<typeof finishCommand>[1]; env: Env}
	| {type: 'failed'; message: string};

export function initialUi(): UiState {
	return {
		focus: 'terminal',
		recent: ['terminal', 'step', 'layers', 'containers', 'volumes'],
		overlay: null,
		prompt: {text: '', cursor: 0, browsing: null, draft: ''},
		candidates: [],
		terminalScroll: 0,
		stepScroll: STEP_TOP,
		container: null,
		volumeCursor: 0,
		layerCursor: 0,
		tree: {},
		helpScroll: 0,
		pendingRun: false,
	};
}

export function initialState(lab: LabModel | null): AppState {
	const state: AppState = {screen: lab ? 'lab' : 'picker', lab, ui: initialUi(), quitting: false};
	return lab ? enterStep(state) : state;
}

/** The key scopes active now, most specific first (keys.ts resolves keys in this order). */
export function activeScopes(state: AppState): Scope[] {
	if (state.screen === 'picker') return ['picker', 'global'];
	const {ui, lab} = state;
	if (ui.overlay?.kind === 'help') return ['help', 'global'];
	if (ui.overlay?.kind === 'confirm') return ['confirm', 'global'];
	if (ui.focus === 'terminal') return ['prompt', 'global'];
	const scopes: Scope[] = [];
	if (ui.focus === 'step' && lab && awaitingPrediction(lab)) scopes.push('predict');
	if (ui.focus === 'layers') scopes.push('layers');
	if (ui.focus === 'step') scopes.push('step');
	scopes.push('panes', 'global');
	return scopes;
}

function focus(state: AppState, pane: PaneId): AppState {
	const recent = [pane, ...state.ui.recent.filter(other => other !== pane)];
	return {...state, ui: {...state.ui, focus: pane, recent, candidates: []}};
}

/** On entering a step: its prediction (if any) takes the focus, its question in view. */
function enterStep(state: AppState): AppState {
	const predicting = Boolean(state.lab && awaitingPrediction(state.lab));
	const next = {...state, ui: {...state.ui, stepScroll: predicting ? STEP_BOTTOM : STEP_TOP}};
	return predicting ? focus(next, 'step') : next;
}

/** Shows the end of the step text, where something new just appeared. */
function stepToBottom(state: AppState): AppState {
	return {...state, ui: {...state.ui, stepScroll: STEP_BOTTOM}};
}

function withLab(state: AppState, lab: LabModel): AppState {
	return {...state, lab};
}

/** After the world moved: follow a new container, keep selections in range. */
function afterWorldChange(state: AppState, before: LabModel): AppState {
	const lab = state.lab!;
	let ui = {...state.ui, terminalScroll: 0, ...(lab.celebrate && !before.celebrate ? {stepScroll: STEP_BOTTOM} : {})};
	if (lab.changes.containersAdded.size > 0 && lab.changes !== before.changes) {
		const items = containerItems(lab.world.containers, lab.changes);
		const newest = items.find(item => item.kind === 'container' && lab.changes.containersAdded.has(item.container.id));
		if (newest) ui = {...ui, container: itemId(newest), layerCursor: 0};
	}
	return {...state, ui};
}

function setPrompt(state: AppState, text: string, cursor: number, extra: Partial<PromptState> = {}): AppState {
	return {...state, ui: {...state.ui, prompt: {...state.ui.prompt, text, cursor: Math.max(0, Math.min(cursor, [...text].length)), ...extra}, candidates: []}};
}

function promptCommand(state: AppState, command: Command, env: Env): AppState | undefined {
	const {prompt} = state.ui;
	const chars = [...prompt.text];
	const lab = state.lab;
	switch (command) {
		case 'run': {
			if (!lab || lab.running) return state;
			if (!loadedRunner()) return {...state, ui: {...state.ui, pendingRun: true}};
			const line = prompt.text;
			const next = runCommand(lab, line, {evaluate: env.evaluate, columns: env.columns});
			let moved = withLab(state, next);
			moved = setPrompt(moved, '', 0, {browsing: null, draft: ''});
			moved = {...moved, ui: {...moved.ui, pendingRun: false}};
			moved = afterWorldChange(moved, lab);
			// A prediction still open: the Step pane takes the focus so the learner sees the question.
			if (line.trim() !== '' && awaitingPrediction(next)) moved = focus(moved, 'step');
			return moved;
		}
		case 'history-prev': {
			if (!lab || lab.typed.length === 0) return state;
			const index = prompt.browsing === null ? lab.typed.length - 1 : Math.max(0, prompt.browsing - 1);
			const text = lab.typed[index]!;
			return setPrompt(state, text, [...text].length, {browsing: index, draft: prompt.browsing === null ? prompt.text : prompt.draft});
		}
		case 'history-next': {
			if (!lab || prompt.browsing === null) return state;
			const index = prompt.browsing + 1;
			if (index >= lab.typed.length) return setPrompt(state, prompt.draft, [...prompt.draft].length, {browsing: null, draft: ''});
			const text = lab.typed[index]!;
			return setPrompt(state, text, [...text].length, {browsing: index});
		}
		case 'complete': {
			if (!lab) return state;
			const before = chars.slice(0, prompt.cursor).join('');
			const result = complete(lab.world, prompt.text, before.length);
			const cursor = [...result.line.slice(0, result.cursor)].length;
			const next = setPrompt(state, result.line, cursor);
			return {...next, ui: {...next.ui, candidates: result.candidates}};
		}
		case 'to-panes':
			return focus(state, state.ui.recent.find(pane => pane !== 'terminal') ?? 'step');
		case 'cursor-left':
			return setPrompt(state, prompt.text, prompt.cursor - 1);
		case 'cursor-right':
			return setPrompt(state, prompt.text, prompt.cursor + 1);
		case 'line-start':
			return setPrompt(state, prompt.text, 0);
		case 'line-end':
			return setPrompt(state, prompt.text, chars.length);
		case 'delete-back':
			if (prompt.cursor === 0) return state;
			return setPrompt(state, [...chars.slice(0, prompt.cursor - 1), ...chars.slice(prompt.cursor)].join(''), prompt.cursor - 1);
		case 'delete-forward':
			return setPrompt(state, [...chars.slice(0, prompt.cursor), ...chars.slice(prompt.cursor + 1)].join(''), prompt.cursor);
		case 'delete-word': {
			let start = prompt.cursor;
			while (start > 0 && chars[start - 1] === ' ') start--;
			while (start > 0 && chars[start - 1] !== ' ') start--;
			return setPrompt(state, [...chars.slice(0, start), ...chars.slice(prompt.cursor)].join(''), start);
		}
		case 'kill-line':
			return setPrompt(state, chars.slice(prompt.cursor).join(''), 0);
		case 'kill-end':
			return setPrompt(state, chars.slice(0, prompt.cursor).join(''), prompt.cursor);
		default:
			return undefined;
	}
}

function moveCursor(state: AppState, delta: number | 'top' | 'bottom', env: Env): AppState {
	const {ui, lab} = state;
	if (!lab) return state;
	const clamp = (value: number, length: number) => Math.max(0, Math.min(value, length - 1));
	const target = (current: number, length: number) => (delta === 'top' ? 0 : delta === 'bottom' ? length - 1 : clamp(current + delta, length));
	switch (ui.focus) {
		case 'containers': {
			const items = containerItems(lab.world.containers, lab.changes);
			if (items.length === 0) return state;
			const index = target(Math.max(0, selectedIndex(items, ui.container)), items.length);
			return {...state, ui: {...ui, container: itemId(items[index]!), layerCursor: 0}};
		}
		case 'volumes': {
			const lines = volumeLines(lab.world.volumes, lab.world.containers, lab.changes);
			if (lines.length === 0) return state;
			return {...state, ui: {...ui, volumeCursor: target(ui.volumeCursor, lines.length)}};
		}
		case 'layers': {
			const items = layerItems(lab.world, effectiveContainer(state), ui.tree[effectiveContainer(state) ?? ''] ?? {}, lab.changes);
			return {...state, ui: {...ui, layerCursor: target(ui.layerCursor, items.length)}};
		}
		case 'step': {
			if (delta === 'top') return {...state, ui: {...ui, stepScroll: STEP_TOP}};
			if (delta === 'bottom') return {...state, ui: {...ui, stepScroll: STEP_BOTTOM}};
			const height = env.page.step;
			const top = stepOffset(ui.stepScroll, env.stepRows, height) + delta;
			return {...state, ui: {...ui, stepScroll: {anchor: 'top', offset: Math.max(0, Math.min(top, env.stepRows - height))}}};
		}
		case 'terminal': {
			const scroll = delta === 'top' ? Number.MAX_SAFE_INTEGER : delta === 'bottom' ? 0 : Math.max(0, ui.terminalScroll - delta);
			return {...state, ui: {...ui, terminalScroll: scroll}};
		}
	}
	return state;
}

/** The container the Layers pane shows: the chosen one, or the newest. */
export function effectiveContainer(state: AppState): string | null {
	const lab = state.lab;
	if (!lab) return null;
	const items = containerItems(lab.world.containers, lab.changes);
	const index = selectedIndex(items, state.ui.container);
	if (index >= 0) return itemId(items[index]!);
	const first = items[0];
	return first ? itemId(first) : null;
}

function toggleFolder(state: AppState, mode: 'toggle' | 'open' | 'close'): AppState {
	const lab = state.lab;
	const id = effectiveContainer(state);
	if (!lab || !id) return state;
	const overrides = state.ui.tree[id] ?? {};
	const items = layerItems(lab.world, id, overrides, lab.changes);
	const folder = folderAt(items, state.ui.layerCursor);
	if (!folder) {
		if (mode === 'close') {
			const parent = parentIndex(items, state.ui.layerCursor);
			if (parent !== undefined) return {...state, ui: {...state.ui, layerCursor: parent}};
		}
		return state;
	}
	const open = mode === 'toggle' ? !folder.open : mode === 'open';
	if (open === folder.open) {
		if (mode === 'close') {
			const parent = parentIndex(items, state.ui.layerCursor);
			if (parent !== undefined) return {...state, ui: {...state.ui, layerCursor: parent}};
		}
		return state;
	}
	return {...state, ui: {...state.ui, tree: {...state.ui.tree, [id]: {...overrides, [folder.path]: open}}}};
}

function paneCommand(state: AppState, command: Command, env: Env): AppState {
	const lab = state.lab;
	const context = {evaluate: env.evaluate, columns: env.columns};
	const page = Math.max(1, env.page[state.ui.focus] - 1);
	switch (command) {
		case 'to-prompt':
		case 'focus-terminal':
			return focus(state, 'terminal');
		case 'next-pane':
		case 'prev-pane': {
			const index = PANE_ORDER.indexOf(state.ui.focus);
			const step = command === 'next-pane' ? 1 : PANE_ORDER.length - 1;
			return focus(state, PANE_ORDER[(index + step) % PANE_ORDER.length]!);
		}
		case 'focus-step':
			return focus(state, 'step');
		case 'focus-layers':
			return focus(state, 'layers');
		case 'focus-containers':
			return focus(state, 'containers');
		case 'focus-volumes':
			return focus(state, 'volumes');
		case 'up':
			return moveCursor(state, -1, env);
		case 'down':
			return moveCursor(state, 1, env);
		case 'top':
			return moveCursor(state, 'top', env);
		case 'bottom':
			return moveCursor(state, 'bottom', env);
		case 'toggle':
			return toggleFolder(state, 'toggle');
		case 'expand':
			return toggleFolder(state, 'open');
		case 'collapse':
			return toggleFolder(state, 'close');
		case 'files': {
			if (!lab) return state;
			const id = effectiveContainer(state);
			const items = layerItems(lab.world, id, state.ui.tree[id ?? ''] ?? {}, lab.changes);
			const index = filesIndex(items);
			return index < 0 ? state : {...state, ui: {...state.ui, layerCursor: Math.min(items.length - 1, index + 1)}};
		}
		case 'hint':
			return lab ? stepToBottom(withLab(focus(state, 'step'), revealHint(lab))) : state;
		case 'solution': {
			if (!lab) return state;
			const step = lab.scenario.steps[lab.step];
			if (!step || step.solution.length === 0) return state;
			if (lab.solutions.includes(step.id)) return focus(state, 'step');
			return {...state, ui: {...state.ui, overlay: {kind: 'confirm', action: 'solution', question: 'Show the solution for this step? Trying first teaches more.'}}};
		}
		case 'reset-step':
			return {...state, ui: {...state.ui, overlay: {kind: 'confirm', action: 'reset-step', question: 'Undo everything done in this step?'}}};
		case 'next-step':
		case 'prev-step': {
			if (!lab) return state;
			const moved = gotoStep(lab, lab.step + (command === 'next-step' ? 1 : -1), context);
			if (moved === lab) return state;
			return enterStep(withLab(state, moved));
		}
		case 'undo':
		case 'redo': {
			if (!lab) return state;
			const moved = command === 'undo' ? undo(lab, context) : redo(lab, context);
			return afterWorldChange(withLab(state, moved), lab);
		}
		case 'menu':
			return {...state, screen: 'picker'};
		case 'help':
			return {...state, ui: {...state.ui, overlay: {kind: 'help'}}};
		case 'scroll-up':
		case 'scroll-down': {
			const direction = command === 'scroll-up' ? -1 : 1;
			if (state.ui.focus === 'terminal') return {...state, ui: {...state.ui, terminalScroll: Math.max(0, state.ui.terminalScroll - direction * page)}};
			return moveCursor(state, direction * page, env);
		}
		default:
			return state;
	}
}

export function reduce(state: AppState, action: Action): AppState {
	switch (action.type) {
		case 'open':
			return enterStep({...state, screen: 'lab', lab: action.lab, ui: initialUi()});
		case 'menu':
			return {...state, screen: 'picker'};
		case 'finished':
			return state.lab?.running
				? afterWorldChange(withLab(state, finishCommand(state.lab, action.done, {evaluate: action.env.evaluate, columns: action.env.columns})), state.lab)
				: state;
		case 'failed':
			return state.lab?.running ? withLab(state, failCommand(state.lab, action.message)) : state;
		case 'notice':
			return state.lab ? {...state, lab: note(state.lab, action.text.replace(/^layerlab: /, ''), 'error')} : state;
		case 'select-container':
			return {...state, ui: {...state.ui, container: action.id, layerCursor: 0}};
		case 'answer': {
			if (!state.lab) return state;
			const lab = answerPrediction(state.lab, action.choice);
			return stepToBottom(focus({...state, lab}, 'step'));
		}
		case 'insert': {
			if (state.ui.focus !== 'terminal' || state.ui.overlay) return state;
			const lines = action.text.replace(/\r\n?/g, '\n').split('\n');
			let next = state;
			lines.forEach((part, index) => {
				const {prompt} = next.ui;
				const chars = [...prompt.text];
				const text = [...chars.slice(0, prompt.cursor), ...part.replace(/\t/g, ' '), ...chars.slice(prompt.cursor)].join('');
				next = setPrompt(next, text, prompt.cursor + [...part.replace(/\t/g, ' ')].length, {browsing: null});
				if (index < lines.length - 1) next = promptCommand(next, 'run', action.env) ?? next;
			});
			return next;
		}
		case 'command':
			return command(state, action.command, action.env);
		case 'key': {
			// Resolved here, against the state this key arrives in (several keys may be queued).
			const scopes = activeScopes(state);
			const binding = commandFor(scopes, action.input, action.key);
			if (binding) return binding.delegated ? state : command(state, binding.command, action.env);
			if (scopes.includes('prompt') && action.input !== '' && !action.key.ctrl && !action.key.meta) return reduce(state, {type: 'insert', text: action.input, env: action.env});
			return state;
		}
	}
}

/** What would move the world or the step under a command running in the worker: it waits for it (or Ctrl+C). */
const WAIT_WHILE_RUNNING = new Set<Command>(['undo', 'redo', 'next-step', 'prev-step', 'reset-step', 'yes']);

function command(state: AppState, name: Command, env: Env): AppState {
	const context = {evaluate: env.evaluate, columns: env.columns};
	if (state.lab?.running && WAIT_WHILE_RUNNING.has(name)) return state;
	switch (name) {
		case 'quit':
			// Ctrl+C while a command runs interrupts it, as in bash; with nothing running it quits.
			if (state.lab?.running) return withLab(state, interruptCommand(state.lab));
			return {...state, quitting: true};
		case 'close':
			return {...state, ui: {...state.ui, overlay: null, helpScroll: 0}};
		case 'yes': {
			const overlay = state.ui.overlay;
			if (overlay?.kind !== 'confirm' || !state.lab) return {...state, ui: {...state.ui, overlay: null}};
			const closed = {...state, ui: {...state.ui, overlay: null}};
			if (overlay.action === 'solution') return stepToBottom(focus(withLab(closed, showSolution(state.lab)), 'step'));
			return afterWorldChange(withLab(closed, resetStep(state.lab, context)), state.lab);
		}
		case 'no':
			return {...state, ui: {...state.ui, overlay: null}};
		case 'clear':
			return state.lab ? {...withLab(state, clearTerminal(state.lab)), ui: {...state.ui, terminalScroll: 0}} : state;
		case 'undo':
		case 'redo':
			return paneCommand(state, name, env);
		case 'scroll-up':
		case 'scroll-down':
		case 'up':
		case 'down':
			if (state.ui.overlay?.kind === 'help') {
				const delta = name === 'up' ? -1 : name === 'down' ? 1 : name === 'scroll-up' ? -10 : 10;
				return {...state, ui: {...state.ui, helpScroll: Math.max(0, state.ui.helpScroll + delta)}};
			}
			if (name === 'scroll-up' || name === 'scroll-down') return paneCommand(state, name, env);
			break;
	}
	if (state.ui.focus === 'terminal') {
		const handled = promptCommand(state, name, env);
		if (handled) return handled;
	}
	return paneCommand(state, name, env);
}

/** Checks that the Action type stays exhaustive in `reduce`. */
export type {Scope};
