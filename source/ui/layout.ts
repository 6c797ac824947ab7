/**
 * The screen's arrangement as a pure function of the terminal size, the pane table and what each
 * pane holds: compact at 80x24 (the step and the side panes as tabs over the terminal), medium from
 * 120 columns (the step beside the side panes' tabs, the terminal full width below), every pane at
 * once from 160x40 (the terminal never narrower than 82 columns: docker's tables are wide; the step
 * as tall as its text needs, side panes that know their size stacked by it). The frame is one row
 * shorter than the terminal, so Ink never takes its clear-the-whole-screen path.
 */

import {PANE_ORDER, PANES, type PaneId} from './panes/registry.js';

export type {PaneId};
export {PANE_ORDER};

/** The panes the layout puts in each place, in table order. */
function placed(place: 'step' | 'terminal' | 'side'): PaneId[] {
	return PANE_ORDER.filter(id => PANES[id].place === place);
}

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

/** Rows a pane's content would like at a width (its inner height), when it knows; the layout sizes by it. */
export type Wants = (pane: PaneId, width: number) => number | undefined;

const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(high, value));

/** Panes in one place: a single pane, or a tab group showing the most recent. */
function group(list: PaneId[], recent: Recent, width: number, height: number): LayoutNode {
	return list.length === 1 ? pane(list[0]!, width, height) : tabs(list, recent, width, height);
}

export function computeLayout(columns: number, rows: number, recent: Recent = ['terminal', 'step'], wants: Wants = () => undefined): Layout {
	if (columns < MIN_COLUMNS || rows < MIN_ROWS) return {kind: 'too-small', columns, rows};
	// Title bar + body + help bar = rows - 1.
	const bodyHeight = rows - 3;
	const step = placed('step');
	const terminal = placed('terminal');
	const side = placed('side');
	if (columns >= 160 && rows >= 40) {
		// The terminal keeps at least 82 columns: docker's tables are wide.
		const left = Math.max(82, Math.floor(columns * 0.45));
		const right = columns - left;
		// The step gets what its text needs (the terminal keeps at least 12 rows); the rest is the terminal's.
		const stepWants = Math.max(...step.map(id => wants(id, left - 2) ?? 0));
		const stepHeight = clamp(stepWants + 2, Math.floor(bodyHeight * 0.42), bodyHeight - 12);
		// Side panes that know their size are stacked, sized by what they hold; the others share the rest as tabs.
		const sized = side.filter(id => PANES[id].wants !== undefined);
		const filling = side.filter(id => !sized.includes(id));
		const fillMin = filling.length > 0 ? 10 : 0;
		let room = bodyHeight - fillMin;
		const stack: LayoutNode[] = [];
		sized.forEach((id, index) => {
			const left = sized.length - index - 1;
			const height = clamp((wants(id, right - 2) ?? Math.floor(bodyHeight * 0.2)) + 2, 5, Math.max(5, Math.min(Math.floor(bodyHeight * 0.3), room - left * 5)));
			room -= height;
			stack.push(pane(id, right, height));
		});
		const used = stack.reduce((sum, node) => sum + node.height, 0);
		if (filling.length > 0) stack.push(group(filling, recent, right, bodyHeight - used));
		else if (stack.length > 0) stack[stack.length - 1] = {...stack[stack.length - 1]!, height: stack[stack.length - 1]!.height + bodyHeight - used};
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
					{kind: 'column', width: left, height: bodyHeight, children: [group(step, recent, left, stepHeight), group(terminal, recent, left, bodyHeight - stepHeight)]},
					{kind: 'column', width: right, height: bodyHeight, children: stack},
				],
			},
		};
	}
	const terminalHeight = Math.max(8, Math.floor(bodyHeight * 0.4));
	if (columns >= 120) {
		const stepWidth = Math.floor(columns * 0.4);
		// The top takes what the step text needs, between 60% of the body and all but 8 rows.
		const stepWants = Math.max(...step.map(id => wants(id, stepWidth - 2) ?? 0));
		const topHeight = clamp(stepWants + 2, bodyHeight - terminalHeight, bodyHeight - 8);
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
						children: [group(step, recent, stepWidth, topHeight), group(side, recent, columns - stepWidth, topHeight)],
					},
					group(terminal, recent, columns, bodyHeight - topHeight),
				],
			},
		};
	}
	const topHeight = bodyHeight - terminalHeight;
	return {
		kind: 'compact',
		columns,
		rows,
		bodyHeight,
		body: {
			kind: 'column',
			width: columns,
			height: bodyHeight,
			children: [group([...step, ...side], recent, columns, topHeight), group(terminal, recent, columns, terminalHeight)],
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
