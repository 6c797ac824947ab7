/** `docker image save -o FILE IMAGE...` and `docker image load -i FILE`: image archives on the learner's host. */
import type {ParsedCommand} from '../../parse.js';
import {daemonError, type DockerContext} from '../../io.js';
import {flagBool, flagString} from '../../flags.js';
import {type Image, type Layer, findImage, parseImageRef, treeFs, normalizePath, entrySize} from '../../../engine/index.js';
import {humanSize} from '../../render/format.js';
import {outputPathError, writeArchive} from '../container/export.js';

interface ImageArchive {
	images: Array<{image: Image; tags: string[]}>;
	layers: Layer[];
}

export function save(ctx: DockerContext, command: ParsedCommand): number {
	const output = flagString(command, 'output');
	if (output !== undefined) {
		const error = outputPathError(ctx, output);
		if (error) {
			ctx.io.err(`failed to save image: ${error}\n`);
			return 1;
		}
	} else if (ctx.io.tty) {
		ctx.io.err('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
		return 1;
	}
	const archive: ImageArchive = {images: [], layers: []};
	for (const ref of command.args) {
		const image = findImage(ctx.world, ref);
		if (!image) return daemonError(ctx.io, 'reference does not exist');
		const named = image.repoTags.includes(parseImageRef(ref).full) ? [parseImageRef(ref).full] : image.repoTags;
		archive.images.push({image, tags: named});
		for (const digest of image.layers) if (!archive.layers.some(l => l.digest === digest)) archive.layers.push(ctx.world.layers[digest]!);
	}
	return writeArchive(ctx, output, 'image', archive);
}

/** Bytes of a layer's tar: a 512-byte header per entry, data padded to 512, a 1 KiB trailer. */
function layerTarSize(layer: Layer): number {
	let size = 1024;
	for (const entry of Object.values(layer.entries)) size += 512 + Math.ceil(entrySize(entry) / 512) * 512;
	return size;
}

export function load(ctx: DockerContext, command: ParsedCommand): number {
	const input = flagString(command, 'input');
	let content: string;
	if (input !== undefined) {
		try {
			content = treeFs(ctx.world.host.files).read(normalizePath(input, ctx.io.cwd));
		} catch {
			ctx.io.err(`open ${input}: no such file or directory\n`);
			return 1;
		}
	} else {
		content = ctx.io.stdin ?? '';
		if (content === '') {
			ctx.io.err('requested load from stdin, but stdin is empty\n');
			return 1;
		}
	}
	const [marker, body] = content.split('\n') as [string, string?];
	if (marker !== 'layerlab image archive' || body === undefined) return daemonError(ctx.io, 'unexpected EOF');
	const archive = JSON.parse(body) as ImageArchive;
	const quiet = flagBool(command, 'quiet');
	for (const layer of archive.layers) {
		if (ctx.world.layers[layer.digest] && Object.values(ctx.world.images).some(image => image.layers.includes(layer.digest))) continue;
		ctx.world.layers[layer.digest] = layer;
		const size = humanSize(layerTarSize(layer), 4);
		if (!quiet && ctx.io.tty) ctx.io.out(`${layer.digest.slice(7, 19)}: Loading layer [==================================================>]  ${size}/${size}\n`);
	}
	for (const {image, tags} of archive.images) {
		const existing = ctx.world.images[image.id];
		for (const tag of tags) {
			for (const other of Object.values(ctx.world.images)) if (other.id !== image.id) other.repoTags = other.repoTags.filter(t => t !== tag);
		}
		if (existing) existing.repoTags = [...new Set([...existing.repoTags, ...tags])];
		else ctx.world.images[image.id] = {...image, repoTags: tags, repoDigests: []};
		for (const tag of tags) ctx.io.out(`Loaded image: ${tag}\n`);
	}
	return 0;
}
