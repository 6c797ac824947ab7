/**
 * The objects `docker inspect` returns, as typed Go values (field order, json tags and nil-ness as
 * the Docker API types have them), so templates and JSON print exactly as Docker does.
 */
import {type Container, type Image, type Mount, type Volume, type World, imageLayers, imageSize, writableSize, bridgeIp, stableHex} from '../../engine/index.js';
import {bool, field, int, map, nil, slice, str, strings, struct, time, type GoValue} from '../../go/index.js';
import {apiTime} from './format.js';

const empty = (): GoValue => struct([], 'struct {}');

function stringList(items: string[] | null): GoValue {
	return items === null ? nil('slice', '[]string') : strings(items);
}

function stringSet(keys: string[], omitEmpty = false): GoValue {
	if (keys.length === 0 && !omitEmpty) return nil('map', 'map[string]struct {}');
	return map(
		keys.map(key => [key, empty()] as [string, GoValue]),
		'map[string]struct {}',
	);
}

function labels(record: Record<string, string> | null): GoValue {
	if (record === null) return nil('map', 'map[string]string');
	return map(
		Object.entries(record).map(([k, v]) => [k, str(v)] as [string, GoValue]),
		'map[string]string',
	);
}

/** types.MountPoint: `{volume <name> <source> /data local  true }` in fmt, json with omitempty. */
export function mountPoint(mount: Mount): GoValue {
	return struct(
		[
			field('Type', str(mount.type, 'mount.Type'), {json: 'Type', omitempty: true}),
			field('Name', str(mount.name), {json: 'Name', omitempty: true}),
			field('Source', str(mount.source)),
			field('Destination', str(mount.destination)),
			field('Driver', str(mount.driver), {json: 'Driver', omitempty: true}),
			field('Mode', str(mount.mode)),
			field('RW', bool(mount.rw)),
			field('Propagation', str(mount.propagation, 'mount.Propagation')),
		],
		'types.MountPoint',
	);
}

interface ConfigShape {
	hostname: string;
	user: string;
	attachStdout: boolean;
	attachStderr: boolean;
	tty: boolean;
	openStdin: boolean;
	exposedPorts: string[];
	env: string[];
	cmd: string[] | null;
	image: string;
	volumes: string[];
	workingDir: string;
	entrypoint: string[] | null;
	labels: Record<string, string> | null;
}

/** container.Config, shared by containers and images. */
function config(shape: ConfigShape): GoValue {
	return struct(
		[
			field('Hostname', str(shape.hostname)),
			field('Domainname', str('')),
			field('User', str(shape.user)),
			field('AttachStdin', bool(false)),
			field('AttachStdout', bool(shape.attachStdout)),
			field('AttachStderr', bool(shape.attachStderr)),
			field('ExposedPorts', stringSet(shape.exposedPorts), {omitempty: true}),
			field('Tty', bool(shape.tty)),
			field('OpenStdin', bool(shape.openStdin)),
			field('StdinOnce', bool(false)),
			field('Env', stringList(shape.env)),
			field('Cmd', stringList(shape.cmd)),
			field('Image', str(shape.image)),
			field('Volumes', stringSet(shape.volumes)),
			field('WorkingDir', str(shape.workingDir)),
			field('Entrypoint', stringList(shape.entrypoint)),
			field('OnBuild', nil('slice', '[]string')),
			field('Labels', labels(shape.labels)),
		],
		'container.Config',
	);
}

function containerIp(world: World, container: Container): string {
	return bridgeIp(world, container);
}

function macFor(ip: string): string {
	if (!ip) return '';
	const last = Number(ip.split('.').at(-1));
	return `02:42:ac:11:00:${last.toString(16).padStart(2, '0')}`;
}

function portMap(container: Container, published: boolean): GoValue {
	const entries: Array<[string, GoValue]> = [];
	const ports = new Set([...container.config.exposedPorts]);
	for (const port of [...ports].sort()) {
		const bindings = container.hostConfig.portBindings.filter(binding => `${binding.containerPort}/${binding.protocol}` === port);
		if (!published) {
			entries.push([
				port,
				bindings.length === 0 ? nil('slice', '[]nat.PortBinding') : slice(bindings.map(binding => struct({HostIp: str(binding.hostIp), HostPort: str(String(binding.hostPort))}))),
			]);
			continue;
		}
		if (bindings.length === 0) {
			entries.push([port, nil('slice', '[]nat.PortBinding')]);
			continue;
		}
		const list: GoValue[] = [];
		for (const binding of bindings) {
			list.push(struct({HostIp: str(binding.hostIp || '0.0.0.0'), HostPort: str(String(binding.hostPort))}));
			if (!binding.hostIp) list.push(struct({HostIp: str('::'), HostPort: str(String(binding.hostPort))}));
		}
		entries.push([port, slice(list)]);
	}
	return map(entries, 'nat.PortMap');
}

