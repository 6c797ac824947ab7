/** The daemon's side of images: references, pull from the simulated registry, remove, commit. */
import {own, readonly, clonePlain, type Container, type Image, type World} from './world.js';
import {DaemonError} from './daemon-error.js';
import {makeLayer, sha256} from './build.js';
import {parseImageRef, type ImageRef} from './refs.js';

/** Docker's reference grammar, enough to reject what the daemon rejects. */
export function isValidReference(ref: string): boolean {
	return /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/.test(ref);
}

/** A local image by `name[:tag]`, full or short id. */
export function findImage(world: World, ref: string): Image | undefined {
	const parsed = parseImageRef(ref);
	const images = Object.values(readonly(world.images));
	const tagged = images.find(image => image.repoTags.includes(parsed.full));
	if (tagged) return world.images[tagged.id];
	const id = ref.startsWith('sha256:') ? ref : 'sha256:' + ref;
	if (/^sha256:[0-9a-f]+$/.test(id) && ref.length >= 1) {
		const matches = images.filter(image => image.id.startsWith(id));
		if (matches.length === 1) return world.images[matches[0]!.id];
	}
	return undefined;
}

export interface PullLayer {
	/** First 12 hex of the blob digest, as pull progress shows it. */
	id: string;
	status: 'Already exists' | 'Pull complete';
}

export interface PullResult {
	ref: ImageRef;
	image: Image;
	layers: PullLayer[];
	digest: string;
	upToDate: boolean;
}

function localLayers(world: World): Set<string> {
	const present = new Set<string>();
	for (const image of Object.values(readonly(world.images))) for (const layer of image.layers) present.add(layer);
	return present;
}

export function pullImage(world: World, ref: string): PullResult {
	const parsed = parseImageRef(ref);
	const remote = own(world.registry, parsed.full);
	if (!remote) {
		const known = Object.keys(world.registry).some(key => key.startsWith(parsed.repository + ':'));
		if (known) throw new DaemonError(`manifest for ${parsed.full} not found: manifest unknown: manifest unknown`);
		throw new DaemonError(
			`pull access denied for ${parsed.repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
		);
	}
	const existing = findImage(world, parsed.full);
	if (existing && existing.id === remote.image.id) {
		return {ref: parsed, image: existing, layers: [], digest: remote.manifestDigest, upToDate: true};
	}
	const present = localLayers(world);
	const seen = new Set<string>();
	const layers: PullLayer[] = [];
	for (const digest of remote.image.layers) {
		const blob = world.layers[digest]!.blob;
		if (seen.has(blob)) continue;
		seen.add(blob);
		layers.push({id: blob.slice(7, 19), status: present.has(digest) ? 'Already exists' : 'Pull complete'});
	}
	// A tag moves to the pulled image; the old image keeps its other tags or becomes dangling.
	if (existing) existing.repoTags = existing.repoTags.filter(tag => tag !== parsed.full);
	const local: Image = world.images[remote.image.id] ?? {...clonePlain(remote.image), repoTags: [], repoDigests: []};
	if (!local.repoTags.includes(parsed.full)) local.repoTags.push(parsed.full);
	const digestRef = `${parsed.repository}@${remote.manifestDigest}`;
	if (!local.repoDigests.includes(digestRef)) local.repoDigests.push(digestRef);
	local.source = 'pull';
	world.images[local.id] = local;
	return {ref: parsed, image: local, layers, digest: remote.manifestDigest, upToDate: false};
}

/** ChainIDs: how the daemon names layers in `Deleted:` lines. */
export function chainIds(layers: string[]): string[] {
	const chain: string[] = [];
	for (const digest of layers) {
		const previous = chain.at(-1);
		chain.push(previous ? 'sha256:' + sha256(`${previous} ${digest}`) : digest);
	}
	return chain;
}

/** `docker image rm`: untag, and delete the image and its unshared layers when no tag is left. */
export function removeImage(world: World, ref: string, force: boolean): string[] {
	const image = findImage(world, ref);
	const parsed = parseImageRef(ref);
	if (!image) throw new DaemonError(`No such image: ${parsed.full}`);
	const byTag = image.repoTags.includes(parsed.full);
	const users = Object.values(readonly(world.containers)).filter(container => container.imageId === image.id);
	if (!byTag && !force && image.repoTags.length > 1) {
		throw new DaemonError(`conflict: unable to delete ${image.id.slice(7, 19)} (must be forced) - image is referenced in multiple repositories`);
	}
	if (users.length > 0 && !force && (!byTag || image.repoTags.length === 1)) {
		const running = users.find(container => container.status === 'running');
		const user = running ?? users[0]!;
		if (byTag)
			throw new DaemonError(
				`conflict: unable to remove repository reference "${ref}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${image.id.slice(7, 19)}`,
			);
		throw new DaemonError(`conflict: unable to delete ${image.id.slice(7, 19)} (must be forced) - image is being used by stopped container ${user.id.slice(0, 12)}`);
	}
	const lines: string[] = [];
	// An image a build (or commit) made others from keeps its layers for them: by id it cannot go, by tag it is only untagged.
	const hasChildren = Object.values(readonly(world.images)).some(other => other.parent === image.id);
	if (hasChildren && !byTag) throw new DaemonError(`conflict: unable to delete ${image.id.slice(7, 19)} (cannot be forced) - image has dependent child images`);
	if (byTag && image.repoTags.length > 1) {
		image.repoTags = image.repoTags.filter(tag => tag !== parsed.full);
		return [`Untagged: ${parsed.full}`];
	}
	for (const tag of image.repoTags) lines.push(`Untagged: ${tag}`);
	for (const digest of image.repoDigests) lines.push(`Untagged: ${digest}`);
	if (users.length > 0 || hasChildren) {
		image.repoTags = [];
		image.repoDigests = [];
		return lines;
	}
	// The image, then each parent a build left that nothing else needs (untagged, no other child, no container).
	for (let doomed: Image | undefined = image; doomed;) {
		delete world.images[doomed.id];
		lines.push(`Deleted: ${doomed.id}`);
		const stillUsed = new Set<string>();
		for (const other of Object.values(readonly(world.images))) chainIds(other.layers).forEach(id => stillUsed.add(id));
		const chain = chainIds(doomed.layers);
		for (let i = chain.length - 1; i >= 0; i--) {
			if (stillUsed.has(chain[i]!)) break;
			lines.push(`Deleted: ${chain[i]}`);
		}
		const parent: Image | undefined = doomed.parent ? world.images[doomed.parent] : undefined;
		const needed: boolean =
			!parent ||
			parent.repoTags.length > 0 ||
			Object.values(readonly(world.images)).some(other => other.parent === parent.id) ||
			Object.values(readonly(world.containers)).some(container => container.imageId === parent.id);
		doomed = needed ? undefined : parent;
	}
	return lines;
}

