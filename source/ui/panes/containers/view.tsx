import type {World} from '../../../engine/index.js';
import type {Changes} from '../../../lab/model/changes.js';
import {containerItems, containerRows, containersChanges, containersHeader, selectedIndex, type ContainerItem} from './rows.js';
import {listPane, type ListViewProps} from '../../components/ListView.js';
import type {Theme} from '../../theme.js';
import {t} from '../../../lab/messages.js';
import {memoSlots} from '../common.js';

export interface ContainersPaneProps {
	containers: World['containers'];
	changes: Changes;
	selected: string | null;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	lang: string;
}

/** Inner content of the Containers pane (header + the visible rows only). */
/** Memoised on the containers, not the world: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const ContainersPane = listPane('ContainersPane', ({containers, changes, selected, width, height, theme, lang}: ContainersPaneProps): ListViewProps<ContainerItem> => {
	const items = containerItems(containers, changes);
	return {
		items,
		changes: containersChanges(changes),
		cursor: selectedIndex(items, selected),
		header: containersHeader,
		rows: containerRows,
		width,
		height,
		theme,
		lang,
		showSelection: true,
	};
});

/** "N · M running" for the title line (counted once per change of the containers, not per frame). */
export function containersInfo(world: World, lang = 'en'): string {
	return containersInfoText(world.containers, lang);
}

const containersInfoText = memoSlots(2, (containers: World['containers'], lang: string) => {
	const all = Object.values(containers);
	return t(lang, 'info.containers', {count: all.length, running: all.filter(container => container.status === 'running').length});
});
