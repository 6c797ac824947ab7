/**
 * `docker image build` with the classic (legacy) builder, as Docker Engine 20.10 runs it: every
 * instruction after FROM commits an image whose parent is the previous step's image (the cache is
 * "an image with this parent made by this instruction"); RUN runs in a build container through the
 * lab's shell and its writable layer becomes the step's layer; COPY/ADD write the build context
 * (or a stage's files) into a layer. Layers are content-addressed like the catalog's, so building
 * the book's Dockerfile gives the catalog image's layers.
 *
 * Pure: the build context is a Tree taken from the world's host files; output goes to `out`.
 */
import {clonePlain, readonly, type BuildRecord, type BuildStepRecord, type Container, type HistoryEntry, type Image, type ImageConfig, type Tree, type World} from './world.js';

export type {BuildRecord, BuildStepRecord};
import {containerFs} from './unionfs.js';
import {basename, compareWalkOrder, normalizePath} from './path.js';
import {runInContainer, envRecord} from './process.js';
import {stepContainerRecord} from './containers.js';
import {DaemonError} from './daemon-error.js';
import {randomHex} from './random.js';
import {containerIdByName, containerNames, randomName} from './names.js';
import {findImage, pullImage} from './images.js';
import {parseImageRef} from './refs.js';
import {contentHash, copyInto, formatJsonArray, makeLayer, mkdirs, NOP, sha256, type CopySource} from './build.js';
import {DockerfileError, keyValues, parseDockerfile, pathMatch, processWords, type Instruction} from './dockerfile.js';
import {spend} from './budget.js';
import {FsError} from './fsapi.js';

export interface BuildRequest {
	/** The build context: paths relative to its root ('/random.sh'), .dockerignore already applied. */
	context: Tree;
	/** The Dockerfile's text. */
	dockerfile: string;
	buildArgs: Record<string, string>;
	noCache: boolean;
	/** Remove intermediate containers after a successful step (`--rm`, default true). */
	rm: boolean;
	/** Remove them even after a failed step (`--force-rm`). */
	forceRm: boolean;
	/** Full references (`name:tag`) to tag the result with. */
	tags: string[];
	/** `--target`: the stage to stop after (its name). */
	target?: string;
	/** `--label`: added as LABEL steps after the Dockerfile's own. */
	labels?: Array<[string, string]>;
}

type BuildOutput = (stream: 'stdout' | 'stderr', text: string) => void;

interface Stage {
	name: string;
	image: Image;
	config: ImageConfig;
	/** ARGs declared in this stage: name → value (undefined: declared without a value). */
	args: Map<string, string | undefined>;
	shell: string[];
}

const short = (id: string) => id.slice(7, 19);

/** The image a step makes: the parent's layers (+ one), history (+ one entry) and the new config. */
function commitImage(world: World, parent: Image, config: ImageConfig, createdBy: string, layer: string | null, buildKey: string): Image {
	world.serial++;
	const created = world.clock + world.serial;
	const entry: HistoryEntry = {created, createdBy, emptyLayer: layer === null, comment: ''};
	const history = [...parent.history, entry];
	const layers = layer === null ? [...parent.layers] : [...parent.layers, layer];
	const id = 'sha256:' + sha256(JSON.stringify({parent: parent.id, config, layers, history, created}));
	const image: Image = {id, repoTags: [], repoDigests: [], layers, config, history, created, parent: parent.id, comment: '', source: 'build', buildKey};
	world.images[id] = image;
	return image;
}

/** The newest local image made from `parent` by the same instruction: the legacy builder's cache. */
function cached(world: World, parent: Image, key: string): Image | undefined {
	let best: Image | undefined;
	for (const image of Object.values(readonly(world.images))) {
		if (image.parent === parent.id && image.buildKey === key && (!best || image.created > best.created)) best = image;
	}
	return best ? world.images[best.id] : undefined;
}

