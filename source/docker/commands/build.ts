/**
 * `docker image build` / `docker build`: the CLI's side of the legacy builder (Docker CLI 28.2.2 without
 * the buildx plugin). Reads the context folder and the Dockerfile from the learner's host, applies
 * .dockerignore, prints the deprecation notice and `Sending build context…`, and runs the engine's
 * builder (engine/dockerbuild.ts).
 */
import type {ParsedCommand} from '../parse.js';
import type {DockerContext} from '../io.js';
import {flagBool, flagList, flagString} from '../flags.js';
import {humanSize} from '../render/format.js';
import {normalizePath, type Tree, isValidReference, parseImageRef, buildFromDockerfile, pathMatch} from '../../engine/index.js';

/** What the CLI prints on stderr before any build when the buildx plugin is missing. */
export const LEGACY_BUILDER_NOTICE =
	'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
	'            Install the buildx component to build images with BuildKit:\n' +
	'            https://docs.docker.com/go/buildx/\n\n';

/** The CLI prints the notice for `build`, `image build` and `builder build`, before parsing their flags. */
export function isLegacyBuild(argv: string[]): boolean {
	const words = argv.filter(arg => !arg.startsWith('-'));
	return words[0] === 'build' || ((words[0] === 'image' || words[0] === 'builder') && words[1] === 'build');
}

/** .dockerignore patterns (Go filepath.Match per path segment, `**` any depth, `!` re-includes). */
export function ignoreMatcher(text: string): (path: string) => boolean {
	const rules = text
		.split('\n')
		.map(line => line.trim())
		.filter(line => line !== '' && !line.startsWith('#'))
		.map(line => {
			const negate = line.startsWith('!');
			return {negate, pattern: normalizePath((negate ? line.slice(1) : line).trim(), '/').slice(1)};
		});
	return path => {
		let excluded = false;
		for (const rule of rules) if (pathMatch(rule.pattern, path, true)) excluded = !rule.negate;
		return excluded;
	};
}

/** The bytes of the context as the CLI's tar stream: a 512-byte header per entry, data in 512-byte blocks, two zero blocks. */
export function contextTarSize(context: Tree): number {
	let size = 1024;
	for (const entry of Object.values(context)) {
		size += 512;
		if (entry.kind === 'file') size += Math.ceil((entry.size ?? Buffer.byteLength(entry.content)) / 512) * 512;
	}
	return size;
}

export function build(ctx: DockerContext, command: ParsedCommand): number {
	const {world, io} = ctx;
	const name = `docker ${command.commandPath.join(' ')}`;
	for (const tag of flagList(command, 'tag')) {
		if (!isValidReference(tag)) {
			const repository = tag.split(':')[0]!;
			const reason = repository !== repository.toLowerCase() ? `repository name (library/${repository}) must be lowercase` : '';
			io.err(
				`invalid argument "${tag}" for "-t, --tag" flag: invalid reference format${reason ? ': ' + reason : ''}\n\nUsage:  ${name} [OPTIONS] PATH | URL | -\n\nRun '${name} --help' for more information\n`,
			);
			return 125;
		}
	}
	const target = command.args[0]!;
	if (target === '-' || /^(https?|git):\/\/|^git@/.test(target)) {
		io.err('layerlab: the lab builds from a folder on the host (`docker build -t NAME FOLDER`), not from stdin or a URL.\n');
		return 1;
	}
	const dir = normalizePath(target, io.cwd);
	const files = world.host.files;
	if (world.host.files[dir]?.kind !== 'dir' && dir !== '/') {
		io.err(`unable to prepare context: path "${target}" not found\n`);
		return 1;
	}
	const file = flagString(command, 'file');
	const dockerfilePath = file ? normalizePath(file, io.cwd) : `${dir === '/' ? '' : dir}/Dockerfile`;
	const dockerfile = files[dockerfilePath];
	if (dockerfile?.kind !== 'file') {
		io.err(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dockerfilePath}: no such file or directory\n`);
		return 1;
	}
	const prefix = dir === '/' ? '/' : dir + '/';
	const ignore = files[prefix + '.dockerignore'];
	const ignored = ignore?.kind === 'file' ? ignoreMatcher(ignore.content) : () => false;
	const keep = new Set([prefix + '.dockerignore', dockerfilePath]);
	const context: Tree = {};
	for (const [path, entry] of Object.entries(files)) {
		if (!path.startsWith(prefix)) continue;
		const relative = path.slice(prefix.length);
		if (!keep.has(path) && ignored(relative)) continue;
		context['/' + relative] = entry;
	}
	const buildArgs: Record<string, string> = {};
	for (const item of flagList(command, 'build-arg')) {
		const eq = item.indexOf('=');
		if (eq >= 0) buildArgs[item.slice(0, eq)] = item.slice(eq + 1);
		else if (Object.hasOwn(io.env, item)) buildArgs[item] = io.env[item]!;
	}
	const quiet = flagBool(command, 'quiet');
	const buffered: Array<['stdout' | 'stderr', string]> = [];
	const out = (stream: 'stdout' | 'stderr', text: string) => {
		if (quiet) buffered.push([stream, text]);
		else if (stream === 'stdout') io.out(text);
		else io.err(text);
	};
	out('stdout', `Sending build context to Docker daemon ${humanSize(contextTarSize(context), 4).padStart(8)}\n`);
	const record = buildFromDockerfile(
		world,
		{
			context,
			dockerfile: dockerfile.content,
			buildArgs,
			noCache: flagBool(command, 'no-cache'),
			rm: command.flags.rm === undefined ? true : flagBool(command, 'rm'),
			forceRm: flagBool(command, 'force-rm'),
			tags: flagList(command, 'tag').map(tag => parseImageRef(tag).full),
			target: flagString(command, 'target'),
			labels: flagList(command, 'label')
				.map((item): [string, string] => [item.split('=')[0]!, item.includes('=') ? item.slice(item.indexOf('=') + 1) : ''])
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
		},
		out,
	);
	world.lastBuild = record;
	const iidfile = flagString(command, 'iidfile');
	if (iidfile && record.imageId) {
		const path = normalizePath(iidfile, io.cwd);
		const parent = path.slice(0, path.lastIndexOf('/')) || '/';
		if (world.host.files[parent]?.kind === 'dir' || parent === '/') world.host.files[path] = {kind: 'file', mode: 0o644, content: record.imageId + '\n'};
	}
	if (quiet) {
		if (record.status === 0) io.out(`${record.imageId}\n`);
		else io.err(buffered.map(([, text]) => text).join(''));
	}
	return record.status;
}
