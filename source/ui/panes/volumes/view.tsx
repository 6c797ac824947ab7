import React, {memo} from 'react';
import type {World} from '../../../engine/index.js';
import {volumeLines, volumeRows, volumesHeader} from './rows.js';
import {ListView, type CursorPaneProps} from '../../components/ListView.js';
import {t} from '../../../lab/messages.js';

/** Memoised: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const VolumesPane = memo(function VolumesPane({world, changes, cursor, width, height, focused, theme}: CursorPaneProps) {
	const lines = volumeLines(world.volumes, world.containers, changes);
	const shown = focused ? Math.min(cursor, lines.length - 1) : -1;
	return <ListView items={lines} changes={changes} cursor={shown} header={volumesHeader} rows={volumeRows} width={width} height={height} theme={theme} />;
});

export function volumesInfo(world: World, lang = 'en'): string {
	const all = Object.values(world.volumes);
	const anonymous = all.filter(volume => volume.anonymous).length;
	return anonymous > 0 ? t(lang, 'info.volumesAnonymous', {count: all.length, anonymous}) : `${all.length}`;
}
