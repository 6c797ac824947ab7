/**
 * The simulated disk's quota. Each writable area — the host's filesystem (the learner's home among
 * it), a volume, a container's writable layer — may hold at most AREA_QUOTA characters of file
 * content and link targets (directories are free, as `docker system df` counts them). A write that
 * would take its area past the quota fails with ENOSPC (`No space left on device`) and changes
 * nothing; each program reports it in its own words.
 *
 * The count lives on the world object that owns the tree (`HostState.used`, `Volume.used`,
 * `Container.used`), so undo and the lab's worker carry it with the files. It is measured once, on
 * the first change to an area that has none (one walk of that tree), and then kept by each write and
 * removal: the accounting is O(1) per write, never a walk of the tree. An area removed as a whole
 * (`docker rm`, `docker volume rm`) takes its count with it.
 */
import {FsError} from './fsapi.js';
import type {Entry, Tree} from './world.js';

/** Characters one area of the simulated disk may hold (four times the largest file, MAX_FILE_SIZE). */
export const AREA_QUOTA = 64 * 1024 * 1024;

/** The world object that owns an area's tree and keeps its count. */
export interface Area {
	/** Characters of file content and link targets in the area; absent until its first change. */
	used?: number;
}

/** What one entry takes on the disk, in characters. */
export function entryChars(entry: Entry | undefined): number {
	if (entry?.kind === 'file') return entry.content.length;
	if (entry?.kind === 'symlink') return entry.target.length;
	return 0;
}

/** The area's count, measured from its tree when it has none yet. */
export function usedOf(area: Area, tree: Tree): number {
	if (area.used === undefined) {
		let used = 0;
		for (const entry of Object.values(tree)) used += entryChars(entry);
		area.used = used;
	}
	return area.used;
}

let credit = 0;

/**
 * Runs `body` with `chars` more room on every area: `mv` copies and then removes, where the real
 * program renames (a rename takes no room), so the copy may pass the quota by what it moves.
 */
export function withCredit<T>(chars: number, body: () => T): T {
	const saved = credit;
	credit += chars;
	try {
		return body();
	} finally {
		credit = saved;
	}
}

/**
 * Records that the area grows (or shrinks) by `delta` characters; throws ENOSPC, before anything
 * changes, when growing would take it past the quota. Call it before the tree changes.
 */
export function charge(area: Area | undefined, tree: Tree, delta: number): void {
	if (!area || delta === 0) return;
	const used = usedOf(area, tree);
	if (delta > 0 && used + delta > AREA_QUOTA + credit) throw new FsError('ENOSPC');
	area.used = Math.max(0, used + delta);
}
