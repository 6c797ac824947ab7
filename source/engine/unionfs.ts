/**
 * A container's filesystem as the union of its sources, the way overlayfs and Docker's mounts build it:
 * mounts (bind or volume) on top, then the writable layer, then the init layer Docker adds
 * (/.dockerenv, /etc/hosts…), then the image layers from top to bottom. Every entry carries its
 * ORIGIN, and `originsOf` lists the copies it hides: this is what the lab teaches.
 */
import {own, readonly, type Container, type Entry, type Layer, type Mount, type Tree, type World} from './world.js';
import {FsError, grown, withMtime, type FsApi, type Stat} from './fsapi.js';
import {ancestors, isWithin, joinPath, relativeTo} from './path.js';
import {resolveParent, resolveReal, ROOT_DIR} from './resolve.js';
import {bytewise, childNames, deleteSubtree} from './tree.js';
import {treeFs} from './treefs.js';

export type Origin =
	{kind: 'image'; digest: string; index: number} | {kind: 'init'} | {kind: 'rw'} | {kind: 'volume'; name: string; anonymous: boolean} | {kind: 'bind'; hostPath: string};

export interface Located {
	path: string;
	entry: Entry;
	origin: Origin;
}

interface Source {
	tree: Tree;
	origin: Origin;
	immutable: boolean;
}

/** The files Docker puts in every container's init layer, made when the container is. */
export function initLayer(container: Pick<Container, 'config' | 'id' | 'created'>, ip = '172.17.0.2'): Tree {
	const hostname = container.config.hostname;
	const tree: Tree = {
		'/.dockerenv': {kind: 'file', mode: 0o755, content: ''},
		'/dev': {kind: 'dir', mode: 0o755},
		'/etc': {kind: 'dir', mode: 0o755},
		'/etc/hostname': {kind: 'file', mode: 0o644, content: hostname + '\n'},
		'/etc/hosts': {
			kind: 'file',
			mode: 0o644,
			content:
				'127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n' +
				`ff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${ip}\t${hostname}\n`,
		},
		'/etc/mtab': {kind: 'symlink', target: '/proc/mounts'},
		'/etc/resolv.conf': {kind: 'file', mode: 0o644, content: 'nameserver 127.0.0.11\noptions ndots:0\n'},
		'/proc': {kind: 'dir', mode: 0o555},
		'/sys': {kind: 'dir', mode: 0o555},
	};
	for (const [path, entry] of Object.entries(tree)) tree[path] = withMtime(entry, madeAt(container));
	return tree;
}

const initCache = new Map<string, Tree>();
function cachedInit(container: Container): Tree {
	const key = container.id + ':' + container.config.hostname + ':' + container.created;
	let tree = initCache.get(key);
	if (!tree) {
		if (initCache.size > 256) initCache.clear();
		tree = initLayer(container);
		initCache.set(key, tree);
	}
	return tree;
}

/** An image's layers, bottom to top (read-only data: layers never change once built). */
export function imageLayers(world: World, imageId: string): Layer[] {
	const image = readonly(world.images)[imageId];
	if (!image) return [];
	const layers = readonly(world.layers);
	return image.layers.map(digest => layers[digest]!).filter(Boolean);
}

const sourceCache = new WeakMap<Container, {rw: Tree; imageId: string; list: Source[]}>();

/**
 * Sources from top to bottom, excluding mounts. Cached per container while its writable layer and
 * image stay the same objects: an image's layers never change once built (content-addressed).
 */
function sources(world: World, container: Container): Source[] {
	const cached = sourceCache.get(container);
	if (cached && cached.rw === container.rw && cached.imageId === container.imageId) return cached.list;
	const list = buildSources(world, container);
	sourceCache.set(container, {rw: container.rw, imageId: container.imageId, list});
	return list;
}

function buildSources(world: World, container: Container): Source[] {
	const layers = imageLayers(world, container.imageId);
	const list: Source[] = [
		{tree: container.rw, origin: {kind: 'rw'}, immutable: false},
		{tree: cachedInit(container), origin: {kind: 'init'}, immutable: true},
	];
	for (let i = layers.length - 1; i >= 0; i--) {
		const layer = layers[i]!;
		list.push({tree: layer.entries, origin: {kind: 'image', digest: layer.digest, index: i}, immutable: true});
	}
	return list;
}

