/**
 * The daemon's side of containers: create (mounts, volumes, ports), start (runs the program),
 * stop, remove, exec. Failures throw DaemonError with the daemon's own message; the CLI layer
 * (source/docker) adds "Error response from daemon: " and the rest.
 */
import {own, readonly, type Container, type Image, type LogLine, type Mount, type PortBinding, type ShellSession, type Volume, type World} from './world.js';
import {randomHex} from './random.js';
import {containerIdByName, containerNames, randomName} from './names.js';
import {containerFs, imageLayers, lookupIn} from './unionfs.js';
import {treeFs} from './treefs.js';
import {copyPath} from './userland/coreutils.js';
import {runInContainer, type ProcessResult} from './process.js';
import {appNamed} from './apps/index.js';
import {ancestors, normalizePath} from './path.js';
import {DaemonError} from './daemon-error.js';
import {findContainer} from './lookup.js';

export const VOLUMES_ROOT = '/var/lib/docker/volumes';

export function volumeDataPath(name: string): string {
	return `${VOLUMES_ROOT}/${name}/_data`;
}

export function requireContainer(world: World, ref: string): Container {
	const container = findContainer(world, ref);
	if (!container) throw new DaemonError(`No such container: ${ref}`);
	return container;
}

export function createVolume(world: World, name: string, anonymous: boolean, labels: Record<string, string> = {}): Volume {
	const existing = own(world.volumes, name);
	if (existing) return existing;
	const volume: Volume = {name, anonymous, created: world.clock, files: {}, labels};
	world.volumes[name] = volume;
	return volume;
}

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

