/**
 * The composition root: terminal size → layout (pure), keys → key table → reducer (pure), state →
 * panes (pure row builders). Side effects live here and only here: saving progress as the learner
 * goes, opening a scenario, and the single exit path.
 */
import React, {useCallback, useEffect, useMemo, useReducer, useRef, useState} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import {localize, type Scenario} from '../scenario/types.js';
import type {LabApi} from './api.js';
import type {KeyInfo} from './keys.js';
import {computeLayout, PANE_NUMBERS, PANE_TITLES, paneInner, type Layout, type LayoutNode, type PaneId} from './layout.js';
import {activeScopes, effectiveContainer, initialState, reduce, stepOffset, type AppState, type Env} from './state.js';
import {makeTheme, type Theme} from './theme.js';
import {useTerminalSize, type Size} from './hooks/use-terminal-size.js';
import {Pane, type TitlePart} from './components/Pane.js';
import {HelpBar, TitleBar} from './components/Bars.js';
import {HelpScreen} from './components/HelpScreen.js';
import {Picker} from './components/Picker.js';
import {choiceHeight, StepPane, stepContent, stepInfo} from './panes/StepPane.js';
import {TerminalPane} from './panes/TerminalPane.js';
import {LayersPane} from './panes/LayersPane.js';
import {ContainersPane, containersInfo} from './panes/ContainersPane.js';
import {VolumesPane, volumesInfo} from './panes/VolumesPane.js';
import {promptText, type LabModel} from './model/lab.js';
import {loadedRunner, loadRunner} from './model/runner.js';
import {seg, type Row, type Segment} from './rows.js';
import {safeText} from '../text/safe.js';
import {MIN_COLUMNS, MIN_ROWS} from './layout.js';

export interface AppProps {
	api: LabApi;
	lang: string;
	color: boolean;
	/** A lab opened before the first frame (`layerlab play ID`). */
	initial?: LabModel;
	/** Fixed size (tests); otherwise the terminal's, following resizes. */
	size?: Size;
}

function news(lab: LabModel, pane: PaneId, container: string | null): boolean {
	const changes = lab.changes;
	switch (pane) {
		case 'containers':
			return changes.containersAdded.size > 0 || changes.containersChanged.size > 0 || changes.containersRemoved.length > 0;
		case 'volumes':
			return changes.volumesAdded.size > 0 || changes.volumesRemoved.length > 0 || changes.volumeFiles.size > 0;
		case 'layers':
			return Boolean(container && (changes.writable.has(container) || changes.writableRemoved.has(container))) || changes.layersAdded.size > 0;
		case 'step':
			return lab.celebrate;
		case 'terminal':
			return false;
	}
}

function paneTitle(id: PaneId, lab: LabModel | null, container: string | null): string {
	const base = `${PANE_NUMBERS[id]} ${PANE_TITLES[id]}`;
	if (id === 'layers' && lab && container) {
		const shown = lab.world.containers[container];
		if (shown) return `${base} · ${shown.name}`;
	}
	return base;
}

function paneInfo(id: PaneId, state: AppState): string {
	const lab = state.lab;
	if (!lab) return '';
	switch (id) {
		case 'step':
			return stepInfo(lab);
		case 'containers':
			return containersInfo(lab.world);
		case 'volumes':
			return volumesInfo(lab.world);
		case 'terminal':
			return state.ui.terminalScroll > 0 ? `scrolled back ${state.ui.terminalScroll} · PgDn` : '';
		case 'layers':
			return '';
	}
}

