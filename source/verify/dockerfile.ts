/**
 * The image catalog as real Docker builds: each ImageDefinition (source/scenario/catalog/catalog.ts) becomes a
 * Dockerfile and a build context for the classic builder, so the simulator and the real engine are
 * built from one source of truth.
 *
 *   rootfs      ADD rootfsN.tar /      (a tarball of the listed tree; files marked `program: busybox`
 *                                      are the host's busybox-static binary)
 *   copy        COPY copyN/<name> <dest>   (the definition's file or folder, with its mode)
 *   workdir/run/cmd/entrypoint/env/volume/expose/user   the instruction of the same name
 *
 * Files marked `program: todo|gols` are the stand-in programs (docs/TODO-APP.md): the catalog file
 * itself, which the simulator replaces by its own program and the real image runs as a script.
 * Everything here is pure: the busybox binary is passed in.
 */
import {createHash} from 'node:crypto';
import type {BuildStep, CopySource, ImageDefinition, Tree} from '../engine/index.js';
import {tar, type TarEntry} from './tar.js';

export interface BuildContext {
	/** `name:tag` references the build is tagged with. */
	refs: string[];
	dockerfile: string;
	/** The context as tar entries (Dockerfile included), sorted by path. */
	entries: TarEntry[];
}

/** Supplies the bytes of a file the catalog names by program (`busybox`). */
export type ProgramFiles = (program: string, path: string) => Buffer;

function needsQuoting(word: string): boolean {
	return !/^[\w/.:@%+,$={}-]+$/.test(word);
}

function quote(value: string): string {
	return '"' + value.replace(/(["\\])/g, '\\$1') + '"';
}

function oneLine(what: string, text: string): string {
	if (/[\r\n]/.test(text)) throw new Error(`${what}: a Dockerfile instruction cannot hold a line break: ${JSON.stringify(text)}`);
	return text;
}

function commandForm(value: string | string[]): string {
	return typeof value === 'string' ? oneLine('command', value) : JSON.stringify(value);
}

function wordsForm(words: string[]): string {
	return words.some(needsQuoting) ? JSON.stringify(words) : words.join(' ');
}

function treeEntries(prefix: string, tree: Tree, programs: ProgramFiles): TarEntry[] {
	const entries: TarEntry[] = [];
	for (const [path, entry] of Object.entries(tree)) {
		const full = prefix + path;
		if (entry.kind === 'dir') entries.push({path: full, kind: 'dir', mode: entry.mode});
		else if (entry.kind === 'symlink') entries.push({path: full, kind: 'symlink', target: entry.target});
		else if (entry.kind === 'file') {
			let content: Buffer;
			if (entry.program === 'busybox') content = programs('busybox', path);
			else if (entry.size !== undefined && entry.size !== Buffer.byteLength(entry.content))
				throw new Error(`${path}: the catalog gives a size (${entry.size}) but not the content`);
			else content = Buffer.from(entry.content, 'utf8');
			if (entry.size !== undefined && content.length !== entry.size) {
				throw new Error(`${path}: the catalog says ${entry.size} bytes, the ${entry.program ?? 'file'} supplied has ${content.length} (install Debian 12's busybox-static)`);
			}
			entries.push({path: full, kind: 'file', mode: entry.mode, content});
		}
	}
	return entries;
}

function sourceEntries(dir: string, source: CopySource): TarEntry[] {
	if (source.kind === 'file') return [{path: `${dir}/${source.name}`, kind: 'file', mode: source.mode, content: Buffer.from(source.content, 'utf8')}];
	const root: TarEntry = {path: `${dir}/${source.name}`, kind: 'dir', mode: 0o755};
	return [
		root,
		...treeEntries(`${dir}/${source.name}`, source.tree, () => {
			throw new Error('a copied folder cannot hold programs');
		}),
	];
}

/** Parent folders of every entry, so the tar is complete. */
function withParents(entries: TarEntry[]): TarEntry[] {
	const byPath = new Map(entries.map(entry => [entry.path.replace(/^\/+/, ''), entry]));
	for (const entry of entries) {
		const parts = entry.path.replace(/^\/+/, '').split('/');
		for (let i = 1; i < parts.length; i++) {
			const dir = parts.slice(0, i).join('/');
			if (!byPath.has(dir)) byPath.set(dir, {path: dir, kind: 'dir', mode: 0o755});
		}
	}
	return [...byPath.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, entry]) => ({...entry, path}));
}

function instruction(step: BuildStep, index: number, files: TarEntry[], programs: ProgramFiles): string {
	switch (step.op) {
		case 'rootfs': {
			const name = `rootfs${index}.tar`;
			files.push({path: name, kind: 'file', mode: 0o644, content: tar(withParents(treeEntries('', step.tree, programs)))});
			return `ADD ${name} /`;
		}
		case 'copy': {
			const dir = `copy${index}`;
			const sources = step.sources.map(source => {
				files.push(...sourceEntries(dir, source));
				return `${dir}/${source.name}${source.kind === 'dir' ? '/' : ''}`;
			});
			return `COPY ${wordsForm([...sources, step.dest])}`;
		}
		case 'workdir':
			return `WORKDIR ${oneLine('workdir', step.path)}`;
		case 'run':
			return `RUN ${oneLine('run', step.command)}`;
		case 'cmd':
			return `CMD ${commandForm(step.value)}`;
		case 'entrypoint':
			return `ENTRYPOINT ${commandForm(step.value)}`;
		case 'env':
			return `ENV ${step.vars.map(([name, value]) => `${name}=${needsQuoting(value) ? quote(oneLine('env', value)) : value}`).join(' ')}`;
		case 'volume':
			return `VOLUME ${wordsForm(step.paths)}`;
		case 'expose':
			return `EXPOSE ${step.ports.join(' ')}`;
		case 'user':
			return `USER ${oneLine('user', step.user)}`;
	}
}

/** The Dockerfile and build context of one catalog image. */
export function buildContext(definition: ImageDefinition, programs: ProgramFiles): BuildContext {
	const refs = definition.tags.map(tag => `${definition.repository}:${tag}`);
	const files: TarEntry[] = [];
	const lines = [
		`# ${refs.join(', ')}: generated by layerlab (source/verify/dockerfile.ts) from the image catalog`,
		`FROM ${definition.from ?? 'scratch'}`,
		...definition.steps.map((step, index) => instruction(step, index, files, programs)),
	];
	const dockerfile = lines.join('\n') + '\n';
	const entries = withParents([{path: 'Dockerfile', kind: 'file', mode: 0o644, content: Buffer.from(dockerfile)}, ...files]);
	return {refs, dockerfile, entries};
}

/** The context as the tar `docker build -` reads from stdin. */
export function contextTar(context: BuildContext): Buffer {
	return tar(context.entries);
}

/**
 * The content hash of a build: its context bytes, its creation time (written into the image by
 * the registry step) and its base image's hash. Equal hashes give equal images.
 */
export function buildHash(context: BuildContext, created: string, parentHash: string | null): string {
	return createHash('sha256')
		.update('layerlab-image-v1\n')
		.update(`${created}\n${parentHash ?? 'scratch'}\n`)
		.update(contextTar(context))
		.digest('hex');
}
