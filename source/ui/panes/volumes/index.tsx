/** The Volumes pane: named and anonymous volumes, who mounts them, and the files they hold. */
import React from 'react';
import type {PaneDef} from '../types.js';
import type {VolumesSlice} from './slice.js';
import {movedCursor, slice, withSlice} from '../types.js';
import {volumeLines, volumesChanges} from './rows.js';
import {VolumesPane, volumesInfo} from './view.js';

export const volumesPane: PaneDef<VolumesSlice> = {
	title: 'Volumes',
	digit: 5,
	place: 'side',
	initial: {cursor: 0},
	View: ({state, lab, lang, width, height, focused, theme}) => (
		<VolumesPane
			lang={lang}
			lines={volumeLines(lab.world.volumes, lab.world.containers, lab.changes)}
			changes={volumesChanges(lab.changes)}
			cursor={slice(state, 'volumes').cursor}
			width={width}
			height={height}
			focused={focused}
			theme={theme}
		/>
	),
	info: (_state, lab, lang) => volumesInfo(lab.world, lang),
	news: ({changes}) => changes.volumesAdded.size > 0 || changes.volumesRemoved.length > 0 || changes.volumeFiles.size > 0,
	prepare: ({lab}) => volumeLines(lab!.world.volumes, lab!.world.containers, lab!.changes),
	wants: lab => 1 + volumeLines(lab.world.volumes, lab.world.containers, lab.changes).length,
	move(state, delta) {
		const lab = state.lab;
		if (!lab) return state;
		const lines = volumeLines(lab.world.volumes, lab.world.containers, lab.changes);
		if (lines.length === 0) return state;
		const current = slice(state, 'volumes').cursor;
		const cursor = movedCursor(current, delta, lines.length);
		return withSlice(state, 'volumes', {cursor});
	},
};
