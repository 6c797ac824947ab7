/**
 * Builds images from Dockerfile-like definitions the way Docker's classic builder does: one layer per
 * ADD/COPY/RUN/WORKDIR, metadata for the rest, each layer content-addressed so identical layers are
 * shared between images. RUN steps run in the lab's own shell inside a build container, so a layer
 * holds exactly what the command changed (copy-up included).
 */
import {createHash} from 'node:crypto';
import {clonePlain, type Container, type HistoryEntry, type Image, type ImageConfig, type Layer, type RemoteImage, type Tree, type World} from './world.js';
import {containerFs} from './unionfs.js';
import {normalizePath, joinPath, basename, compareWalkOrder} from './path.js';
import {runInContainer, DEFAULT_PATH, envRecord} from './process.js';
import {treeSize, withMtime} from './fsapi.js';
import {stepContainerRecord} from './containers.js';

export type CopySource = {kind: 'file'; name: string; content: string; mode: number; size?: number; program?: string} | {kind: 'dir'; name: string; tree: Tree};

export type BuildStep =
	| {op: 'rootfs'; tree: Tree}
	| {op: 'copy'; sources: CopySource[]; dest: string}
	| {op: 'workdir'; path: string}
	| {op: 'run'; command: string}
	| {op: 'cmd'; value: string | string[]}
	| {op: 'entrypoint'; value: string | string[]}
	| {op: 'env'; vars: Array<[string, string]>}
	| {op: 'volume'; paths: string[]}
	| {op: 'expose'; ports: string[]}
	| {op: 'user'; user: string};

export interface ImageDefinition {
	/** Repository, e.g. `diamol/ch06-random-number`. */
	repository: string;
	tags: string[];
	/** `name:tag` of the parent image, or null for `FROM scratch`. */
	from: string | null;
	/** ISO time the image was built. */
	created: string;
	/** Present on the learner's machine at the start (pulled in earlier chapters). */
	local: boolean;
	steps: BuildStep[];
}

/**
 * Leaves files' times out of the lab's content hashes: the same content is the same layer whenever it
 * was written (the catalog's images and a learner's build of the same Dockerfile share layers).
 */
function timeless(key: string, value: unknown): unknown {
	return key === 'mtime' ? undefined : value;
}

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** A layer's digest: the hash of its entries in walk order, like a tar of the layer. */
export function layerDigest(entries: Tree): string {
	const paths = Object.keys(entries).sort(compareWalkOrder);
	return (
		'sha256:' +
		sha256(
			JSON.stringify(
				paths.map(path => [path, entries[path]]),
				timeless,
			),
		)
	);
}

export function makeLayer(entries: Tree): Layer {
	const digest = layerDigest(entries);
	return {digest, blob: 'sha256:' + sha256('blob\n' + digest), entries, size: treeSize(entries)};
}

export function emptyConfig(): ImageConfig {
	return {env: [], cmd: null, entrypoint: null, workingDir: '', volumes: [], exposedPorts: [], user: '', argsEscaped: false, labels: {}};
}

/** Replaces `$VAR` and `${VAR}` with build-time ENV values, as Dockerfile instructions do. */
function substitute(text: string, env: string[]): string {
	const vars = envRecord(env);
	return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a: string | undefined, b: string | undefined) => vars[(a ?? b)!] ?? '');
}

export function formatJsonArray(value: string[]): string {
	return '[' + value.map(item => JSON.stringify(item)).join(' ') + ']';
}

export const NOP = '/bin/sh -c #(nop) ';

/** A throwaway container over the given layers, whose writable layer becomes the next layer. */
function buildContainer(config: ImageConfig): Container {
	return stepContainerRecord({
		id: 'build',
		name: 'build',
		imageId: 'build',
		created: 0,
		argv: [],
		hostname: 'build',
		image: '',
		cmd: null,
		env: config.env,
		workingDir: config.workingDir,
		user: config.user,
	});
}

export function contentHash(source: CopySource): string {
	return (source.kind === 'file' ? 'file:' : 'dir:') + sha256(JSON.stringify(source, timeless));
}

