/** Small helpers the row builders share: cut cells, status words, image names, memo caches keyed on world slices. */
import type {Container, Image, World} from '../../engine/index.js';
import type {Changes} from '../../lab/model/changes.js';
import {humanSize} from '../../docker/render/size.js';
import {truncate} from '../text/width.js';
import {safeText} from '../../text/safe.js';

export {humanSize};

export function cut(text: string, width: number): string {
	return truncate(safeText(text), width);
}

/** The state word docker ps would print, short: `Up`, `Exited (0)`, `Created`. */
export function shortStatus(container: Container): string {
	if (container.status === 'running') return container.paused ? 'Paused' : 'Up';
	if (container.status === 'created') return 'Created';
	return `Exited (${container.exitCode})`;
}

export function statusTone(container: Container): 'running' | 'exited' | 'created' | 'fail' {
	if (container.status === 'running') return 'running';
	if (container.status === 'created') return 'created';
	return container.exitCode === 0 ? 'exited' : 'fail';
}

/** The name an image goes by: its first tag, or its short id. */
export function imageName(image: Image | undefined, fallback = ''): string {
	if (!image) return fallback;
	return image.repoTags[0]?.replace(/:latest$/, '') ?? image.id.slice(7, 19);
}

/**
 * One-slot memo keyed on object identity: immer keeps untouched slices of the world identical, so a
 * builder that reads `world.containers` recomputes only when containers changed.
 */
export function memoByRef<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
	return memoOn((...args: A) => args, fn);
}

/** The same, keyed on the identity of what `keys` picks from the arguments rather than on all of them. */
export function memoOn<A extends readonly unknown[], R>(keys: (...args: A) => readonly unknown[], fn: (...args: A) => R): (...args: A) => R {
	let last: {key: readonly unknown[]; result: R} | undefined;
	return (...args: A) => {
		const key = keys(...args);
		if (last && sameParts(last.key, key)) return last.result;
		const result = fn(...args);
		last = {key, result};
		return result;
	};
}

/** Two memo keys are the same when they hold the same objects, in order. */
export function sameParts(a: readonly unknown[], b: readonly unknown[]): boolean {
	return a.length === b.length && a.every((part, index) => part === b[index]);
}

/**
 * memoByRef with `slots` entries, the most recently used kept: the App's derivations hold both the
 * state on screen and the state an Enter would lead to (worked out in the pause), and a keystroke
 * between them must not evict either. `same` says when two calls' arguments give the same result
 * (by default: the same objects, in order).
 */
export function memoSlots<A extends readonly unknown[], R>(slots: number, fn: (...args: A) => R, same: (a: A, b: A) => boolean = sameParts): (...args: A) => R {
	const entries: Array<{key: A; result: R}> = [];
	return (...args: A) => {
		const at = entries.findIndex(entry => same(entry.key, args));
		const entry = at >= 0 ? entries.splice(at, 1)[0]! : {key: args, result: fn(...args)};
		entries.unshift(entry);
		if (entries.length > slots) entries.pop();
		return entry.result;
	};
}

/**
 * A pane's view of the last command's changes: the same object as long as the parts the pane shows
 * are the same objects (diffWorlds gives an empty part as NO_CHANGES' own), so rows memoised on it
 * survive a command that changed nothing the pane shows.
 */
export function changesFor(parts: ReadonlyArray<keyof Changes>): (changes: Changes) => Changes {
	let last: Changes | undefined;
	return changes => {
		if (last && parts.every(part => last![part] === changes[part])) return last;
		last = changes;
		return changes;
	};
}

/**
 * A list's items, the previous list when equal item by item (each item's values identical, arrays
 * element by element): a command that changed a container's files leaves "who uses this image" as it
 * was, and the rows drawn from the list stay memoised.
 */
export function sameAsBefore<T extends object>(): (items: readonly T[]) => readonly T[] {
	let last: readonly T[] | undefined;
	const same = (a: T, b: T) => {
		if (a === b) return true;
		const keys = Object.keys(a) as Array<keyof T>;
		if (keys.length !== Object.keys(b).length) return false;
		return keys.every(key => {
			const x = a[key];
			const y = b[key];
			if (x === y) return true;
			return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((value, index) => value === y[index]);
		});
	};
	// The list last given, too: the same list again (a memoised builder's) is answered without comparing.
	let given: readonly T[] | undefined;
	return items => {
		if (items === given && last) return last;
		given = items;
		if (last && (last === items || (last.length === items.length && items.every((item, index) => same(item, last![index]!))))) return last;
		last = items;
		return items;
	};
}

const newestFirst = (a: Container, b: Container) => b.created - a.created || (a.id < b.id ? -1 : 1);

/**
 * Containers newest first, as `docker ps -a` lists them (memoised on `world.containers`). A command
 * that changes containers but neither adds nor removes one (an exec, a start) keeps the order: the
 * last order is checked and reused instead of sorting every container again.
 */
export const sortedContainers = memoByRef((containers: World['containers']): Container[] => {
	const last = lastOrder;
	if (last && last.length === Object.keys(containers).length) {
		const reused: Container[] = [];
		for (const previous of last) {
			const container = containers[previous.id];
			if (!container || container.created !== previous.created) break;
			reused.push(container);
		}
		if (reused.length === last.length) return (lastOrder = reused);
	}
	return (lastOrder = Object.values(containers).sort(newestFirst));
});
let lastOrder: Container[] | undefined;

/** Volume name → names of the containers that mount it (memoised on `world.containers`). */
export const volumeUsersIndex = memoByRef((containers: World['containers']): Map<string, string[]> => {
	const index = new Map<string, string[]>();
	for (const container of sortedContainers(containers)) {
		for (const mount of container.mounts) {
			if (mount.type !== 'volume') continue;
			const list = index.get(mount.name);
			if (list) {
				if (!list.includes(container.name)) list.push(container.name);
			} else index.set(mount.name, [container.name]);
		}
	}
	return index;
});

/** Layer digest → the local images that contain it (memoised on `world.images`). */
export const layerImagesIndex = memoByRef((images: World['images']): Map<string, string[]> => {
	const index = new Map<string, string[]>();
	for (const image of Object.values(images)) {
		const name = imageName(image);
		for (const digest of image.layers) {
			const list = index.get(digest);
			if (list) list.push(name);
			else index.set(digest, [name]);
		}
	}
	return index;
});
