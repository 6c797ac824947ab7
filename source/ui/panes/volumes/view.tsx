import React, {memo} from 'react';
import type {World} from '../../../engine/index.js';
import {volumesChanges, volumeLines, volumeRows, volumesHeader} from './rows.js';
import {ListView} from '../../components/ListView.js';
import type {Changes} from '../../../lab/model/changes.js';
import type {Theme} from '../../theme.js';
import {t} from '../../../lab/messages.js';
import {memoSlots} from '../common.js';

export interface VolumesPaneProps {
	volumes: World['volumes'];
	containers: World['containers'];
	changes: Changes;
	cursor: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	lang: string;
}

/** Memoised on the volumes and containers, not the world: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const VolumesPane = memo(function VolumesPane({volumes, containers, changes, cursor, width, height, focused, theme, lang}: VolumesPaneProps) {
	const lines = volumeLines(volumes, containers, changes);
	const shown = focused ? Math.min(cursor, lines.length - 1) : -1;
	return (
		<ListView items={lines} changes={volumesChanges(changes)} cursor={shown} header={volumesHeader} rows={volumeRows} width={width} height={height} theme={theme} lang={lang} />
	);
});

export function volumesInfo(world: World, lang = 'en'): string {
	return volumesInfoText(world.volumes, lang);
}

/** Counted once per change of the volumes (the title line is drawn again on every command). */
const volumesInfoText = memoSlots(2, (volumes: World['volumes'], lang: string) => {
	const all = Object.values(volumes);
	const anonymous = all.filter(volume => volume.anonymous).length;
	return anonymous > 0 ? t(lang, 'info.volumesAnonymous', {count: all.length, anonymous}) : `${all.length}`;
});