/** The mount whose destination covers `path` most closely. */
export function mountAt(container: Container, path: string): Mount | undefined {
	let best: Mount | undefined;
	for (const mount of container.mounts) {
		if (isWithin(path, mount.destination) && (!best || mount.destination.length > best.destination.length)) {
			best = mount;
		}
	}
	return best;
}

/** The tree behind a mount and the key of `path` in it. */
function mountTarget(world: World, mount: Mount, path: string): {tree: Tree; key: string; origin: Origin} | undefined {
	const rel = relativeTo(path, mount.destination);
	if (mount.type === 'volume') {
		const volume = own(world.volumes, mount.name);
		if (!volume) return undefined;
		return {tree: volume.files, key: rel, origin: {kind: 'volume', name: mount.name, anonymous: volume.anonymous}};
	}
	const hostPath = rel === '/' ? mount.source : joinPath(mount.source, rel.slice(1));
	return {tree: world.host.files, key: hostPath, origin: {kind: 'bind', hostPath}};
}

const blockerCache = new WeakMap<Tree, boolean>();

/** Whether a tree has whiteouts or opaque directories (image layers are checked once). */
function hasBlockers(source: Source): boolean {
	if (!source.immutable) return true;
	let known = blockerCache.get(source.tree);
	if (known === undefined) {
		known = Object.values(source.tree).some(entry => entry.kind === 'whiteout' || (entry.kind === 'dir' && entry.opaque === true));
		blockerCache.set(source.tree, known);
	}
	return known;
}

function lookupInSources(list: Source[], path: string): Located | undefined {
	let above: string[] | undefined;
	for (const source of list) {
		const entry = source.tree[path];
		if (entry) return entry.kind === 'whiteout' ? undefined : {path, entry, origin: source.origin};
		if (!hasBlockers(source)) continue;
		above ??= ancestors(path);
		for (const dir of above) {
			const blocker = source.tree[dir];
			if (blocker && (blocker.kind === 'whiteout' || (blocker.kind === 'dir' && blocker.opaque))) return undefined;
		}
	}
	return undefined;
}

/** The entry visible at a real path (no symlink following), with its origin. */
export function lookupIn(world: World, container: Container, path: string): Located | undefined {
	if (path === '/') return {path, entry: rootOf(container), origin: {kind: 'image', digest: '', index: 0}};
	const mount = mountAt(container, path);
	if (mount) {
		const target = mountTarget(world, mount, path);
		if (!target) return undefined;
		if (target.key === '/') return {path, entry: ROOT_DIR, origin: target.origin};
		const entry = target.tree[target.key];
		return entry && entry.kind !== 'whiteout' ? {path, entry, origin: target.origin} : undefined;
	}
	return lookupInSources(sources(world, container), path);
}

/**
 * Every copy of a real path, visible one first: a mount, then the writable layer, the init layer
 * and the image layers, down to the first whiteout. The rest are what the first one hides.
 */
export function originsOf(world: World, container: Container, path: string): Located[] {
	const found: Located[] = [];
	const mount = mountAt(container, path);
	if (mount) {
		const visible = lookupIn(world, container, path);
		if (visible) found.push(visible);
	}
	const above = ancestors(path);
	for (const source of sources(world, container)) {
		const entry = source.tree[path];
		if (entry?.kind === 'whiteout') break;
		if (entry) found.push({path, entry, origin: source.origin});
		if (entry?.kind === 'dir' && entry.opaque) break;
		if (
			above.some(dir => {
				const blocker = source.tree[dir];
				return blocker?.kind === 'whiteout' || (blocker?.kind === 'dir' && blocker.opaque);
			})
		)
			break;
	}
	return found;
}

/** The merged children of a real directory path, sorted by name. */
export function listMerged(world: World, container: Container, dir: string): Located[] {
	const names = new Set<string>();
	const mount = mountAt(container, dir);
	if (mount) {
		const target = mountTarget(world, mount, dir);
		if (target) for (const name of childNames(target.tree, target.key)) names.add(name);
	} else {
		for (const source of sources(world, container)) {
			for (const name of childNames(source.tree, dir, source.immutable)) names.add(name);
		}
	}
	for (const other of container.mounts) {
		if (other.destination !== '/' && parentOf(other.destination) === dir) names.add(other.destination.slice(other.destination.lastIndexOf('/') + 1));
	}
	const result: Located[] = [];
	for (const name of [...names].sort(bytewise)) {
		const found = lookupIn(world, container, joinPath(dir, name));
		if (found) result.push(found);
	}
	return result;
}

