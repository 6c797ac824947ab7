/** The Images pane: the local images, their layers and sizes, and which containers were made from them. */
import React from 'react';
import type {PaneDef} from '../types.js';
import type {ImagesSlice} from './slice.js';
import {movedCursor, slice, withSlice} from '../types.js';
import {imageItems, imagesChanges} from './rows.js';
import {ImagesPane} from './view.js';
import {memoByRef} from '../common.js';
import type {World} from '../../../engine/index.js';

/** How many images, counted once per change of the images. */
const imageCount = memoByRef((images: World['images']) => `${Object.keys(images).length}`);

export const imagesPane: PaneDef<ImagesSlice> = {
	title: 'Images',
	digit: 6,
	place: 'side',
	initial: {cursor: 0},
	View: ({state, lab, lang, width, height, focused, theme}) => (
		<ImagesPane
			lang={lang}
			items={imageItems(lab.world.images, lab.world.layers, lab.world.containers, lab.changes)}
			changes={imagesChanges(lab.changes)}
			cursor={slice(state, 'images').cursor}
			width={width}
			height={height}
			focused={focused}
			theme={theme}
		/>
	),
	info: (_state, lab) => imageCount(lab.world.images),
	prepare: ({lab}) => imageItems(lab!.world.images, lab!.world.layers, lab!.world.containers, lab!.changes),
	news: ({changes}) => changes.imagesAdded.size > 0 || changes.imagesRemoved.length > 0,
	wants: lab => 1 + Object.keys(lab.world.images).length + lab.changes.imagesRemoved.length,
	move(state, delta) {
		const lab = state.lab;
		if (!lab) return state;
		const length = imageItems(lab.world.images, lab.world.layers, lab.world.containers, lab.changes).length;
		if (length === 0) return state;
		const current = slice(state, 'images').cursor;
		const cursor = movedCursor(current, delta, length);
		return withSlice(state, 'images', {cursor});
	},
};
