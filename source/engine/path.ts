/** POSIX path helpers shared by the host and container filesystems. Paths are absolute and normalised. */

export function splitPath(path: string): string[] {
	return path.split('/').filter(part => part !== '' && part !== '.');
}

/** Resolves `path` against `cwd` lexically (`..` and `.`), without following symlinks. */
export function normalizePath(path: string, cwd = '/'): string {
	const parts = path.startsWith('/') ? [] : splitPath(cwd);
	for (const part of path.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..') parts.pop();
		else parts.push(part);
	}
	return '/' + parts.join('/');
}

export function dirname(path: string): string {
	const index = path.lastIndexOf('/');
	return index <= 0 ? '/' : path.slice(0, index);
}

export function basename(path: string): string {
	const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
	return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, name: string): string {
	return dir === '/' ? '/' + name : dir + '/' + name;
}

/** True when `path` is `ancestor` or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
	return ancestor === '/' || path === ancestor || path.startsWith(ancestor + '/');
}

/** `path` relative to `ancestor`, as an absolute path inside it ('/' for the ancestor itself). */
export function relativeTo(path: string, ancestor: string): string {
	if (ancestor === '/') return path;
	return path === ancestor ? '/' : path.slice(ancestor.length);
}

/** Every ancestor of `path` from the top, excluding '/' and the path itself. */
export function ancestors(path: string): string[] {
	if (path.includes('//') || path.includes('/.')) {
		const parts = splitPath(path);
		const result: string[] = [];
		for (let i = 1; i < parts.length; i++) result.push('/' + parts.slice(0, i).join('/'));
		return result;
	}
	const result: string[] = [];
	let index = path.indexOf('/', 1);
	while (index > 0 && index < path.length - 1) {
		result.push(path.slice(0, index));
		index = path.indexOf('/', index + 1);
	}
	return result;
}

/** Orders paths the way a directory walk visits them: parents first, siblings by name. */
export function compareWalkOrder(a: string, b: string): number {
	const pa = splitPath(a);
	const pb = splitPath(b);
	const n = Math.min(pa.length, pb.length);
	for (let i = 0; i < n; i++) {
		if (pa[i] !== pb[i]) return pa[i]! < pb[i]! ? -1 : 1;
	}
	return pa.length - pb.length;
}
