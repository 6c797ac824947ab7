import type {Tree} from './world.js';
import {isWithin} from './path.js';
import {entryChars} from './disk.js';

/**
 * Child names of `dir` in a flat tree. Image layers never change once built, so their answers are
 * cached per tree object; writable trees (host, volumes, writable layers) are scanned.
 */
const childCache = new WeakMap<Tree, Map<string, string[]>>();

function scanChildren(tree: Tree, dir: string): string[] {
	const prefix = dir === '/' ? '/' : dir + '/';
	const names: string[] = [];
	for (const path of Object.keys(tree)) {
		if (path.startsWith(prefix)) {
			const rest = path.slice(prefix.length);
			if (rest !== '' && !rest.includes('/')) names.push(rest);
		}
	}
	return names;
}

export function childNames(tree: Tree, dir: string, immutable = false): string[] {
	if (!immutable) return scanChildren(tree, dir);
	let byDir = childCache.get(tree);
	if (!byDir) {
		byDir = new Map();
		for (const path of Object.keys(tree)) {
			const index = path.lastIndexOf('/');
			const parent = index <= 0 ? '/' : path.slice(0, index);
			const list = byDir.get(parent);
			if (list) list.push(path.slice(index + 1));
			else byDir.set(parent, [path.slice(index + 1)]);
		}
		childCache.set(tree, byDir);
	}
	return byDir.get(dir) ?? [];
}

/** Deletes `path` and everything under it; returns the characters the deleted entries held (engine/disk.ts). */
export function deleteSubtree(tree: Tree, path: string): number {
	let freed = 0;
	for (const key of Object.keys(tree)) {
		if (isWithin(key, path)) {
			freed += entryChars(tree[key]);
			delete tree[key];
		}
	}
	return freed;
}

export function bytewise(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