/** Builds one definition on top of already built images; adds layers and the image to `world`. */
export function buildImage(world: World, definition: ImageDefinition, images: Map<string, Image>): Image {
	const parent = definition.from === null ? undefined : images.get(definition.from);
	if (definition.from !== null && !parent) throw new Error(`image ${definition.repository}: base image ${definition.from} is not defined before it`);
	const created = Date.parse(definition.created);
	const config: ImageConfig = parent ? clonePlain(parent.config) : emptyConfig();
	if (!parent) config.env = [];
	const layers = parent ? [...parent.layers] : [];
	const history: HistoryEntry[] = parent ? [...parent.history] : [];

	const scratchImageId = 'build:' + definition.repository;
	const withLayers = (fn: (container: Container) => void): void => {
		// Register a temporary image so the union view can find the layers.
		world.images[scratchImageId] = {
			id: scratchImageId,
			repoTags: [],
			repoDigests: [],
			layers: [...layers],
			config,
			history: [],
			created,
			parent: '',
			comment: '',
			source: 'preloaded',
		};
		const container = buildContainer(config);
		container.imageId = scratchImageId;
		fn(container);
		delete world.images[scratchImageId];
		// The real images' files all carry the tars' time (IMAGE_MTIME): the catalog's layers keep none of their own.
		for (const [path, entry] of Object.entries(container.rw)) if (entry.kind !== 'whiteout' && entry.mtime !== undefined) container.rw[path] = withMtime(entry, undefined, true);
		const layer = makeLayer(container.rw);
		world.layers[layer.digest] ??= layer;
		layers.push(layer.digest);
	};
	const meta = (createdBy: string) => history.push({created, createdBy, emptyLayer: true, comment: ''});
	const changed = (createdBy: string) => history.push({created, createdBy, emptyLayer: false, comment: ''});

	for (const step of definition.steps) {
		switch (step.op) {
			case 'rootfs': {
				const layer = makeLayer(step.tree);
				world.layers[layer.digest] ??= layer;
				layers.push(layer.digest);
				changed(`${NOP}ADD file:${sha256(layer.digest)} in / `);
				if (!config.env.some(item => item.startsWith('PATH='))) config.env.push(`PATH=${DEFAULT_PATH}`);
				break;
			}
			case 'workdir': {
				const path = normalizePath(substitute(step.path, config.env), config.workingDir || '/');
				config.workingDir = path;
				withLayers(container => mkdirs(containerFs(world, container), path));
				changed(`${NOP}WORKDIR ${path}`);
				break;
			}
			case 'copy': {
				const dest = substitute(step.dest, config.env);
				withLayers(container => copyInto(world, container, step.sources, dest, config.workingDir || '/'));
				const what = step.sources.length === 1 ? contentHash(step.sources[0]!) : 'multi:' + sha256(JSON.stringify(step.sources));
				changed(`${NOP}COPY ${what} in ${dest} `);
				break;
			}
			case 'run': {
				withLayers(container => {
					const result = runInContainer(world, container, ['/bin/sh', '-c', step.command], {canBlock: false, tty: false});
					if (result.status !== 0) throw new Error(`image ${definition.repository}: RUN ${step.command} failed (${result.output.map(line => line.text).join('')})`);
				});
				changed(`/bin/sh -c ${step.command}`);
				break;
			}
			case 'cmd':
			case 'entrypoint': {
				const value = typeof step.value === 'string' ? ['/bin/sh', '-c', step.value] : step.value;
				if (step.op === 'cmd') config.cmd = value;
				else {
					config.entrypoint = value;
					config.cmd = null;
				}
				if (typeof step.value === 'string') config.argsEscaped = true;
				meta(`${NOP} ${step.op.toUpperCase()} ${formatJsonArray(value)}`);
				break;
			}
			case 'env': {
				for (const [name, raw] of step.vars) {
					const value = substitute(raw, config.env);
					config.env = [...config.env.filter(item => !item.startsWith(name + '=')), `${name}=${value}`];
				}
				meta(`${NOP} ENV ${step.vars.map(([name]) => config.env.find(item => item.startsWith(name + '='))).join(' ')}`);
				break;
			}
			case 'volume': {
				const paths = step.paths.map(path => substitute(path, config.env));
				for (const path of paths) if (!config.volumes.includes(path)) config.volumes.push(path);
				meta(`${NOP} VOLUME [${paths.join(' ')}]`);
				break;
			}
			case 'expose': {
				for (const port of step.ports) {
					const full = port.includes('/') ? port : `${port}/tcp`;
					if (!config.exposedPorts.includes(full)) config.exposedPorts.push(full);
				}
				meta(`${NOP} EXPOSE ${step.ports.join(' ')}`);
				break;
			}
			case 'user': {
				config.user = substitute(step.user, config.env);
				meta(`${NOP} USER ${config.user}`);
				break;
			}
		}
	}

	const body = JSON.stringify({config, layers, history, created});
	const image: Image = {
		id: 'sha256:' + sha256(body),
		repoTags: definition.tags.map(tag => `${definition.repository}:${tag}`),
		repoDigests: [],
		layers,
		config,
		history,
		created,
		parent: '',
		comment: '',
		source: 'preloaded',
	};
	return image;
}

