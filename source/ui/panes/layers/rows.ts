/**
 * The Layers pane: one container's filesystem as the stack overlayfs and Docker's mounts build —
 * mounts on top, the container's own writable layer (A/C/D), the init layer, then the image's
 * read-only layers down to the base (short digest, the instruction that made it, size, which other
 * local images share it) — and a browsable merged file tree where each entry shows its origin and
 * the lower copies it hides, like dive's layer view but for containers and mounts.
 *
 * `layerItems` (memoised on the world slices it reads) lists what to show; `layerRow` turns one
 * item into a row, looking up origins only for the rows on screen.
 */
import type {Container, Image, Layer, Mount, World, BuildRecord, BuildStepRecord, Located, Origin} from '../../../engine/index.js';
import {imageLayers, listMerged, originsOf, containerChanges, writableSize, ancestors, bytewise} from '../../../engine/screen.js';
import {row, seg, type Row, type Segment, type Tone} from '../../rows.js';
import {shortVolume, type Changes} from '../../../lab/model/changes.js';
import {cut, humanSize, imageName, layerImagesIndex, memoByRef, memoOn, sameParts, shortStatus, statusTone} from '../common.js';
import {fit, textWidth, truncateStart} from '../../text/width.js';
import {t, type Message, type MessageKey} from '../../../lab/messages.js';

/** Explicit open (true) / closed (false) folders, by path; the rest follow the default. */
export type TreeOverrides = Readonly<Record<string, boolean>>;

export type LayerItem =
	| {kind: 'title'; container: Container; image: Image | undefined}
	| {kind: 'section'; title: MessageKey; detail: Message; tone: Tone}
	| {kind: 'note'; note: Message}
	| {kind: 'mount'; mount: Mount}
	| {kind: 'change'; change: 'A' | 'C' | 'D'; path: string; fresh: boolean}
	| {kind: 'init'}
	| {kind: 'layer'; number: number; layer: Layer; instruction: string; shared: string[]; fresh: boolean}
	| {kind: 'tree'; path: string; depth: number; dir: boolean; open: boolean; located: Located | undefined; fresh: boolean}
	| {kind: 'removed'; name: string}
	/** The last `docker image build`: its steps, and a view of the image it made (for the file tree). */
	| {kind: 'build-title'; record: BuildRecord; view: Container | undefined}
	| {kind: 'build-step'; step: BuildStepRecord; total: number};

