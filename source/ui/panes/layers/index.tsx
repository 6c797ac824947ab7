/** The Layers pane: one container's stack (mounts, writable layer, image layers) and its merged file tree. */
import React from 'react';
import type {AppState} from '../../app-state.js';
import type {LayersSlice} from './slice.js';
import type {PaneDef} from '../types.js';
import {movedCursor, slice, withSlice} from '../types.js';
import {effectiveContainer} from '../containers/index.js';
import {filesIndex, folderAt, layerItems, parentIndex, type TreeOverrides} from './rows.js';
import {LayersPane} from './view.js';

const NO_TREE: TreeOverrides = {};

function items(state: AppState) {
	const id = effectiveContainer(state);
	return layerItems(state.lab!.world, id, slice(state, 'layers').tree[id ?? ''] ?? NO_TREE, state.lab!.changes);
}

function toggleFolder(state: AppState, mode: 'toggle' | 'open' | 'close'): AppState {
	const id = effectiveContainer(state);
	if (!state.lab || !id) return state;
	const {cursor, tree} = slice(state, 'layers');
	const overrides = tree[id] ?? {};
	const list = items(state);
	const folder = folderAt(list, cursor);
	const toParent = () => {
		const parent = mode === 'close' ? parentIndex(list, cursor) : undefined;
		return parent === undefined ? state : withSlice(state, 'layers', {cursor: parent});
	};
	if (!folder) return toParent();
	const open = mode === 'toggle' ? !folder.open : mode === 'open';
	if (open === folder.open) return toParent();
	return withSlice(state, 'layers', {tree: {...tree, [id]: {...overrides, [folder.path]: open}}});
}

export const layersPane: PaneDef<LayersSlice> = {
	title: 'Layers',
	digit: 3,
	place: 'side',
	initial: {cursor: 0, tree: {}},
	View: ({state, lab, lang, width, height, focused, container, theme}) => (
		<LayersPane
			lang={lang}
			world={lab.world}
			items={layerItems(lab.world, container, slice(state, 'layers').tree[container ?? ''] ?? NO_TREE, lab.changes)}
			container={container}
			record={container ? lab.world.containers[container] : undefined}
			cursor={slice(state, 'layers').cursor}
			width={width}
			height={height}
			focused={focused}
			theme={theme}
		/>
	),
	prepare: items,
	subtitle: (lab, container) => (container ? (lab.world.containers[container]?.name ?? '') : ''),
	news: (lab, container) => Boolean(container && (lab.changes.writable.has(container) || lab.changes.writableRemoved.has(container))) || lab.changes.layersAdded.size > 0,
	move(state, delta) {
		if (!state.lab) return state;
		const length = items(state).length;
		const current = slice(state, 'layers').cursor;
		const cursor = movedCursor(current, delta, length);
		return withSlice(state, 'layers', {cursor});
	},
	keys: [
		{command: 'toggle', keys: ['enter', 'space'], label: 'open/close', help: 'Open or close the folder under the cursor in the file tree.', bar: true},
		{command: 'expand', keys: ['right', 'l'], label: 'open', help: 'Open the folder under the cursor.'},
		{command: 'collapse', keys: ['left'], label: 'close', help: 'Close the folder under the cursor (or go to its parent).'},
		{command: 'files', keys: ['f'], label: 'files', help: 'Jump to the merged file tree.', bar: true},
	],
	command(state, command) {
		if (command === 'toggle') return toggleFolder(state, 'toggle');
		if (command === 'expand') return toggleFolder(state, 'open');
		if (command === 'collapse') return toggleFolder(state, 'close');
		if (command === 'files' && state.lab) {
			const list = items(state);
			const index = filesIndex(list);
			return index < 0 ? state : withSlice(state, 'layers', {cursor: Math.min(list.length - 1, index + 1)});
		}
		return state;
	},
};
