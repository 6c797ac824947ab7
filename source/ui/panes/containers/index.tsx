/** The Containers pane: `docker ps -a` for learners; its selection picks the container the Layers pane shows. */
import React from 'react';
import type {AppState} from '../../app-state.js';
import type {ContainersSlice} from './slice.js';
import type {PaneDef} from '../types.js';
import {movedCursor, slice, withSlice} from '../types.js';
import {containerItems, containersChanges, itemId, selectedIndex} from './rows.js';
import {ContainersPane, containersInfo} from './view.js';

/** The container the Layers pane shows: the chosen one, or the newest. */
export function effectiveContainer(state: AppState): string | null {
	const lab = state.lab;
	if (!lab) return null;
	const items = containerItems(lab.world.containers, lab.changes);
	const index = selectedIndex(items, slice(state, 'containers').selected);
	if (index >= 0) return itemId(items[index]!);
	const first = items[0];
	return first ? itemId(first) : null;
}

/** Selects a container (and puts the Layers pane's cursor back at its top). */
export function selectContainer(state: AppState, id: string | null): AppState {
	return withSlice(withSlice(state, 'containers', {selected: id}), 'layers', {cursor: 0});
}

export const containersPane: PaneDef<ContainersSlice> = {
	title: 'Containers',
	digit: 4,
	place: 'side',
	initial: {selected: null},
	View: ({lab, width, height, focused, container, theme, lang}) => (
		<ContainersPane
			lang={lang}
			containers={lab.world.containers}
			changes={containersChanges(lab.changes)}
			selected={container}
			width={width}
			height={height}
			focused={focused}
			theme={theme}
		/>
	),
	info: (_state, lab, lang) => containersInfo(lab.world, lang),
	// (Its title's info is worked out with every pane's, by the App.)
	prepare: effectiveContainer,
	news: ({changes}) => changes.containersAdded.size > 0 || changes.containersChanged.size > 0 || changes.containersRemoved.length > 0,
	wants: lab => 1 + Object.keys(lab.world.containers).length + lab.changes.containersRemoved.length,
	move(state, delta) {
		const lab = state.lab;
		if (!lab) return state;
		const items = containerItems(lab.world.containers, lab.changes);
		if (items.length === 0) return state;
		const current = Math.max(0, selectedIndex(items, slice(state, 'containers').selected));
		const index = movedCursor(current, delta, items.length);
		return selectContainer(state, itemId(items[index]!));
	},
};
