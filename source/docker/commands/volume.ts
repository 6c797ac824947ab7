/** `docker volume …`: create, ls, inspect, rm, prune. */
import type {ParsedCommand} from '../parse.js';
import {daemonError, type DockerContext, printInspect} from '../io.js';
import {flagBool, flagString} from '../flags.js';
import {createVolume, volumeUsers, randomHex, treeSize, own, readonly, type Volume} from '../../engine/index.js';
import {humanSize, table} from '../render/format.js';
import {volumeInspect} from '../render/inspect.js';
import {printRows} from '../render/listformat.js';

export function volumeCreate(ctx: DockerContext, command: ParsedCommand): number {
	const name = command.args[0] ?? flagString(command, 'name');
	if (name !== undefined && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) {
		return daemonError(
			ctx.io,
			`create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
		);
	}
	ctx.world.serial++;
	const volume = createVolume(ctx.world, name ?? randomHex(ctx.world, 64), name === undefined);
	ctx.io.out(volume.name + '\n');
	return 0;
}

function sortedVolumes(volumes: Volume[]): Volume[] {
	return [...volumes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function volumeLs(ctx: DockerContext, command: ParsedCommand): number {
	const volumes = sortedVolumes(Object.values(readonly(ctx.world.volumes)));
	if (flagBool(command, 'quiet')) {
		ctx.io.out(volumes.map(volume => volume.name + '\n').join(''));
		return 0;
	}
	const format = flagString(command, 'format');
	if (format !== undefined && format !== 'table') {
		return printRows(
			ctx.io,
			format,
			volumes.map(volume => ({
				Driver: 'local',
				Name: volume.name,
				Scope: 'local',
				Mountpoint: `/var/lib/docker/volumes/${volume.name}/_data`,
				Labels: '',
				Links: 'N/A',
				Size: 'N/A',
			})),
		);
	}
	ctx.io.out(table([['DRIVER', 'VOLUME NAME'], ...volumes.map(volume => ['local', volume.name])]));
	return 0;
}

export function volumeInspectCommand(ctx: DockerContext, command: ParsedCommand): number {
	const elements = command.args.map(name => {
		const volume = own(ctx.world.volumes, name);
		return volume ? volumeInspect(volume) : new Error(`Error response from daemon: get ${name}: no such volume`);
	});
	return printInspect(ctx.io, flagString(command, 'format') ?? '', elements);
}

export function volumeRm(ctx: DockerContext, command: ParsedCommand): number {
	let status = 0;
	for (const name of command.args) {
		const volume = own(ctx.world.volumes, name);
		if (!volume) {
			status = daemonError(ctx.io, `get ${name}: no such volume`);
			continue;
		}
		const users = volumeUsers(ctx.world, name);
		if (users.length > 0 && !flagBool(command, 'force')) {
			status = daemonError(ctx.io, `remove ${name}: volume is in use - [${users.map(user => user.id).join(', ')}]`);
			continue;
		}
		delete ctx.world.volumes[name];
		ctx.io.out(name + '\n');
	}
	return status;
}

/** Current Docker (API 1.42+) prunes only anonymous volumes unless `--all`. */
export function volumePrune(ctx: DockerContext, command: ParsedCommand): number {
	const all = flagBool(command, 'all');
	if (!flagBool(command, 'force')) {
		ctx.io.out(
			all
				? 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] '
				: 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ',
		);
		ctx.io.out('\nTotal reclaimed space: 0B\n');
		return 0;
	}
	const removed: Volume[] = [];
	for (const volume of sortedVolumes(Object.values(readonly(ctx.world.volumes)))) {
		if ((!volume.anonymous && !all) || volumeUsers(ctx.world, volume.name).length > 0) continue;
		removed.push(volume);
		delete ctx.world.volumes[volume.name];
	}
	const bytes = removed.reduce((sum, volume) => sum + treeSize(volume.files), 0);
	const list = removed.length > 0 ? 'Deleted Volumes:\n' + removed.map(volume => volume.name + '\n').join('') + '\n' : '';
	ctx.io.out(`${list}Total reclaimed space: ${humanSize(bytes)}\n`);
	return 0;
}
