/**
 * The app's state and its one reducer: which screen, the lab model (lab/model/lab.ts) and the view state
 * that is not the world's business — focus, prompt line, scroll positions, selections, open
 * folders, overlays. Key commands from keys.ts arrive here as actions; nothing in this file does I/O.
 */
import {commandFor, KEY_TABLE, type Command, type KeyInfo, type Scope} from './keys.js';
import {initialSlices, PANE_ORDER, paneDef} from './panes/registry.js';
import type {AppState, Env, PaneId, PromptState, UiState} from './app-state.js';
import {slice, withSlice, type Move} from './panes/types.js';
import {STEP_BOTTOM, STEP_TOP} from './panes/step/index.js';
import {containerItems, itemId} from './panes/containers/rows.js';
import {effectiveContainer, selectContainer} from './panes/containers/index.js';
import {
	answerPrediction,
	awaitingPrediction,
	cancelLine,
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
	type LabModel,
} from '../lab/model/lab.js';
import {complete} from './completion.js';
import {loadedRunner} from '../lab/model/runner.js';
import {touchedContainer} from '../lab/model/touched.js';
import {DETACH_KEYS, keyLine} from '../host/screen.js';

export {effectiveContainer};
export type {AppState, Env, Overlay, UiState} from './app-state.js';

export type Action =
	| {type: 'key'; input: string; key: KeyInfo; env: Env}
	| {type: 'command'; command: Command; env: Env}
	| {type: 'insert'; text: string; env: Env}
	| {type: 'open'; lab: LabModel}
	| {type: 'answer'; choice: number}
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
		panes: initialSlices(),
		helpScroll: 0,
		pendingRun: false,
	};
}

export function initialState(lab: LabModel | null): AppState {
	const state: AppState = {screen: lab ? 'lab' : 'picker', lab, ui: initialUi(), quitting: false};
	return lab ? enterStep(state) : state;
}

/** Each list of scopes once, so a key that keeps the scopes gives the help bar the same list (it is memoised on it). */
const SCOPES = new Map<string, readonly Scope[]>();
function scopes(...list: Scope[]): readonly Scope[] {
	const key = list.join(' ');
	let known = SCOPES.get(key);
	if (!known) SCOPES.set(key, (known = list));
	return known;
}

/** The key scopes active now, most specific first (keys.ts resolves keys in this order). */
export function activeScopes(state: AppState): readonly Scope[] {
	if (state.screen === 'picker') return scopes('picker', 'global');
	const {ui, lab} = state;
	if (ui.overlay?.kind === 'help') return scopes('help', 'global');
	if (ui.overlay?.kind === 'confirm') return scopes('confirm', 'global');
	if (ui.focus === 'terminal') return scopes('prompt', 'global');
	if (ui.focus === 'step' && lab && awaitingPrediction(lab)) return scopes('predict', ui.focus, 'panes', 'global');
	return scopes(ui.focus, 'panes', 'global');
}

function focus(state: AppState, pane: PaneId): AppState {
	const recent = [pane, ...state.ui.recent.filter(other => other !== pane)];
	return {...state, ui: {...state.ui, focus: pane, recent, candidates: []}};
}

/**
 * Back to the prompt, the step (or the pane last looked at) staying the one shown: after a one-shot
 * pane key (n, p, h, u, r, a confirmed s or x) the next keys typed are a command, never more shortcuts.
 */
function toPrompt(state: AppState): AppState {
	if (state.ui.focus === 'terminal') return state;
	const shown = state.ui.focus;
	const next = focus(state, 'terminal');
	return {...next, ui: {...next.ui, recent: ['terminal', shown, ...next.ui.recent.filter(pane => pane !== 'terminal' && pane !== shown)]}};
}

/** On entering a step: its prediction (if any) takes the focus, its question in view. */
function enterStep(state: AppState): AppState {
	const predicting = Boolean(state.lab && awaitingPrediction(state.lab));
	const next = withSlice(state, 'step', {scroll: predicting ? STEP_BOTTOM : STEP_TOP, choice: 0});
	return predicting ? focus(next, 'step') : next;
}

/** Shows the end of the step text, where something new just appeared. */
function stepToBottom(state: AppState): AppState {
	return withSlice(state, 'step', {scroll: STEP_BOTTOM});
}

