import React, {memo} from 'react';
import {imageItems, imageRows, imagesHeader} from './rows.js';
import {ListView, type CursorPaneProps} from '../../components/ListView.js';

/** Memoised: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const ImagesPane = memo(function ImagesPane({world, changes, cursor, width, height, focused, theme}: CursorPaneProps) {
	const items = imageItems(world, world.images, world.containers, changes);
	const shown = focused ? Math.min(cursor, items.length - 1) : -1;
	return <ListView items={items} changes={changes} cursor={shown} header={imagesHeader} rows={imageRows} width={width} height={height} theme={theme} />;
});
