import React, {memo} from 'react';
import {imagesChanges, imageItems, imageRows, imagesHeader} from './rows.js';
import {ListView} from '../../components/ListView.js';
import type {World} from '../../../engine/index.js';
import type {Changes} from '../../../lab/model/changes.js';
import type {Theme} from '../../theme.js';

export interface ImagesPaneProps {
	images: World['images'];
	layers: World['layers'];
	containers: World['containers'];
	changes: Changes;
	cursor: number;
	width: number;
	height: number;
	focused: boolean;
	theme: Theme;
	lang: string;
}

/** Memoised on the world's slices it shows (images, layers, containers), not the world: a key that changes only the prompt leaves its props, and so this pane, as they were. */
export const ImagesPane = memo(function ImagesPane({images, layers, containers, changes, cursor, width, height, focused, theme, lang}: ImagesPaneProps) {
	const items = imageItems(images, layers, containers, changes);
	const shown = focused ? Math.min(cursor, items.length - 1) : -1;
	return <ListView items={items} changes={imagesChanges(changes)} cursor={shown} header={imagesHeader} rows={imageRows} width={width} height={height} theme={theme} lang={lang} />;
});
