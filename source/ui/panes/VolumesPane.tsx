import React, {memo, useMemo} from 'react';
import type {World} from '../../engine/world.js';
import type {Changes} from '../model/changes.js';
import {volumeLines, volumeRows, volumesHeader} from './volumes-rows.js';
import {Rows, RowView} from '../components/RowView.js';
import {useWindow} from '../hooks/use-window.js';
import type {Theme} from '../theme.js';
import {memoByRef} from './common.js';

export interface VolumesPaneProps {
	volumes: World['volumes'];
	containers: World['containers'];
	changes: Changes;
	cursor: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
}

/** Memoised on what it shows (volumes, the containers that mount them, what changed). */
export const VolumesPane = memo(function VolumesPane({volumes, containers, changes, cursor, width, height, focused, theme}: VolumesPaneProps) {
	const lines = volumeLines(volumes, containers, changes);
	const listHeight = Math.max(0, height - 1);
	const shownCursor = focused ? Math.min(cursor, lines.length - 1) : -1;
	const offset = useWindow(shownCursor, listHeight, lines.length);
	const rows = useMemo(() => volumeRows(lines, changes, width, shownCursor, offset, listHeight), [lines, changes, width, shownCursor, offset, listHeight]);
	const header = useMemo(() => volumesHeader(width), [width]);
	return (
		<>
			<RowView row={header} width={width} theme={theme} />
			<Rows rows={rows} width={width} height={listHeight} theme={theme} />
		</>
	);
});

/** "100 · 2 anonymous" (memoised on the volumes: the title is drawn on every frame). */
export function volumesInfo(world: World): string {
	return countVolumes(world.volumes);
}

const countVolumes = memoByRef((volumes: World['volumes']): string => {
	const all = Object.values(volumes);
	const anonymous = all.filter(volume => volume.anonymous).length;
	return `${all.length}${anonymous > 0 ? ` · ${anonymous} anonymous` : ''}`;
});
