/** `docker container …` besides run/create: start, stop, restart, rm, ls, logs, exec, cp, diff, inspect, commit, prune. */
import type {ParsedCommand} from '../parse.js';
import {daemonError, type DockerContext, printInspect} from '../io.js';
import {flagBool, flagInt, flagList, flagString} from '../flags.js';
import {
	containerChanges,
	DaemonError,
	execInContainer,
	findContainer,
	imageSize,
	killContainer,
	removeContainer,
	requireContainer,
	startContainer,
	stopContainer,
	writableSize,
	commitContainer,
	isNetworkName,
	own,
	readonly,
	type Container,
	type World,
	findImage,
	containerFs,
	treeFs,
	copyPath,
	FsError,
	type FsApi,
	basename,
	joinPath,
	normalizePath,
	AREA_QUOTA,
} from '../../engine/index.js';
import {ago, containerStatus, displayPorts, ellipsis, humanSize, table} from '../render/format.js';
import {containerInspect, imageInspect, overlayId, volumeInspect} from '../render/inspect.js';
import {goQuote, goTimeString, type GoValue} from '../../go/index.js';
import {printRows} from '../render/listformat.js';
import {heldNote} from './held.js';

/** The time in whole seconds, as time.Time String() prints it: `2026-01-05 09:00:01 +0000 UTC`. */
function goDate(ms: number): string {
	return goTimeString(new Date(Math.floor(ms / 1000) * 1000).toISOString());
}

/**
 * Runs `action` on one named container; a daemon error becomes `Error response from daemon: …`.
 * `read`: the action only reads the container, so it gets it without drafting the world's containers
 * (under the lab's undo history, reaching a container through the draft copies the whole record).
 */
export function withContainer(ctx: DockerContext, ref: string, action: (container: Container) => number, {read = false}: {read?: boolean} = {}): number {
	try {
		return action(requireContainer(read ? readonly(ctx.world) : ctx.world, ref));
	} catch (error) {
		if (error instanceof DaemonError) return daemonError(ctx.io, error.message);
		throw error;
	}
}

/** Sends a program's output line to the matching stream. */
function emitLine(ctx: DockerContext): (line: {stream: 'stdout' | 'stderr'; text: string}) => void {
	return line => (line.stream === 'stdout' ? ctx.io.out(line.text) : ctx.io.err(line.text));
}

/** Runs `action` for each named container; reports each failure; exit 1 if any failed. */
export function forEachContainer(ctx: DockerContext, refs: string[], action: (container: Container, ref: string) => void): {status: number; failed: string[]} {
	let status = 0;
	const failed: string[] = [];
	for (const ref of refs) {
		try {
			action(requireContainer(ctx.world, ref), ref);
		} catch (error) {
			if (!(error instanceof DaemonError)) throw error;
			status = daemonError(ctx.io, error.message);
			failed.push(ref);
		}
	}
	return {status, failed};
}

export function start(ctx: DockerContext, command: ParsedCommand): number {
	const attach = flagBool(command, 'attach');
	let attachedStatus = 0;
	const {status, failed} = forEachContainer(ctx, command.args, (container, ref) => {
		if (container.networkMode !== undefined && !isNetworkName(ctx.world, container.networkMode)) throw new DaemonError(`network ${container.networkMode} not found`);
		const result = startContainer(ctx.world, container, {
			attach,
			columns: ctx.io.columns,
			onOutput: attach ? emitLine(ctx) : undefined,
		});
		if (!attach) ctx.io.out(ref + '\n');
		if (attach && typeof result.status === 'number') attachedStatus = result.status;
		if (attach && result.session) {
			// Without -i the terminal shows the shell but its input does not reach it.
			const deaf = result.session.deaf || !flagBool(command, 'interactive');
			ctx.world.host.session = {...result.session, sigProxy: !container.config.tty, ...(deaf ? {deaf: true} : {})};
			if (deaf) ctx.io.err(heldNote(container.name));
		}
	});
	if (failed.length > 0) {
		ctx.io.err(`Error: failed to start containers: ${failed.join(', ')}\n`);
		return 1;
	}
	return status || attachedStatus;
}