function withLab(state: AppState, lab: LabModel): AppState {
	return {...state, lab};
}

/** After the world moved: follow a new container, keep selections in range. */
function afterWorldChange(state: AppState, before: LabModel): AppState {
	const lab = state.lab!;
	let next = withSlice(state, 'terminal', {scroll: 0});
	if (lab.celebrate && !before.celebrate) next = stepToBottom(next);
	if (lab.changes === before.changes) return next;
	if (lab.changes.containersAdded.size > 0) {
		const items = containerItems(lab.world.containers, lab.changes);
		const newest = items.find(item => item.kind === 'container' && lab.changes.containersAdded.has(item.container.id));
		if (newest) return selectContainer(next, itemId(newest));
	}
	// Otherwise the container the line ran in or named (docker exec f1 …, docker container cp … f1:…).
	const entry = lab.position > before.position ? lab.history[lab.position - 1] : undefined;
	const touched = entry ? touchedContainer(lab.world, entry.line, lab.changes) : undefined;
	if (touched && touched !== effectiveContainer(next)) next = selectContainer(next, touched);
	return next;
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
			// Ctrl+D on an empty line in a container's shell leaves it, as in a terminal.
			if (prompt.text === '' && lab?.world.host.session) return promptCommand(setPrompt(state, 'exit', 4), 'run', env);
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

function moveCursor(state: AppState, delta: Move, env: Env): AppState {
	const move = paneDef(state.ui.focus).move;
	return state.lab && move ? move(state, delta, env) : state;
}

function paneCommand(state: AppState, command: Command, env: Env): AppState {
	const lab = state.lab;
	const context = {evaluate: env.evaluate, columns: env.columns};
	const page = Math.max(1, env.page[state.ui.focus] - 1);
	switch (command) {
		case 'to-prompt':
			return focus(state, 'terminal');
		case 'next-pane':
		case 'prev-pane': {
			const index = PANE_ORDER.indexOf(state.ui.focus);
			const step = command === 'next-pane' ? 1 : PANE_ORDER.length - 1;
			return focus(state, PANE_ORDER[(index + step) % PANE_ORDER.length]!);
		}
		case 'up':
			return moveCursor(state, -1, env);
		case 'down':
			return moveCursor(state, 1, env);
		case 'top':
			return moveCursor(state, 'top', env);
		case 'bottom':
			return moveCursor(state, 'bottom', env);
		case 'hint':
			return lab ? toPrompt(stepToBottom(withLab(state, revealHint(lab)))) : state;
		case 'solution': {
			if (!lab) return state;
			const step = lab.scenario.steps[lab.step];
			if (!step || step.solution.length === 0) return state;
			if (lab.solutions.includes(step.id)) return toPrompt(stepToBottom(state));
			return {...state, ui: {...state.ui, overlay: {kind: 'confirm', action: 'solution', question: 'confirm.solution'}}};
		}
		case 'reset-step':
			return {...state, ui: {...state.ui, overlay: {kind: 'confirm', action: 'reset-step', question: 'confirm.reset'}}};
		case 'next-step':
		case 'prev-step': {
			if (!lab) return state;
			const moved = gotoStep(lab, lab.step + (command === 'next-step' ? 1 : -1), context);
			if (moved === lab) return toPrompt(state);
			const entered = enterStep(withLab(state, moved));
			return awaitingPrediction(moved) ? entered : toPrompt(entered);
		}
		case 'undo':
		case 'redo': {
			if (!lab) return state;
			const moved = command === 'undo' ? undo(lab, context) : redo(lab, context);
			return toPrompt(afterWorldChange(withLab(state, moved), lab));
		}
		case 'menu':
			return {...state, screen: 'picker'};
		case 'help':
			return {...state, ui: {...state.ui, overlay: {kind: 'help'}}};
		case 'scroll-up':
		case 'scroll-down':
			return moveCursor(state, (command === 'scroll-up' ? -1 : 1) * page, env);
		default: {
			if (command.startsWith('focus-')) return focus(state, command.slice('focus-'.length) as PaneId);
			const [pane, name] = command.split(':') as [PaneId, string | undefined];
			const run = name === undefined ? undefined : paneDef(pane).command;
			return run && state.ui.focus === pane ? run(state, name!, env) : state;
		}
	}
}

export function reduce(state: AppState, action: Action): AppState {
	return (action.type === 'key' && typedAtPrompt(state, action)) || reduceAny(state, action);
}

/**
 * Whether no key the prompt and the lab answer to anywhere is a character: then a character typed at
 * the prompt is always typed into the line (and `typedAtPrompt` may take it without the key table).
 */
const PROMPT_TAKES_CHARACTERS = !KEY_TABLE.some(
	binding => (binding.scope === 'prompt' || binding.scope === 'global') && binding.keys.some(name => [...name].length === 1 || name === 'space' || name === '1-9'),
);

/**
 * The commonest action by far, a character typed at the prompt, taken without resolving it against
 * the key table: what the general path (`reduceAny`) does with it, for less code run per keystroke.
 * Undefined for anything else, and for what the general path treats apart (a control character, a
 * named key or a modifier but Shift, Docker's detach keys under way).
 */
export function typedAtPrompt(state: AppState, action: Extract<Action, {type: 'key'}>): AppState | undefined {
	const {input, key} = action;
	const {ui} = state;
	if (!PROMPT_TAKES_CHARACTERS || state.screen !== 'lab' || ui.focus !== 'terminal' || ui.overlay || ui.prompt.detaching !== undefined || input.length !== 1) return undefined;
	const code = input.charCodeAt(0);
	if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff)) return undefined;
	if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end) return undefined;
	if (key.return || key.escape || key.ctrl || key.tab || key.backspace || key.delete || key.meta) return undefined;
	const {text, cursor} = ui.prompt;
	const chars = [...text];
	const typed = cursor >= chars.length ? text + input : chars.slice(0, cursor).join('') + input + chars.slice(cursor).join('');
	return setPrompt(state, typed, cursor + 1, {browsing: null});
}

