import {memo, useMemo} from 'react';
import type {Container, World} from '../../../engine/index.js';
import {layerRows, type LayerItem} from './rows.js';
import {paintRows, rowsBox} from '../../components/RowView.js';
import {preparable} from '../types.js';
import {useWindow, windowOffset} from '../../hooks/use-window.js';
import type {Theme} from '../../theme.js';

export interface LayersPaneProps {
	/** Read only to make the rows of items it has not drawn yet (not compared: see sameLayers). */
	world: World;
	/** What the pane lists (layerItems, memoised on the parts of the world they show). */
	items: readonly LayerItem[];
	container: string | null;
	/** The container's record: a tree row says where each file comes from in it. */
	record: Container | undefined;
	cursor: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	lang: string;
}

/**
 * The rows are a function of the items and the container's record (each item keeps its row:
 * knownItemRow; items are made again when a part of the world they show changes), so a command that
 * changed another part of the world (the clock, another container) leaves the pane as it was.
 */
export function sameLayers(a: LayersPaneProps, b: LayersPaneProps): boolean {
	return (
		a.items === b.items &&
		a.container === b.container &&
		a.record === b.record &&
		a.cursor === b.cursor &&
		a.width === b.width &&
		a.height === b.height &&
		a.focused === b.focused &&
		a.theme === b.theme &&
		a.lang === b.lang
	);
}

/** Memoised on what it shows (sameLayers): a key that changes only the prompt, or a command that changed no part it shows, leaves it as it was. */
export const LayersPane = preparable(
	memo(function LayersPane({world, items, container, record, cursor, width, height, focused, theme, lang}: LayersPaneProps) {
		const shownCursor = focused ? Math.min(cursor, items.length - 1) : -1;
		const offset = useWindow(shownCursor, height, items.length, lastWindow);
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the world only makes rows for new items; the record stands for the container's part of it (sameLayers)
		const rows = useMemo(() => layerRows(world, container, items, width, shownCursor, offset, height, lang), [record, container, items, width, shownCursor, offset, height, lang]);
		return rowsBox(rows, width, height, theme);
	}, sameLayers),
	// The rows of the next frame's window, made and painted ahead (each item keeps its row).
	({world, items, container, cursor, width, height, focused, theme, lang}) => {
		const shownCursor = focused ? Math.min(cursor, items.length - 1) : -1;
		const offset = windowOffset(lastWindow.offset, shownCursor, height, items.length);
		paintRows(layerRows(world, container, items, width, shownCursor, offset, height, lang), width, theme, true);
	},
);

/** The window's offset as last drawn (for `prepare`). */
const lastWindow = {offset: 0};