export function App({api, lang, color, initial, size: override}: AppProps) {
	const size = useTerminalSize(override);
	const theme = useMemo(() => makeTheme(color), [color]);
	const [state, dispatch] = useReducer(reduce, initial ?? null, initialState);
	const {exit} = useApp();
	// Memoised, so panes that show nothing new see the same sizes and skip drawing.
	const layout = useMemo(() => computeLayout(size.columns, size.rows, state.ui.recent), [size.columns, size.rows, state.ui.recent]);
	const scenarios = useMemo(() => (state.screen === 'picker' ? api.scenarios() : []), [api, state.screen]);

	const stepSize = paneInner(layout, 'step') ?? paneInner(computeLayout(size.columns, size.rows, ['step']), 'step') ?? {width: 78, height: 10};
	const step = state.lab ? stepContent(state.lab, lang, stepSize.width) : {rows: [], choices: undefined};
	const stepTextHeight = Math.max(1, stepSize.height - choiceHeight(step.choices, stepSize.height));

	const env: Env = useMemo(() => {
		const page = {step: 10, terminal: 10, layers: 10, containers: 10, volumes: 10} as Record<PaneId, number>;
		for (const id of Object.keys(page) as PaneId[]) page[id] = paneInner(layout, id)?.height ?? 10;
		page.step = stepTextHeight;
		return {evaluate: api.evaluate, columns: paneInner(layout, 'terminal')?.width ?? 80, page, stepRows: step.rows.length};
	}, [api, layout, stepTextHeight, step.rows.length]);

	// The key handler reads the latest sizes through a ref, so useInput subscribes once (ink.md P10);
	// keys resolve against the state in the reducer.
	const envRef = useRef(env);
	envRef.current = env;

	useInput(
		useCallback((input: string, key: KeyInfo) => {
			const env = envRef.current;
			// Esc and the next key in one read arrive as Alt+key; no binding uses Alt, so take them as the two keys.
			if (key.meta && !key.escape && !key.ctrl && input.length === 1) {
				dispatch({type: 'key', input: '', key: {...key, meta: true, escape: true}, env});
				dispatch({type: 'key', input, key: {...key, meta: false}, env});
				return;
			}
			dispatch({type: 'key', input, key, env});
		}, []),
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

	useEffect(() => {
		if (state.quitting) exit();
	}, [state.quitting, exit]);

	// The shell and the docker CLI load once the first frame is out (model/runner.ts); a command
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
	}, [ready, state.ui.pendingRun]);

	const onAnswer = useCallback((choice: number) => dispatch({type: 'answer', choice, env: envRef.current}), []);

	const open = useCallback(
		(scenario: Scenario) => {
			void api.open(scenario, envRef.current.columns).then(lab => dispatch({type: 'open', lab}));
		},
		[api],
	);

	if (layout.kind === 'too-small') {
		return (
			<Box width={size.columns} height={Math.max(1, size.rows - 1)} flexDirection="column" justifyContent="center" alignItems="center">
				<Text bold>
					terminal too small (need {MIN_COLUMNS}x{MIN_ROWS})
				</Text>
				<Text dimColor>
					now {size.columns}x{size.rows} · make the window bigger, or press Ctrl+C to leave
				</Text>
			</Box>
		);
	}

	const scopes = activeScopes(state);
	const title = titleSegments(state, lang);
	const right = state.lab && state.screen === 'lab' ? `history ${state.lab.position}/${state.lab.history.length} ` : '';

	let body: React.ReactNode;
	if (state.ui.overlay?.kind === 'help') {
		body = <HelpScreen width={layout.columns} height={layout.bodyHeight} scroll={state.ui.helpScroll} theme={theme} />;
	} else if (state.screen === 'picker' || !state.lab) {
		body = <Picker api={api} scenarios={scenarios} lang={lang} width={layout.columns} height={layout.bodyHeight} theme={theme} active={state.screen === 'picker'} onOpen={open} />;
	} else {
		const stepOffsetNow = stepOffset(state.ui.stepScroll, step.rows.length, stepTextHeight);
		body = <Node node={layout.body} state={state} lab={state.lab} step={{...step, offset: stepOffsetNow}} theme={theme} onAnswer={onAnswer} />;
	}

	return (
		<Box flexDirection="column" width={layout.columns} height={layout.rows - 1}>
			<TitleBar left={title} right={right} width={layout.columns} theme={theme} />
			<Box height={(layout as Extract<Layout, {bodyHeight: number}>).bodyHeight} flexDirection="column">
				{body}
			</Box>
			<HelpBar scopes={scopes} overlay={state.ui.overlay} width={layout.columns} theme={theme} />
		</Box>
	);
}