/** A build container on `image`, as the daemon creates one per step (random id and name). */
function stepContainer(world: World, image: Image, argv: string[], env: string[]): Container {
	const id = randomHex(world, 64);
	world.serial++;
	const container = stepContainerRecord({
		id,
		name: randomName(world),
		imageId: image.id,
		created: world.clock + world.serial,
		argv,
		hostname: id.slice(0, 12),
		image: short(image.id),
		cmd: argv,
		env,
		workingDir: image.config.workingDir,
		user: image.config.user,
	});
	world.containers[id] = container;
	containerNames(world)[container.name] = id;
	return container;
}

/** Removes a build container (and its name). */
function dropContainer(world: World, id: string): void {
	const container = world.containers[id];
	if (!container) return;
	if (containerIdByName(world, container.name) === id) delete containerNames(world)[container.name];
	delete world.containers[id];
}

/** Go's time.Duration String() for whole milliseconds: 30s, 1m30s, 500ms, 0s. */
function goDuration(ms: number): string {
	if (ms === 0) return '0s';
	if (ms < 1000) return `${ms}ms`;
	const h = Math.floor(ms / 3_600_000);
	const m = Math.floor((ms % 3_600_000) / 60_000);
	const s = (ms % 60_000) / 1000;
	if (h > 0) return `${h}h${m}m${s}s`;
	if (m > 0) return `${m}m${s}s`;
	return `${s}s`;
}

function parseDuration(text: string | undefined): number {
	if (!text) return 0;
	let total = 0;
	for (const match of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) total += Number(match[1]) * {ms: 1, s: 1000, m: 60_000, h: 3_600_000}[match[2] as 'ms' | 's' | 'm' | 'h'];
	return total;
}

/** Go's %q of a small integer (a rune): '\x00', '\x03', 'A'. */
function goRune(n: number): string {
	return n >= 32 && n < 127 ? `'${String.fromCharCode(n)}'` : `'\\x${n.toString(16).padStart(2, '0')}'`;
}

/** The files a COPY/ADD source names in the context (`*` and `?` match within a name). */
function contextSources(context: Tree, raw: string): CopySource[] | undefined {
	const path = normalizePath(raw, '/');
	if (path === '/') return [{kind: 'dir', name: '.', tree: context}];
	const names = /[*?]/.test(path) ? Object.keys(context).filter(name => pathMatch(path, name)) : Object.hasOwn(context, path) ? [path] : [];
	if (names.length === 0) return undefined;
	return names.sort(compareWalkOrder).map(name => sourceFrom(context, name));
}

function sourceFrom(tree: Tree, path: string): CopySource {
	const entry = tree[path]!;
	if (entry.kind === 'dir') {
		const prefix = path + '/';
		const inner: Tree = {};
		for (const [key, value] of Object.entries(tree)) if (key.startsWith(prefix)) inner['/' + key.slice(prefix.length)] = value;
		return {kind: 'dir', name: basename(path), tree: inner};
	}
	if (entry.kind === 'file')
		return {
			kind: 'file',
			name: basename(path),
			content: entry.content,
			mode: entry.mode,
			...(entry.size !== undefined ? {size: entry.size} : {}),
			...(entry.program ? {program: entry.program} : {}),
		};
	return {kind: 'file', name: basename(path), content: entry.kind === 'symlink' ? entry.target : '', mode: 0o777};
}