const DATA = '/var/lib/docker';

/**
 * A stable 64-hex id derived from `seed`, for paths and ids Docker shows but the lab does not model
 * (overlay directories, sandbox and endpoint ids). Cosmetic, so a fast string hash stretched with
 * xorshift rather than sha256.
 */
function hexFor(seed: string): string {
	return stableHex(seed);
}

/** The overlay2 directory of a container's writable layer (GraphDriver's UpperDir, MergedDir). */
export function overlayId(container: Container): string {
	return hexFor('rw:' + container.id);
}

export function containerInspect(world: World, container: Container, withSize = false): GoValue {
	const running = container.status === 'running';
	const ip = running ? containerIp(world, container) : '';
	const mac = macFor(ip);
	const layerId = overlayId(container);
	const lower = imageLayers(world, container.imageId)
		.map(layer => `${DATA}/overlay2/${hexFor('layer:' + layer.digest)}/diff`)
		.reverse();
	// A container that has run keeps its sandbox id after it exits; its endpoint goes with the network.
	const sandbox = container.startedAt ? hexFor('sandbox:' + container.id + container.startedAt) : '';
	const endpoint = running ? hexFor('endpoint:' + container.id + container.startedAt) : '';
	const status = container.status === 'running' && container.paused ? 'paused' : container.status;
	const portBindings = map(
		container.hostConfig.portBindings.map(
			binding => [`${binding.containerPort}/${binding.protocol}`, slice([struct({HostIp: str(binding.hostIp), HostPort: str(String(binding.hostPort))})])] as [string, GoValue],
		),
		'nat.PortMap',
	);
	const fields = [
		field('Id', str(container.id)),
		field('Created', str(apiTime(container.created))),
		field('Path', str(container.path)),
		field('Args', strings(container.args)),
		field(
			'State',
			struct([
				field('Status', str(status)),
				field('Running', bool(running)),
				field('Paused', bool(container.status === 'running' && container.paused === true)),
				field('Restarting', bool(false)),
				field('OOMKilled', bool(false)),
				field('Dead', bool(false)),
				field('Pid', int(running ? container.pid : 0)),
				field('ExitCode', int(container.exitCode)),
				field('Error', str('')),
				field('StartedAt', str(container.startedAt ? apiTime(container.startedAt) : '0001-01-01T00:00:00Z')),
				field('FinishedAt', str(container.finishedAt ? apiTime(container.finishedAt) : '0001-01-01T00:00:00Z')),
			]),
		),
		field('Image', str(container.imageId)),
		field('ResolvConfPath', str(`${DATA}/containers/${container.id}/resolv.conf`)),
		field('HostnamePath', str(`${DATA}/containers/${container.id}/hostname`)),
		field('HostsPath', str(`${DATA}/containers/${container.id}/hosts`)),
		field('LogPath', str(`${DATA}/containers/${container.id}/${container.id}-json.log`)),
		field('Name', str('/' + container.name)),
		field('RestartCount', int(container.restartCount)),
		field('Driver', str('overlay2')),
		field('Platform', str('linux')),
		field('MountLabel', str('')),
		field('ProcessLabel', str('')),
		field('AppArmorProfile', str('')),
		field('ExecIDs', nil('slice', '[]string')),
		field('HostConfig', hostConfig(container, portBindings)),
		field(
			'GraphDriver',
			struct({
				Data: map(
					[
						['LowerDir', str([`${DATA}/overlay2/${layerId}-init/diff`, ...lower].join(':'))],
						['MergedDir', str(`${DATA}/overlay2/${layerId}/merged`)],
						['UpperDir', str(`${DATA}/overlay2/${layerId}/diff`)],
						['WorkDir', str(`${DATA}/overlay2/${layerId}/work`)],
					],
					'map[string]string',
				),
				Name: str('overlay2'),
			}),
		),
	];
	if (withSize) {
		fields.push(field('SizeRw', int(writableSize(container))));
		fields.push(field('SizeRootFs', int(writableSize(container) + imageSize(world, world.images[container.imageId]!))));
	}
	fields.push(
		field('Mounts', slice(container.mounts.map(mountPoint), '[]types.MountPoint')),
		field(
			'Config',
			config({
				hostname: container.config.hostname,
				user: container.config.user,
				attachStdout: container.config.attachStdout,
				attachStderr: container.config.attachStderr,
				tty: container.config.tty,
				openStdin: container.config.openStdin,
				exposedPorts: container.config.exposedPorts,
				env: container.config.env,
				cmd: container.config.cmd,
				image: container.config.image,
				volumes: container.config.volumes,
				workingDir: container.config.workingDir,
				entrypoint: container.config.entrypoint,
				labels: container.config.labels,
			}),
		),
		field(
			'NetworkSettings',
			struct([
				field('Bridge', str('')),
				field('SandboxID', str(sandbox)),
				field('HairpinMode', bool(false)),
				field('LinkLocalIPv6Address', str('')),
				field('LinkLocalIPv6PrefixLen', int(0)),
				field('Ports', running ? portMap(container, true) : map([], 'nat.PortMap')),
				field('SandboxKey', str(sandbox ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '')),
				field('SecondaryIPAddresses', nil('slice')),
				field('SecondaryIPv6Addresses', nil('slice')),
				field('EndpointID', str(endpoint)),
				field('Gateway', str(running ? '172.17.0.1' : '')),
				field('GlobalIPv6Address', str('')),
				field('GlobalIPv6PrefixLen', int(0)),
				field('IPAddress', str(ip)),
				field('IPPrefixLen', int(running ? 16 : 0)),
				field('IPv6Gateway', str('')),
				field('MacAddress', str(mac)),
				field(
					'Networks',
					map([
						[
							'bridge',
							struct([
								field('IPAMConfig', nil('ptr')),
								field('Links', nil('slice')),
								field('Aliases', nil('slice')),
								field('NetworkID', str(hexFor('network:bridge'))),
								field('EndpointID', str(endpoint)),
								field('Gateway', str(running ? '172.17.0.1' : '')),
								field('IPAddress', str(ip)),
								field('IPPrefixLen', int(running ? 16 : 0)),
								field('IPv6Gateway', str('')),
								field('GlobalIPv6Address', str('')),
								field('GlobalIPv6PrefixLen', int(0)),
								field('MacAddress', str(mac)),
								field('DriverOpts', nil('map')),
							]),
						],
					]),
				),
			]),
		),
	);
	return struct(fields, 'types.ContainerJSON');
}