function titleSegments(state: AppState, lang: string): Segment[] {
	const lab = state.lab;
	const base: Segment[] = [seg(' layerlab ', 'title', {inverse: true, bold: true})];
	if (!lab || state.screen === 'picker') return [...base, seg('  Learn Docker in a Month of Lunches · chapter 6 · pick a scenario', 'dim')];
	const step = lab.scenario.steps[lab.step];
	const done = step ? lab.completed.includes(step.id) : false;
	return [
		...base,
		seg(' ' + safeText(localize(lab.scenario.title, lang)), undefined, {bold: true}),
		seg('  '),
		...(done ? [seg(lab.celebrate ? '★ ' : '✓ ', 'ok', {bold: true})] : []),
		seg(`step ${lab.step + 1}/${lab.scenario.steps.length}${done && lab.celebrate ? ' complete' : ''}`, done ? 'ok' : 'accent', {bold: done && lab.celebrate}),
		...(step ? [seg(' · ' + safeText(localize(step.title, lang)))] : []),
	];
}

interface StepContent {
	rows: Row[];
	choices: string[] | undefined;
	offset: number;
}

interface NodeProps {
	node: LayoutNode;
	state: AppState;
	lab: LabModel;
	step: StepContent;
	theme: Theme;
	onAnswer(choice: number): void;
}

function Node({node, state, lab, step, theme, onAnswer}: NodeProps) {
	if (node.kind === 'row' || node.kind === 'column') {
		return (
			<Box flexDirection={node.kind} width={node.width} height={node.height} flexShrink={0}>
				{node.children.map((child, index) => (
					<Node key={index} node={child} state={state} lab={lab} step={step} theme={theme} onAnswer={onAnswer} />
				))}
			</Box>
		);
	}
	const container = effectiveContainer(state);
	const id = node.kind === 'tabs' ? node.active : (node as Extract<LayoutNode, {kind: 'pane'}>).pane;
	const focused = state.ui.focus === id;
	const title: TitlePart[] =
		node.kind === 'tabs'
			? node.tabs.map(tab => ({text: tab === id ? paneTitle(tab, lab, container) : paneTitle(tab, null, null), active: tab === id, news: tab !== id && news(lab, tab, container)}))
			: [{text: paneTitle(id, lab, container), active: true}];
	const width = node.width - 2;
	const height = node.height - 2;
	return (
		<Pane title={title} info={paneInfo(id, state)} focused={focused} width={node.width} height={node.height} theme={theme}>
			{paneContent({id, state, lab, step, theme, width, height, focused, container, onAnswer})}
		</Pane>
	);
}

/** The pane's view with only what it shows as props (each view is memoised on them). */
function paneContent({
	id,
	state,
	lab,
	step,
	theme,
	width,
	height,
	focused,
	container,
	onAnswer,
}: {
	id: PaneId;
	state: AppState;
	lab: LabModel;
	step: StepContent;
	theme: Theme;
	width: number;
	height: number;
	focused: boolean;
	container: string | null;
	onAnswer(choice: number): void;
}) {
	switch (id) {
		case 'step':
			return (
				<StepPane
					rows={step.rows}
					choices={step.choices}
					offset={step.offset}
					width={width}
					height={height}
					focused={focused && !state.ui.overlay}
					theme={theme}
					onAnswer={onAnswer}
				/>
			);
		case 'terminal':
			return (
				<TerminalPane
					blocks={lab.terminal}
					prompt={promptText(lab.world)}
					text={state.ui.prompt.text}
					cursor={state.ui.prompt.cursor}
					candidates={state.ui.candidates}
					scroll={state.ui.terminalScroll}
					width={width}
					height={height}
					focused={focused}
					theme={theme}
				/>
			);
		case 'layers':
			return (
				<LayersPane
					world={lab.world}
					changes={lab.changes}
					container={container}
					overrides={state.ui.tree[container ?? ''] ?? NO_TREE}
					cursor={state.ui.layerCursor}
					width={width}
					height={height}
					focused={focused}
					theme={theme}
				/>
			);
		case 'containers':
			return <ContainersPane containers={lab.world.containers} changes={lab.changes} selected={container} width={width} height={height} focused={focused} theme={theme} />;
		case 'volumes':
			return (
				<VolumesPane
					volumes={lab.world.volumes}
					containers={lab.world.containers}
					changes={lab.changes}
					cursor={state.ui.volumeCursor}
					width={width}
					height={height}
					focused={focused}
					theme={theme}
				/>
			);
	}
}

const NO_TREE: Record<string, boolean> = {};
