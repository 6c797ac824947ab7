/**
 * The Images pane: `docker image ls` for learners — each local image with its layer count, size,
 * the containers made from it, and how many of its layers it shares with other local images (the
 * reason pulling a second image says "Already exists"). What the last command pulled or removed is
 * marked.
 */
import {type Image, type World, imageSize} from '../../../engine/index.js';
import type {Changes} from '../../../lab/model/changes.js';
import {row, seg, type Row} from '../../rows.js';
import {fit} from '../../text/width.js';
import {humanSize, imageName, layerImagesIndex, memoByRef, sortedContainers} from '../common.js';

export type ImageItem = {kind: 'image'; image: Image; size: number; users: string[]; shared: number} | {kind: 'removed'; id: string; name: string};

/** Local images by name, then the ones the last command removed. */
export const imageItems = memoByRef((world: World, images: World['images'], containers: World['containers'], changes: Changes): ImageItem[] => {
	const shared = layerImagesIndex(images);
	const users = new Map<string, string[]>();
	for (const container of sortedContainers(containers)) users.set(container.imageId, [...(users.get(container.imageId) ?? []), container.name]);
	const items: ImageItem[] = Object.values(images)
		.sort((a, b) => (imageName(a) < imageName(b) ? -1 : imageName(a) > imageName(b) ? 1 : 0))
		.map(image => ({
			kind: 'image',
			image,
			size: imageSize(world, image),
			users: users.get(image.id) ?? [],
			shared: image.layers.filter(digest => (shared.get(digest)?.length ?? 0) > 1).length,
		}));
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

export function imageRow(item: ImageItem, changes: Changes, width: number, selected: boolean): Row {
	const w = widths(width);
	if (item.kind === 'removed') {
		return row([seg('− ', 'removed'), seg(fit(item.name, w.name), 'removed', {strike: true}), seg(' removed', 'dim')], {selected, mark: 'removed'});
	}
	const added = changes.imagesAdded.has(item.image.id);
	const layers = `${item.image.layers.length}${item.shared > 0 ? `, ${item.shared} shared` : ''}`;
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

export function imageRows(items: readonly ImageItem[], changes: Changes, width: number, cursor: number, offset: number, height: number): Row[] {
	if (items.length === 0) return [row([seg('  No images. ', 'dim'), seg('docker image pull NAME', 'code'), seg(' or docker run fetches one.', 'dim')])];
	const rows: Row[] = [];
	for (let i = offset; i < Math.min(items.length, offset + height); i++) rows.push(imageRow(items[i]!, changes, width, i === cursor));
	return rows;
}
