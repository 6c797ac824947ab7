/** `docker image prune [-a] [-f]`: removes images no container uses (untagged ones only, without -a). */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import {type World, removeImage, unusedImages} from '../../../engine/index.js';
import {flagBool, flagList} from '../../flags.js';
import {humanSize} from '../../render/format.js';

/** Removes the unused images; the daemon's `Deleted Images:` lines (lower case) and the bytes freed. */
export function pruneImages(world: World, all: boolean, until?: number): {lines: string[]; bytes: number} {
	const lines: string[] = [];
	let bytes = 0;
	for (const image of unusedImages(world, all)) {
		if (until !== undefined && image.created >= until) continue;
		// what goes is the layers no other image shares
		const others = new Set(
			Object.values(world.images)
				.filter(other => other.id !== image.id)
				.flatMap(other => other.layers),
		);
		bytes += image.layers.filter(layer => !others.has(layer)).reduce((sum, layer) => sum + (world.layers[layer]?.size ?? 0), 0);
		const ref = image.repoTags[0] ?? image.id;
		for (const line of removeImage(world, ref, true)) lines.push(line.charAt(0).toLowerCase() + line.slice(1));
		// a second tag of the same image leaves it in place: untag until it goes
		while (world.images[image.id])
			for (const line of removeImage(world, world.images[image.id]!.repoTags[0] ?? image.id, true)) lines.push(line.charAt(0).toLowerCase() + line.slice(1));
	}
	return {lines, bytes};
}

export function prune(ctx: DockerContext, command: ParsedCommand): number {
	const all = flagBool(command, 'all');
	if (!flagBool(command, 'force')) {
		const what = all ? 'all images without at least one container associated to them' : 'all dangling images';
		ctx.io.out(`WARNING! This will remove ${what}.\nAre you sure you want to continue? [y/N] \nTotal reclaimed space: 0B\n`);
		return 0;
	}
	const until = flagList(command, 'filter')
		.filter(f => f.startsWith('until='))
		.map(f => untilTime(ctx.world.clock, f.slice(6)))
		.at(-1);
	const {lines, bytes} = pruneImages(ctx.world, all, until);
	ctx.io.out(`${lines.length > 0 ? `Deleted Images:\n${lines.join('\n')}\n\n` : ''}Total reclaimed space: ${humanSize(bytes)}\n`);
	return 0;
}

/** `until=1h` (a Go duration before now) or a timestamp. */
function untilTime(now: number, value: string): number {
	const match = /^(\d+)(h|m|s)$/.exec(value);
	if (match) return now - Number(match[1]) * {h: 3_600_000, m: 60_000, s: 1000}[match[2] as 'h' | 'm' | 's'];
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) ? now : parsed;
}