/** Shortens Docker's history text to the Dockerfile instruction: `RUN chmod +x random.sh`. */
export function instructionOf(createdBy: string): string {
	let text = createdBy.trim();
	if (text.startsWith('/bin/sh -c #(nop) ')) text = text.slice('/bin/sh -c #(nop) '.length).trim();
	else if (text.startsWith('/bin/sh -c ')) text = 'RUN ' + text.slice('/bin/sh -c '.length);
	return text.replace(/\b(file|dir|multi):([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1:$2…').replace(/\s+/g, ' ');
}

/** Each layer's instruction, bottom to top (history entries that made a layer). */
export function layerInstructions(image: Image | undefined): string[] {
	if (!image) return [];
	return image.history.filter(entry => !entry.emptyLayer).map(entry => instructionOf(entry.createdBy));
}

function defaultOpen(container: Container): Set<string> {
	const open = new Set<string>(['/']);
	for (const path of Object.keys(container.rw)) for (const dir of ancestors(path)) open.add(dir);
	for (const mount of container.mounts) {
		for (const dir of ancestors(mount.destination)) open.add(dir);
		open.add(mount.destination);
	}
	return open;
}

function isOpen(path: string, defaults: Set<string>, overrides: TreeOverrides): boolean {
	return overrides[path] ?? defaults.has(path);
}

function treeItems(world: World, container: Container, overrides: TreeOverrides, fresh: ReadonlySet<string>): LayerItem[] {
	const defaults = defaultOpen(container);
	const items: LayerItem[] = [];
	const walk = (dir: string, depth: number) => {
		if (depth > 40) return;
		const children: Array<{path: string; located: Located | undefined}> = listMerged(world, container, dir).map(located => ({path: located.path, located}));
		// Deleted files: the whiteouts in the writable layer, shown where the file was.
		const prefix = dir === '/' ? '/' : dir + '/';
		for (const [path, entry] of Object.entries(container.rw)) {
			if (entry.kind === 'whiteout' && path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) children.push({path, located: undefined});
		}
		children.sort((a, b) => bytewise(a.path, b.path));
		for (const child of children) {
			const dirEntry = child.located?.entry.kind === 'dir';
			const open = dirEntry && isOpen(child.path, defaults, overrides);
			items.push({kind: 'tree', path: child.path, depth, dir: dirEntry, open, located: child.located, fresh: fresh.has(child.path)});
			if (open) walk(child.path, depth + 1);
		}
	};
	walk('/', 0);
	return items;
}

function buildItems(world: World, container: Container, image: Image | undefined, images: World['images'], overrides: TreeOverrides, changes: Changes): LayerItem[] {
	const items: LayerItem[] = [{kind: 'title', container, image}];
	const fresh = changes.writable.get(container.id) ?? new Set<string>();
	items.push({kind: 'section', title: 'layers.mounts', detail: {key: container.mounts.length === 0 ? 'layers.mountsNone' : 'layers.mountsOnTop'}, tone: 'volume'});
	if (container.mounts.length === 0) items.push({kind: 'note', note: {key: 'layers.noMounts'}});
	for (const mount of [...container.mounts].sort((a, b) => bytewise(a.destination, b.destination))) items.push({kind: 'mount', mount});
	const changesList = containerChanges(world, container);
	items.push({
		kind: 'section',
		title: 'layers.writable',
		detail: {
			key: 'layers.writableDetail',
			vars: {name: container.name, count: changesList.length, s: changesList.length === 1 ? '' : 's', size: humanSize(writableSize(container))},
		},
		tone: 'rw',
	});
	if (changesList.length === 0) items.push({kind: 'note', note: {key: 'layers.writableEmpty'}});
	for (const change of changesList) items.push({kind: 'change', change: change.kind, path: change.path, fresh: fresh.has(change.path)});
	items.push({kind: 'init'});
	const stack = image ? imageLayers(world, image.id) : [];
	const instructions = layerInstructions(image);
	const sharing = layerImagesIndex(images);
	const own = imageName(image);
	items.push({kind: 'section', title: 'layers.image', detail: own ? {key: 'layers.imageDetail', vars: {image: own}} : {key: 'layers.imageUnnamed'}, tone: 'image'});
	for (let i = stack.length - 1; i >= 0; i--) {
		const layer = stack[i]!;
		const shared = (sharing.get(layer.digest) ?? []).filter(name => name !== own);
		items.push(layerItem(i + 1, layer, instructions[i] ?? '', shared, changes.layersAdded.has(layer.digest)));
	}
	items.push({kind: 'section', title: 'layers.files', detail: {key: 'layers.filesDetail'}, tone: 'accent'});
	items.push(...treeItems(world, container, overrides, fresh));
	return items;
}

/**
 * A container's items, memoised on what they are built from: the container, its image, the layers
 * and images, the mounted volumes or host files, the open folders, and of the last command's changes
 * only this container's fresh paths and the layers added (an empty part is NO_CHANGES' own). Not on
 * `world` or the whole change set, which are new after every command, also one that did not touch
 * this container.
 */
const memoItems = memoOn(
	(world: World, container: Container, volumes: World['volumes'] | null, host: World['host']['files'] | null, overrides: TreeOverrides, changes: Changes) => [
		container,
		world.images[container.imageId],
		world.layers,
		world.images,
		volumes,
		host,
		overrides,
		changes.writable.get(container.id),
		changes.layersAdded,
	],
	(world: World, container: Container, _volumes: unknown, _host: unknown, overrides: TreeOverrides, changes: Changes) =>
		buildItems(world, container, world.images[container.imageId], world.images, overrides, changes),
);

/** A container that stands for an image (no writable layer, no mounts), to browse the image's files. */
function imageView(world: World, imageId: string): Container | undefined {
	const image = world.images[imageId];
	if (!image) return undefined;
	const config = {...image.config, hostname: 'build', image: imageName(image), tty: false, openStdin: false, attachStdout: false, attachStderr: false};
	return {
		id: 'image-view',
		name: imageName(image) || imageId.slice(7, 19),
		imageId,
		created: image.created,
		path: '',
		args: [],
		config,
		hostConfig: {binds: null, mounts: [], portBindings: [], autoRemove: false, volumesFrom: []},
		mounts: [],
		rw: {},
		status: 'created',
		exitCode: 0,
		startedAt: 0,
		finishedAt: 0,
		pid: 0,
		restartCount: 0,
		logs: [],
		app: null,
	};
}

/** The image's files, folders holding the build's own layers open, each file naming the layer that supplies it. */
function imageTreeItems(world: World, view: Container, open: ReadonlySet<string>): LayerItem[] {
	const items: LayerItem[] = [];
	const walk = (dir: string, depth: number) => {
		if (depth > 40) return;
		for (const located of listMerged(world, view, dir)) {
			if (located.origin.kind === 'init' && located.entry.kind !== 'dir') continue;
			const isDir = located.entry.kind === 'dir';
			const opened = isDir && open.has(located.path);
			items.push({kind: 'tree', path: located.path, depth, dir: isDir, open: opened, located, fresh: false});
			if (opened) walk(located.path, depth + 1);
		}
	};
	walk('/', 0);
	return items;
}

const memoBuild = memoByRef((world: World, record: BuildRecord, layers: World['layers'], images: World['images']): LayerItem[] => {
	void layers;
	const last = record.imageId ?? record.steps.at(-1)?.imageId;
	const view = last ? imageView(world, last) : undefined;
	const items: LayerItem[] = [{kind: 'build-title', record, view}];
	const total = record.steps.length === 0 ? 0 : Math.max(...record.steps.map(step => step.step));
	for (const step of record.steps) items.push({kind: 'build-step', step, total});
	if (record.status !== 0) items.push({kind: 'note', note: {key: 'layers.buildFailed', vars: {status: record.status}}});
	if (!view) return items;
	const image = images[view.imageId];
	const stack = imageLayers(world, view.imageId);
	const instructions = layerInstructions(image);
	const own = new Set(record.steps.filter(step => !step.cached).map(step => step.layer));
	items.push({kind: 'section', title: 'layers.image', detail: {key: 'layers.imageDetail', vars: {image: imageName(image) || view.name}}, tone: 'image'});
	for (let i = stack.length - 1; i >= 0; i--) {
		const layer = stack[i]!;
		items.push({kind: 'layer', number: i + 1, layer, instruction: instructions[i] ?? '', shared: [], fresh: own.has(layer.digest)});
	}
	const open = new Set<string>(['/']);
	for (const layer of stack) if (own.has(layer.digest)) for (const path of Object.keys(layer.entries)) for (const dir of ancestors(path)) open.add(dir);
	items.push({kind: 'section', title: 'layers.files', detail: {key: 'layers.buildFilesDetail'}, tone: 'accent'});
	items.push(...imageTreeItems(world, view, open));
	return items;
});

/**
 * An image layer's item, the one made last time for this layer when it says the same: a command that
 * changed a container's files makes its items again, and its image layers keep their rows (itemRows).
 */
function layerItem(number: number, layer: Layer, instruction: string, shared: string[], fresh: boolean): LayerItem {
	const last = lastLayerItems.get(layer);
	if (last && last.number === number && last.instruction === instruction && last.fresh === fresh && sameParts(last.shared, shared)) return last;
	const item = {kind: 'layer', number, layer, instruction, shared, fresh} as const;
	lastLayerItems.set(layer, item);
	return item;
}
const lastLayerItems = new WeakMap<Layer, Extract<LayerItem, {kind: 'layer'}>>();

/** The list with no container to show: the same list every time, so the pane is not drawn again. */
const NO_CONTAINER: LayerItem[] = [{kind: 'note', note: {key: 'layers.none'}}];

/** The list for a container the last command removed (the same list while it is the same name). */
const removedItems = memoByRef((name: string): LayerItem[] => [{kind: 'removed', name}]);

/** What the pane lists for a container (recomputed only when a slice it reads changed). */
export function layerItems(world: World, containerId: string | null, overrides: TreeOverrides, changes: Changes): LayerItem[] {
	const container = containerId ? world.containers[containerId] : undefined;
	// Right after `docker image build` (or with no container to show), the pane shows the build.
	const build = world.lastBuild;
	if (build && (build.at === world.clock || !container)) return memoBuild(world, build, world.layers, world.images);
	if (!container) {
		const gone = changes.containersRemoved.find(removed => removed.id === containerId);
		return gone ? removedItems(gone.name) : NO_CONTAINER;
	}
	const volumes = container.mounts.some(mount => mount.type === 'volume') ? world.volumes : null;
	const host = container.mounts.some(mount => mount.type === 'bind') ? world.host.files : null;
	return memoItems(world, container, volumes, host, overrides, changes);
}

export function originLabel(origin: Origin): {text: string; tone: Tone} {
	switch (origin.kind) {
		case 'image':
			return {text: `L${origin.index + 1}`, tone: 'image'};
		case 'rw':
			return {text: 'rw', tone: 'rw'};
		case 'init':
			return {text: 'init', tone: 'init'};
		case 'volume':
			return {text: `vol ${shortVolume(origin.name, origin.anonymous)}`, tone: 'volume'};
		case 'bind':
			return {text: `bind ${origin.hostPath}`, tone: 'bind'};
	}
}

function section(title: string, detail: string, tone: Tone, width: number): Row {
	const head = `▌${title} `;
	return row([seg(head, tone, {bold: true}), seg(cut(detail, Math.max(0, width - textWidth(head))), 'dim')]);
}

const CHANGE_TONE: Record<'A' | 'C' | 'D', Tone> = {A: 'added', C: 'changed', D: 'removed'};
const CHANGE_WORD: Record<'A' | 'C' | 'D', MessageKey> = {A: 'layers.added', C: 'layers.changed', D: 'layers.deleted'};

function treeRow(world: World, container: Container, item: Extract<LayerItem, {kind: 'tree'}>, width: number, lang: string): Row {
	const name = item.path.slice(item.path.lastIndexOf('/') + 1);
	const indent = '  '.repeat(item.depth);
	const icon = item.dir ? (item.open ? '▾ ' : '▸ ') : '  ';
	const sign = item.fresh ? seg('+', 'added') : seg(' ');
	const right: Segment[] = [];
	let nameTone: Tone | undefined = item.dir ? 'accent' : undefined;
	if (!item.located) {
		// A whiteout: the file is gone from the merged view, but still in the layer below.
		const lower = originsOf(world, {...container, rw: {}, mounts: []}, item.path);
		right.push(seg(t(lang, 'layers.deletedShort'), 'removed'));
		if (lower.length > 0) right.push(seg(t(lang, 'layers.hides'), 'dim'), seg(lower.map(found => originLabel(found.origin).text).join(','), 'dim'));
		nameTone = 'removed';
	} else {
		const origins = originsOf(world, container, item.path);
		const visible = origins[0] ?? item.located;
		const label = originLabel(visible.origin);
		if (item.dir && visible.origin.kind !== 'volume' && visible.origin.kind !== 'bind') {
			const parts = [...new Set(origins.map(found => originLabel(found.origin).text))].reverse();
			right.push(seg(parts.join('+'), 'dim'));
		} else {
			right.push(seg(label.text, label.tone, {bold: visible.origin.kind !== 'image'}));
			const hidden = origins.slice(1).map(found => originLabel(found.origin).text);
			if (hidden.length > 0) right.push(seg(t(lang, 'layers.hides'), 'dim'), seg(hidden.join(','), 'warn'));
		}
		if (item.located.entry.kind === 'symlink') nameTone = 'dim';
	}
	const rightText = right.map(s => s.text).join('');
	const rightWidth = Math.min(textWidth(rightText), Math.max(10, Math.floor(width * 0.45)));
	const nameWidth = Math.max(4, width - rightWidth - 2);
	const label = indent + icon + name + (item.dir ? '/' : item.located?.entry.kind === 'symlink' ? ` → ${item.located.entry.target}` : '');
	const leftText = fit(label, nameWidth - 1);
	const rightSegments = textWidth(rightText) > rightWidth ? [seg(truncateStart(rightText, rightWidth), right[0]!.tone)] : right;
	return row([sign, seg(leftText, nameTone, item.located ? {} : {strike: true}), seg(' '), ...rightSegments], item.fresh ? {mark: 'added'} : {});
}

function mountRow(mount: Mount, width: number, lang: string): Row {
	const mode = mount.rw ? 'rw' : 'ro';
	const source = mount.type === 'bind' ? mount.source : shortVolume(mount.name, mount.anonymous) + (mount.anonymous ? ' (anon)' : '');
	const how = mount.origin === 'image' ? t(lang, 'layers.fromImageVolume') : mount.origin === 'volumes-from' ? '--volumes-from' : mount.origin === 'mount-flag' ? '--mount' : '-v';
	const left = `  ${mount.type === 'bind' ? 'bind  ' : 'volume'} ${mount.destination}  ←  ${source}`;
	const right = `${mode} · ${how}`;
	const leftWidth = Math.max(10, width - textWidth(right) - 1);
	return row([seg(fit(left, leftWidth), mount.type === 'bind' ? 'bind' : 'volume'), seg(' '), seg(right, mount.rw ? 'dim' : 'warn')]);
}

function imageLayerRow(item: Extract<LayerItem, {kind: 'layer'}>, width: number, lang: string): Row {
	const digest = item.layer.digest.slice(7, 19);
	const size = humanSize(item.layer.size);
	const head = `  L${item.number} ${digest} `;
	const shared = item.shared.length > 0 ? ` ${t(lang, 'layers.shared', {list: item.shared.join(', ')})}` : '';
	const sizeText = ` ${size.padStart(7)}`;
	const instructionWidth = Math.max(8, width - textWidth(head) - sizeText.length - Math.min(textWidth(shared), Math.floor(width * 0.3)));
	return row([
		item.fresh ? seg('+', 'added') : seg(' '),
		seg(head.slice(1), 'image'),
		seg(fit(item.instruction, instructionWidth)),
		seg(sizeText, 'dim'),
		seg(cut(shared, Math.max(0, width - textWidth(head) - instructionWidth - sizeText.length)), 'accent'),
	]);
}

/** One item as a row of `width` cells (`container` is the one the pane shows). */
export function itemRow(world: World, container: Container | undefined, item: LayerItem, width: number, lang = 'en'): Row {
	switch (item.kind) {
		case 'title': {
			const {container: shown, image} = item;
			return row([
				seg(cut(shown.name, 24), undefined, {bold: true}),
				seg(' · '),
				seg(cut(shown.config.image || imageName(image), Math.max(8, width - 44)), 'image'),
				seg(' · '),
				seg(shortStatus(shown), statusTone(shown)),
			]);
		}
		case 'section':
			return section(t(lang, item.title), t(lang, item.detail.key, item.detail.vars), item.tone, width);
		case 'note':
			return row([seg('  ' + cut(t(lang, item.note.key, item.note.vars), width - 2), 'dim')]);
		case 'mount':
			return mountRow(item.mount, width, lang);
		case 'change':
			return row(
				[
					item.fresh ? seg('+', 'added') : seg(' '),
					seg(` ${item.change} `, CHANGE_TONE[item.change], {bold: true}),
					seg(fit(item.path, Math.max(4, width - 26)), CHANGE_TONE[item.change]),
					seg(' ' + cut(t(lang, CHANGE_WORD[item.change]), 22), 'dim'),
				],
				item.fresh ? {mark: 'added'} : {},
			);
		case 'init':
			return row([seg(' '), seg(cut(` init  ${t(lang, 'layers.init')}`, width - 1), 'init')]);
		case 'layer':
			return imageLayerRow(item, width, lang);
		case 'tree':
			return container ? treeRow(world, container, item, width, lang) : row([]);
		case 'removed':
			return row([seg(cut(`  ${t(lang, 'layers.removed', {name: item.name})}`, width), 'removed')]);
		case 'build-title': {
			const {record} = item;
			const cached = record.steps.filter(step => step.cached && !step.from).length;
			const made = record.steps.filter(step => !step.cached).length;
			const name = record.tags[0] ?? (record.imageId ? record.imageId.slice(7, 19) : 'no image');
			return section(
				t(lang, 'layers.build'),
				t(lang, 'layers.buildDetail', {
					name: record.status === 0 ? name : t(lang, 'layers.buildFailedName'),
					made,
					s: made === 1 ? '' : 's',
					cached,
					also: record.tags.length > 1 ? t(lang, 'layers.buildAlso', {tags: record.tags.slice(1).join(', ')}) : '',
				}),
				record.status === 0 ? 'image' : 'removed',
				width,
			);
		}
		case 'build-step':
			return buildStepRow(item.step, item.total, width);
	}
}

function buildStepRow(step: BuildStepRecord, total: number, width: number): Row {
	const head = ` ${String(step.step).padStart(String(total).length)}/${total} `;
	const what = step.from ? 'base' : step.layer ? humanSize(step.size) : 'no layer';
	const how = step.from ? '' : step.cached ? 'cached' : 'new';
	const right = ` ${what.padStart(8)} ${how.padEnd(6)}`;
	return row(
		[
			step.cached || step.from ? seg(' ') : seg('+', 'added'),
			seg(head.slice(1), 'dim'),
			seg(fit(step.text, Math.max(8, width - textWidth(head) - right.length))),
			seg(right.slice(0, 9), 'dim'),
			seg(right.slice(9), step.cached ? 'dim' : 'added', {bold: !step.cached && !step.from}),
		],
		step.cached || step.from ? {} : {mark: 'added'},
	);
}

/** Rows of the window [offset, offset+height) for the selected container. */
export function layerRows(
	world: World,
	containerId: string | null,
	items: readonly LayerItem[],
	width: number,
	cursor: number,
	offset: number,
	height: number,
	lang = 'en',
): Row[] {
	const first = items[0];
	const container = first?.kind === 'build-title' ? first.view : containerId ? world.containers[containerId] : undefined;
	const rows: Row[] = [];
	for (let i = offset; i < Math.min(items.length, offset + height); i++) rows.push(knownItemRow(world, container, items[i]!, width, lang, i === cursor));
	return rows;
}

/**
 * Each item's row, kept with the item: items are made again only when a part of the world they show
 * changed (memoItems), so a command that left the container's stack as it was draws the very rows of
 * the last frame (and rows keep their painted text per row object).
 */
const itemRows = new WeakMap<LayerItem, {container: Container | undefined; width: number; lang: string; row: Row; selected?: Row}>();

function knownItemRow(world: World, container: Container | undefined, item: LayerItem, width: number, lang: string, selected: boolean): Row {
	let known = itemRows.get(item);
	// (Only a file tree's row reads the container; every other kind says only what its item holds.)
	if (!known || (item.kind === 'tree' && known.container !== container) || known.width !== width || known.lang !== lang) {
		known = {container, width, lang, row: itemRow(world, container, item, width, lang)};
		itemRows.set(item, known);
	}
	if (!selected) return known.row;
	return (known.selected ??= {...known.row, selected: true});
}

/** The folder a tree row names (for open/close), or undefined. */
export function folderAt(items: readonly LayerItem[], index: number): {path: string; open: boolean} | undefined {
	const item = items[index];
	return item?.kind === 'tree' && item.dir ? {path: item.path, open: item.open} : undefined;
}

/** The parent folder row of a tree row (← on a file goes there). */
export function parentIndex(items: readonly LayerItem[], index: number): number | undefined {
	const item = items[index];
	if (item?.kind !== 'tree') return undefined;
	const parent = item.path.slice(0, item.path.lastIndexOf('/')) || '/';
	for (let i = index - 1; i >= 0; i--) {
		const candidate = items[i]!;
		if (candidate.kind === 'tree' && candidate.path === parent) return i;
		if (candidate.kind !== 'tree') break;
	}
	return undefined;
}

/** The index of the FILES section (the `f` jump and a first cursor spot). */
export function filesIndex(items: readonly LayerItem[]): number {
	return items.findIndex(item => item.kind === 'section' && item.title === 'layers.files');
}
