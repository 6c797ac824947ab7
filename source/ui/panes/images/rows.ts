/**
 * The Images pane: `docker image ls` for learners — each local image with its layer count, size,
 * the containers made from it, and how many of its layers it shares with other local images (the
 * reason pulling a second image says "Already exists"). What the last command pulled or removed is
 * marked.
 */
import {t} from '../../../lab/messages.js';
import type {Image, World} from '../../../engine/index.js';
import type {Changes} from '../../../lab/model/changes.js';
import {row, seg, type Row} from '../../rows.js';
import {fit} from '../../text/width.js';
import {changesFor, humanSize, imageName, layerImagesIndex, memoByRef, sameAsBefore, sortedContainers} from '../common.js';

export type ImageItem = {kind: 'image'; image: Image; size: number; users: string[]; shared: number} | {kind: 'removed'; id: string; name: string};

/** The images by name with their sizes and shared layers (memoised on `world.images` and `world.layers`: a command that only touches containers reuses them). */
const sortedImages = memoByRef((images: World['images'], layers: World['layers']) => {
	const shared = layerImagesIndex(images);
	return Object.values(images)
		.sort((a, b) => (imageName(a) < imageName(b) ? -1 : imageName(a) > imageName(b) ? 1 : 0))
		.map(image => ({
			image,
			size: image.layers.reduce((sum, digest) => sum + (layers[digest]?.size ?? 0), 0),
			shared: image.layers.filter(digest => (shared.get(digest)?.length ?? 0) > 1).length,
		}));
});

/** Image id → names of the containers made from it, newest first (memoised on `world.containers`). */
const imageUsersIndex = memoByRef((containers: World['containers']): Map<string, string[]> => {
	const users = new Map<string, string[]>();
	for (const container of sortedContainers(containers)) {
		const list = users.get(container.imageId);
		if (list) list.push(container.name);
		else users.set(container.imageId, [container.name]);
	}
	return users;
});

/** The parts of the last command's changes this pane shows. */
export const imagesChanges = changesFor(['imagesAdded', 'imagesRemoved']);
const sameItems = sameAsBefore<ImageItem>();

/** Local images by name, then the ones the last command removed (the same list while it shows the same). */
export function imageItems(images: World['images'], layers: World['layers'], containers: World['containers'], changes: Changes): readonly ImageItem[] {
	return sameItems(buildItems(images, layers, containers, imagesChanges(changes)));
}

const buildItems = memoByRef((images: World['images'], layers: World['layers'], containers: World['containers'], changes: Changes): ImageItem[] => {
	const users = imageUsersIndex(containers);
	const items: ImageItem[] = sortedImages(images, layers).map(entry => ({kind: 'image', ...entry, users: users.get(entry.image.id) ?? []}));
	for (const gone of changes.imagesRemoved) items.push({kind: 'removed', id: gone.id, name: gone.tags[0] ?? gone.id.slice(7, 19)});
	return items;
});

function widths(width: number) {
	const name = Math.max(16, Math.min(36, Math.floor((width - 2) * 0.45)));
	return {name, layers: 13, size: 8, users: Math.max(0, width - 2 - name - 13 - 8 - 3)};
}

export function imagesHeader(width: number): Row {
	const w = widths(width);
	return row([seg('  '), seg(`${fit('IMAGE', w.name)} ${fit('LAYERS', w.layers)} ${fit('SIZE', w.size)} ${fit('CONTAINERS', w.users)}`, 'dim', {bold: true})]);
}

export function imageRow(item: ImageItem, changes: Changes, width: number, selected: boolean, lang = 'en'): Row {
	const w = widths(width);
	if (item.kind === 'removed') {
		return row([seg('− ', 'removed'), seg(fit(item.name, w.name), 'removed', {strike: true}), seg(' ' + t(lang, 'pane.removed'), 'dim')], {selected, mark: 'removed'});
	}
	const added = changes.imagesAdded.has(item.image.id);
	const layers = `${item.image.layers.length}${item.shared > 0 ? `, ${t(lang, 'images.shared', {count: item.shared})}` : ''}`;
	return row(
		[
			added ? seg('+ ', 'added') : seg('  '),
			seg(fit(imageName(item.image), w.name), 'image', {bold: true}),
			seg(' '),
			seg(fit(layers, w.layers)),
			seg(' '),
			seg(fit(humanSize(item.size), w.size)),
			seg(' '),
			seg(fit(item.users.length > 0 ? item.users.join(', ') : '—', w.users), item.users.length > 0 ? undefined : 'dim'),
		],
		{selected, ...(added ? {mark: 'added' as const} : {})},
	);
}

export function imageRows(items: readonly ImageItem[], changes: Changes, width: number, cursor: number, offset: number, height: number, lang = 'en'): Row[] {
	if (items.length === 0) return [row([seg('  ' + t(lang, 'images.none') + ' ', 'dim'), seg('docker image pull NAME', 'code'), seg(' ' + t(lang, 'images.noneHow'), 'dim')])];
	const rows: Row[] = [];
	for (let i = offset; i < Math.min(items.length, offset + height); i++) rows.push(imageRow(items[i]!, changes, width, i === cursor, lang));
	return rows;
}