export function stop(ctx: DockerContext, command: ParsedCommand): number {
	return forEachContainer(ctx, command.args, (container, ref) => {
		stopContainer(ctx.world, container);
		ctx.io.out(ref + '\n');
	}).status;
}

export function restart(ctx: DockerContext, command: ParsedCommand): number {
	return forEachContainer(ctx, command.args, (container, ref) => {
		stopContainer(ctx.world, container);
		startContainer(ctx.world, container, {attach: false, columns: ctx.io.columns});
		ctx.io.out(ref + '\n');
	}).status;
}

export function rm(ctx: DockerContext, command: ParsedCommand): number {
	const force = flagBool(command, 'force');
	return forEachContainer(ctx, command.args, (container, ref) => {
		if (force) killContainer(ctx.world, container);
		removeContainer(ctx.world, container, {force, volumes: flagBool(command, 'volumes')});
		ctx.io.out(ref + '\n');
	}).status;
}

/** The SIZE of `ps -s`: the writable layer, and with the image's layers. */
function sizeColumn(ctx: DockerContext, container: Container): string {
	const rw = writableSize(container);
	return `${humanSize(rw)} (virtual ${humanSize(rw + imageSize(ctx.world, ctx.world.images[container.imageId]!))})`;
}

/** `docker ps`: quoted, shell-escaped command cut to 20 runes, like the CLI's formatter. */
/** The daemon lists the name a container was made from while it still names that image; otherwise its image id (a rebuild or pull moved the tag). */
function listedImage(world: World, container: Container, noTrunc: boolean): string {
	if (findImage(world, container.config.image)?.id === container.imageId) return container.config.image;
	return noTrunc ? container.imageId : container.imageId.slice(7, 19);
}

export function quotedCommand(container: Container, noTrunc: boolean): string {
	const text =
		container.args.length === 0 ? container.path : `${container.path} ${container.args.map(arg => (/[\s'"]/.test(arg) ? `'${arg.replace(/'/g, `'"'"'`)}'` : arg)).join(' ')}`;
	return goQuote(noTrunc ? text : ellipsis(text, 20)); // strconv.Quote
}

export function ls(ctx: DockerContext, command: ParsedCommand): number {
	const {world, io} = ctx;
	let containers = Object.values(readonly(world.containers)).sort((a, b) => b.created - a.created);
	const last = flagInt(command, 'last');
	const latest = flagBool(command, 'latest');
	// a status filter looks at every container, as -a does
	const byStatus = flagList(command, 'filter').some(filter => filter.startsWith('status='));
	if (!flagBool(command, 'all') && last === undefined && !latest && !byStatus) containers = containers.filter(container => container.status === 'running');
	for (const filter of flagList(command, 'filter')) {
		const [key, value = ''] = filter.split('=') as [string, string?];
		if (key === 'status') containers = containers.filter(container => (container.status === 'running' && container.paused ? 'paused' : container.status) === value);
		else if (key === 'name') containers = containers.filter(container => container.name.includes(value));
		else if (key === 'ancestor') containers = containers.filter(container => container.config.image === value || findImage(world, value)?.id === container.imageId);
		else if (key === 'volume') containers = containers.filter(container => container.mounts.some(mount => mount.name === value || mount.destination === value));
		else if (key === 'id') containers = containers.filter(container => container.id.startsWith(value));
	}
	if (latest) containers = containers.slice(0, 1);
	else if (last !== undefined && last >= 0) containers = containers.slice(0, last);
	const noTrunc = flagBool(command, 'no-trunc');
	if (flagBool(command, 'quiet')) {
		io.out(containers.map(container => (noTrunc ? container.id : container.id.slice(0, 12)) + '\n').join(''));
		return 0;
	}
	const size = flagBool(command, 'size');
	const format = flagString(command, 'format');
	if (format !== undefined && format !== 'table') {
		const rows = containers.map(container => ({
			ID: noTrunc ? container.id : container.id.slice(0, 12),
			Image: listedImage(world, container, noTrunc),
			Command: quotedCommand(container, noTrunc),
			CreatedAt: goDate(container.created),
			RunningFor: ago(world.clock, container.created),
			Ports: displayPorts(container),
			State: container.status === 'running' && container.paused ? 'paused' : container.status,
			Status: containerStatus(container, world.clock),
			Size: sizeColumn(ctx, container),
			Names: container.name,
			Labels: '',
			Mounts: container.mounts.map(mount => (mount.type === 'volume' ? (mount.name.length > 15 ? mount.name.slice(0, 15) + '…' : mount.name) : mount.source)).join(','),
			Networks: 'bridge',
			LocalVolumes: String(container.mounts.filter(mount => mount.type === 'volume').length),
		}));
		return printRows(io, format, rows);
	}
	const header = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(size ? ['SIZE'] : [])];
	const rows = containers.map(container => [
		noTrunc ? container.id : container.id.slice(0, 12),
		listedImage(world, container, noTrunc),
		quotedCommand(container, noTrunc),
		ago(world.clock, container.created),
		containerStatus(container, world.clock),
		displayPorts(container),
		container.name,
		...(size ? [sizeColumn(ctx, container)] : []),
	]);
	io.out(table([header, ...rows]));
	return 0;
}

