/**
 * The Containers pane: a `docker ps -a` for learners — name, image, state (coloured and worded),
 * mounts — newest first, with what the last command created, changed or removed marked.
 * Only the rows in the window are built.
 */
import {t} from '../../../lab/messages.js';
import type {Container, Mount, World} from '../../../engine/index.js';
import {row, seg, type Row, type Segment} from '../../rows.js';
import {shortVolume, type Changes} from '../../../lab/model/changes.js';
import {changesFor, cut, imageName, memoByRef, shortStatus, sortedContainers, statusTone} from '../common.js';
import {fit} from '../../text/width.js';

export type ContainerItem = {kind: 'container'; container: Container} | {kind: 'removed'; id: string; name: string; image: string};

/** Live containers newest first, then the ones the last command removed. */
export function containerItems(containers: World['containers'], changes: Changes): ContainerItem[] {
	return buildItems(containers, changes.containersRemoved);
}

/** Memoised on what the items show: a command that removed no container keeps the list while the containers stay. */
const buildItems = memoByRef((containers: World['containers'], removed: Changes['containersRemoved']): ContainerItem[] => {
	const items: ContainerItem[] = sortedContainers(containers).map(container => ({kind: 'container', container}));
	for (const gone of removed) items.push({kind: 'removed', ...gone});
	return items;
});

/** The parts of the last command's changes this pane shows. */
export const containersChanges = changesFor(['containersAdded', 'containersChanged', 'containersRemoved', 'writable', 'writableRemoved']);

export function mountSummary(mount: Mount): string {
	const mode = mount.rw ? '' : ' ro';
	if (mount.type === 'bind') return `bind ${mount.source}:${mount.destination}${mode}`;
	return `vol ${shortVolume(mount.name, mount.anonymous)}:${mount.destination}${mode}`;
}

interface Widths {
	name: number;
	image: number;
	status: number;
	mounts: number;
}

function widths(total: number): Widths {
	const inner = total - 2;
	const name = Math.max(8, Math.min(18, Math.floor(inner * 0.2)));
	const status = 12;
	const image = Math.max(10, Math.min(32, Math.floor(inner * 0.34)));
	const mounts = Math.max(0, inner - name - image - status - 3);
	return {name, image, status, mounts};
}

export function containersHeader(width: number): Row {
	const w = widths(width);
	return row([seg('  '), seg(fit('NAME', w.name) + ' ' + fit('IMAGE', w.image) + ' ' + fit('STATE', w.status) + ' ' + fit('MOUNTS', w.mounts), 'dim', {bold: true})]);
}

export function containerRow(item: ContainerItem, changes: Changes, width: number, selected: boolean, lang = 'en'): Row {
	const w = widths(width);
	if (item.kind === 'removed') {
		return row(
			[
				seg('− ', 'removed'),
				seg(fit(item.name, w.name), 'removed', {strike: true}),
				seg(' '),
				seg(fit(item.image, w.image), 'dim'),
				seg(' '),
				seg(fit(t(lang, 'pane.removed'), w.status), 'removed'),
				seg(' '),
				seg(cut(t(lang, 'containers.layerGone'), w.mounts), 'dim'),
			],
			{mark: 'removed', selected},
		);
	}
	const {container} = item;
	const mark = changeMark(container.id, changes);
	const added = mark === 'added';
	const changed = mark === 'changed';
	const sign: Segment = added ? seg('+ ', 'added') : changed ? seg('~ ', 'changed') : seg('  ');
	const mounts = container.mounts.map(mountSummary).join(', ') || '—';
	return row(
		[
			sign,
			seg(fit(container.name, w.name), undefined, {bold: added || changed}),
			seg(' '),
			seg(fit(container.config.image || imageName(undefined, container.imageId.slice(7, 19)), w.image), 'image'),
			seg(' '),
			seg(fit(shortStatus(container), w.status), statusTone(container)),
			seg(' '),
			seg(cut(mounts, w.mounts), container.mounts.length > 0 ? 'volume' : 'dim'),
		],
		{selected, ...(added ? {mark: 'added' as const} : changed ? {mark: 'changed' as const} : {})},
	);
}

/** Item id → index, per items list: the selection is looked up several times a frame, in lists of 1,000 containers. */
const indexes = new WeakMap<readonly ContainerItem[], Map<string, number>>();

/** The item index of the selected container (the newest when none is chosen). */
export function selectedIndex(items: readonly ContainerItem[], selectedId: string | null): number {
	if (selectedId === null) return items.length > 0 && items[0]!.kind === 'container' ? 0 : -1;
	let index = indexes.get(items);
	if (!index) {
		index = new Map();
		// The first item with an id wins, as findIndex would have it.
		for (let i = items.length - 1; i >= 0; i--) index.set(itemId(items[i]!), i);
		indexes.set(items, index);
	}
	return index.get(selectedId) ?? -1;
}

export function itemId(item: ContainerItem): string {
	return item.kind === 'container' ? item.container.id : item.id;
}

/** Whether the last command added or changed a container (its row's sign and mark). */
function changeMark(id: string, changes: Changes): 'added' | 'changed' | '' {
	if (changes.containersAdded.has(id)) return 'added';
	return changes.containersChanged.has(id) || changes.writable.has(id) || changes.writableRemoved.has(id) ? 'changed' : '';
}

/**
 * Rows remembered per container record (immer keeps an unchanged container the same object) with
 * what else they show: a command that changed one container of a thousand builds that one row.
 */
const madeRows = new WeakMap<object, {width: number; selected: boolean; lang: string; mark: string; row: Row}>();

function rememberedRow(item: ContainerItem, changes: Changes, width: number, selected: boolean, lang: string): Row {
	const key = item.kind === 'container' ? item.container : item;
	const mark = item.kind === 'container' ? changeMark(item.container.id, changes) : 'removed';
	const known = madeRows.get(key);
	if (known && known.width === width && known.selected === selected && known.lang === lang && known.mark === mark) return known.row;
	const made = containerRow(item, changes, width, selected, lang);
	madeRows.set(key, {width, selected, lang, mark, row: made});
	return made;
}

/** The rows of the window [offset, offset+height). */
export function containerRows(items: readonly ContainerItem[], changes: Changes, width: number, cursor: number, offset: number, height: number, lang = 'en'): Row[] {
	if (items.length === 0) {
		return [row([seg('  ' + t(lang, 'containers.none') + ' ', 'dim'), seg('docker container run …', 'code')])];
	}
	const rows: Row[] = [];
	for (let i = offset; i < Math.min(items.length, offset + height); i++) rows.push(rememberedRow(items[i]!, changes, width, i === cursor, lang));
	return rows;
}