/** A path in another image (COPY --from): its file, or its folder's tree. */
function imageSource(world: World, image: Image, raw: string): CopySource | undefined {
	const probe = stepContainer(world, image, ['true'], []);
	dropContainer(world, probe.id);
	const fs = containerFs(world, probe);
	const path = normalizePath(raw, '/');
	let kind: string;
	try {
		kind = fs.stat(path).entry.kind;
	} catch {
		return undefined;
	}
	if (kind !== 'dir') {
		const entry = fs.stat(path).entry;
		return entry.kind === 'file' ? {kind: 'file', name: basename(path), content: entry.content, mode: entry.mode, ...(entry.program ? {program: entry.program} : {})} : undefined;
	}
	const tree: Tree = {};
	const walk = (dir: string, rel: string) => {
		for (const name of fs.list(dir)) {
			const entry = fs.stat(`${dir === '/' ? '' : dir}/${name}`, false).entry;
			tree[`${rel}/${name}`] = entry;
			if (entry.kind === 'dir') walk(`${dir === '/' ? '' : dir}/${name}`, `${rel}/${name}`);
		}
	};
	walk(path, '');
	return {kind: 'dir', name: basename(path), tree};
}

function commandOf(instruction: Instruction, shell: string[]): string[] {
	return instruction.json ?? [...shell, instruction.rest];
}

/**
 * Runs a build. Prints what the legacy builder prints (after the CLI's context line) and returns the
 * record of its steps; the status is the CLI's exit status.
 */