function hostConfig(container: Container, portBindings: GoValue): GoValue {
	const emptyList = () => slice([], '[]string');
	return struct([
		field('Binds', stringList(container.hostConfig.binds)),
		field('ContainerIDFile', str('')),
		field('LogConfig', struct({Type: str('json-file'), Config: map([], 'map[string]string')})),
		field('NetworkMode', str(container.networkMode ?? 'default')),
		field('PortBindings', portBindings),
		field('RestartPolicy', struct({Name: str(container.restartPolicy?.name ?? 'no'), MaximumRetryCount: int(container.restartPolicy?.maximumRetryCount ?? 0)})),
		field('AutoRemove', bool(container.hostConfig.autoRemove)),
		field('VolumeDriver', str('')),
		field('VolumesFrom', stringList(container.hostConfig.volumesFrom.length > 0 ? container.hostConfig.volumesFrom : null)),
		field('CapAdd', nil('slice')),
		field('CapDrop', nil('slice')),
		field('CgroupnsMode', str('host')),
		field('Dns', emptyList()),
		field('DnsOptions', emptyList()),
		field('DnsSearch', emptyList()),
		field('ExtraHosts', nil('slice')),
		field('GroupAdd', nil('slice')),
		field('IpcMode', str('private')),
		field('Cgroup', str('')),
		field('Links', nil('slice')),
		field('OomScoreAdj', int(0)),
		field('PidMode', str('')),
		field('Privileged', bool(false)),
		field('PublishAllPorts', bool(false)),
		field('ReadonlyRootfs', bool(false)),
		field('SecurityOpt', nil('slice')),
		field('UTSMode', str('')),
		field('UsernsMode', str('')),
		field('ShmSize', int(67108864)),
		field('Runtime', str('runc')),
		field('ConsoleSize', slice([int(0), int(0)])),
		field('Isolation', str('')),
		field('CpuShares', int(0)),
		field('Memory', int(0)),
		field('NanoCpus', int(0)),
		field('CgroupParent', str('')),
		field('BlkioWeight', int(0)),
		field('BlkioWeightDevice', slice([])),
		field('BlkioDeviceReadBps', slice([])),
		field('BlkioDeviceWriteBps', slice([])),
		field('BlkioDeviceReadIOps', slice([])),
		field('BlkioDeviceWriteIOps', slice([])),
		field('CpuPeriod', int(0)),
		field('CpuQuota', int(0)),
		field('CpuRealtimePeriod', int(0)),
		field('CpuRealtimeRuntime', int(0)),
		field('CpusetCpus', str('')),
		field('CpusetMems', str('')),
		field('Devices', slice([])),
		field('DeviceCgroupRules', nil('slice')),
		field('DeviceRequests', nil('slice')),
		field('KernelMemory', int(0)),
		field('KernelMemoryTCP', int(0)),
		field('MemoryReservation', int(0)),
		field('MemorySwap', int(0)),
		field('MemorySwappiness', nil('ptr')),
		field('OomKillDisable', bool(false)),
		field('PidsLimit', nil('ptr')),
		field('Ulimits', slice([])),
		field('CpuCount', int(0)),
		field('CpuPercent', int(0)),
		field('IOMaximumIOps', int(0)),
		field('IOMaximumBandwidth', int(0)),
		field(
			'Mounts',
			container.hostConfig.mounts.length === 0
				? nil('slice', '[]mount.Mount')
				: slice(
						container.hostConfig.mounts.map(spec =>
							struct(
								[
									field('Type', str(spec.type, 'mount.Type'), {json: 'Type', omitempty: true}),
									field('Source', str(spec.source), {json: 'Source', omitempty: true}),
									field('Target', str(spec.target), {json: 'Target', omitempty: true}),
									field('ReadOnly', bool(spec.readonly), {json: 'ReadOnly', omitempty: true}),
									field('Consistency', str('', 'mount.Consistency'), {json: 'Consistency', omitempty: true}),
									field('BindOptions', nil('ptr', '*mount.BindOptions'), {json: 'BindOptions', omitempty: true}),
									field('VolumeOptions', nil('ptr', '*mount.VolumeOptions'), {json: 'VolumeOptions', omitempty: true}),
									field('ImageOptions', nil('ptr', '*mount.ImageOptions'), {json: 'ImageOptions', omitempty: true}),
									field('TmpfsOptions', nil('ptr', '*mount.TmpfsOptions'), {json: 'TmpfsOptions', omitempty: true}),
									field('ClusterOptions', nil('ptr', '*mount.ClusterOptions'), {json: 'ClusterOptions', omitempty: true}),
								],
								'mount.Mount',
							),
						),
						'[]mount.Mount',
					),
			{omitempty: true},
		),
		field(
			'MaskedPaths',
			strings([
				'/proc/asound',
				'/proc/acpi',
				'/proc/kcore',
				'/proc/keys',
				'/proc/latency_stats',
				'/proc/timer_list',
				'/proc/timer_stats',
				'/proc/sched_debug',
				'/proc/scsi',
				'/sys/firmware',
			]),
		),
		field('ReadonlyPaths', strings(['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'])),
	]);
}