/** The reducer's general path (every action). */
export function reduceAny(state: AppState, action: Action): AppState {
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
			return state.lab ? {...state, lab: note(state.lab, 'note.text', 'error', {text: action.text.replace(/^layerlab: /, '')})} : state;
		case 'select-container':
			return selectContainer(state, action.id);
		case 'answer': {
			if (!state.lab) return state;
			const count = state.lab.scenario.steps[state.lab.step]?.predict?.choices.length ?? 0;
			if (action.choice < 0 || action.choice >= count) return state;
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
			// A control key in the same read as text (`echo half` then Ctrl+C, typed fast) is that key, not a character.
			if ([...action.input].length > 1 && !action.key.ctrl && !action.key.meta && CONTROL_KEY.test(action.input)) {
				return action.input
					.split(CONTROL_KEYS)
					.filter(part => part !== '')
					.reduce((next, part) => reduce(next, {...action, ...controlKey(part, action.key)}), state);
			}
			const held = scopes.includes('prompt') ? sessionKey(state, action.input, action.key, action.env) : undefined;
			if (held) return held;
			// Keys typed faster than one read (a shortcut and the command after it) are taken one at a time.
			if (!scopes.includes('prompt') && [...action.input].length > 1 && !action.key.ctrl) {
				return [...action.input].reduce((next, input) => reduce(next, {...action, input, key: {...action.key, meta: false}}), state);
			}
			const binding = commandFor(scopes, action.input, action.key);
			if (binding) {
				if (binding.delegated) return state;
				if (binding.command === 'choice-pick') return withSlice(state, 'step', {choice: Number(action.input) - 1});
				return command(state, binding.command, action.env);
			}
			const printable = action.input !== '' && !action.key.ctrl && !action.key.meta && !action.key.escape && !/[\u0000-\u001f\u007f]/.test(action.input);
			if (scopes.includes('prompt') && action.input !== '' && !action.key.ctrl && !action.key.meta) return reduce(state, {type: 'insert', text: action.input, env: action.env});
			// A letter with no key of its own in the panes: the learner is typing a command.
			if (scopes.includes('panes') && printable) return reduce(toPrompt(state), {type: 'insert', text: action.input, env: action.env});
			return state;
		}
	}
}

