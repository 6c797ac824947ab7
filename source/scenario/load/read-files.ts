/**
 * Reading what a lesson file names (its own text, `from:` folders, image copy sources and rootfs
 * files) so that nothing reaches outside the lesson's folder: every path is resolved with lstat, a
 * symlink is followed only when its final target stays inside the allowed root, devices, FIFOs and
 * sockets are refused before they are opened, size limits count the bytes actually read (a device
 * reports size 0), and a symlink loop is one message, not a path 1,000 levels long. Every file read
 * is recorded, so the start-up cache can tell when any of them changed.
 */
import {closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, realpathSync, type Stats} from 'node:fs';
import path from 'node:path';

export class ReadRefused extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ReadRefused';
	}
}

/** Symlinks followed in one lookup before it is called a loop (Linux stops at 40). */
const MAX_LINKS = 40;

export interface ReadOptions {
	/** Paths may not leave this folder (after following symlinks). */
	root: string;
	/** The most bytes the whole read may take (counted as read). */
	maxBytes: number;
	/** Every regular file read is added here (absolute, real path). */
	touched?: Set<string>;
	/** How the path is named in messages (what the lesson wrote). */
	label?: string;
	/** The allowed folder in messages ("the scenario's folder"). */
	where?: string;
}

function kindOf(stat: Stats): string | undefined {
	if (stat.isFIFO()) return 'a FIFO (named pipe)';
	if (stat.isSocket()) return 'a socket';
	if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
	return undefined;
}

function realRoot(root: string): string {
	try {
		return realpathSync(root);
	} catch {
		return path.resolve(root);
	}
}

