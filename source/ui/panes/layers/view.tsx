import React, {memo, useMemo} from 'react';
import type {World} from '../../../engine/index.js';
import type {Changes} from '../../../lab/model/changes.js';
import {layerItems, layerRows, type TreeOverrides} from './rows.js';
import {Rows} from '../../components/RowView.js';
import {useWindow} from '../../hooks/use-window.js';
import type {Theme} from '../../theme.js';

export interface LayersPaneProps {
	world: World;
	changes: Changes;
	container: string | null;
	overrides: TreeOverrides;
	cursor: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	lang: string;
}

const NO_OVERRIDES: TreeOverrides = {};

/** Memoised: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const LayersPane = memo(function LayersPane({world, changes, container, overrides, cursor, width, height, focused, theme, lang}: LayersPaneProps) {
	const items = layerItems(world, container, overrides ?? NO_OVERRIDES, changes);
	const shownCursor = focused ? Math.min(cursor, items.length - 1) : -1;
	const offset = useWindow(shownCursor, height, items.length);
	const rows = useMemo(() => layerRows(world, container, items, width, shownCursor, offset, height, lang), [world, container, items, width, shownCursor, offset, height, lang]);
	return <Rows rows={rows} width={width} height={height} theme={theme} />;
});