function invalidVolumeName(name: string): DaemonError {
	return new DaemonError(
		`create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
	);
}

/** The modes `-v SRC:DST:MODE` takes (the daemon's volume.ValidMountMode): one of rw/ro, label and propagation options. */
const BIND_MODES = new Set(['rw', 'ro', 'z', 'Z', 'nocopy', 'shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate', 'consistent', 'cached', 'delegated']);

function validMode(options: string): boolean {
	const flags = options.split(',');
	return flags.every(flag => BIND_MODES.has(flag)) && flags.filter(flag => flag === 'rw' || flag === 'ro').length <= 1 && new Set(flags).size === flags.length;
}

export interface CreateRequest {
	name?: string;
	/** The image as the user typed it. */
	imageRef: string;
	image: Image;
	/** Arguments after the image; empty means the image's CMD. */
	args: string[];
	/** `--entrypoint`: undefined keeps the image's, '' clears it. */
	entrypoint?: string;
	env: string[];
	workdir?: string;
	tty: boolean;
	interactive: boolean;
	/** `run -d`: the CLI does not attach, and says so in the config (AttachStdout/AttachStderr). */
	detach?: boolean;
	/** `-v` specs, host paths already absolute. */
	binds: string[];
	/** `--mount` specs, parsed by the CLI. */
	mounts: MountSpec[];
	volumesFrom: string[];
	publish: PortBinding[];
	autoRemove: boolean;
	user?: string;
}

export interface MountSpec {
	/** bind, volume or tmpfs; the daemon refuses any other */
	type: string;
	source: string;
	target: string;
	readonly: boolean;
}

function mountFromBind(world: World, spec: string, claim: (destination: string) => void): Mount {
	const parts = spec.split(':');
	let source = '';
	let destination: string;
	let options = '';
	if (parts.length === 1) destination = parts[0]!;
	else if (parts.length === 2 && !validMode(parts[1]!)) [source, destination] = parts as [string, string];
	else if (parts.length === 2) {
		destination = parts[0]!;
		options = parts[1]!;
	} else [source, destination, options] = parts as [string, string, string];
	if (!destination.startsWith('/'))
		throw new DaemonError(`invalid volume specification: '${spec}': invalid mount config for type "volume": invalid mount path: '${destination}' mount path must be absolute`);
	destination = normalizePath(destination);
	if (options !== '' && !validMode(options)) throw new DaemonError(`invalid mode: ${options}`);
	claim(destination);
	const flags = options === '' ? [] : options.split(',');
	const readOnly = flags.includes('ro');
	const mode = flags.filter(flag => flag !== 'rw').join(',');
	if (source === '') {
		const name = randomHex(world, 64);
		createVolume(world, name, true);
		return {type: 'volume', name, source: volumeDataPath(name), destination, driver: 'local', mode: '', rw: !readOnly, propagation: '', anonymous: true, origin: 'bind-flag'};
	}
	if (source.startsWith('/')) {
		const host = treeFs(world.host.files);
		try {
			host.stat(source);
		} catch {
			host.mkdir(source, {parents: true});
		}
		return {type: 'bind', name: '', source: normalizePath(source), destination, driver: '', mode, rw: !readOnly, propagation: 'rprivate', anonymous: false, origin: 'bind-flag'};
	}
	if (!VOLUME_NAME.test(source)) throw invalidVolumeName(source);
	createVolume(world, source, false);
	return {
		type: 'volume',
		name: source,
		source: volumeDataPath(source),
		destination,
		driver: 'local',
		mode: mode === '' ? 'z' : mode,
		rw: !readOnly,
		propagation: '',
		anonymous: false,
		origin: 'bind-flag',
	};
}

function mountFromSpec(world: World, spec: MountSpec, claim: (destination: string) => void): Mount {
	const invalid = (why: string) => new DaemonError(`invalid mount config for type "${spec.type}": ${why}`);
	if (spec.type !== 'bind' && spec.type !== 'volume' && spec.type !== 'tmpfs') throw invalid('mount type unknown');
	if (!spec.target.startsWith('/')) throw invalid(`invalid mount path: '${spec.target}' mount path must be absolute`);
	if (spec.type === 'tmpfs' && spec.source !== '') throw invalid('field Source must not be specified');
	if (spec.type === 'volume' && spec.source !== '' && !VOLUME_NAME.test(spec.source)) throw invalidVolumeName(spec.source);
	const destination = normalizePath(spec.target);
	claim(destination);
	if (spec.type === 'bind') {
		if (spec.source === '') throw new DaemonError('invalid mount config for type "bind": field Source must not be empty');
		const source = normalizePath(spec.source);
		try {
			treeFs(world.host.files).stat(source);
		} catch {
			throw new DaemonError(`invalid mount config for type "bind": bind source path does not exist: ${source}`);
		}
		return {type: 'bind', name: '', source, destination, driver: '', mode: '', rw: !spec.readonly, propagation: 'rprivate', anonymous: false, origin: 'mount-flag'};
	}
	if (spec.type === 'tmpfs') throw new DaemonError('layerlab does not simulate tmpfs mounts');
	const anonymous = spec.source === '';
	const name = anonymous ? randomHex(world, 64) : spec.source;
	createVolume(world, name, anonymous);
	return {type: 'volume', name, source: volumeDataPath(name), destination, driver: 'local', mode: 'z', rw: !spec.readonly, propagation: '', anonymous, origin: 'mount-flag'};
}

/** Copies what the image has at a volume's mount point into the volume, when the volume is empty. */
function prepopulate(world: World, container: Container, mount: Mount): void {
	const volume = own(world.volumes, mount.name);
	if (!volume || Object.keys(volume.files).length > 0) return;
	const imageOnly: Container = {...container, mounts: [], rw: {}};
	const image = containerFs(world, imageOnly);
	try {
		if (image.stat(mount.destination).entry.kind !== 'dir') return;
	} catch {
		return;
	}
	const target = treeFs(volume.files, undefined, volume);
	for (const name of image.list(mount.destination)) {
		copyPath(image, `${mount.destination}/${name}`, target, `/${name}`, undefined, undefined, true);
	}
}

/** A new container's own state: no mounts yet, an empty writable layer, never started. */
export function notStarted(): Pick<Container, 'mounts' | 'rw' | 'status' | 'exitCode' | 'startedAt' | 'finishedAt' | 'pid' | 'restartCount' | 'logs' | 'app'> {
	return {mounts: [], rw: {}, status: 'created', exitCode: 0, startedAt: 0, finishedAt: 0, pid: 0, restartCount: 0, logs: [], app: null};
}

/** What differs between the containers builds run their steps in (the catalog's and `docker image build`'s). */
export interface StepContainerFields {
	id: string;
	name: string;
	imageId: string;
	created: number;
	argv: string[];
	hostname: string;
	image: string;
	cmd: string[] | null;
	env: string[];
	workingDir: string;
	user: string;
}

/** A container a build step runs in: no mounts, ports, labels or tty, never started. */
export function stepContainerRecord(f: StepContainerFields): Container {
	return {
		id: f.id,
		name: f.name,
		imageId: f.imageId,
		created: f.created,
		path: f.argv[0] ?? '',
		args: f.argv.slice(1),
		config: {
			hostname: f.hostname,
			image: f.image,
			cmd: f.cmd,
			entrypoint: null,
			env: f.env,
			workingDir: f.workingDir,
			user: f.user,
			tty: false,
			openStdin: false,
			attachStdout: false,
			attachStderr: false,
			volumes: [],
			exposedPorts: [],
			labels: {},
			argsEscaped: false,
		},
		hostConfig: {binds: null, mounts: [], portBindings: [], autoRemove: false, volumesFrom: []},
		...notStarted(),
	};
}

export function createContainer(world: World, request: CreateRequest): Container {
	const {image} = request;
	if (request.name !== undefined) {
		if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(request.name)) {
			throw new DaemonError(`Invalid container name (${request.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
		}
		const takenId = containerIdByName(world, request.name.replace(/^\//, ''));
		const taken = takenId === undefined ? undefined : world.containers[takenId];
		if (taken) {
			throw new DaemonError(
				`Conflict. The container name "/${request.name.replace(/^\//, '')}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
			);
		}
	}
	const sources: Container[] = request.volumesFrom.map(ref => {
		const [name] = ref.split(':');
		const found = findContainer(world, name!);
		if (!found) throw new DaemonError(`No such container: ${name}`);
		return found;
	});

	const id = randomHex(world, 64);
	const entrypoint = request.entrypoint === undefined ? image.config.entrypoint : request.entrypoint === '' ? null : [request.entrypoint];
	const cmd = request.args.length > 0 ? request.args : request.entrypoint !== undefined ? null : image.config.cmd;
	const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
	const env = [...image.config.env];
	for (const item of request.env) {
		const name = item.split('=')[0]!;
		const index = env.findIndex(existing => existing.split('=')[0] === name);
		const value = item.includes('=') ? item : undefined;
		if (value === undefined) continue;
		if (index >= 0) env[index] = value;
		else env.push(value);
	}
	world.serial++;
	const container: Container = {
		id,
		name: request.name?.replace(/^\//, '') ?? randomName(world),
		imageId: image.id,
		created: world.clock + world.serial,
		path: argv[0] ?? '',
		args: argv.slice(1),
		config: {
			hostname: id.slice(0, 12),
			image: request.imageRef,
			cmd,
			entrypoint,
			env,
			workingDir: request.workdir ? normalizePath(request.workdir, image.config.workingDir || '/') : image.config.workingDir,
			user: request.user ?? image.config.user,
			tty: request.tty,
			openStdin: request.interactive,
			attachStdout: !request.detach,
			attachStderr: !request.detach,
			volumes: [...image.config.volumes],
			exposedPorts: [...new Set([...image.config.exposedPorts, ...request.publish.map(port => `${port.containerPort}/${port.protocol}`)])],
			labels: {...image.config.labels},
			argsEscaped: image.config.argsEscaped && request.args.length === 0,
		},
		hostConfig: {
			binds: request.binds.length > 0 ? [...request.binds] : null,
			mounts: request.mounts.map(spec => ({...spec}) as Container['hostConfig']['mounts'][number]),
			portBindings: request.publish,
			autoRemove: request.autoRemove,
			volumesFrom: request.volumesFrom,
		},
		...notStarted(),
	};
	if (argv.length === 0) throw new DaemonError('No command specified');

	const mounts: Mount[] = [];
	// the daemon refuses a second mount on a destination before it creates that mount's volume
	const claim = (destination: string) => {
		if (mounts.some(existing => existing.destination === destination)) throw new DaemonError(`Duplicate mount point: ${destination}`);
	};
	for (const spec of request.binds) mounts.push(mountFromBind(world, spec, claim));
	for (const spec of request.mounts) mounts.push(mountFromSpec(world, spec, claim));
	sources.forEach((source, index) => {
		const mode = request.volumesFrom[index]!.split(':')[1];
		for (const mount of source.mounts) {
			if (mounts.some(existing => existing.destination === mount.destination)) continue;
			mounts.push({...mount, rw: mode === 'ro' ? false : mode === 'rw' ? true : mount.rw, origin: 'volumes-from'});
		}
	});
	for (const path of container.config.volumes) {
		if (mounts.some(mount => mount.destination === path)) continue;
		const name = randomHex(world, 64);
		createVolume(world, name, true);
		mounts.push({type: 'volume', name, source: volumeDataPath(name), destination: path, driver: 'local', mode: '', rw: true, propagation: '', anonymous: true, origin: 'image'});
	}
	container.mounts = mounts;
	for (const mount of mounts) if (mount.type === 'volume' && mount.origin !== 'volumes-from') prepopulate(world, container, mount);
	world.containers[id] = container;
	containerNames(world)[container.name] = id;
	return container;
}

/** Creates the mount points that the image lacks in the writable layer, as runc does at start. */
function createMountPoints(world: World, container: Container): void {
	for (const mount of [...container.mounts].sort((a, b) => a.destination.length - b.destination.length)) {
		if (lookupIn(world, {...container, mounts: []}, mount.destination)) continue;
		const isFile = mount.type === 'bind' && world.host.files[mount.source]?.kind === 'file';
		for (const dir of ancestors(mount.destination)) {
			const existing = lookupIn(world, {...container, mounts: []}, dir);
			if (!existing) container.rw[dir] = {kind: 'dir', mode: 0o755};
			else if (!container.rw[dir] && existing.entry.kind === 'dir') container.rw[dir] = {kind: 'dir', mode: existing.entry.mode};
		}
		container.rw[mount.destination] = isFile ? {kind: 'file', mode: 0o755, content: ''} : {kind: 'dir', mode: 0o755};
	}
}

function portInUse(world: World, container: Container): PortBinding | undefined {
	for (const binding of container.hostConfig.portBindings) {
		const clash = Object.values(readonly(world.containers)).find(
			other =>
				other.id !== container.id &&
				other.status === 'running' &&
				other.hostConfig.portBindings.some(port => port.hostPort === binding.hostPort && port.protocol === binding.protocol),
		);
		if (clash) return binding;
	}
	return undefined;
}

export interface StartOptions {
	attach: boolean;
	columns?: number;
	onOutput?: (line: LogLine) => void;
}

/** Starts the container's program. Returns what it printed; the container ends running or exited. */
export function startContainer(world: World, container: Container, options: StartOptions): ProcessResult {
	if (container.status === 'running') return {status: 'running', output: []};
	const clash = portInUse(world, container);
	if (clash) {
		const endpoint = randomHex(world, 64);
		throw new DaemonError(
			`driver failed programming external connectivity on endpoint ${container.name} (${endpoint}): Bind for 0.0.0.0:${clash.hostPort} failed: port is already allocated`,
		);
	}
	createMountPoints(world, container);
	const argv = [container.path, ...container.args];
	world.serial++;
	container.startedAt = world.clock + world.serial;
	container.pid = world.nextPid++;
	container.app = null;
	const result = runInContainer(world, container, argv, {
		canBlock: !options.attach,
		tty: container.config.tty,
		interactive: container.config.openStdin,
		columns: options.columns,
		onOutput: options.onOutput,
	});
	container.logs.push(...result.output);
	if (result.startError) {
		container.status = 'created';
		container.exitCode = 127;
		throw new DaemonError(`failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${result.startError}: unknown`);
	}
	if (result.status === 'running') {
		container.status = 'running';
		// An interactive shell as the main process keeps its state on the container, for `docker attach`.
		if (result.session) container.shell = copySession(result.session);
		return result;
	}
	finish(world, container, result.status);
	return result;
}

/** A plain copy of a shell session (the state of a shell is data, so it can be kept in two places). */
export function copySession(session: ShellSession): ShellSession {
	return {...session, vars: {...session.vars}, exported: [...session.exported], functions: {...session.functions}};
}

/**
 * Ctrl+C reaching the main process (the CLI's sig-proxy, attached without a tty): a simulated server
 * shuts down as on SIGTERM; a shell script dies of SIGINT (status 130).
 */
export function interruptContainer(world: World, container: Container): void {
	if (container.status !== 'running' || container.paused) return;
	signalContainer(world, container, 2);
	if (container.status === 'running') finish(world, container, 130);
}

/** The container's main process ended with `exitCode` (an interactive shell the learner left). */
export function mainProcessExited(world: World, container: Container, exitCode: number): void {
	finish(world, container, exitCode);
}

function finish(world: World, container: Container, exitCode: number): void {
	world.serial++;
	container.status = 'exited';
	container.exitCode = exitCode;
	container.finishedAt = world.clock + world.serial;
	container.pid = 0;
	container.app = null;
	delete container.shell;
	if (container.hostConfig.autoRemove) removeContainer(world, container, {force: true, volumes: true});
}

/** SIGTERM, then SIGKILL after the timeout: servers shut down cleanly, a sleeping shell is killed. */
export function stopContainer(world: World, container: Container): void {
	if (container.status !== 'running') return;
	const shutdown = container.app && appNamed(container.app.program)?.shutdown;
	if (shutdown) {
		container.logs.push({stream: 'stdout', text: shutdown()});
		finish(world, container, 0);
		return;
	}
	world.clock += 10_000;
	finish(world, container, 137);
}

/** `docker kill` and `rm -f`: SIGKILL. */
export function killContainer(world: World, container: Container): void {
	if (container.status !== 'running') return;
	container.paused = false;
	finish(world, container, 137);
}

export function removeContainer(world: World, container: Container, options: {force: boolean; volumes: boolean}): void {
	if (container.status === 'running') {
		if (!options.force && container.paused) {
			throw new DaemonError(`You cannot remove a paused container ${container.id}. Unpause and then stop the container before attempting removal or force remove`);
		}
		if (!options.force) {
			throw new DaemonError(`You cannot remove a running container ${container.id}. Stop the container before attempting removal or force remove`);
		}
		container.status = 'exited';
		container.exitCode = 137;
	}
	delete world.containers[container.id];
	if (containerIdByName(world, container.name) === container.id) delete containerNames(world)[container.name];
	if (options.volumes) {
		for (const mount of container.mounts) {
			if (mount.type !== 'volume' || !mount.anonymous || mount.origin === 'volumes-from') continue;
			if (volumeUsers(world, mount.name).length === 0) delete world.volumes[mount.name];
		}
	}
}

/** Containers (running or not) that mount a volume. */
export function volumeUsers(world: World, name: string): Container[] {
	return Object.values(readonly(world.containers)).filter(container => container.mounts.some(mount => mount.type === 'volume' && mount.name === name));
}

export interface ExecOptions {
	tty: boolean;
	interactive: boolean;
	workdir?: string;
	env: string[];
	stdin?: string;
	columns?: number;
	onOutput?: (line: LogLine) => void;
}

export function execInContainer(world: World, container: Container, argv: string[], options: ExecOptions): ProcessResult {
	if (container.status !== 'running') throw new DaemonError(`Container ${container.id} is not running`);
	if (container.paused) throw new DaemonError(`Container ${container.id} is paused, unpause the container before exec`);
	const env = [...container.config.env];
	for (const item of options.env) if (item.includes('=')) env.push(item);
	const result = runInContainer(world, container, argv, {
		canBlock: false,
		exec: true,
		tty: options.tty,
		interactive: options.interactive,
		env,
		workingDir: options.workdir,
		stdin: options.stdin,
		columns: options.columns,
		onOutput: options.onOutput,
	});
	if (result.startError) {
		throw new DaemonError(`OCI runtime exec failed: exec failed: unable to start container process: ${result.startError}: unknown`);
	}
	return result;
}

export function imageSize(world: World, image: Image): number {
	return imageLayers(world, image.id).reduce((sum, layer) => sum + layer.size, 0);
}

// ---------------------------------------------------------------- kill, pause, rename, update

/** The signals `docker kill -s` takes, by name and number (Linux amd64), as the daemon parses them. */
const SIGNALS: Record<string, number> = {
	HUP: 1,
	INT: 2,
	QUIT: 3,
	ILL: 4,
	TRAP: 5,
	ABRT: 6,
	IOT: 6,
	BUS: 7,
	FPE: 8,
	KILL: 9,
	USR1: 10,
	SEGV: 11,
	USR2: 12,
	PIPE: 13,
	ALRM: 14,
	TERM: 15,
	STKFLT: 16,
	CHLD: 17,
	CONT: 18,
	STOP: 19,
	TSTP: 20,
	TTIN: 21,
	TTOU: 22,
	URG: 23,
	XCPU: 24,
	XFSZ: 25,
	VTALRM: 26,
	PROF: 27,
	WINCH: 28,
	IO: 29,
	POLL: 29,
	PWR: 30,
	SYS: 31,
};

/** A signal's number from `KILL`, `SIGKILL`, `kill` or `9`; undefined when the daemon does not know it. */
export function signalNumber(signal: string): number | undefined {
	if (/^\d+$/.test(signal)) {
		const n = Number(signal);
		return n >= 1 && n <= 64 ? n : undefined;
	}
	const name = signal.toUpperCase().replace(/^SIG/, '');
	return SIGNALS[name];
}

/**
 * `docker kill -s SIGNAL`: SIGKILL ends any container (exit 137). Any other signal reaches PID 1, which the
 * kernel shields from signals it has no handler for: a shell's `sleep` ignores SIGTERM; the to-do app's
 * server shuts down on SIGTERM and SIGINT (exit 0, like `docker stop`).
 */
export function signalContainer(world: World, container: Container, signal: number): void {
	if (container.status !== 'running') throw new DaemonError(`Container ${container.id} is not running`);
	if (signal === 9) {
		container.paused = false;
		finish(world, container, 137);
		return;
	}
	if (container.paused) return;
	const shutdown = container.app && appNamed(container.app.program)?.shutdown;
	if (shutdown && (signal === 15 || signal === 2)) {
		container.logs.push({stream: 'stdout', text: shutdown()});
		finish(world, container, 0);
	}
}

export function pauseContainer(container: Container): void {
	if (container.status !== 'running') throw new DaemonError(`Container ${container.id} is not running`);
	if (container.paused) throw new DaemonError(`Container ${container.id} is already paused`);
	container.paused = true;
}

export function unpauseContainer(container: Container): void {
	if (container.status !== 'running' || !container.paused) throw new DaemonError(`Container ${container.id} is not paused`);
	container.paused = false;
}

const CONTAINER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function renameContainer(world: World, container: Container, newName: string): void {
	const name = newName.startsWith('/') ? newName.slice(1) : newName;
	if (!CONTAINER_NAME.test(newName)) throw new DaemonError(`Error when allocating new name: Invalid container name (/${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
	if (name === container.name) throw new DaemonError('Renaming a container with the same name as its current name');
	const holderId = containerIdByName(world, name);
	const holder = holderId === undefined ? undefined : world.containers[holderId];
	if (holder) {
		throw new DaemonError(
			`Error when allocating new name: Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
		);
	}
	const names = containerNames(world);
	if (names[container.name] === container.id) delete names[container.name];
	names[name] = container.id;
	container.name = name;
}