export function buildFromDockerfile(world: World, request: BuildRequest, out: BuildOutput): BuildRecord {
	const record: BuildRecord = {at: world.clock, imageId: null, tags: request.tags, steps: [], status: 0};
	const fail = (message: string, status = 1): BuildRecord => {
		out('stderr', message + '\n');
		record.status = status;
		return record;
	};
	let instructions: Instruction[];
	try {
		instructions = parseDockerfile(request.dockerfile);
	} catch (error) {
		if (error instanceof DockerfileError) return fail(`Error response from daemon: ${error.message}`);
		throw error;
	}
	if (instructions.length === 0) return fail('Error response from daemon: the Dockerfile (Dockerfile) cannot be empty');
	if (request.target !== undefined) {
		const target = request.target.toLowerCase();
		const start = instructions.findIndex(instruction => instruction.keyword === 'FROM' && /\s+as\s+(\S+)\s*$/i.exec(instruction.rest)?.[1]?.toLowerCase() === target);
		if (start < 0) return fail(`failed to reach build target ${request.target} in Dockerfile`);
		const next = instructions.findIndex((instruction, index) => index > start && instruction.keyword === 'FROM');
		if (next >= 0) instructions = instructions.slice(0, next);
	}
	for (const [name, value] of request.labels ?? []) {
		instructions.push({keyword: 'LABEL', rest: `${name}=${value}`, flags: {}, json: null, original: `LABEL ${name}=${value}`, line: 0});
	}
	if (instructions.find(instruction => instruction.keyword !== 'ARG')?.keyword !== 'FROM') return fail('Error response from daemon: no build stage in current context');
	// Docker checks every instruction's arguments before it runs the first step.
	for (const instruction of instructions) {
		const count = instruction.json?.length ?? instruction.rest.split(/\s+/).filter(Boolean).length;
		if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && count < 2)
			return fail(`Error response from daemon: dockerfile parse error line ${instruction.line}: ${instruction.keyword} requires at least two arguments`);
		if (['FROM', 'WORKDIR', 'USER', 'STOPSIGNAL', 'EXPOSE', 'VOLUME', 'ARG', 'ENV', 'LABEL'].includes(instruction.keyword) && count === 0)
			return fail(`Error response from daemon: dockerfile parse error line ${instruction.line}: ${instruction.keyword} requires at least one argument`);
	}
	const metaArgs = new Map<string, string | undefined>();
	const used = new Set<string>();
	const stages: Stage[] = [];
	let stage: Stage | undefined;
	const total = instructions.length;

	const argEnv = (current: Stage): Record<string, string> => {
		const values: Record<string, string> = {};
		for (const [name, value] of current.args) {
			const given = Object.hasOwn(request.buildArgs, name) ? request.buildArgs[name] : value;
			if (given !== undefined) values[name] = given;
		}
		return values;
	};
	const wordEnv = (current: Stage): Record<string, string> => ({...argEnv(current), ...envRecord(current.config.env)});

	for (const [index, instruction] of instructions.entries()) {
		spend(1);
		const step = index + 1;
		if (instruction.keyword === 'ARG' && !stage) {
			for (const [name, value] of argPairs(instruction.rest)) metaArgs.set(name, value);
			out('stdout', `Step ${step}/${total} : ${instruction.original}\n`);
			continue;
		}
		out('stdout', `Step ${step}/${total} : ${instruction.original}\n`);
		if (instruction.keyword === 'FROM') {
			const metaEnv: Record<string, string> = {};
			for (const [name, value] of metaArgs) {
				const given = Object.hasOwn(request.buildArgs, name) ? request.buildArgs[name] : value;
				if (given !== undefined) metaEnv[name] = given;
				used.add(name);
			}
			const words = processWords(instruction.rest, metaEnv);
			const ref = words[0] ?? '';
			const alias = words[1]?.toLowerCase() === 'as' ? (words[2] ?? '') : '';
			let image: Image | undefined = stages.find(other => other.name !== '' && other.name === ref.toLowerCase())?.image ?? findImage(world, ref);
			if (!image) {
				try {
					const pulled = pullImage(world, ref);
					printBuildPull(out, pulled.ref.tag, pulled.ref.repository, pulled.layers, pulled.digest, pulled.ref.full);
					image = pulled.image;
				} catch (error) {
					if (error instanceof DaemonError) return fail(error.message);
					throw error;
				}
			}
			stage = {name: alias.toLowerCase(), image, config: clonePlain(image.config), args: new Map(), shell: ['/bin/sh', '-c']};
			stages.push(stage);
			record.steps.push({step, text: instruction.original, imageId: image.id, layer: null, size: 0, cached: true, from: true});
			out('stdout', ` ---> ${short(image.id)}\n`);
			continue;
		}
		if (!stage) return fail('Error response from daemon: no build stage in current context');
		const current: Stage = stage;
		const env = wordEnv(current);
		const config = clonePlain(current.config);
		let createdBy: string;
		let key: string;
		let kind: 'meta' | 'run' | 'copy' | 'workdir' = 'meta';
		const copySources: CopySource[] = [];
		let copyDest = '';
		switch (instruction.keyword) {
			case 'RUN': {
				kind = 'run';
				const command = commandOf(instruction, current.shell);
				const args = argEnv(current);
				for (const name of Object.keys(args)) used.add(name);
				const envNames = new Set(config.env.map(item => item.split('=')[0]));
				const pairs = Object.entries(args)
					.filter(([name]) => !envNames.has(name))
					.map(([name, value]) => `${name}=${value}`)
					.sort();
				createdBy = (pairs.length > 0 ? `|${pairs.length} ${pairs.join(' ')} ` : '') + command.join(' ');
				key = createdBy;
				break;
			}
			case 'COPY':
			case 'ADD': {
				kind = 'copy';
				const words = instruction.json ?? processWords(instruction.rest, env);
				if (words.length < 2)
					return fail(
						`Error response from daemon: dockerfile parse error line ${instruction.line}: ${instruction.keyword} requires at least two arguments, but only one was provided. Destination could not be determined.`,
					);
				copyDest = words.at(-1)!;
				const from = instruction.flags.from;
				for (const raw of words.slice(0, -1)) {
					if (from !== undefined) {
						const source = stages.find(other => other.name === from.toLowerCase())?.image ?? (/^\d+$/.test(from) ? stages[Number(from)]?.image : findImage(world, from));
						if (!source) return fail(`COPY failed: stat ${normalizePath(raw, '/').slice(1)}: file does not exist`);
						const found = imageSource(world, source, raw);
						if (!found) return fail(`COPY failed: stat ${normalizePath(raw, '/').slice(1)}: file does not exist`);
						copySources.push(found);
					} else {
						const found = contextSources(request.context, raw);
						if (!found) return fail(`COPY failed: file not found in build context or excluded by .dockerignore: stat ${normalizePath(raw, '/').slice(1)}: file does not exist`);
						copySources.push(...found);
					}
				}
				const chown = instruction.flags.chown !== undefined ? `--chown=${instruction.flags.chown}` : '';
				const what = copySources.length === 1 ? contentHash(copySources[0]!) : 'multi:' + sha256(JSON.stringify(copySources));
				createdBy = `${NOP}${instruction.keyword} ${chown}${what} in ${copyDest} `;
				key = createdBy + (from !== undefined ? '\n' + from : '');
				break;
			}
			case 'WORKDIR': {
				kind = 'workdir';
				const path = normalizePath(processWords(instruction.rest, env).join(' '), config.workingDir || '/');
				config.workingDir = path;
				createdBy = `${NOP}WORKDIR ${path}`;
				key = createdBy;
				break;
			}
			case 'ENV': {
				const pairs = keyValues(instruction.rest, env, 'ENV');
				for (const [name, value] of pairs) config.env = [...config.env.filter(item => item.split('=')[0] !== name), `${name}=${value}`];
				createdBy = `${NOP} ENV ${pairs.map(([name, value]) => `${name}=${value}`).join(' ')}`;
				key = createdBy;
				break;
			}
			case 'ARG': {
				const pairs = argPairs(instruction.rest);
				for (const [name, value] of pairs) {
					current.args.set(name, value ?? (metaArgs.has(name) ? metaArgs.get(name) : undefined));
					if (Object.hasOwn(request.buildArgs, name)) used.add(name);
				}
				createdBy = `${NOP} ARG ${pairs.map(([name, value]) => (value === undefined ? name : `${name}=${value}`)).join(' ')}`;
				key = createdBy;
				break;
			}
			case 'LABEL': {
				const pairs = keyValues(instruction.rest, env, 'LABEL');
				config.labels = {...config.labels, ...Object.fromEntries(pairs)};
				createdBy = `${NOP} LABEL ${pairs.map(([name, value]) => `${name}=${value}`).join(' ')}`;
				key = createdBy;
				break;
			}
			case 'EXPOSE': {
				const ports = processWords(instruction.rest, env);
				for (const port of ports) {
					const full = port.includes('/') ? port : `${port}/tcp`;
					if (!config.exposedPorts.includes(full)) config.exposedPorts.push(full);
				}
				createdBy = `${NOP} EXPOSE ${[...ports].sort().join(' ')}`;
				key = createdBy;
				break;
			}
			case 'VOLUME': {
				const paths = instruction.json ?? processWords(instruction.rest, env);
				for (const path of paths) if (!config.volumes.includes(path)) config.volumes.push(path);
				createdBy = `${NOP} VOLUME [${paths.join(' ')}]`;
				key = createdBy;
				break;
			}
			case 'USER': {
				config.user = processWords(instruction.rest, env).join(' ');
				createdBy = `${NOP} USER ${config.user}`;
				key = createdBy;
				break;
			}
			case 'CMD':
			case 'ENTRYPOINT': {
				const value = commandOf(instruction, current.shell);
				if (instruction.keyword === 'CMD') config.cmd = value;
				else {
					config.entrypoint = value;
					config.cmd = null;
				}
				config.argsEscaped = instruction.json === null ? true : config.argsEscaped;
				createdBy = `${NOP} ${instruction.keyword} ${formatJsonArray(value)}`;
				key = createdBy;
				break;
			}
			case 'STOPSIGNAL': {
				config.stopSignal = processWords(instruction.rest, env).join(' ');
				createdBy = `${NOP} STOPSIGNAL ${config.stopSignal}`;
				key = createdBy;
				break;
			}
			case 'HEALTHCHECK': {
				const text = instruction.rest.trim();
				const none = /^NONE$/i.test(text);
				const body = text.replace(/^CMD\s+/i, '');
				const json = body.startsWith('[') ? parseJsonArray(body) : null;
				const test = none ? ['NONE'] : json ? ['CMD', ...json] : ['CMD-SHELL', body];
				const flags = instruction.flags;
				const healthcheck = {
					test,
					interval: parseDuration(flags.interval),
					timeout: parseDuration(flags.timeout),
					startPeriod: parseDuration(flags['start-period']),
					retries: Number(flags.retries ?? 0),
				};
				config.healthcheck = healthcheck;
				const durations = [healthcheck.interval, healthcheck.timeout, healthcheck.startPeriod].map(ms => `"${goDuration(ms)}"`).join(' ');
				createdBy = `${NOP} HEALTHCHECK &{[${test.map(item => JSON.stringify(item)).join(' ')}] ${durations} ${goRune(healthcheck.retries)}}`;
				key = createdBy;
				break;
			}
			case 'MAINTAINER': {
				createdBy = `${NOP} MAINTAINER ${instruction.rest}`;
				key = createdBy;
				break;
			}
			case 'SHELL': {
				const shell = instruction.json;
				if (!shell) return fail(`Error response from daemon: dockerfile parse error line ${instruction.line}: SHELL requires the arguments to be in JSON form`);
				current.shell = shell;
				createdBy = `${NOP} SHELL [${shell.join(' ')}]`;
				key = createdBy;
				break;
			}
			default:
				return fail(
					`layerlab: ${instruction.keyword} is not simulated in builds (the lab builds FROM, RUN, COPY, ADD, WORKDIR, ENV, ARG, LABEL, EXPOSE, VOLUME, USER, CMD, ENTRYPOINT, HEALTHCHECK, STOPSIGNAL).`,
				);
		}

		const parent = current.image;
		const hit = request.noCache ? undefined : cached(world, parent, key);
		if (hit) {
			out('stdout', ` ---> Using cache\n ---> ${short(hit.id)}\n`);
			adopt(current, hit);
			record.steps.push(stepRecord(world, step, instruction, hit, parent, true));
			continue;
		}
		let layer: string | null = null;
		const made = new Set(Object.keys(world.containers));
		try {
			if (kind === 'copy') {
				const probe = stepContainer(world, parent, ['/bin/sh', '-c', `#(nop) ${createdBy.slice(NOP.length)}`], config.env);
				dropContainer(world, probe.id);
				copyInto(world, probe, copySources, copyDest, config.workingDir || '/');
				layer = commitLayer(world, probe.rw);
			} else {
				const runArgv = kind === 'run' ? commandOf(instruction, current.shell) : ['/bin/sh', '-c', `#(nop) ${createdBy.slice(NOP.length).trim()}`];
				const buildEnv = kind === 'run' ? [...config.env, ...Object.entries(argEnv(current)).map(([name, value]) => `${name}=${value}`)] : config.env;
				const container = stepContainer(world, parent, runArgv, config.env);
				container.config.workingDir = config.workingDir;
				out('stdout', ` ---> Running in ${container.id.slice(0, 12)}\n`);
				if (kind === 'workdir') {
					mkdirs(containerFs(world, container), config.workingDir);
					layer = commitLayer(world, container.rw);
				} else if (kind === 'run') {
					container.status = 'running';
					container.startedAt = world.clock;
					const result = runInContainer(world, container, runArgv, {canBlock: false, tty: false, env: buildEnv, onOutput: line => out(line.stream, line.text)});
					const status = result.status === 'running' ? 0 : result.status;
					if (result.startError) out('stderr', `OCI runtime create failed: ${result.startError}\n`);
					container.status = 'exited';
					container.exitCode = status;
					container.finishedAt = world.clock + 1;
					if (status !== 0) {
						if (request.forceRm) dropContainer(world, container.id);
						return fail(`The command '${runArgv.join(' ')}' returned a non-zero code: ${status}`, status);
					}
					layer = commitLayer(world, container.rw);
				}
				if (request.rm) {
					dropContainer(world, container.id);
					out('stdout', `Removing intermediate container ${container.id.slice(0, 12)}\n`);
				}
			}
		} catch (error) {
			if (!(error instanceof FsError)) throw error;
			// a file where a folder must be (COPY into a file, WORKDIR on a file): the step's container goes
			for (const id of Object.keys(world.containers)) if (!made.has(id)) dropContainer(world, id);
			return fail(`layerlab: step ${step} (${instruction.keyword}) cannot write there: ${error.message}`);
		}
		const image = commitImage(world, parent, config, createdBy, layer, key);
		out('stdout', ` ---> ${short(image.id)}\n`);
		adopt(current, image);
		record.steps.push(stepRecord(world, step, instruction, image, parent, false));
	}
	if (!stage) return fail('Error response from daemon: no build stage in current context');
	const unused = Object.keys(request.buildArgs)
		.filter(name => !used.has(name))
		.sort();
	if (unused.length > 0) out('stdout', `[Warning] One or more build-args [${unused.join(' ')}] were not consumed\n`);
	const final = world.images[stage.image.id]!;
	out('stdout', `Successfully built ${short(final.id)}\n`);
	for (const tag of request.tags) {
		const ref = parseImageRef(tag);
		for (const other of Object.values(readonly(world.images))) {
			if (other.id !== final.id && other.repoTags.includes(ref.full)) world.images[other.id]!.repoTags = other.repoTags.filter(item => item !== ref.full);
		}
		if (!final.repoTags.includes(ref.full)) final.repoTags.push(ref.full);
		out('stdout', `Successfully tagged ${ref.full}\n`);
	}
	record.imageId = final.id;
	return record;
}

