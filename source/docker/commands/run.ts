/** `docker container run` and `create`: pull when missing, create, then start and attach. */
import {heldNote} from './held.js';
import type {ParsedCommand} from '../parse.js';
import type {DockerContext} from '../io.js';
import {flagValueError, missingTagNote, runDaemonError} from '../io.js';
import {flagBool, flagList, flagString, absoluteBind, parsePublish} from '../flags.js';
import {parseMountOpt} from '../parse.js';
import {
	isNetworkName,
	createContainer,
	DaemonError,
	startContainer,
	type MountSpec,
	findImage,
	isValidReference,
	parseImageRef,
	pullImage,
	readonly,
	type Image,
	type PortBinding,
} from '../../engine/index.js';
import {restartPolicy} from './container/update.js';
import {printPull} from './image.js';

function nextEphemeralPort(ctx: DockerContext): () => number {
	return () => {
		const used = new Set(Object.values(readonly(ctx.world.containers)).flatMap(container => container.hostConfig.portBindings.map(binding => binding.hostPort)));
		let port = 32768;
		while (used.has(port)) port++;
		return port;
	};
}

/** The image for run/create: local, or pulled with the output a terminal shows. */
export function ensureImage(ctx: DockerContext, ref: string, command: string): Image | number {
	const local = findImage(ctx.world, ref);
	if (local) return local;
	const parsed = parseImageRef(ref);
	ctx.io.err(`Unable to find image '${parsed.full}' locally\n`);
	try {
		const result = pullImage(ctx.world, ref);
		printPull(ctx, result, false);
		return result.image;
	} catch (error) {
		if (error instanceof DaemonError) {
			const status = runDaemonError(ctx.io, error.message, command);
			missingTagNote(ctx.io, ctx.world.registry, error.message);
			return status;
		}
		throw error;
	}
}

export function runOrCreate(ctx: DockerContext, command: ParsedCommand, start: boolean): number {
	const {io, world} = ctx;
	const shortForm = command.typed.length === 1 ? `docker ${command.typed[0]}` : `docker ${start ? 'run' : 'create'}`;
	const imageRef = command.args[0]!;
	if (!isValidReference(imageRef)) {
		const lower = imageRef.toLowerCase();
		if (lower !== imageRef && isValidReference(lower)) {
			io.err(`docker: invalid reference format: repository name (${parseImageRef(imageRef).repository}) must be lowercase\n\nRun '${shortForm} --help' for more information\n`);
		} else io.err(`docker: invalid reference format\n\nRun '${shortForm} --help' for more information\n`);
		return 125;
	}
	const mounts: MountSpec[] = [];
	// the values were checked while parsing the flags (parseMountOpt); the daemon checks the rest
	for (const value of flagList(command, 'mount')) {
		const parsed = parseMountOpt(value);
		if ('error' in parsed) return flagValueError(io, command.commandPath, value, '--mount', parsed.error);
		mounts.push(parsed);
	}
	for (const spec of flagList(command, 'volume')) {
		if (spec.split(':').length > 3) {
			io.err(`docker: invalid spec: ${spec}: too many colons\n\nRun '${shortForm} --help' for more information\n`);
			return 125;
		}
	}
	const network = flagString(command, 'network');
	const publish: PortBinding[] = [];
	for (const value of flagList(command, 'publish')) {
		const parsed = parsePublish(value, nextEphemeralPort(ctx));
		if (typeof parsed === 'string') {
			io.err(`docker: ${parsed}\n\nRun '${shortForm} --help' for more information\n`);
			return 125;
		}
		publish.push(...parsed);
	}
	const env = flagList(command, 'env').map(item => (item.includes('=') ? item : io.env[item] === undefined ? item : `${item}=${io.env[item]}`));
	const detach = flagBool(command, 'detach');
	const autoRemove = flagBool(command, 'rm');

	const image = ensureImage(ctx, imageRef, shortForm);
	if (typeof image === 'number') return image;

	let container;
	try {
		container = createContainer(world, {
			name: flagString(command, 'name'),
			imageRef,
			image,
			args: command.args.slice(1),
			entrypoint: flagString(command, 'entrypoint'),
			env,
			workdir: flagString(command, 'workdir'),
			tty: flagBool(command, 'tty'),
			interactive: flagBool(command, 'interactive'),
			detach: start && detach,
			binds: flagList(command, 'volume').map(spec => absoluteBind(spec, io.cwd)),
			mounts,
			volumesFrom: flagList(command, 'volumes-from'),
			publish,
			autoRemove,
			user: flagString(command, 'user'),
		});
	} catch (error) {
		if (error instanceof DaemonError) return runDaemonError(io, error.message, shortForm);
		throw error;
	}
	if (network !== undefined && network !== 'default') container.networkMode = network;
	// the daemon creates the container and fails to start it on a network it does not have
	if (start && network !== undefined && !isNetworkName(world, network)) return runDaemonError(io, `network ${network} not found`, shortForm);
	const restart = flagString(command, 'restart');
	const policy = restart === undefined ? undefined : restartPolicy(restart);
	if (policy && typeof policy !== 'string') container.restartPolicy = policy;
	if (!start) {
		io.out(container.id + '\n');
		return 0;
	}
	if (detach) {
		try {
			startContainer(world, container, {attach: false, columns: io.columns});
		} catch (error) {
			if (error instanceof DaemonError) {
				io.out(container.id + '\n');
				return runDaemonError(io, error.message, shortForm);
			}
			throw error;
		}
		io.out(container.id + '\n');
		return 0;
	}
	let result;
	try {
		result = startContainer(world, container, {attach: true, columns: io.columns, onOutput: line => (line.stream === 'stdout' ? io.out(line.text) : io.err(line.text))});
	} catch (error) {
		if (error instanceof DaemonError) return runDaemonError(io, error.message, shortForm);
		throw error;
	}
	if (result.session) {
		// `-it … sh`: the learner's terminal is now in the container's shell (host/run-line.ts).
		world.host.session = {...result.session, sigProxy: command.flags['sig-proxy'] === undefined || flagBool(command, 'sig-proxy'), stubborn: true};
		if (result.session.deaf) io.err(heldNote(container.name, 'Ctrl+C three times gives the host prompt back (docker run passes the first two to the container)'));
		return 0;
	}
	if (result.status === 'running') {
		io.err(`layerlab: ${container.name} keeps running (a real terminal would stay attached to it until Ctrl+C); it is left running in the background.\n`);
		return 0;
	}
	return result.status;
}