export function logs(ctx: DockerContext, command: ParsedCommand): number {
	return withContainer(
		ctx,
		command.args[0]!,
		container => {
			let lines = container.logs;
			const tail = flagString(command, 'tail');
			if (tail !== undefined && tail !== 'all') {
				const n = Number(tail);
				lines = n >= 0 ? lines.slice(Math.max(0, lines.length - n)) : lines;
			}
			lines.forEach(emitLine(ctx));
			return 0;
		},
		{read: true},
	);
}

export function exec(ctx: DockerContext, command: ParsedCommand): number {
	return withContainer(ctx, command.args[0]!, container => {
		if (container.status === 'running' && container.paused) return daemonError(ctx.io, `Container ${command.args[0]} is paused, unpause the container before exec`);
		let result;
		try {
			result = execInContainer(ctx.world, container, command.args.slice(1), {
				tty: flagBool(command, 'tty'),
				interactive: flagBool(command, 'interactive'),
				workdir: flagString(command, 'workdir'),
				env: flagList(command, 'env'),
				columns: ctx.io.columns,
				onOutput: emitLine(ctx),
			});
		} catch (error) {
			// the runtime's own error reaches the terminal without the daemon's prefix
			if (error instanceof DaemonError && error.message.startsWith('OCI runtime exec failed')) {
				ctx.io.err(error.message + '\n');
				return 126;
			}
			throw error;
		}
		if (result.session) {
			ctx.world.host.session = {...result.session, kind: 'exec'};
			if (result.session.deaf) ctx.io.err(heldNote(container.name));
		}
		return typeof result.status === 'number' ? result.status : 0;
	});
}

export function diff(ctx: DockerContext, command: ParsedCommand): number {
	return withContainer(
		ctx,
		command.args[0]!,
		container => {
			ctx.io.out(
				containerChanges(ctx.world, container)
					.map(change => `${change.kind} ${change.path}\n`)
					.join(''),
			);
			return 0;
		},
		{read: true},
	);
}

export function commit(ctx: DockerContext, command: ParsedCommand): number {
	return withContainer(ctx, command.args[0]!, container => {
		ctx.io.out(commitContainer(ctx.world, container, command.args[1]).id + '\n');
		return 0;
	});
}

export function prune(ctx: DockerContext, command: ParsedCommand): number {
	if (!flagBool(command, 'force')) {
		ctx.io.out('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] \nTotal reclaimed space: 0B\n');
		return 0;
	}
	const stopped = Object.values(readonly(ctx.world.containers))
		.filter(container => container.status !== 'running')
		.sort((a, b) => b.created - a.created);
	let bytes = 0;
	for (const container of stopped) {
		bytes += writableSize(container);
		removeContainer(ctx.world, container, {force: false, volumes: false});
	}
	const list = stopped.length > 0 ? 'Deleted Containers:\n' + stopped.map(container => container.id + '\n').join('') + '\n' : '';
	ctx.io.out(`${list}Total reclaimed space: ${humanSize(bytes)}\n`);
	return 0;
}