/** COPY semantics: a directory source copies its contents; a trailing `/` (or `.`) means "into". */
export function copyInto(world: World, container: Container, sources: CopySource[], rawDest: string, workdir: string): void {
	const fs = containerFs(world, container);
	const dest = normalizePath(rawDest, workdir);
	const intoDir = rawDest.endsWith('/') || rawDest === '.' || rawDest.endsWith('/.') || sources.length > 1 || sources.some(source => source.kind === 'dir') || isDir(fs, dest);
	if (intoDir) mkdirs(fs, dest);
	for (const source of sources) {
		if (source.kind === 'dir') {
			for (const path of Object.keys(source.tree).sort(compareWalkOrder)) {
				const entry = source.tree[path]!;
				const target = joinPath(dest, path.slice(1));
				if (entry.kind === 'dir') mkdirs(fs, target, entry.mode);
				else if (entry.kind === 'file') writeFile(container, fs, target, entry);
			}
			continue;
		}
		const target = intoDir ? joinPath(dest, basename(source.name)) : dest;
		mkdirs(fs, target.slice(0, target.lastIndexOf('/')) || '/');
		writeFile(container, fs, target, {kind: 'file', mode: source.mode, content: source.content, size: source.size, program: source.program});
	}
}

/** `mkdir -p`, one level at a time (each level's parent exists when it is made). */
export function mkdirs(fs: ReturnType<typeof containerFs>, path: string, mode?: number): void {
	let at = '';
	for (const part of path.split('/').filter(Boolean)) {
		at += '/' + part;
		if (!isDir(fs, at)) fs.mkdir(at, mode === undefined ? {} : {mode});
	}
}

function isDir(fs: ReturnType<typeof containerFs>, path: string): boolean {
	try {
		return fs.stat(path).entry.kind === 'dir';
	} catch {
		return false;
	}
}

function writeFile(container: Container, fs: ReturnType<typeof containerFs>, target: string, entry: Extract<Tree[string], {kind: 'file'}>): void {
	fs.write(target, entry.content, {mode: entry.mode});
	const written = container.rw[target];
	if (written?.kind === 'file') {
		if (entry.size !== undefined) written.size = entry.size;
		if (entry.program !== undefined) written.program = entry.program;
	}
}

/** Builds every definition in order and publishes them to the registry; returns the local ones. */
export function buildCatalog(world: World, definitions: ImageDefinition[]): void {
	const built = new Map<string, Image>();
	for (const definition of definitions) {
		const image = buildImage(world, definition, built);
		for (const tag of image.repoTags) {
			built.set(tag, image);
			const remote: RemoteImage = {ref: tag, image, manifestDigest: 'sha256:' + sha256('manifest\n' + image.id)};
			world.registry[tag] = remote;
		}
		if (definition.local) {
			const local = clonePlain(image);
			local.repoDigests = image.repoTags.map(tag => `${tag.slice(0, tag.lastIndexOf(':'))}@${world.registry[tag]!.manifestDigest}`);
			world.images[local.id] = local;
		}
	}
}
