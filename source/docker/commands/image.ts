/** `docker image …`: pull, ls, history, inspect, rm. */
import type {ParsedCommand} from '../parse.js';
import {readonly, DaemonError, imageSize, findImage, parseImageRef, pullImage, removeImage, type PullResult, imageLayers} from '../../engine/index.js';
import {daemonError, missingTagNote, type DockerContext, printInspect} from '../io.js';
import {flagBool, flagString} from '../flags.js';
import {ago, ellipsis, humanSize, table} from '../render/format.js';
import {imageInspect} from '../render/inspect.js';
import {printRows} from '../render/listformat.js';

/** What a terminal shows once a pull's progress bars have settled. */
export function printPull(ctx: DockerContext, result: PullResult, explicit: boolean): void {
	const {io} = ctx;
	const lines: string[] = [];
	lines.push(`${result.ref.tag}: Pulling from ${result.ref.repository.includes('/') ? result.ref.repository : 'library/' + result.ref.repository}`);
	for (const layer of result.layers) lines.push(`${layer.id}: ${layer.status} `);
	lines.push(`Digest: ${result.digest}`);
	lines.push(result.upToDate ? `Status: Image is up to date for ${result.ref.full}` : `Status: Downloaded newer image for ${result.ref.full}`);
	if (explicit) lines.push(`docker.io/${result.ref.repository.includes('/') ? result.ref.repository : 'library/' + result.ref.repository}:${result.ref.tag}`);
	io.out(lines.join('\n') + '\n');
}

export function pull(ctx: DockerContext, command: ParsedCommand): number {
	const ref = command.args[0]!;
	if (!ref.includes(':') || ref.lastIndexOf(':') < ref.lastIndexOf('/')) ctx.io.out('Using default tag: latest\n');
	try {
		printPull(ctx, pullImage(ctx.world, ref), true);
		return 0;
	} catch (error) {
		if (error instanceof DaemonError) {
			const status = daemonError(ctx.io, error.message);
			missingTagNote(ctx.io, ctx.world.registry, error.message);
			return status;
		}
		throw error;
	}
}

export function imageLs(ctx: DockerContext, command: ParsedCommand): number {
	const {world, io} = ctx;
	const filter = command.args[0] ? parseImageRef(command.args[0]) : undefined;
	const rows: Array<{repository: string; tag: string; id: string; created: number; size: number}> = [];
	// Without --all, untagged images that are another image's parent (a build's intermediate steps) are hidden.
	const parents = new Set(Object.values(readonly(world.images)).map(image => image.parent));
	const all = flagBool(command, 'all');
	for (const image of Object.values(readonly(world.images))) {
		if (!all && image.repoTags.length === 0 && parents.has(image.id)) continue;
		// untagged but pulled: the repository its digest names, tag <none>
		const tags = image.repoTags.length > 0 ? image.repoTags : image.repoDigests.length > 0 ? image.repoDigests.map(d => `${d.split('@')[0]}:<none>`) : ['<none>:<none>'];
		for (const tag of tags) {
			const index = tag.lastIndexOf(':');
			const repository = tag.slice(0, index);
			const name = tag.slice(index + 1);
			if (filter && (repository !== filter.repository || (command.args[0]!.includes(':') && name !== filter.tag))) continue;
			rows.push({repository, tag: name, id: image.id, created: image.created, size: imageSize(world, image)});
		}
	}
	// the daemon lists an image's names in the order of their full references (docker.io/library/alpine:3.9)
	const fullName = (row: {repository: string; tag: string}) => `${row.repository.includes('/') ? row.repository : `library/${row.repository}`}:${row.tag}`;
	rows.sort((a, b) => b.created - a.created || bytewise(fullName(a), fullName(b)));
	if (flagBool(command, 'quiet')) {
		io.out([...new Set(rows.map(row => (flagBool(command, 'no-trunc') ? row.id : row.id.slice(7, 19))))].map(id => id + '\n').join(''));
		return 0;
	}
	const noTrunc = flagBool(command, 'no-trunc');
	const format = flagString(command, 'format');
	if (format !== undefined && format !== 'table') {
		return printRows(
			io,
			format,
			rows.map(row => ({
				Repository: row.repository,
				Tag: row.tag,
				ID: noTrunc ? row.id : row.id.slice(7, 19),
				Digest: '<none>',
				CreatedSince: ago(world.clock, row.created),
				CreatedAt: new Date(row.created)
					.toISOString()
					.replace('T', ' ')
					.replace(/\.\d+Z$/, ' +0000 UTC'),
				Size: humanSize(row.size),
				Containers: 'N/A',
				SharedSize: 'N/A',
				UniqueSize: 'N/A',
				VirtualSize: humanSize(row.size),
			})),
			{ID: 'IMAGE ID'},
		);
	}
	io.out(
		table([
			['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'],
			...rows.map(row => [row.repository, row.tag, noTrunc ? row.id : row.id.slice(7, 19), ago(world.clock, row.created), humanSize(row.size)]),
		]),
	);
	return 0;
}

export function history(ctx: DockerContext, command: ParsedCommand): number {
	const {world, io} = ctx;
	const image = findImage(world, command.args[0]!);
	if (!image) return daemonError(io, `No such image: ${command.args[0]}`);
	const noTrunc = flagBool(command, 'no-trunc');
	const human = command.flags.human === undefined ? true : flagBool(command, 'human');
	const layers = imageLayers(world, image.id);
	let layerIndex = 0;
	const sizes = image.history.map(entry => (entry.emptyLayer ? 0 : (layers[layerIndex++]?.size ?? 0)));
	// A row names an image when that image (the one itself, or a parent it was committed from) is
	// local; rows of pulled images' own history have no local image: <missing>.
	const ids = new Map<number, string>([[image.history.length - 1, image.id]]);
	for (let parent = world.images[image.parent]; parent; parent = world.images[parent.parent]) ids.set(parent.history.length - 1, parent.id);
	const rows = image.history
		.map((entry, index) => ({
			id: ids.has(index) ? (noTrunc ? ids.get(index)! : ids.get(index)!.slice(7, 19)) : '<missing>',
			created: human ? ago(world.clock, entry.created) : new Date(entry.created).toISOString().replace('.000Z', 'Z'),
			createdBy: noTrunc ? entry.createdBy : ellipsis(entry.createdBy.replace(/\t/g, ' '), 45),
			size: human ? humanSize(sizes[index]!) : String(sizes[index]),
			comment: entry.comment,
		}))
		.reverse();
	if (flagBool(command, 'quiet')) {
		io.out(rows.map(row => row.id + '\n').join(''));
		return 0;
	}
	io.out(table([['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], ...rows.map(row => [row.id, row.created, row.createdBy, row.size, row.comment])]));
	return 0;
}

export function imageInspectCommand(ctx: DockerContext, command: ParsedCommand): number {
	const format = flagString(command, 'format') ?? '';
	const elements = command.args.map(ref => {
		const image = findImage(ctx.world, ref);
		return image ? imageInspect(ctx.world, image, {typed: format !== ''}) : new Error(`Error response from daemon: No such image: ${ref}`);
	});
	return printInspect(ctx.io, format, elements);
}

export function imageRm(ctx: DockerContext, command: ParsedCommand): number {
	let status = 0;
	for (const ref of command.args) {
		try {
			ctx.io.out(
				removeImage(ctx.world, ref, flagBool(command, 'force'))
					.map(line => line + '\n')
					.join(''),
			);
		} catch (error) {
			if (!(error instanceof DaemonError)) throw error;
			status = daemonError(ctx.io, error.message);
		}
	}
	return status;
}

function bytewise(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
