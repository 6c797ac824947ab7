/**
 * The composition root: terminal size → layout (pure), keys → key table → reducer (pure), state →
 * panes (pure row builders). Side effects live here and only here: saving progress as the learner
 * goes, opening a scenario, running the typed line ahead of its Enter, and the single exit path.
 */
import React, {useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import {localize, type Scenario} from '../scenario/types.js';
import type {LabApi} from '../lab/api.js';
import {NO_KEY, type KeyInfo} from './keys.js';
import {computeLayout, paneInner, type Layout, type LayoutNode, type Wants} from './layout.js';
import {activeScopes, effectiveContainer, initialState, reduce, type Action, type AppState, type Env} from './state.js';
import {PANE_ORDER, paneDef, type PaneId} from './panes/registry.js';
import {prepareContent, type PrepareEnv} from './panes/types.js';
import {memoSlots} from './panes/common.js';
import {makeTheme, type Theme} from './theme.js';
import {useTerminalSize, type Size} from './hooks/use-terminal-size.js';
import {placedPane, type TitlePart} from './components/Pane.js';
import {box, boxStyle, styledBox, type NodeStyle} from './components/host.js';
import {helpBar, titleBar} from './components/Bars.js';
import {HelpScreen} from './components/HelpScreen.js';
import {Picker} from './components/Picker.js';
import {runAhead, speculate, tookAhead, type LabModel} from '../lab/model/lab.js';
import {Interrupted, loadedRunner, loadRunner, runInWorker, type BackgroundRun} from '../lab/model/runner.js';
import {seg, type Segment} from './rows.js';
import {PromptLineContext} from './prompt-line.js';
import {Store} from './store.js';
import {safeText} from '../text/safe.js';
import {t, tOr} from '../lab/messages.js';
import {MIN_COLUMNS, MIN_ROWS} from './layout.js';

/** A pause at the prompt this long (no key) runs the typed line ahead of its Enter. */
const AHEAD_MS = 50;

/** Enter as Ink's useInput reports it: the input `\r`, `return` and no other key or modifier. */
const ENTER: KeyInfo = {...NO_KEY, return: true};

function isEnter(action: Action): boolean {
	return action.type === 'key' && action.input === '\r' && (Object.keys(ENTER) as Array<keyof KeyInfo>).every(name => action.key[name] === ENTER[name]);
}

/** The state an Enter leads to, worked out while the learner paused: taken when the Enter comes from that very state. */
interface Speculated {
	from: AppState;
	env: Env;
	next: AppState;
	counted: boolean;
}

export interface AppProps {
	api: LabApi;
	lang: string;
	color: boolean;
	/** A lab opened before the first frame (`layerlab play ID`). */
	initial?: LabModel;
	/** Fixed size (tests); otherwise the terminal's, following resizes. */
	size?: Size;
}

/** "2 Terminal", per pane and language (a title is drawn again on every command). */
const titleBases = new Map<string, string>();

function paneTitle(id: PaneId, lab: LabModel | null, container: string | null, lang: string): string {
	const def = paneDef(id);
	let base = titleBases.get(`${id} ${lang}`);
	if (base === undefined) titleBases.set(`${id} ${lang}`, (base = `${def.digit} ${tOr(lang, `pane.${id}`, def.title)}`));
	const extra = lab && def.subtitle ? def.subtitle(lab, container) : '';
	return extra ? `${base} · ${extra}` : base;
}

function paneInfo(id: PaneId, state: AppState, lang: string): string {
	const info = paneDef(id).info;
	return state.lab && info ? info(state, state.lab, lang) : '';
}

export function App({api, lang, color, initial, size: override}: AppProps) {
	const size = useTerminalSize(override);
	const sizeRef = useRef(size);
	sizeRef.current = size;
	const theme = useMemo(() => makeTheme(color), [color]);
	const speculated = useRef<Speculated | null>(null);
	// The state lives in a store (store.ts): the App renders from the screen's snapshot, which a key
	// that only edits the prompt line leaves as it was; the Terminal pane's prompt row reads the line.
	// The reducer, but an Enter from the state a pause worked it out for is that state (and its panes'
	// derivations are already memoised: prepareViews). The reducer is pure, so it is the same result.
	const [store] = useState(
		() =>
			new Store<Action>(
				(current, action) => {
					const ready = speculated.current;
					if (!ready || ready.from !== current || !isEnter(action) || (action as Extract<Action, {type: 'key'}>).env !== ready.env) return reduce(current, action);
					if (!ready.counted) tookAhead();
					ready.counted = true;
					return ready.next;
				},
				initialState(initial ?? null),
			),
	);
	const state = useSyncExternalStore(store.subscribe, store.getScreen);
	const dispatch = store.dispatch;
	const {exit} = useApp();
	const lab = state.lab;
	// The layout and the page sizes follow the size, the panes' recent order and the lab, not the
	// prompt: a keystroke reuses them (and the pause before an Enter works them out: prepareScreen).
	const layout = layoutFor(size.columns, size.rows, state.ui.recent, lab, lang);
	const scenarios = useMemo(() => (state.screen === 'picker' ? api.scenarios() : []), [api, state.screen]);

	// Page sizes for PgUp/PgDn and the content rows of panes that scroll text (a pane hidden behind a tab is measured as if shown).
	const {page, content, key: pageKey, columns} = pageSizesFor(layout, size.columns, size.rows, lab, lang);
	// eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the sizes' values
	const env: Env = useMemo(() => ({evaluate: api.evaluate, columns, page, content}), [api, columns, pageKey]);

	// The key handler reads the latest sizes through a ref, so useInput subscribes once (Ink 6's useInput
	// re-subscribes whenever the handler's identity changes);
	// keys resolve against the state in the reducer.
	const envRef = useRef(env);
	envRef.current = env;
	// Too small to show the lab: nothing typed may run unseen; only Ctrl+C (leave) works.
	const tooSmall = useRef(false);
	tooSmall.current = layout.kind === 'too-small';

	const onKey = useCallback(
		(input: string, key: KeyInfo) => {
			const env = envRef.current;
			if (tooSmall.current) {
				if (key.ctrl && input === 'c') dispatch({type: 'command', command: 'quit', env});
				return;
			}
			// Esc and the next key in one read arrive as Alt+key; no binding uses Alt, so take them as the two keys.
			// (Typed fast, the keys after it can arrive in the same read: the reducer takes them one by one.)
			if (key.meta && !key.escape && !key.ctrl && input.length >= 1 && !input.startsWith('[') && !input.startsWith('O')) {
				dispatch({type: 'key', input: '', key: {...key, meta: true, escape: true}, env});
				dispatch({type: 'key', input, key: {...key, meta: false}, env});
				return;
			}
			dispatch({type: 'key', input, key, env});
		},
		[dispatch],
	);

	// Progress is saved as the learner goes (and when leaving for the list).
	// (A lab just opened has nothing new to save.)
	const saved = useRef<{lab: LabModel | null; revision: number}>({lab: initial ?? null, revision: initial?.revision ?? -1});
	useEffect(() => {
		const lab = state.lab;
		if (!lab) return;
		if (saved.current.lab?.scenario === lab.scenario && saved.current.revision === lab.revision) return;
		saved.current = {lab, revision: lab.revision};
		api.save(lab);
	}, [api, state.lab]);

	// A command that outgrew its first step budget runs in a worker (model/runner.ts); the screen stays
	// live, and when Ctrl+C takes `running` away the worker is terminated.
	const background = useRef<BackgroundRun | null>(null);
	const running = state.lab?.running;
	useEffect(() => {
		if (running && !background.current && state.lab) {
			const run = runInWorker(state.lab.world, running.line, {columns: Math.max(20, envRef.current.columns), tty: true});
			background.current = run;
			run.done.then(
				done => {
					if (background.current !== run) return;
					background.current = null;
					dispatch({type: 'finished', done, env: envRef.current});
				},
				(error: unknown) => {
					if (background.current !== run) return;
					background.current = null;
					if (!(error instanceof Interrupted)) dispatch({type: 'failed', message: error instanceof Error ? error.message : String(error)});
				},
			);
		} else if (!running && background.current) {
			background.current.interrupt();
			background.current = null;
		}
	}, [running, state.lab, dispatch]);
	useEffect(() => () => background.current?.interrupt(), []);

	// A save that fails is shown when it happens, not only after quitting.
	useEffect(() => api.onSaveProblem?.(text => dispatch({type: 'notice', text})), [api, dispatch]);

	useEffect(() => {
		if (state.quitting) exit();
	}, [state.quitting, exit]);

	// The shell and the docker CLI load once the first frame is out (lab/model/runner.ts); a command
	// entered before that runs as soon as they are there.
	const [ready, setReady] = useState(() => loadedRunner() !== undefined);
	useEffect(() => {
		if (ready) return;
		let live = true;
		void loadRunner().then(() => {
			if (live) setReady(true);
		});
		return () => {
			live = false;
		};
	}, [ready]);
	useEffect(() => {
		if (ready && state.ui.pendingRun) dispatch({type: 'command', command: 'run', env: envRef.current});
	}, [ready, state.ui.pendingRun, dispatch]);

	// While the learner pauses at the prompt, the line typed so far runs ahead of its Enter (lab.ts
	// runAhead), the reducer works out the state the Enter leads to, and the panes' derivations for
	// that state are computed: the Enter then only draws. A key within AHEAD_MS cancels the timer.
	// (The store's listener sees every key, also those the App is not rendered for.)
	useEffect(() => {
		if (!ready) return;
		let timer: ReturnType<typeof setTimeout> | undefined;
		let planned: {lab: LabModel | null; typed: string} | undefined;
		const plan = () => {
			const state = store.state;
			const typed = state.screen === 'lab' && state.ui.focus === 'terminal' && !state.ui.overlay ? state.ui.prompt.text : '';
			if (planned && planned.lab === state.lab && planned.typed === typed) return;
			planned = {lab: state.lab, typed};
			clearTimeout(timer);
			const lab = state.lab;
			if (!lab || typed.trim() === '') return;
			timer = setTimeout(() => {
				const env = envRef.current;
				if (!runAhead(lab, typed, {evaluate: env.evaluate, columns: env.columns})) return;
				const from = store.state;
				if (from.lab !== lab || from.ui.prompt.text !== typed || speculated.current?.from === from) return;
				const next = speculate(() => reduce(from, {type: 'key', input: '\r', key: ENTER, env}));
				speculated.current = {from, env, next, counted: false};
				prepareViews(next, {lang, columns: env.columns, theme});
				prepareScreen(next, sizeRef.current, lang, theme);
			}, AHEAD_MS);
		};
		plan();
		const unsubscribe = store.subscribe(plan);
		return () => {
			unsubscribe();
			clearTimeout(timer);
		};
	}, [ready, store, lang, theme]);

	const open = useCallback(
		(scenario: Scenario) => {
			void api.open(scenario, envRef.current.columns).then(lab => dispatch({type: 'open', lab}));
		},
		[api, dispatch],
	);

	// A command that leaves them keeps the title bar's segments (it is memoised on them).
	const title = titleSegments(lab, state.screen, lang);
	const right = historyText(lab, state.screen, lang);

	if (layout.kind === 'too-small') {
		return (
			<>
				<KeyInput onKey={onKey} />
				<Box width={size.columns} height={Math.max(1, size.rows - 1)} flexDirection="column" justifyContent="center" alignItems="center">
					<Text bold>{t(lang, 'small.title', {columns: MIN_COLUMNS, rows: MIN_ROWS})}</Text>
					<Text dimColor>{t(lang, 'small.hint', {columns: size.columns, rows: size.rows})}</Text>
				</Box>
			</>
		);
	}

	return (
		<>
			<KeyInput onKey={onKey} />
			<PromptLineContext.Provider value={store}>{screen(layout, state, {api, scenarios, open, title, right, lang, theme})}</PromptLineContext.Provider>
		</>
	);
}

/** Ink's key subscription, in a component of its own that the App's renders do not render again (its handler never changes). */
const KeyInput = React.memo(function KeyInput({onKey}: {onKey: (input: string, key: KeyInfo) => void}) {
	useInput(onKey);
	return null;
});

interface ScreenParts {
	api: LabApi;
	scenarios: Scenario[];
	open: (scenario: Scenario) => void;
	title: Segment[];
	right: string;
	lang: string;
	theme: Theme;
}

/**
 * The title bar, the body (help, scenario list or the panes' layout) and the help bar. Plain
 * functions rather than components down to the panes' contents: each part is the same element as
 * long as it shows the same (the bars, each pane: placedPane), which React passes over without a
 * component to run, so an Enter runs the components of what it changed and no others. Its state is
 * the store's screen snapshot, which a key that only edits the prompt leaves as it was (store.ts).
 */
function screen(layout: Exclude<Layout, {kind: 'too-small'}>, state: AppState, {api, scenarios, open, title, right, lang, theme}: ScreenParts): React.ReactNode {
	let body: React.ReactNode;
	if (state.ui.overlay?.kind === 'help') {
		body = <HelpScreen width={layout.columns} height={layout.bodyHeight} scroll={state.ui.helpScroll} theme={theme} lang={lang} />;
	} else if (state.screen === 'picker' || !state.lab) {
		body = <Picker api={api} scenarios={scenarios} lang={lang} width={layout.columns} height={layout.bodyHeight} theme={theme} active={state.screen === 'picker'} onOpen={open} />;
	} else {
		body = layoutPart(layout.body, state, state.lab, effectiveContainer(state), lang, theme);
	}
	return box(
		{flexDirection: 'column', width: layout.columns, height: layout.rows - 1},
		titleBar(title, right, layout.columns, theme),
		box({height: layout.bodyHeight, flexDirection: 'column'}, body),
		helpBar(activeScopes(state), state.ui.overlay, layout.columns, theme, lang),
	);
}

/** Fills the panes' memoised derivations for a state the screen is about to show (each pane's `prepare`, and its title's info). */
function prepareViews(state: AppState, env: PrepareEnv): void {
	if (!state.lab) return;
	for (const id of PANE_ORDER) {
		const def = paneDef(id);
		def.prepare?.(state, env);
		def.info?.(state, state.lab, env.lang);
	}
}

/** Works out the App's own derivations for a state the screen is about to show: the layout, the page sizes, the title bar's texts. */
function prepareScreen(state: AppState, size: Size, lang: string, theme: Theme): void {
	const layout = layoutFor(size.columns, size.rows, state.ui.recent, state.lab, lang);
	pageSizesFor(layout, size.columns, size.rows, state.lab, lang);
	const title = titleSegments(state.lab, state.screen, lang);
	const right = historyText(state.lab, state.screen, lang);
	// The frame's elements too, where a lab is on screen (the panes', the bars'): the Enter finds them made.
	if (layout.kind === 'too-small' || state.screen !== 'lab' || !state.lab || state.ui.overlay?.kind === 'help') return;
	layoutPart(layout.body, state, state.lab, effectiveContainer(state), lang, theme, true);
	titleBar(title, right, layout.columns, theme);
	helpBar(activeScopes(state), state.ui.overlay, layout.columns, theme, lang);
}

/** How many rows each pane would fill (its measure or its wants), for the layout to share the rows out. */
function wantsFor(lab: LabModel | null, lang: string): Wants {
	return (id, width) => {
		const def = paneDef(id);
		if (!lab) return undefined;
		if (def.measure) return def.measure(lab, lang, width, Number.MAX_SAFE_INTEGER).rows;
		return def.wants?.(lab);
	};
}

// The App's derivations, remembered for their last arguments here rather than in hooks, so that the
// pause before an Enter can work them out for the Enter's state (prepareScreen).
const layoutFor = memoSlots(2, (columns: number, rows: number, recent: readonly PaneId[], lab: LabModel | null, lang: string) =>
	computeLayout(columns, rows, recent, wantsFor(lab, lang)),
);
const pageSizesFor = memoSlots(2, (layout: Layout, columns: number, rows: number, lab: LabModel | null, lang: string) =>
	pageSizes(layout, {columns, rows}, lab, lang, wantsFor(lab, lang)),
);
/** The history position, right of the title. */
const historyText = memoSlots(2, (lab: LabModel | null, screen: AppState['screen'], lang: string) =>
	lab && screen === 'lab' ? t(lang, 'title.history', {position: lab.position, length: lab.history.length}) + ' ' : '',
);

function pageSizes(layout: Layout, size: Size, lab: LabModel | null, lang: string, wants: Wants) {
	const page = {} as Record<PaneId, number>;
	const content: Partial<Record<PaneId, number>> = {};
	for (const id of PANE_ORDER) {
		const inner = paneInner(layout, id) ?? paneInner(computeLayout(size.columns, size.rows, [id], wants), id) ?? {width: 78, height: 10};
		const measure = paneDef(id).measure;
		const measured = lab && measure ? measure(lab, lang, inner.width, inner.height) : undefined;
		page[id] = measured?.page ?? inner.height;
		if (measured) content[id] = measured.rows;
	}
	// The sizes as one value (the Env the reducer gets changes only with it), and the Terminal pane's width.
	const key = PANE_ORDER.map(id => `${page[id]}:${content[id] ?? ''}`).join(',');
	return {page, content, key, columns: paneInner(layout, 'terminal')?.width ?? 80};
}

const titleSegments = memoSlots(2, (lab: LabModel | null, screen: AppState['screen'], lang: string): Segment[] => {
	const base: Segment[] = [seg(' layerlab ', 'title', {inverse: true, bold: true})];
	if (!lab || screen === 'picker') return [...base, seg('  ' + t(lang, 'title.pick'), 'dim')];
	const step = lab.scenario.steps[lab.step];
	const done = step ? lab.completed.includes(step.id) : false;
	return [
		...base,
		seg(' ' + safeText(localize(lab.scenario.title, lang)), undefined, {bold: true}),
		seg('  '),
		...(done ? [seg(lab.celebrate ? '★ ' : '✓ ', 'ok', {bold: true})] : []),
		seg(t(lang, 'title.step', {n: lab.step + 1, total: lab.scenario.steps.length}) + (done && lab.celebrate ? t(lang, 'title.complete') : ''), done ? 'ok' : 'accent', {
			bold: done && lab.celebrate,
		}),
		...(step ? [seg(' · ' + safeText(localize(step.title, lang)))] : []),
	];
});

/** A row or column of the layout's box styles, kept with the node (layouts are memoised: layoutFor). */
const nodeStyles = new WeakMap<LayoutNode, NodeStyle>();

/**
 * A part of the layout: a row or a column of parts, or a pane (or a tab group's shown pane) in its
 * frame. `ahead`: made in the pause before an Enter, for the Enter's state; each pane's content then
 * also works out the rows it will draw (prepareContent), so the Enter's frame finds them made.
 */
function layoutPart(node: LayoutNode, state: AppState, lab: LabModel, container: string | null, lang: string, theme: Theme, ahead = false): React.ReactNode {
	if (node.kind === 'row' || node.kind === 'column') {
		let style = nodeStyles.get(node);
		if (style === undefined) nodeStyles.set(node, (style = boxStyle({flexDirection: node.kind, width: node.width, height: node.height, flexShrink: 0})));
		return styledBox(style, ...node.children.map(child => layoutPart(child, state, lab, container, lang, theme, ahead)));
	}
	const id = node.kind === 'tabs' ? node.active : (node as Extract<LayoutNode, {kind: 'pane'}>).pane;
	const focused = state.ui.focus === id;
	const title: TitlePart[] =
		node.kind === 'tabs'
			? node.tabs.map(tab => ({
					text: tab === id ? paneTitle(tab, lab, container, lang) : paneTitle(tab, null, null, lang),
					active: tab === id,
					news: tab !== id && Boolean(paneDef(tab).news?.(lab, container)),
				}))
			: [{text: paneTitle(id, lab, container, lang), active: true}];
	// The pane's content element: the pane's frame is the one it was (placedPane) while the content's
	// props (what the pane shows), its title, info and size are, and the frame and its content are not drawn again.
	const content = paneDef(id).View({state, lab, lang, width: node.width - 2, height: node.height - 2, focused, container, theme});
	if (ahead) prepareContent(content);
	return placedPane(node.kind === 'tabs' ? node.tabs.join(' ') : id, {
		title,
		info: paneInfo(id, state, lang),
		focused,
		width: node.width,
		height: node.height,
		theme,
		children: content,
	});
}
