import type {World} from '../../../engine/index.js';
import {volumeRows, volumesHeader, type VolumeLine} from './rows.js';
import {listPane, type ListViewProps} from '../../components/ListView.js';
import type {Changes} from '../../../lab/model/changes.js';
import type {Theme} from '../../theme.js';
import {t} from '../../../lab/messages.js';
import {memoSlots} from '../common.js';

export interface VolumesPaneProps {
	/** The volumes' lines (volumeLines: the same list while it says the same). */
	lines: readonly VolumeLine[];
	/** The last command's changes to volumes (volumesChanges). */
	changes: Changes;
	cursor: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	lang: string;
}

/** Memoised on the lines it shows, not the world's slices they are made from: a command that changed a container but no volume's line leaves it as it was. */
export const VolumesPane = listPane('VolumesPane', ({lines, changes, cursor, width, height, focused, theme, lang}: VolumesPaneProps): ListViewProps<VolumeLine> => ({
	items: lines,
	changes,
	cursor: focused ? Math.min(cursor, lines.length - 1) : -1,
	header: volumesHeader,
	rows: volumeRows,
	width,
	height,
	theme,
	lang,
}));

export function volumesInfo(world: World, lang = 'en'): string {
	return volumesInfoText(world.volumes, lang);
}

/** Counted once per change of the volumes (the title line is drawn again on every command). */
const volumesInfoText = memoSlots(2, (volumes: World['volumes'], lang: string) => {
	const all = Object.values(volumes);
	const anonymous = all.filter(volume => volume.anonymous).length;
	return anonymous > 0 ? t(lang, 'info.volumesAnonymous', {count: all.length, anonymous}) : `${all.length}`;
});
