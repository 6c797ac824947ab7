import React, {memo} from 'react';
import type {World} from '../../../engine/index.js';
import type {Changes} from '../../../lab/model/changes.js';
import {containerItems, containerRows, containersHeader, selectedIndex} from './rows.js';
import {ListView} from '../../components/ListView.js';
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
export const ContainersPane = memo(function ContainersPane({world, changes, selected, width, height, theme}: ContainersPaneProps) {
	const items = containerItems(world.containers, changes);
	return (
		<ListView
			items={items}
			changes={changes}
			cursor={selectedIndex(items, selected)}
			header={containersHeader}
			rows={containerRows}
			width={width}
			height={height}
			theme={theme}
			showSelection
		/>
	);
});

export function containersInfo(world: World, lang = 'en'): string {
	const all = Object.values(world.containers);
	const running = all.filter(container => container.status === 'running').length;
	return t(lang, 'info.containers', {count: all.length, running});
}
