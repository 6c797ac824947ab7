import React, {memo, useMemo} from 'react';
import type {World} from '../../../engine/index.js';
import type {Changes} from '../../../lab/model/changes.js';
import {volumeLines, volumeRows, volumesHeader} from './rows.js';
import {Rows, RowView} from '../../components/RowView.js';
import {useWindow} from '../../hooks/use-window.js';
import type {Theme} from '../../theme.js';
import {t} from '../../../lab/messages.js';

export interface VolumesPaneProps {
	world: World;
	changes: Changes;
	cursor: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
}

/** Memoised: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const VolumesPane = memo(function VolumesPane({world, changes, cursor, width, height, focused, theme}: VolumesPaneProps) {
	const lines = volumeLines(world.volumes, world.containers, changes);
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

export function volumesInfo(world: World, lang = 'en'): string {
	const all = Object.values(world.volumes);
	const anonymous = all.filter(volume => volume.anonymous).length;
	return anonymous > 0 ? t(lang, 'info.volumesAnonymous', {count: all.length, anonymous}) : `${all.length}`;
}
