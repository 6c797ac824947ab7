/** `docker system df, prune, info` and `docker version`: the simulated engine describes itself. */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import {flagBool, flagString} from '../../flags.js';
import {readonly, type World, removeContainer, volumeUsers, writableSize, imageLayers, treeSize, pruneNetworks} from '../../../engine/index.js';
import {ago, containerStatus, humanSize, table} from '../../render/format.js';
import {quotedCommand} from '../container.js';
import {printRows} from '../../render/listformat.js';
import {execute as executeTemplate, parseTemplate} from '../../../go/index.js';
import {DOCKER_FUNCS} from '../../render/templates.js';
import {bool, int, str, struct, type GoValue} from '../../../go/index.js';
import {pruneImages} from '../image/prune.js';

// ---------------------------------------------------------------- df

interface Usage {
	type: string;
	total: number;
	active: number;
	size: number;
	reclaimable: number;
}

function percent(reclaimable: number, total: number): string {
	return total > 0 ? `${humanSize(reclaimable, 4)} (${Math.floor((reclaimable * 100) / total)}%)` : humanSize(reclaimable, 4);
}

function usage(world: World): Usage[] {
	const images = Object.values(readonly(world.images));
	const containers = Object.values(readonly(world.containers));
	const layerUsers = new Map<string, number>();
	for (const image of images) for (const layer of new Set(image.layers)) layerUsers.set(layer, (layerUsers.get(layer) ?? 0) + 1);
	const layersSize = [...layerUsers.keys()].reduce((sum, digest) => sum + (world.layers[digest]?.size ?? 0), 0);
	let used = 0;
	for (const image of images) {
		if (!containers.some(c => c.imageId === image.id)) continue;
		// the image's unique size: its layers no other image has
		used += imageLayers(world, image.id)
			.filter(layer => (layerUsers.get(layer.digest) ?? 0) <= 1)
			.reduce((sum, layer) => sum + layer.size, 0);
	}
	const volumes = Object.values(readonly(world.volumes));
	const volumeSize = (name: string) => treeSize(world.volumes[name]!.files);
	return [
		{
			type: 'Images',
			total: images.length,
			active: images.filter(image => containers.some(c => c.imageId === image.id)).length,
			size: layersSize,
			reclaimable: layersSize - used,
		},
		{
			type: 'Containers',
			total: containers.length,
			active: containers.filter(c => c.status === 'running').length,
			size: containers.reduce((sum, c) => sum + writableSize(c), 0),
			reclaimable: containers.filter(c => c.status !== 'running').reduce((sum, c) => sum + writableSize(c), 0),
		},
		{
			type: 'Local Volumes',
			total: volumes.length,
			active: volumes.filter(v => volumeUsers(world, v.name).length > 0).length,
			size: volumes.reduce((sum, v) => sum + volumeSize(v.name), 0),
			reclaimable: volumes.filter(v => volumeUsers(world, v.name).length === 0).reduce((sum, v) => sum + volumeSize(v.name), 0),
		},
		{type: 'Build Cache', total: 0, active: 0, size: 0, reclaimable: 0},
	];
}

