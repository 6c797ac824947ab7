/**
 * Reading containers without changing or running anything: finding one as the daemon does, what
 * `docker container diff` lists, the writable layer's size. Apart from containers.ts (which runs
 * programs, and so needs the shell and every program) so the lab's panes can read them cheaply.
 */
import {own, readonly, type Container, type World} from './world.js';
import {containerIdByName} from './names.js';
import {listMerged, lookupIn} from './unionfs.js';
import {treeSize} from './fsapi.js';
import {DaemonError} from './daemon-error.js';

/** Finds a container by full id, name, or unique id prefix, as the daemon does. */
export function findContainer(world: World, ref: string): Container | undefined {
	if (ref === '') return undefined;
	const name = ref.startsWith('/') ? ref.slice(1) : ref;
	const byId = own(world.containers, ref);
	if (byId) return byId;
	const byName = containerIdByName(world, name);
	if (byName !== undefined && own(world.containers, byName)) return world.containers[byName];
	const all = Object.values(readonly(world.containers));
	const prefixed = all.filter(container => container.id.startsWith(ref));
	if (prefixed.length > 1) throw new DaemonError(`Multiple IDs found with provided prefix: ${ref}`);
	return prefixed[0] && world.containers[prefixed[0].id];
}

/**
 * What `docker container diff` lists, in the order the daemon's tree comparison produces: a
 * directory before what changed inside it, additions and changes before deletions, names sorted
 * (the daemon walks a Go map there, so its sibling order varies; see docs/FIDELITY.md).
 */
export function containerChanges(world: World, container: Container): Array<{kind: 'A' | 'C' | 'D'; path: string}> {
	const lower: Container = {...container, rw: {}, mounts: []};
	const children = new Map<string, string[]>();
	for (const path of Object.keys(container.rw)) {
		const parent = path.slice(0, path.lastIndexOf('/')) || '/';
		const list = children.get(parent);
		if (list) list.push(path);
		else children.set(parent, [path]);
	}
	const changes: Array<{kind: 'A' | 'C' | 'D'; path: string}> = [];
	const visit = (dir: string) => {
		const paths = (children.get(dir) ?? []).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		for (const path of paths) {
			const entry = container.rw[path]!;
			if (entry.kind === 'whiteout') continue;
			const below = lookupIn(world, lower, path)?.entry;
			// overlay2: a folder copied up only because a file was made and removed in it again (same
			// mode, nothing changed beneath, not opaque) is no change.
			if (below?.kind === 'dir' && entry.kind === 'dir' && !entry.opaque && entry.mode === below.mode && !children.has(path)) continue;
			changes.push({kind: below ? 'C' : 'A', path});
			visit(path);
			// An opaque folder (removed and made again) hides everything the image had in it.
			if (below?.kind === 'dir' && entry.kind === 'dir' && entry.opaque) {
				for (const {path: hidden} of listMerged(world, lower, path)) if (!Object.hasOwn(container.rw, hidden)) changes.push({kind: 'D', path: hidden});
			}
		}
		for (const path of paths) if (container.rw[path]!.kind === 'whiteout') changes.push({kind: 'D', path});
	};
	visit('/');
	return changes;
}

/** Bytes in the writable layer, for `ps -s`. */
export function writableSize(container: Container): number {
	return treeSize(container.rw);
}