/**
 * The second a container was made: its `created` carries a sub-second tie-breaker that can put it
 * after the clock's present, and a file from the future is shown with its year.
 */
function madeAt(container: Pick<Container, 'created'>): number {
	return container.created - (container.created % 1000);
}

const roots = new Map<number, Entry>();
/** A container's root folder: made with the container (its time is the container's). */
function rootOf(container: Container): Entry {
	let root = roots.get(container.created);
	if (!root) {
		if (roots.size > 256) roots.clear();
		root = withMtime(ROOT_DIR, madeAt(container));
		roots.set(container.created, root);
	}
	return root;
}

function parentOf(path: string): string {
	const index = path.lastIndexOf('/');
	return index <= 0 ? '/' : path.slice(0, index);
}

/** Entries Docker's image layers and init layer provide below the writable layer. */
function lowerHas(world: World, container: Container, path: string): Entry | undefined {
	return lookupInSources(sources(world, container).slice(1), path)?.entry;
}

/** Copies the ancestors of `path` up into the writable layer, as overlayfs does before a change. */
function copyUpAncestors(world: World, container: Container, path: string): void {
	for (const dir of ancestors(path)) {
		if (container.rw[dir]) continue;
		const lower = lowerHas(world, container, dir);
		container.rw[dir] = lower?.kind === 'dir' ? withMtime({kind: 'dir', mode: lower.mode}, lower.mtime) : {kind: 'dir', mode: 0o755};
	}
}

/** A folder's entries changed (copied up already): it takes the clock's time. */
function touchParent(world: World, container: Container, path: string): void {
	const parent = parentOf(path);
	const entry = container.rw[parent];
	if (parent !== '/' && entry) container.rw[parent] = withMtime(entry, world.clock);
}

function mountsBelow(container: Container, path: string): boolean {
	return container.mounts.some(mount => isWithin(mount.destination, path));
}

