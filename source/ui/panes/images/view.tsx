import React, {memo, useMemo} from 'react';
import type {World} from '../../../engine/index.js';
import type {Changes} from '../../../lab/model/changes.js';
import {imageItems, imageRows, imagesHeader} from './rows.js';
import {Rows, RowView} from '../../components/RowView.js';
import {useWindow} from '../../hooks/use-window.js';
import type {Theme} from '../../theme.js';

export interface ImagesPaneProps {
	world: World;
	changes: Changes;
	cursor: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
}

/** Memoised: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const ImagesPane = memo(function ImagesPane({world, changes, cursor, width, height, focused, theme}: ImagesPaneProps) {
	const items = imageItems(world, world.images, world.containers, changes);
	const listHeight = Math.max(0, height - 1);
	const shownCursor = focused ? Math.min(cursor, items.length - 1) : -1;
	const offset = useWindow(shownCursor, listHeight, items.length);
	const rows = useMemo(() => imageRows(items, changes, width, shownCursor, offset, listHeight), [items, changes, width, shownCursor, offset, listHeight]);
	const header = useMemo(() => imagesHeader(width), [width]);
	return (
		<>
			<RowView row={header} width={width} theme={theme} />
			<Rows rows={rows} width={width} height={listHeight} theme={theme} />
		</>
	);
});