function inside(root: string, full: string): boolean {
	const relative = path.relative(root, full);
	return relative === '' || (!relative.startsWith('..' + path.sep) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * Resolves `target` one component at a time, following symlinks with a count; refuses a loop and any
 * step that leaves `root`. Returns the real path and its (non-link) stat.
 */
export function resolveInside(target: string, root: string, label = target, where = "the scenario's folder"): {real: string; stat: Stats} {
	const top = realRoot(root);
	const absolute = path.resolve(target);
	// Start from the real root when the path is lexically inside the (possibly symlinked) root.
	const lexicalRoot = path.resolve(root);
	let pending: string[];
	let current: string;
	if (inside(lexicalRoot, absolute)) {
		current = top;
		pending = path
			.relative(lexicalRoot, absolute)
			.split(path.sep)
			.filter(part => part !== '' && part !== '.');
	} else if (inside(top, absolute)) {
		current = top;
		pending = path
			.relative(top, absolute)
			.split(path.sep)
			.filter(part => part !== '' && part !== '.');
	} else throw new ReadRefused(`"${label}" is outside ${where}`);
	let links = 0;
	let stat: Stats | undefined;
	while (pending.length > 0) {
		const part = pending.shift()!;
		if (part === '..') {
			current = path.dirname(current);
			if (!inside(top, current)) throw new ReadRefused(`"${label}" is outside ${where}`);
			continue;
		}
		const next = path.join(current, part);
		try {
			stat = lstatSync(next);
		} catch (error) {
			const code = (error as {code?: string}).code;
			if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReadRefused(`"${label}" does not exist`);
			throw new ReadRefused(`"${label}" cannot be read (${code ?? 'error'})`);
		}
		if (stat.isSymbolicLink()) {
			if (++links > MAX_LINKS) throw new ReadRefused(`"${label}" is a symlink loop (more than ${MAX_LINKS} links followed)`);
			const link = readlinkSync(next);
			const resolved = path.resolve(current, link);
			if (!inside(top, resolved)) throw new ReadRefused(`"${label}" is a symlink that leads outside ${where}`);
			current = top;
			pending = [
				...path
					.relative(top, resolved)
					.split(path.sep)
					.filter(item => item !== '' && item !== '.'),
				...pending,
			];
			continue;
		}
		current = next;
	}
	stat ??= lstatSync(current);
	return {real: current, stat};
}

/** readCountedBytes, decoded as UTF-8. */
function readCounted(real: string, label: string, budget: {left: number; limit: number}): string {
	return readCountedBytes(real, label, budget).toString('utf8');
}

/** Reads a regular file, counting bytes as they come; refuses devices, FIFOs and sockets. */
function readCountedBytes(real: string, label: string, budget: {left: number; limit: number}): Buffer {
	let fd: number;
	try {
		// O_NONBLOCK: a FIFO swapped in after the check does not block the open.
		fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
	} catch (error) {
		const code = (error as {code?: string}).code;
		throw new ReadRefused(`"${label}" cannot be read (${code === 'ELOOP' ? 'a symlink' : (code ?? 'error')})`);
	}
	try {
		const stat = fstatSync(fd);
		const kind = kindOf(stat);
		if (kind) throw new ReadRefused(`"${label}" is ${kind}, not a file`);
		if (!stat.isFile()) throw new ReadRefused(`"${label}" is not a regular file`);
		const chunks: Buffer[] = [];
		const chunk = Buffer.alloc(64 * 1024);
		for (;;) {
			const n = readSync(fd, chunk, 0, Math.min(chunk.length, budget.left + 1), null);
			if (n === 0) break;
			budget.left -= n;
			if (budget.left < 0) throw new ReadRefused(`"${label}" holds more than ${Math.round(budget.limit / 1024)} KiB`);
			chunks.push(Buffer.from(chunk.subarray(0, n)));
		}
		return Buffer.concat(chunks);
	} finally {
		closeSync(fd);
	}
}

export interface FolderEntry {
	/** Path relative to the folder read, with `/` ('' for the folder itself or a single file). */
	path: string;
	kind: 'dir' | 'file';
	content?: string;
	executable?: boolean;
}

/**
 * A file or folder inside `root`, whole: folders listed in name order, symlinks followed only when
 * they stay inside root, any device, FIFO or socket refused, bytes counted across every file.
 */
export function readTreeInside(target: string, options: ReadOptions): FolderEntry[] {
	const label = options.label ?? target;
	const budget = {left: options.maxBytes, limit: options.maxBytes};
	const entries: FolderEntry[] = [];
	const visiting = new Set<string>();
	const walk = (full: string, relative: string, shown: string) => {
		const {real, stat} = resolveInside(full, options.root, shown, options.where);
		const kind = kindOf(stat);
		if (kind) throw new ReadRefused(`"${shown}" is ${kind}, not a file`);
		if (stat.isDirectory()) {
			if (visiting.has(real)) throw new ReadRefused(`"${shown}" is a symlink loop (it leads back to a folder above it)`);
			visiting.add(real);
			entries.push({path: relative, kind: 'dir'});
			if (entries.length > 10_000) throw new ReadRefused(`"${label}" holds more than 10,000 files and folders`);
			for (const name of readdirSync(real).sort()) walk(path.join(real, name), relative === '' ? name : `${relative}/${name}`, `${shown}/${name}`);
			visiting.delete(real);
			return;
		}
		if (!stat.isFile()) throw new ReadRefused(`"${shown}" is not a regular file`);
		const content = readCounted(real, shown, budget);
		options.touched?.add(real);
		entries.push({path: relative, kind: 'file', content, executable: (stat.mode & 0o111) !== 0});
		if (entries.length > 10_000) throw new ReadRefused(`"${label}" holds more than 10,000 files and folders`);
	};
	walk(path.resolve(target), '', label);
	return entries;
}

/** A file named directly (a lesson file on the command line): any path, but only a regular file, bytes counted. */
export function readRegularFile(file: string, maxBytes: number, touched?: Set<string>): string {
	return readRegularBytes(file, maxBytes, touched).toString('utf8');
}

/** readRegularFile's bytes, not decoded (a long script is decoded a block at a time as it runs). */
export function readRegularBytes(file: string, maxBytes: number, touched?: Set<string>): Buffer {
	let real: string;
	try {
		real = realpathSync(file);
	} catch (error) {
		const code = (error as {code?: string}).code;
		if (code === 'ELOOP') throw new ReadRefused('is a symlink loop');
		throw Object.assign(new ReadRefused(code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `cannot read (${code ?? 'error'})`), {code});
	}
	const bytes = readCountedBytes(real, file, {left: maxBytes, limit: maxBytes});
	touched?.add(real);
	return bytes;
}
