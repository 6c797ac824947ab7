import type {Entry} from './world.js';
import {FsError} from './fsapi.js';
import {dirname, joinPath, normalizePath, splitPath} from './path.js';

export const ROOT_DIR: Entry = {kind: 'dir', mode: 0o755};

/**
 * Walks `path` component by component, following symlinks in directories (and in the final
 * component when `follow`), like the kernel's path lookup. `lookup` sees only real paths.
 * Returns the real path and its entry; throws ENOENT/ENOTDIR/ELOOP.
 */
export function resolveReal(lookup: (path: string) => Entry | undefined, path: string, follow: boolean): {path: string; entry: Entry} {
	let pending = splitPath(normalizeSlashes(path));
	let current = '/';
	const root = lookup('/') ?? ROOT_DIR;
	let currentEntry: Entry = root;
	let hops = 0;
	while (pending.length > 0) {
		const part = pending.shift()!;
		if (currentEntry.kind !== 'dir') throw new FsError('ENOTDIR');
		if (part === '..') {
			current = dirname(current);
			currentEntry = current === '/' ? root : (lookup(current) ?? root);
			continue;
		}
		const candidate = joinPath(current, part);
		const entry = lookup(candidate);
		if (!entry) throw new FsError('ENOENT');
		if (entry.kind === 'symlink' && (pending.length > 0 || follow)) {
			if (++hops > 40) throw new FsError('ELOOP');
			const target = entry.target.startsWith('/') ? entry.target : joinPath(current, entry.target);
			pending = [...splitPath(target.startsWith('/') ? target : '/' + target), ...pending];
			current = '/';
			currentEntry = root;
			continue;
		}
		current = candidate;
		currentEntry = entry;
	}
	return {path: current, entry: currentEntry};
}

/** Resolves the parent of `path` (following symlinks) and returns the real target path. */
export function resolveParent(lookup: (path: string) => Entry | undefined, path: string): {parent: string; target: string; name: string} {
	const normal = normalizePath(path);
	if (normal === '/') return {parent: '/', target: '/', name: ''};
	const parent = resolveReal(lookup, dirname(normal), true);
	if (parent.entry.kind !== 'dir') throw new FsError('ENOTDIR');
	const name = normal.slice(normal.lastIndexOf('/') + 1);
	return {parent: parent.path, target: joinPath(parent.path, name), name};
}

function normalizeSlashes(path: string): string {
	return path.includes('//') ? path.replace(/\/+/g, '/') : path;
}