/**
 * The image config as the Docker CLI 28 types it (an OCI image config: every field omitted when
 * empty), which is what templates see; `docker image inspect` without --format prints the daemon's
 * own JSON instead, with every container.Config field.
 */
function ociConfig(image: Image): GoValue {
	const config = image.config;
	const list = (items: string[] | null) => (items === null || items.length === 0 ? nil('slice', '[]string') : strings(items));
	return struct(
		[
			field('User', str(config.user), {omitempty: true}),
			field('ExposedPorts', config.exposedPorts.length === 0 ? nil('map', 'map[string]struct {}') : stringSet(config.exposedPorts), {omitempty: true}),
			field('Env', list(config.env), {omitempty: true}),
			field('Entrypoint', list(config.entrypoint), {omitempty: true}),
			field('Cmd', list(config.cmd), {omitempty: true}),
			field('Volumes', config.volumes.length === 0 ? nil('map', 'map[string]struct {}') : stringSet(config.volumes), {omitempty: true}),
			field('WorkingDir', str(config.workingDir), {omitempty: true}),
			field('Labels', Object.keys(config.labels).length === 0 ? nil('map', 'map[string]string') : labels(config.labels), {omitempty: true}),
		],
		'dockerspec.DockerOCIImageConfig',
	);
}

export function imageInspect(world: World, image: Image, options: {typed?: boolean} = {}): GoValue {
	const last = image.history.at(-1);
	const parentConfigImage = 'sha256:' + hexFor('parent:' + image.id);
	const size = imageSize(world, image);
	const layers = imageLayers(world, image.id)
		.map(layer => hexFor('layer:' + layer.digest))
		.reverse();
	const shape = (hostname: string, cmd: string[] | null, labelsValue: Record<string, string> | null): ConfigShape => ({
		hostname,
		user: image.config.user,
		attachStdout: false,
		attachStderr: false,
		tty: false,
		openStdin: false,
		exposedPorts: image.config.exposedPorts,
		env: image.config.env,
		cmd,
		image: parentConfigImage,
		volumes: image.config.volumes,
		workingDir: image.config.workingDir,
		entrypoint: image.config.entrypoint,
		labels: labelsValue,
	});
	// The classic builder commits metadata steps and RUN from a build container, but COPY/ADD
	// without one: then Container and Hostname are empty and the whole step is one Cmd element.
	const nop = last?.createdBy.startsWith('/bin/sh -c #(nop) ') ?? false;
	const fileStep = nop && /^\/bin\/sh -c #\(nop\) (COPY|ADD) /.test(last!.createdBy);
	const builder = fileStep || !last ? '' : hexFor('builder:' + image.id);
	const nopCmd = !last
		? null
		: fileStep
			? ['/bin/sh', '-c', last.createdBy.slice('/bin/sh -c '.length)]
			: nop
				? ['/bin/sh', '-c', '#(nop) ', last.createdBy.slice('/bin/sh -c #(nop) '.length).replace(/^ /, '')]
				: ['/bin/sh', '-c', last.createdBy.replace(/^\/bin\/sh -c /, '')];
	return struct([
		field('Id', str(image.id)),
		field('RepoTags', strings(image.repoTags)),
		field('RepoDigests', strings(image.repoDigests)),
		field('Parent', str(image.parent)),
		field('Comment', str(image.comment)),
		field('Created', str(apiTime(image.created))),
		field('Container', str(builder)),
		field('ContainerConfig', config(shape(builder.slice(0, 12), nopCmd, fileStep ? null : {}))),
		field('DockerVersion', str('20.10.24+dfsg1')),
		field('Author', str('')),
		field('Config', options.typed ? ociConfig(image) : config(shape('', image.config.cmd, null))),
		field('Architecture', str('amd64')),
		field('Os', str('linux')),
		field('Size', int(size)),
		field('VirtualSize', int(size)),
		field(
			'GraphDriver',
			struct({
				Data: map(
					[
						...(layers.length > 1
							? [
									[
										'LowerDir',
										str(
											layers
												.slice(1)
												.map(id => `${DATA}/overlay2/${id}/diff`)
												.join(':'),
										),
									] as [string, GoValue],
								]
							: []),
						['MergedDir', str(`${DATA}/overlay2/${layers[0]}/merged`)],
						['UpperDir', str(`${DATA}/overlay2/${layers[0]}/diff`)],
						['WorkDir', str(`${DATA}/overlay2/${layers[0]}/work`)],
					],
					'map[string]string',
				),
				Name: str('overlay2'),
			}),
		),
		field('RootFS', struct({Type: str('layers'), Layers: strings(image.layers)})),
		field('Metadata', struct({LastTagTime: time('0001-01-01T00:00:00Z')})),
	]);
}

export function volumeInspect(volume: Volume): GoValue {
	return struct([
		field('CreatedAt', time(new Date(Math.floor(volume.created / 1000) * 1000).toISOString().replace('.000Z', 'Z'))),
		field('Driver', str('local')),
		field('Labels', labels(Object.keys(volume.labels).length > 0 ? volume.labels : null)),
		field('Mountpoint', str(`${DATA}/volumes/${volume.name}/_data`)),
		field('Name', str(volume.name)),
		field('Options', nil('map', 'map[string]string')),
		field('Scope', str('local')),
	]);
}