export function inspect(ctx: DockerContext, command: ParsedCommand, kind: 'container' | 'any'): number {
	const size = flagBool(command, 'size');
	const format = flagString(command, 'format') ?? '';
	const elements: Array<GoValue | Error> = command.args.map(ref => {
		const container = findContainer(ctx.world, ref);
		if (container) return containerInspect(ctx.world, container, size);
		if (kind === 'any') {
			const image = findImage(ctx.world, ref);
			if (image) return imageInspect(ctx.world, image, {typed: format !== ''});
			const volume = own(ctx.world.volumes, ref);
			if (volume) return volumeInspect(volume);
			return new Error(`Error: No such object: ${ref}`);
		}
		return new Error(`Error response from daemon: No such container: ${ref}`);
	});
	return printInspect(ctx.io, format, elements);
}

// ---------------------------------------------------------------- cp

/** `CONTAINER:PATH` or a local path: how the CLI's splitCpArg tells them apart. */
function splitCpArg(arg: string): {container?: string; path: string} {
	if (arg.startsWith('/') || arg.startsWith('.')) return {path: arg};
	const index = arg.indexOf(':');
	if (index <= 0) return {path: arg};
	return {container: arg.slice(0, index), path: arg.slice(index + 1)};
}

/** Bytes of the tar stream `docker cp` moves: 512 per header, data padded to 512, 1 KiB trailer. */
function tarSize(fs: FsApi, path: string): number {
	const stat = fs.stat(path);
	if (stat.entry.kind === 'dir') {
		let size = 512;
		for (const name of fs.list(stat.path)) size += tarSize(fs, joinPath(stat.path, name)) - 1024;
		return size + 1024;
	}
	const bytes = stat.entry.kind === 'file' ? (stat.entry.size ?? Buffer.byteLength(stat.entry.content)) : 0;
	return 512 + Math.ceil(bytes / 512) * 512 + 1024;
}

/**
 * How the CLI shows a local path it resolved: absolute and clean, but keeping a trailing `/.` or `/` the
 * learner typed (archive.PreserveTrailingDotOrSeparator): `docker cp rn1:/x .` copies to `/home/student/diamol/.`.
 */
function shownLocalPath(typed: string, cwd: string): string {
	let shown = normalizePath(typed, cwd);
	const base = typed.split('/').at(-1);
	if (base === '.' && !shown.endsWith('/.')) shown += shown.endsWith('/') ? '.' : '/.';
	if (!shown.endsWith('/') && typed.endsWith('/')) shown += '/';
	return shown;
}

/** The overlay directory the daemon names in its errors about a container's files. */
function mergedDir(container: Container): string {
	return `/var/lib/docker/overlay2/${overlayId(container)}/merged`;
}

