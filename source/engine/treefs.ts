import type {Entry, Tree} from './world.js';
import {FsError, grown, withMtime, type FsApi, type Stat} from './fsapi.js';
import {resolveParent, resolveReal, ROOT_DIR} from './resolve.js';
import {bytewise, childNames, deleteSubtree} from './tree.js';
import {ancestors} from './path.js';

/**
 * A plain filesystem stored in one flat tree: the learner's host, or a volume's contents. With a
 * `clock`, every change stamps what it made and the folder it changed with the clock's time, as a
 * real filesystem does.
 */
export function treeFs(tree: Tree, clock?: () => number): FsApi {
	const lookup = (path: string): Entry | undefined => (path === '/' ? ROOT_DIR : tree[path]);

	const stat = (path: string, follow = true): Stat => resolveReal(lookup, path, follow);
	const now = () => clock?.();
	/** A folder's entries changed: it takes the clock's time. */
	const changed = (path: string) => {
		const index = path.lastIndexOf('/');
		const parent = index <= 0 ? '/' : path.slice(0, index);
		const entry = tree[parent];
		if (entry && clock) tree[parent] = withMtime(entry, clock());
	};

	return {
		stat,
		list(path) {
			const dir = stat(path);
			if (dir.entry.kind !== 'dir') throw new FsError('ENOTDIR');
			return childNames(tree, dir.path).sort(bytewise);
		},
		read(path) {
			const file = stat(path);
			if (file.entry.kind === 'dir') throw new FsError('EISDIR');
			return file.entry.kind === 'file' ? file.entry.content : '';
		},
		write(path, content, options = {}) {
			const {target} = resolveTarget(lookup, path);
			const existing = lookup(target);
			if (existing?.kind === 'dir') throw new FsError('EISDIR');
			const previous = existing?.kind === 'file' ? existing : undefined;
			const next = grown(previous?.content, content, options.append);
			tree[target] = withMtime({kind: 'file', mode: options.mode ?? previous?.mode ?? 0o644, content: next}, now() ?? previous?.mtime);
			if (!previous) changed(target);
		},
		mkdir(path, options = {}) {
			if (options.parents) {
				const real = resolveParentsCreating(tree, lookup, path, options.mode, now, changed);
				if (real) return;
			}
			const {target} = resolveParent(lookup, path);
			if (target === '/' || tree[target]) throw new FsError('EEXIST');
			tree[target] = withMtime({kind: 'dir', mode: options.mode ?? 0o755}, now());
			changed(target);
		},
		remove(path, options = {}) {
			const {target} = resolveParent(lookup, path);
			const entry = lookup(target);
			if (!entry) throw new FsError('ENOENT');
			if (target === '/') throw new FsError('EBUSY');
			if (entry.kind === 'dir' && !options.recursive && childNames(tree, target).length > 0) {
				throw new FsError('ENOTEMPTY');
			}
			deleteSubtree(tree, target);
			changed(target);
		},
		chmod(path, mode) {
			const real = stat(path);
			if (real.path === '/') return;
			const entry = tree[real.path]!;
			if (entry.kind === 'file' || entry.kind === 'dir') tree[real.path] = {...entry, mode};
		},
		symlink(path, target) {
			const {target: real} = resolveParent(lookup, path);
			if (lookup(real)) throw new FsError('EEXIST');
			tree[real] = withMtime({kind: 'symlink', target}, now());
			changed(real);
		},
		utime(path, mtime) {
			const real = stat(path);
			if (real.path !== '/') tree[real.path] = withMtime(tree[real.path]!, mtime);
		},
		links(path) {
			const real = stat(path, false);
			if (real.entry.kind !== 'dir') return 1;
			return 2 + childNames(tree, real.path).filter(name => tree[real.path === '/' ? '/' + name : `${real.path}/${name}`]?.kind === 'dir').length;
		},
		now,
	};
}

/** The real path a write to `path` lands on: follows a symlink in the final component. */
function resolveTarget(lookup: (path: string) => Entry | undefined, path: string): {target: string} {
	const {target} = resolveParent(lookup, path);
	const entry = lookup(target);
	if (entry?.kind === 'symlink') {
		try {
			return {target: resolveReal(lookup, target, true).path};
		} catch {
			return resolveParent(lookup, resolveSymlinkTarget(target, entry.target));
		}
	}
	return {target};
}

function resolveSymlinkTarget(at: string, target: string): string {
	if (target.startsWith('/')) return target;
	const dir = at.slice(0, at.lastIndexOf('/')) || '/';
	return dir === '/' ? '/' + target : dir + '/' + target;
}

/** `mkdir -p`: creates every missing directory; true when the path already is a directory. */
function resolveParentsCreating(
	tree: Tree,
	lookup: (path: string) => Entry | undefined,
	path: string,
	mode = 0o755,
	now: () => number | undefined = () => undefined,
	changed: (path: string) => void = () => {},
): boolean {
	const normal = path.startsWith('/') ? path : '/' + path;
	for (const dir of [...ancestors(normal), normal]) {
		let real: {path: string; entry: Entry} | undefined;
		try {
			real = resolveReal(lookup, dir, true);
		} catch (error) {
			if (!(error instanceof FsError) || error.code !== 'ENOENT') throw error;
		}
		if (real) {
			if (real.entry.kind !== 'dir') throw new FsError(dir === normal ? 'EEXIST' : 'ENOTDIR');
			continue;
		}
		const {target} = resolveParent(lookup, dir);
		tree[target] = withMtime({kind: 'dir', mode}, now());
		changed(target);
	}
	return true;
}