/** The container's filesystem as its programs see it. Writes copy up, deletes leave whiteouts. */
export function containerFs(world: World, container: Container): FsApi {
	const lookup = (path: string) => lookupIn(world, container, path)?.entry;
	const stat = (path: string, follow = true): Stat => resolveReal(lookup, path, follow);

	/** Runs `action` on the mount's own filesystem when `target` is inside a mount. */
	const inMount = <T>(target: string, write: boolean, action: (fs: FsApi, rel: string) => T): {done: true; value: T} | {done: false} => {
		const mount = mountAt(container, target);
		if (!mount) return {done: false};
		if (write && !mount.rw) throw new FsError('EROFS');
		const where = mountTarget(world, mount, target);
		if (!where) throw new FsError('ENOENT');
		return {
			done: true,
			value: action(
				treeFs(where.tree, () => world.clock),
				where.key,
			),
		};
	};

	const writeTarget = (path: string): string => {
		const {target} = resolveParent(lookup, path);
		const entry = lookup(target);
		if (entry?.kind === 'symlink') return writeTarget(entry.target.startsWith('/') ? entry.target : joinPath(parentOf(target), entry.target));
		return target;
	};

	const api: FsApi = {
		stat,
		list(path) {
			const dir = stat(path);
			if (dir.entry.kind !== 'dir') throw new FsError('ENOTDIR');
			return listMerged(world, container, dir.path).map(found => found.path.slice(found.path.lastIndexOf('/') + 1));
		},
		read(path) {
			const file = stat(path);
			if (file.entry.kind === 'dir') throw new FsError('EISDIR');
			return file.entry.kind === 'file' ? file.entry.content : '';
		},
		write(path, content, options = {}) {
			const target = writeTarget(path);
			const mounted = inMount(target, true, (fs, rel) => fs.write(rel, content, options));
			if (mounted.done) return;
			const existing = lookup(target);
			if (existing?.kind === 'dir') throw new FsError('EISDIR');
			const previous = existing?.kind === 'file' ? existing : undefined;
			const next = grown(previous?.content, content, options.append);
			copyUpAncestors(world, container, target);
			container.rw[target] = withMtime({kind: 'file', mode: options.mode ?? previous?.mode ?? 0o644, content: next}, world.clock);
			if (!previous) touchParent(world, container, target);
		},
		mkdir(path, options = {}) {
			if (options.parents) {
				// One component at a time, following symlinks: the parents need not exist yet.
				const names = path.split('/').filter(Boolean);
				let dir = '/';
				names.forEach((name, index) => {
					const next = dir === '/' ? `/${name}` : `${dir}/${name}`;
					let real: Stat | undefined;
					try {
						real = stat(next);
					} catch (error) {
						if (!(error instanceof FsError && error.code === 'ENOENT')) throw error;
					}
					if (!real) {
						api.mkdir(next, {mode: options.mode});
						dir = next;
					} else if (real.entry.kind !== 'dir') throw new FsError(index === names.length - 1 ? 'EEXIST' : 'ENOTDIR');
					else dir = real.path;
				});
				return;
			}
			const {target} = resolveParent(lookup, path);
			if (target === '/' || lookup(target)) throw new FsError('EEXIST');
			const mounted = inMount(target, true, (fs, rel) => fs.mkdir(rel, options));
			if (mounted.done) return;
			const hidden = container.rw[target]?.kind === 'whiteout';
			copyUpAncestors(world, container, target);
			container.rw[target] = withMtime(hidden ? {kind: 'dir', mode: options.mode ?? 0o755, opaque: true} : {kind: 'dir', mode: options.mode ?? 0o755}, world.clock);
			touchParent(world, container, target);
		},
		remove(path, options = {}) {
			const {target} = resolveParent(lookup, path);
			const entry = lookup(target);
			if (!entry) throw new FsError('ENOENT');
			if (target === '/' || container.mounts.some(mount => mount.destination === target)) throw new FsError('EBUSY');
			if (entry.kind === 'dir' && !options.recursive && listMerged(world, container, target).length > 0) {
				throw new FsError('ENOTEMPTY');
			}
			const mounted = inMount(target, true, (fs, rel) => fs.remove(rel, options));
			if (mounted.done) return;
			if (mountsBelow(container, target)) throw new FsError('EBUSY');
			copyUpAncestors(world, container, target);
			deleteSubtree(container.rw, target);
			if (lowerHas(world, container, target)) container.rw[target] = {kind: 'whiteout'};
			touchParent(world, container, target);
		},
		chmod(path, mode) {
			const real = stat(path);
			const mounted = inMount(real.path, true, (fs, rel) => fs.chmod(rel, mode));
			if (mounted.done || real.path === '/') return;
			if (real.entry.kind !== 'file' && real.entry.kind !== 'dir') return;
			copyUpAncestors(world, container, real.path);
			container.rw[real.path] = {...real.entry, mode};
		},
		symlink(path, target) {
			const {target: real} = resolveParent(lookup, path);
			if (lookup(real)) throw new FsError('EEXIST');
			const mounted = inMount(real, true, (fs, rel) => fs.symlink(rel, target));
			if (mounted.done) return;
			copyUpAncestors(world, container, real);
			container.rw[real] = withMtime({kind: 'symlink', target}, world.clock);
			touchParent(world, container, real);
		},
		utime(path, mtime) {
			const real = stat(path);
			const mounted = inMount(real.path, true, (fs, rel) => fs.utime(rel, mtime));
			if (mounted.done || real.path === '/') return;
			copyUpAncestors(world, container, real.path);
			container.rw[real.path] = withMtime(real.entry, mtime);
		},
		links(path) {
			const real = stat(path, false);
			if (real.entry.kind !== 'dir') return 1;
			const mounted = inMount(real.path, false, (fs, rel) => fs.links(rel));
			if (mounted.done) return mounted.value;
			if (real.path === '/' || originsOf(world, container, real.path).filter(found => found.entry.kind === 'dir').length > 1) return 1;
			return 2 + listMerged(world, container, real.path).filter(found => found.entry.kind === 'dir').length;
		},
		now: () => world.clock,
	};
	return api;
}