function adopt(stage: Stage, image: Image): void {
	stage.image = image;
	stage.config = clonePlain(image.config);
}

function stepRecord(world: World, step: number, instruction: Instruction, image: Image, parent: Image, cachedStep: boolean): BuildStepRecord {
	const layer = image.layers.length > parent.layers.length ? image.layers.at(-1)! : null;
	return {step, text: instruction.original, imageId: image.id, layer, size: layer ? (world.layers[layer]?.size ?? 0) : 0, cached: cachedStep, from: false};
}

function commitLayer(world: World, rw: Tree): string {
	const layer = makeLayer(clonePlain(rw));
	world.layers[layer.digest] ??= layer;
	return layer.digest;
}

function parseJsonArray(text: string): string[] | null {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) && value.every(item => typeof item === 'string') ? (value as string[]) : null;
	} catch {
		return null;
	}
}

/** ARG's `name[=default]` words. */
function argPairs(rest: string): Array<[string, string | undefined]> {
	return rest
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.map(word => {
			const eq = word.indexOf('=');
			if (eq < 0) return [word, undefined];
			return [word.slice(0, eq), processWords(word.slice(eq + 1), {}).join(' ')];
		});
}

/** A pull during FROM: the daemon's progress messages, one per line (no progress bars in a build). */
function printBuildPull(out: BuildOutput, tag: string, repository: string, layers: Array<{id: string; status: string}>, digest: string, full: string): void {
	const lines = [`${tag}: Pulling from ${repository.includes('/') ? repository : 'library/' + repository}`];
	const fresh = layers.filter(layer => layer.status !== 'Already exists');
	for (const layer of layers) if (layer.status === 'Already exists') lines.push(`${layer.id}: Already exists`);
	for (const layer of fresh) lines.push(`${layer.id}: Pulling fs layer`);
	for (const layer of fresh) lines.push(`${layer.id}: Verifying Checksum`, `${layer.id}: Download complete`);
	for (const layer of fresh) lines.push(`${layer.id}: Pull complete`);
	lines.push(`Digest: ${digest}`, `Status: Downloaded newer image for ${full}`);
	out('stdout', lines.join('\n') + '\n');
}