/** `docker system df -v`: each image, container and volume with its share of the space. */
function dfVerbose(ctx: DockerContext): number {
	const {world} = ctx;
	const images = Object.values(readonly(world.images));
	const containers = Object.values(readonly(world.containers)).sort((a, b) => b.created - a.created);
	const layerUsers = new Map<string, number>();
	for (const image of images) for (const layer of new Set(image.layers)) layerUsers.set(layer, (layerUsers.get(layer) ?? 0) + 1);
	const imageRows = images
		.flatMap(image => {
			const layers = imageLayers(world, image.id);
			const size = layers.reduce((sum, layer) => sum + layer.size, 0);
			const shared = layers.filter(layer => (layerUsers.get(layer.digest) ?? 0) > 1).reduce((sum, layer) => sum + layer.size, 0);
			const users = containers.filter(c => c.imageId === image.id).length;
			const tags = image.repoTags.length > 0 ? image.repoTags : ['<none>:<none>'];
			return tags.map(tag => {
				const index = tag.lastIndexOf(':');
				return {created: image.created, repository: tag.slice(0, index), tag: tag.slice(index + 1), image, size, shared, users};
			});
		})
		.sort((a, b) => b.created - a.created || (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0));
	const volumes = Object.values(readonly(world.volumes)).sort((a, b) => (a.name < b.name ? -1 : 1));
	const out = [
		'Images space usage:\n\n',
		table([
			['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'SHARED SIZE', 'UNIQUE SIZE', 'CONTAINERS'],
			...imageRows.map(r => [
				r.repository,
				r.tag,
				r.image.id.slice(7, 19),
				ago(world.clock, r.created),
				humanSize(r.size),
				humanSize(r.shared, 4),
				humanSize(r.size - r.shared, 4),
				String(r.users),
			]),
		]),
		'\nContainers space usage:\n\n',
		table([
			['CONTAINER ID', 'IMAGE', 'COMMAND', 'LOCAL VOLUMES', 'SIZE', 'CREATED', 'STATUS', 'NAMES'],
			...containers.map(c => [
				c.id.slice(0, 12),
				c.config.image,
				quotedCommand(c, false),
				String(c.mounts.filter(m => m.type === 'volume').length),
				humanSize(writableSize(c), 4),
				ago(world.clock, c.created),
				containerStatus(c, world.clock),
				c.name,
			]),
		]),
		'\nLocal Volumes space usage:\n\n',
		table([['VOLUME NAME', 'LINKS', 'SIZE'], ...volumes.map(v => [v.name, String(volumeUsers(world, v.name).length), humanSize(treeSize(v.files), 4)])]),
		'\nBuild cache usage: 0B\n\n',
		table([['CACHE ID', 'CACHE TYPE', 'SIZE', 'CREATED', 'LAST USED', 'USAGE', 'SHARED']]),
	];
	ctx.io.out(out.join(''));
	return 0;
}

export function df(ctx: DockerContext, command: ParsedCommand): number {
	if (flagBool(command, 'verbose')) return dfVerbose(ctx);
	const rows = usage(ctx.world);
	const format = flagString(command, 'format');
	if (format !== undefined && format !== 'table') {
		return printRows(
			ctx.io,
			format,
			rows.map(row => ({
				Type: row.type,
				TotalCount: String(row.total),
				Active: String(row.active),
				Size: humanSize(row.size, 4),
				Reclaimable: percent(row.reclaimable, row.size),
			})),
		);
	}
	ctx.io.out(
		table([
			['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
			...rows.map(row => [row.type, String(row.total), String(row.active), humanSize(row.size, 4), row.type === 'Build Cache' ? '0B' : percent(row.reclaimable, row.size)]),
		]),
	);
	return 0;
}

// ---------------------------------------------------------------- prune

export function prune(ctx: DockerContext, command: ParsedCommand): number {
	const all = flagBool(command, 'all');
	const volumes = flagBool(command, 'volumes');
	if (!flagBool(command, 'force')) {
		const lines = ['  - all stopped containers', '  - all networks not used by at least one container'];
		if (volumes) lines.push('  - all anonymous volumes not used by at least one container');
		lines.push(all ? '  - all images without at least one container associated to them' : '  - all dangling images', '  - unused build cache');
		ctx.io.out(`WARNING! This will remove:\n${lines.join('\n')}\n\nAre you sure you want to continue? [y/N] \nTotal reclaimed space: 0B\n`);
		return 0;
	}
	const {world} = ctx;
	let bytes = 0;
	let out = '';
	const stopped = Object.values(readonly(world.containers)).filter(c => c.status !== 'running');
	for (const container of stopped) {
		bytes += writableSize(container);
		removeContainer(world, world.containers[container.id]!, {force: false, volumes: false});
	}
	if (stopped.length > 0) out += `Deleted Containers:\n${stopped.map(c => c.id + '\n').join('')}\n`;
	const networks = pruneNetworks(world);
	if (networks.length > 0) out += `Deleted Networks:\n${networks.map(n => n.name + '\n').join('')}\n`;
	if (volumes) {
		const unused = Object.values(readonly(world.volumes))
			.filter(v => volumeUsers(world, v.name).length === 0)
			.sort((a, b) => (a.name < b.name ? -1 : 1));
		for (const volume of unused) {
			bytes += treeSize(volume.files);
			delete world.volumes[volume.name];
		}
		if (unused.length > 0) out += `Deleted Volumes:\n${unused.map(v => v.name + '\n').join('')}\n`;
	}
	const images = pruneImages(world, all);
	bytes += images.bytes;
	if (images.lines.length > 0) out += `Deleted Images:\n${images.lines.join('\n')}\n\n`;
	ctx.io.out(`${out}Total reclaimed space: ${humanSize(bytes, 4)}\n`);
	return 0;
}

// ---------------------------------------------------------------- info, version

function runFormat(ctx: DockerContext, name: string, format: string, value: GoValue): number {
	const parsed = parseTemplate(format, {name, funcs: DOCKER_FUNCS});
	if (!parsed.ok) {
		ctx.io.err(`template parsing error: ${parsed.error}\n`);
		return 64;
	}
	const result = executeTemplate(parsed.template, value);
	if (!result.ok) {
		ctx.io.out('\n');
		ctx.io.err(`${result.error}\n`);
		return 1;
	}
	ctx.io.out(result.text + '\n');
	return 0;
}

const CLIENT = {version: '28.2.2', api: '1.41', go: 'go1.24.3', commit: 'e6534b4', built: 'Fri May 30 12:07:14 2025'};
const SERVER = {version: '20.10.24+dfsg1', api: '1.41', minApi: '1.12', go: 'go1.19.8', commit: '5d6db84', built: 'Thu May  7 21:09:36 2026'};

function versionValue(): GoValue {
	return struct(
		{
			Client: struct({
				Platform: struct({Name: str('')}),
				Version: str(CLIENT.version),
				APIVersion: str(CLIENT.api),
				DefaultAPIVersion: str('1.50'),
				GitCommit: str(CLIENT.commit),
				GoVersion: str(CLIENT.go),
				Os: str('linux'),
				Arch: str('amd64'),
				BuildTime: str(CLIENT.built),
				Context: str('default'),
			}),
			Server: struct({
				Platform: struct({Name: str('')}),
				Version: str(SERVER.version),
				APIVersion: str(SERVER.api),
				MinAPIVersion: str(SERVER.minApi),
				GitCommit: str(SERVER.commit),
				GoVersion: str(SERVER.go),
				Os: str('linux'),
				Arch: str('amd64'),
				KernelVersion: str('6.1.0-layerlab'),
				Experimental: bool(false),
				BuildTime: str('2026-05-07T21:09:36.000000000+00:00'),
			}),
		},
		'system.versionInfo',
	);
}

export function version(ctx: DockerContext, command: ParsedCommand): number {
	const format = flagString(command, 'format');
	if (format !== undefined && format !== '') return runFormat(ctx, 'version', format, versionValue());
	ctx.io.out(`Client:
 Version:           ${CLIENT.version}
 API version:       ${CLIENT.api} (downgraded from 1.50)
 Go version:        ${CLIENT.go}
 Git commit:        ${CLIENT.commit}
 Built:             ${CLIENT.built}
 OS/Arch:           linux/amd64
 Context:           default

Server:
 Engine:
  Version:          ${SERVER.version}
  API version:      ${SERVER.api} (minimum version ${SERVER.minApi})
  Go version:       ${SERVER.go}
  Git commit:       ${SERVER.commit}
  Built:            ${SERVER.built}
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          1.6.20~ds1
  GitCommit:        1.6.20~ds1-1+deb12u3
 runc:
  Version:          1.1.5+ds1
  GitCommit:        1.1.5+ds1-1+deb12u1
 docker-init:
  Version:          0.19.0
  GitCommit:        
`);
	return 0;
}

function counts(world: World) {
	const containers = Object.values(readonly(world.containers));
	const paused = containers.filter(c => c.status === 'running' && c.paused).length;
	const running = containers.filter(c => c.status === 'running').length - paused;
	return {total: containers.length, running, paused, stopped: containers.length - running - paused, images: Object.keys(world.images).length};
}

function infoValue(world: World): GoValue {
	const n = counts(world);
	return struct(
		{
			ID: str('LAYR:LAB0:SIMU:LATE:DENG:INE0:0000:0000:0000:0000:0000:0000'),
			Containers: int(n.total),
			ContainersRunning: int(n.running),
			ContainersPaused: int(n.paused),
			ContainersStopped: int(n.stopped),
			Images: int(n.images),
			Driver: str('overlay2'),
			DockerRootDir: str('/var/lib/docker'),
			OSType: str('linux'),
			Architecture: str('x86_64'),
			OperatingSystem: str('Debian GNU/Linux 12 (bookworm)'),
			ServerVersion: str(SERVER.version),
			LoggingDriver: str('json-file'),
			CgroupDriver: str('cgroupfs'),
			NCPU: int(2),
			Name: str('layerlab'),
			KernelVersion: str('6.1.0-layerlab'),
		},
		'system.dockerInfo',
	);
}

export function info(ctx: DockerContext, command: ParsedCommand): number {
	const format = flagString(command, 'format');
	if (format !== undefined && format !== '') return runFormat(ctx, 'info', format, infoValue(ctx.world));
	const n = counts(ctx.world);
	ctx.io.out(`Client:
 Version:    ${CLIENT.version}
 Context:    default
 Debug Mode: false

Server:
 Containers: ${n.total}
  Running: ${n.running}
  Paused: ${n.paused}
  Stopped: ${n.stopped}
 Images: ${n.images}
 Server Version: ${SERVER.version}
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Native Overlay Diff: true
  userxattr: false
 Logging Driver: json-file
 Cgroup Driver: cgroupfs
 Cgroup Version: 1
 Plugins:
  Volume: local
  Network: bridge host ipvlan macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file local logentries splunk syslog
 Swarm: inactive
 Runtimes: io.containerd.runc.v2 io.containerd.runtime.v1.linux runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: 1.6.20~ds1-1+deb12u3
 runc version: 1.1.5+ds1-1+deb12u1
 init version: 
 Security Options:
  seccomp
   Profile: default
 Kernel Version: 6.1.0-layerlab
 Operating System: Debian GNU/Linux 12 (bookworm)
 OSType: linux
 Architecture: x86_64
 CPUs: 2
 Total Memory: 3.84GiB
 Name: layerlab
 ID: LAYR:LAB0:SIMU:LATE:DENG:INE0:0000:0000:0000:0000:0000:0000
 Docker Root Dir: /var/lib/docker
 Debug Mode: false
 Experimental: false
 Insecure Registries:
  127.0.0.0/8
 Live Restore Enabled: false

`);
	return 0;
}
