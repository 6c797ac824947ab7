import React, {memo, useMemo} from 'react';
import type {World} from '../../engine/world.js';
import type {Changes} from '../model/changes.js';
import {containerItems, containerRows, containersHeader, selectedIndex} from './containers-rows.js';
import {Rows, RowView} from '../components/RowView.js';
import {useWindow} from '../hooks/use-window.js';
import type {Theme} from '../theme.js';
import {memoByRef} from './common.js';

export interface ContainersPaneProps {
	containers: World['containers'];
	changes: Changes;
	selected: string | null;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
}

/** Inner content of the Containers pane (header + the visible rows only), memoised on what it shows. */
export const ContainersPane = memo(function ContainersPane({containers, changes, selected, width, height, focused, theme}: ContainersPaneProps) {
	const items = containerItems(containers, changes);
	const cursor = selectedIndex(items, selected);
	const listHeight = Math.max(0, height - 1);
	const offset = useWindow(cursor, listHeight, items.length);
	const rows = useMemo(() => containerRows(items, changes, width, cursor, offset, listHeight), [items, changes, width, cursor, offset, listHeight]);
	const header = useMemo(() => containersHeader(width), [width]);
	return (
		<>
			<RowView row={header} width={width} theme={theme} />
			<Rows rows={rows} width={width} height={listHeight} theme={theme} showSelection={focused || true} />
		</>
	);
});

/** "1000 · 1000 running" (memoised on the containers: the title is drawn on every frame). */
export function containersInfo(world: World): string {
	return countContainers(world.containers);
}

const countContainers = memoByRef((containers: World['containers']): string => {
	const all = Object.values(containers);
	const running = all.filter(container => container.status === 'running').length;
	return `${all.length} · ${running} running`;
});