/** `docker container commit`: the writable layer becomes a new layer on top of the image. */
export function commitContainer(world: World, container: Container, ref: string | undefined): Image {
	const base = world.images[container.imageId]!;
	const layer = makeLayer(clonePlain(container.rw));
	world.layers[layer.digest] ??= layer;
	world.serial++;
	const created = world.clock + world.serial;
	const config = clonePlain(base.config);
	config.cmd = container.config.cmd;
	config.entrypoint = container.config.entrypoint;
	config.env = [...container.config.env];
	config.workingDir = container.config.workingDir;
	config.exposedPorts = [...container.config.exposedPorts];
	const history = [...base.history, {created, createdBy: '', emptyLayer: false, comment: ''}];
	const layers = [...base.layers, layer.digest];
	const id = 'sha256:' + sha256(JSON.stringify({config, layers, history, created}));
	const parsed = ref ? parseImageRef(ref) : undefined;
	if (parsed) {
		for (const other of Object.values(readonly(world.images))) {
			if (other.repoTags.includes(parsed.full)) world.images[other.id]!.repoTags = other.repoTags.filter(tag => tag !== parsed.full);
		}
	}
	const image: Image = {id, repoTags: parsed ? [parsed.full] : [], repoDigests: [], layers, config, history, created, parent: base.id, comment: '', source: 'commit'};
	world.images[id] = image;
	return image;
}

/** `docker image tag SOURCE TARGET`: the target name moves to the source's image. */
export function tagImage(world: World, source: string, target: string): void {
	const image = findImage(world, source);
	if (!image) throw new DaemonError(`No such image: ${parseImageRef(source).full}`);
	const parsed = parseImageRef(target);
	for (const other of Object.values(readonly(world.images))) {
		if (other.id !== image.id && other.repoTags.includes(parsed.full)) world.images[other.id]!.repoTags = other.repoTags.filter(tag => tag !== parsed.full);
	}
	if (!image.repoTags.includes(parsed.full)) image.repoTags.push(parsed.full);
}

/** Images no container uses, for `image prune -a` and `system prune -a`; without `all`, only untagged ones. */
export function unusedImages(world: World, all: boolean): Image[] {
	const used = new Set(Object.values(readonly(world.containers)).map(container => container.imageId));
	return Object.values(readonly(world.images)).filter(image => !used.has(image.id) && (all || image.repoTags.length === 0));
}
