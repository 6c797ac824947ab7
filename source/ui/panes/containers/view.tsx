import React, {memo, useMemo} from 'react';
import type {World} from '../../../engine/index.js';
import type {Changes} from '../../../lab/model/changes.js';
import {containerItems, containerRows, containersHeader, selectedIndex} from './rows.js';
import {Rows, RowView} from '../../components/RowView.js';
import {useWindow} from '../../hooks/use-window.js';
import type {Theme} from '../../theme.js';
import {t} from '../../../lab/messages.js';

export interface ContainersPaneProps {
	world: World;
	changes: Changes;
	selected: string | null;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
}

/** Inner content of the Containers pane (header + the visible rows only). */
/** Memoised: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const ContainersPane = memo(function ContainersPane({world, changes, selected, width, height, focused, theme}: ContainersPaneProps) {
	const items = containerItems(world.containers, changes);
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

export function containersInfo(world: World, lang = 'en'): string {
	const all = Object.values(world.containers);
	const running = all.filter(container => container.status === 'running').length;
	return t(lang, 'info.containers', {count: all.length, running});
}
