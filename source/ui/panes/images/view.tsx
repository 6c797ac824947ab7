import {imageRows, imagesHeader, type ImageItem} from './rows.js';
import {listPane, type ListViewProps} from '../../components/ListView.js';
import type {Changes} from '../../../lab/model/changes.js';
import type {Theme} from '../../theme.js';

export interface ImagesPaneProps {
	/** The images' items (imageItems: the same list while it says the same). */
	items: readonly ImageItem[];
	/** The last command's changes to images (imagesChanges). */
	changes: Changes;
	cursor: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	lang: string;
}

/** Memoised on the list it shows, not the world's slices it is made from: a command that changed a container but no image's line leaves it as it was. */
export const ImagesPane = listPane('ImagesPane', ({items, changes, cursor, width, height, focused, theme, lang}: ImagesPaneProps): ListViewProps<ImageItem> => ({
	items,
	changes,
	cursor: focused ? Math.min(cursor, items.length - 1) : -1,
	header: imagesHeader,
	rows: imageRows,
	width,
	height,
	theme,
	lang,
}));
