/**
 * A small, deterministic tar writer (ustar, as `tar --format=ustar` writes it): enough for a Docker
 * build context and a root filesystem tarball. Entries are written in the order given; owners are
 * root, and every entry gets the same mtime, so the same input always gives the same bytes.
 */

export type TarEntry = {path: string; kind: 'file'; mode: number; content: Buffer} | {path: string; kind: 'dir'; mode: number} | {path: string; kind: 'symlink'; target: string};

/** 2019-09-19 00:00:00 UTC: the images' time, and the mtime of every entry. */
export const TAR_MTIME = Date.UTC(2019, 8, 19) / 1000;

const BLOCK = 512;

function octal(value: number, width: number): string {
	return value.toString(8).padStart(width - 1, '0') + '\0';
}

function splitName(name: string): {name: string; prefix: string} {
	if (Buffer.byteLength(name) <= 100) return {name, prefix: ''};
	for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
		const prefix = name.slice(0, i);
		const rest = name.slice(i + 1);
		if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return {name: rest, prefix};
	}
	throw new Error(`tar: path too long: ${name}`);
}

function header(entry: TarEntry, size: number): Buffer {
	const block = Buffer.alloc(BLOCK);
	const path = entry.path.replace(/^\/+/, '') + (entry.kind === 'dir' && !entry.path.endsWith('/') ? '/' : '');
	const {name, prefix} = splitName(path);
	const mode = entry.kind === 'symlink' ? 0o777 : entry.mode;
	block.write(name, 0, 100, 'utf8');
	block.write(octal(mode & 0o7777, 8), 100, 8, 'ascii');
	block.write(octal(0, 8), 108, 8, 'ascii');
	block.write(octal(0, 8), 116, 8, 'ascii');
	block.write(octal(size, 12), 124, 12, 'ascii');
	block.write(octal(TAR_MTIME, 12), 136, 12, 'ascii');
	block.write('        ', 148, 8, 'ascii');
	block.write(entry.kind === 'file' ? '0' : entry.kind === 'dir' ? '5' : '2', 156, 1, 'ascii');
	if (entry.kind === 'symlink') block.write(entry.target, 157, 100, 'utf8');
	block.write('ustar\u000000', 257, 8, 'ascii');
	block.write('root', 265, 32, 'ascii');
	block.write('root', 297, 32, 'ascii');
	block.write(octal(0, 8), 329, 8, 'ascii');
	block.write(octal(0, 8), 337, 8, 'ascii');
	block.write(prefix, 345, 155, 'utf8');
	let sum = 0;
	for (const byte of block) sum += byte;
	block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
	return block;
}

/** The archive's bytes. */
export function tar(entries: TarEntry[]): Buffer {
	const parts: Buffer[] = [];
	for (const entry of entries) {
		if (entry.kind === 'symlink' && Buffer.byteLength(entry.target) > 100) throw new Error(`tar: link target too long: ${entry.target}`);
		const content = entry.kind === 'file' ? entry.content : Buffer.alloc(0);
		parts.push(header(entry, content.length), content);
		const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
		if (pad) parts.push(Buffer.alloc(pad));
	}
	parts.push(Buffer.alloc(BLOCK * 2));
	return Buffer.concat(parts);
}
