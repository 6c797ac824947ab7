import type {Entry} from './world.js';

/** Error numbers the simulated programs can meet, with the text libc gives them. */
export const ERRNO_TEXT = {
	ENOENT: 'No such file or directory',
	ENOTDIR: 'Not a directory',
	EISDIR: 'Is a directory',
	EROFS: 'Read-only file system',
	EEXIST: 'File exists',
	ENOTEMPTY: 'Directory not empty',
	EBUSY: 'Resource busy',
	ELOOP: 'Too many levels of symbolic links',
	EINVAL: 'Invalid argument',
	ENOSPC: 'No space left on device',
} as const;

/**
 * The simulated disk's bound on one file: a write that would make a file larger fails with ENOSPC
 * (`No space left on device`, as a full disk answers) and leaves the file as it was.
 */
export const MAX_FILE_SIZE = 16 * 1024 * 1024;

/** The content a write leaves, or ENOSPC when it would pass MAX_FILE_SIZE (checked before building it). */
export function grown(previous: string | undefined, content: string, append: boolean | undefined): string {
	const size = (append && previous ? previous.length : 0) + content.length;
	if (size > MAX_FILE_SIZE) throw new FsError('ENOSPC');
	return append && previous ? previous + content : content;
}

export type Errno = keyof typeof ERRNO_TEXT;

/**
 * A failed filesystem call. Not an Error subclass on purpose: programs meet these constantly (every
 * PATH lookup), and capturing a stack trace for each would dominate the engine's run time.
 */
export class FsError {
	readonly message: string;
	constructor(readonly code: Errno) {
		this.message = ERRNO_TEXT[code];
	}
	toString(): string {
		return this.message;
	}
}

/** 2019-09-19 00:00:00 UTC: the time of every file in the catalog images (their layers are built from tars stamped with it). */
export const IMAGE_MTIME = Date.UTC(2019, 8, 19);

/** An entry's modification time in ms (the images' time when it has none of its own). */
export function mtimeOf(entry: Entry): number {
	return entry.kind === 'whiteout' ? IMAGE_MTIME : (entry.mtime ?? IMAGE_MTIME);
}

/** The entry with its modification time set (whiteouts have none); `clear` removes it. */
export function withMtime(entry: Entry, mtime: number | undefined, clear = false): Entry {
	if (clear && entry.kind !== 'whiteout') {
		const {mtime: _dropped, ...rest} = entry;
		return rest;
	}
	return entry.kind === 'whiteout' || mtime === undefined ? entry : {...entry, mtime};
}

export interface Stat {
	/** The real path after following symlinks. */
	path: string;
	entry: Entry;
}

/**
 * What a program sees of a filesystem: the host's, or a container's union view.
 * Every method throws FsError; paths are absolute.
 */
export interface FsApi {
	/** Follows symlinks (also in the final component unless `follow` is false). */
	stat(path: string, follow?: boolean): Stat;
	/** Child names of a directory, sorted bytewise. */
	list(path: string): string[];
	read(path: string): string;
	write(path: string, content: string, options?: {append?: boolean; mode?: number}): void;
	mkdir(path: string, options?: {parents?: boolean; mode?: number}): void;
	remove(path: string, options?: {recursive?: boolean}): void;
	/** Sets a file's or directory's permission bits. */
	chmod(path: string, mode: number): void;
	/** Creates a symbolic link at `path` pointing to `target`. */
	symlink(path: string, target: string): void;
	/** Sets the modification time (ms) of what `path` names, following symlinks (`touch -d`). */
	utime(path: string, mtime: number): void;
	/** The link count `ls -l` and `stat` show: 1 for a file, 2 + sub-directories for a directory (1 for an overlay directory merged from several layers). */
	links(path: string): number;
	/** The clock writes are stamped with (ms), when the filesystem has one. */
	now(): number | undefined;
}

export function byteLength(text: string): number {
	return Buffer.byteLength(text, 'utf8');
}

/** Docker's size of a layer or a volume: the bytes of its files and symlinks (directories are free). */
export function treeSize(tree: Record<string, Entry>): number {
	let size = 0;
	for (const entry of Object.values(tree)) size += entrySize(entry);
	return size;
}

export function entrySize(entry: Entry): number {
	if (entry.kind === 'file') return entry.size ?? byteLength(entry.content);
	if (entry.kind === 'symlink') return entry.target.length;
	return 0;
}
