/** The Images pane: the local images, their layers and sizes, and which containers were made from them. */
import React from 'react';
import type {PaneDef} from '../types.js';
import type {ImagesSlice} from './slice.js';
import {slice, withSlice} from '../types.js';
import {imageItems} from './rows.js';
import {ImagesPane} from './view.js';

export const imagesPane: PaneDef<ImagesSlice> = {
	title: 'Images',
	digit: 6,
	place: 'side',
	initial: {cursor: 0},
	View: ({state, lab, width, height, focused, theme}) => (
		<ImagesPane
			images={lab.world.images}
			layers={lab.world.layers}
			containers={lab.world.containers}
			changes={lab.changes}
			cursor={slice(state, 'images').cursor}
			width={width}
			height={height}
			focused={focused}
			theme={theme}
		/>
	),
	info: (_state, lab) => `${Object.keys(lab.world.images).length}`,
	news: ({changes}) => changes.imagesAdded.size > 0 || changes.imagesRemoved.length > 0,
	wants: lab => 1 + Object.keys(lab.world.images).length + lab.changes.imagesRemoved.length,
	move(state, delta) {
		const lab = state.lab;
		if (!lab) return state;
		const length = imageItems(lab.world.images, lab.world.layers, lab.world.containers, lab.changes).length;
		if (length === 0) return state;
		const current = slice(state, 'images').cursor;
		const cursor = delta === 'top' ? 0 : delta === 'bottom' ? length - 1 : Math.max(0, Math.min(current + delta, length - 1));
		return withSlice(state, 'images', {cursor});
	},
};