export function cp(ctx: DockerContext, command: ParsedCommand): number {
	const {world, io} = ctx;
	const source = splitCpArg(command.args[0]!);
	const dest = splitCpArg(command.args[1]!);
	if (source.container !== undefined && dest.container !== undefined) {
		io.err('copying between containers is not supported\n');
		return 1;
	}
	if (source.container === undefined && dest.container === undefined) {
		io.err('must specify at least one container source\n');
		return 1;
	}
	const host = treeFs(world.host.files, () => world.clock, world.host);
	if (source.container !== undefined) {
		const containerRef = source.container;
		const container = findContainer(world, containerRef);
		if (!container) return daemonError(io, `No such container: ${containerRef}`);
		const inside = containerFs(world, container);
		const from = normalizePath(source.path, container.config.workingDir || '/');
		try {
			inside.stat(from);
		} catch (error) {
			if (error instanceof FsError && error.code === 'ENOTDIR') return daemonError(io, `lstat ${mergedDir(container)}${from}: not a directory`);
			return daemonError(io, `Could not find the file ${source.path} in container ${containerRef}`);
		}
		const hostDest = normalizePath(dest.path, io.cwd);
		let target = hostDest;
		try {
			const existing = host.stat(hostDest).entry.kind;
			if (existing === 'dir') target = joinPath(hostDest, basename(from));
			else if (inside.stat(from).entry.kind === 'dir') {
				// the CLI reads the whole archive before it finds it cannot write it
				if (io.tty) io.out(`Successfully copied 0B to ${shownLocalPath(dest.path, io.cwd)}\n`);
				io.err('cannot copy directory\n');
				return 1;
			}
		} catch {
			// Missing destination: the copy takes that name.
		}
		return copyAcross(ctx, inside, from, host, target, shownLocalPath(dest.path, io.cwd), 'out');
	}
	const hostSource = normalizePath(source.path, io.cwd);
	try {
		host.stat(hostSource);
	} catch {
		io.err(`lstat ${hostSource}: no such file or directory\n`);
		return 1;
	}
	// the CLI sends the archive first; the daemon's answer comes after `Successfully copied`
	const containerRef = dest.container as string;
	const shown = `${containerRef}:${dest.path}`;
	const copied = () => {
		if (io.tty) io.out(`Successfully copied ${humanSize(tarSize(host, hostSource))} to ${shown}\n`);
	};
	const container = findContainer(world, containerRef);
	if (!container) {
		copied();
		return daemonError(io, `No such container: ${containerRef}`);
	}
	const inside = containerFs(world, container);
	const to = normalizePath(dest.path, container.config.workingDir || '/');
	let target = to;
	try {
		if (inside.stat(to).entry.kind === 'dir') target = joinPath(to, basename(hostSource));
	} catch (error) {
		// a missing destination takes the copy's name, inside a folder that must exist
		const parent = to.slice(0, to.lastIndexOf('/')) || '/';
		try {
			if (inside.stat(parent).entry.kind !== 'dir') throw new FsError('ENOTDIR');
		} catch (parentError) {
			copied();
			if ((parentError instanceof FsError && parentError.code === 'ENOTDIR') || (error instanceof FsError && error.code === 'ENOTDIR')) {
				return daemonError(io, 'extraction point is not a directory');
			}
			return daemonError(io, `Could not find the file ${parent} in container ${containerRef}`);
		}
	}
	return copyAcross(ctx, host, hostSource, inside, target, shown, 'in');
}

/** The CLI reads and writes a copy's tar stream in chunks of this many bytes. */
const CP_CHUNK = 32 * 1024;

function copyAcross(ctx: DockerContext, from: FsApi, source: string, to: FsApi, target: string, shown: string, direction: 'in' | 'out'): number {
	// Where the tar stream was when the disk filled up: the file being written, the stream offset of
	// its content, and the room its area had left.
	let offset = 0;
	let full: {path: string; at: number; room: number} | undefined;
	const streaming: FsApi = {
		...to,
		mkdir: (path, options) => ((offset += 512), to.mkdir(path, options)),
		write: (path, content, options) => {
			const at = offset + 512;
			offset = at + Math.ceil(content.length / 512) * 512;
			try {
				to.write(path, content, options);
			} catch (error) {
				if (error instanceof FsError && error.code === 'ENOSPC') full = {path, at, room: AREA_QUOTA - (ctx.world.host.used ?? 0)};
				throw error;
			}
		},
	};
	let size = 0;
	try {
		size = tarSize(from, source);
		copyPath(from, source, streaming, target);
		if (ctx.io.tty) ctx.io.out(`Successfully copied ${humanSize(size)} to ${shown}\n`);
		return 0;
	} catch (error) {
		if (full && direction === 'in') {
			// the CLI has sent the whole archive; the daemon fails extracting it (recorded on a small tmpfs volume)
			if (ctx.io.tty) ctx.io.out(`Successfully copied ${humanSize(size)} to ${shown}\n`);
			return daemonError(ctx.io, `Error processing tar file(exit status 1): write ${full.path}: no space left on device`);
		}
		if (full) {
			// the CLI stops at the chunk that did not fit and counts the chunks it read
			const streamed = Math.min(size, Math.ceil((full.at + Math.max(0, full.room) + 1) / CP_CHUNK) * CP_CHUNK);
			if (ctx.io.tty) ctx.io.out(`Successfully copied ${humanSize(streamed)} to ${shown}\n`);
			ctx.io.err(`write ${full.path}: no space left on device\n`);
			return 1;
		}
		if (error instanceof FsError && error.code === 'EROFS') return daemonError(ctx.io, 'container rootfs is marked read-only');
		if (error instanceof FsError) return daemonError(ctx.io, error.message);
		throw error;
	}
}