/** The control keys the key table binds (Ctrl+A C D E K L U W Y Z) and Backspace (BS, DEL), as one byte; other control bytes stay typed characters (shown as placeholders). */
const CONTROL_KEY = /[\u0001\u0003-\u0005\u0008\u000b\u000c\u0010\u0011\u0015\u0017\u0019\u001a\u007f]/;
const CONTROL_KEYS = new RegExp(`(${CONTROL_KEY.source})`);

/** One part of a read split at its control keys: text as it is, a control byte as the key Ink names for it alone. */
function controlKey(part: string, key: KeyInfo): {input: string; key: KeyInfo} {
	if (!CONTROL_KEY.test(part) || part.length !== 1) return {input: part, key};
	if (part === '\u007f') return {input: '', key: {...key, delete: true}};
	if (part === '\u0008') return {input: '', key: {...key, backspace: true}};
	return {input: String.fromCharCode(part.charCodeAt(0) + 96), key: {...key, ctrl: true}};
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
			if (overlay.action === 'solution') return toPrompt(stepToBottom(focus(withLab(closed, showSolution(state.lab)), 'step')));
			return toPrompt(afterWorldChange(withLab(closed, resetStep(state.lab, context)), state.lab));
		}
		case 'no':
			return {...state, ui: {...state.ui, overlay: null}};
		case 'cancel-line': {
			// Ctrl+C while a command runs interrupts it (the prompt keeps what is typed ahead).
			if (state.lab?.running) return withLab(state, interruptCommand(state.lab));
			if (!state.lab || state.ui.prompt.text === '') return {...state, quitting: true};
			return setPrompt(withLab(state, cancelLine(state.lab, state.ui.prompt.text)), '', 0, {browsing: null, draft: ''});
		}
		case 'choice-up':
		case 'choice-down': {
			const count = state.lab?.scenario.steps[state.lab.step]?.predict?.choices.length ?? 0;
			const choice = slice(state, 'step').choice + (name === 'choice-up' ? -1 : 1);
			return withSlice(state, 'step', {choice: Math.max(0, Math.min(count - 1, choice))});
		}
		case 'answer':
			return reduce(state, {type: 'answer', choice: slice(state, 'step').choice});
		case 'clear':
			return state.lab ? withSlice(withLab(state, clearTerminal(state.lab)), 'terminal', {scroll: 0}) : state;
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

/**
 * A key for the docker command that holds the terminal (host/run-line.ts reads it as a key line):
 * Ctrl+C while nothing reads the learner's lines, and Docker's detach keys (Ctrl+P Ctrl+Q unless
 * `--detach-keys` named others) in a container's shell. Undefined: the key is the prompt's.
 */
function sessionKey(state: AppState, input: string, key: KeyInfo, env: Env): AppState | undefined {
	const session = state.lab?.world.host.session;
	const {prompt} = state.ui;
	if (!session) return prompt.detaching ? setPrompt(state, prompt.text, prompt.cursor, {detaching: undefined}) : undefined;
	const name = key.ctrl && /^[a-z]$/i.test(input) ? `ctrl-${input.toLowerCase()}` : '';
	if (name === 'ctrl-c' && (session.deaf || session.program)) return runKeys(state, '<C-c>', env);
	if (session.deaf || session.program || !name) return undefined;
	const detach = (session.detachKeys ?? DETACH_KEYS).split(',').map(part => part.trim());
	const sofar = prompt.detaching ? [...prompt.detaching.split(','), name] : [name];
	if (detach.slice(0, sofar.length).join() !== sofar.join()) return prompt.detaching ? setPrompt(state, prompt.text, prompt.cursor, {detaching: undefined}) : undefined;
	if (sofar.length < detach.length) return setPrompt(state, prompt.text, prompt.cursor, {detaching: sofar.join()});
	return runKeys(setPrompt(state, prompt.text, prompt.cursor, {detaching: undefined}), keyLine(sofar.join()), env);
}

/** Runs a key line as the prompt's line, keeping what was typed on the prompt. */
function runKeys(state: AppState, keys: string, env: Env): AppState {
	const {text, cursor} = state.ui.prompt;
	const ran = promptCommand(setPrompt(state, keys, [...keys].length), 'run', env) ?? state;
	return setPrompt(ran, text, cursor);
}
