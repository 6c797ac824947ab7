/**
 * The screen's arrangement as a pure function of the terminal size (and which pane has focus):
 * compact at 80x24 (one tabbed pane over the terminal), medium from 120 columns (the step beside
 * tabbed Layers/Containers/Volumes, the terminal full width below), every pane at once from 160x40
 * (the terminal never narrower than 82 columns: docker's tables are wide). The frame is one
 * row shorter than the terminal, so Ink never takes its clear-the-whole-screen path (Ink 6
 * clears the terminal on every frame at least as tall as the terminal).
 */

export type PaneId = 'step' | 'terminal' | 'layers' | 'containers' | 'volumes';

export const PANE_ORDER: readonly PaneId[] = ['step', 'terminal', 'layers', 'containers', 'volumes'];

export const PANE_TITLES: Record<PaneId, string> = {
	step: 'Step',
	terminal: 'Terminal',
	layers: 'Layers',
	containers: 'Containers',
	volumes: 'Volumes',
};

/** The digit that focuses each pane (keys.ts binds the same digits). */
export const PANE_NUMBERS: Record<PaneId, number> = {step: 1, terminal: 2, layers: 3, containers: 4, volumes: 5};

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export type LayoutNode =
	| {kind: 'pane'; pane: PaneId; width: number; height: number}
	| {kind: 'tabs'; tabs: PaneId[]; active: PaneId; width: number; height: number}
	| {kind: 'row' | 'column'; children: LayoutNode[]; width: number; height: number};

export type Layout =
	{kind: 'too-small'; columns: number; rows: number} | {kind: 'compact' | 'medium' | 'wide'; columns: number; rows: number; body: LayoutNode; bodyHeight: number};

/** Panes most recently focused first (decides which tab a tab group shows). */
export type Recent = readonly PaneId[];

function tabs(list: PaneId[], recent: Recent, width: number, height: number): LayoutNode {
	const active = recent.find(pane => list.includes(pane)) ?? list[0]!;
	return {kind: 'tabs', tabs: list, active, width, height};
}

function pane(id: PaneId, width: number, height: number): LayoutNode {
	return {kind: 'pane', pane: id, width, height};
}

export function computeLayout(columns: number, rows: number, recent: Recent = ['terminal', 'step']): Layout {
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) return {kind: 'too-small', columns, rows};
	// Title bar + body + help bar = rows - 1.
	const bodyHeight = rows - 3;
	if (columns >= 160 && rows >= 40) {
		// The terminal keeps at least 82 columns: docker's tables are wide.
		const left = Math.max(82, Math.floor(columns * 0.45));
		const right = columns - left;
		const stepHeight = Math.floor(bodyHeight * 0.42);
		const containersHeight = Math.max(7, Math.floor(bodyHeight * 0.22));
		const volumesHeight = Math.max(6, Math.floor(bodyHeight * 0.17));
		return {
			kind: 'wide',
			columns,
			rows,
			bodyHeight,
			body: {
				kind: 'row',
				width: columns,
				height: bodyHeight,
				children: [
					{kind: 'column', width: left, height: bodyHeight, children: [pane('step', left, stepHeight), pane('terminal', left, bodyHeight - stepHeight)]},
					{
						kind: 'column',
						width: right,
						height: bodyHeight,
						children: [pane('containers', right, containersHeight), pane('volumes', right, volumesHeight), pane('layers', right, bodyHeight - containersHeight - volumesHeight)],
					},
				],
			},
		};
	}
	const terminalHeight = Math.max(8, Math.floor(bodyHeight * 0.4));
	const topHeight = bodyHeight - terminalHeight;
	if (columns >= 120) {
		const stepWidth = Math.floor(columns * 0.4);
		return {
			kind: 'medium',
			columns,
			rows,
			bodyHeight,
			body: {
				kind: 'column',
				width: columns,
				height: bodyHeight,
				children: [
					{
						kind: 'row',
						width: columns,
						height: topHeight,
						children: [pane('step', stepWidth, topHeight), tabs(['layers', 'containers', 'volumes'], recent, columns - stepWidth, topHeight)],
					},
					pane('terminal', columns, terminalHeight),
				],
			},
		};
	}
	return {
		kind: 'compact',
		columns,
		rows,
		bodyHeight,
		body: {
			kind: 'column',
			width: columns,
			height: bodyHeight,
			children: [tabs(['step', 'layers', 'containers', 'volumes'], recent, columns, topHeight), pane('terminal', columns, terminalHeight)],
		},
	};
}

/** Every pane the layout shows now, with its outer size. */
export function visiblePanes(layout: Layout): Array<{pane: PaneId; width: number; height: number}> {
	if (layout.kind === 'too-small') return [];
	const found: Array<{pane: PaneId; width: number; height: number}> = [];
	const walk = (node: LayoutNode) => {
		if (node.kind === 'pane') found.push({pane: node.pane, width: node.width, height: node.height});
		else if (node.kind === 'tabs') found.push({pane: node.active, width: node.width, height: node.height});
		else node.children.forEach(walk);
	};
	walk(layout.body);
	return found;
}

/** Inner size (inside the border and title) of a pane, when shown. */
export function paneInner(layout: Layout, id: PaneId): {width: number; height: number} | undefined {
	const found = visiblePanes(layout).find(entry => entry.pane === id);
	return found ? {width: found.width - 2, height: found.height - 2} : undefined;
}
