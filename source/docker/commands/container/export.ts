/** `docker container export -o FILE CONTAINER`: the container's filesystem as a tar on the learner's host. */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import {flagString} from '../../flags.js';
import {treeFs, normalizePath, FsError, nextU32} from '../../../engine/index.js';
import {withContainer} from '../container.js';

/** command.ValidateOutputPath: the folder must exist (the CLI checks before it asks the daemon). */
export function outputPathError(ctx: DockerContext, file: string): string | undefined {
	const path = normalizePath(file, ctx.io.cwd);
	const dir = path.slice(0, path.lastIndexOf('/')) || '/';
	try {
		const entry = treeFs(ctx.world.host.files).stat(dir).entry;
		if (entry.kind !== 'dir') return `invalid output path: ${dir} is not a directory`;
	} catch {
		return `invalid output path: stat ${file.slice(0, file.lastIndexOf('/')) || '/'}: no such file or directory`;
	}
	return undefined;
}

/** Writes an archive the lab can read back (`image load`): a marker line, then what it holds as JSON. */
export function writeArchive(ctx: DockerContext, file: string | undefined, kind: string, body: unknown): number {
	const content = `layerlab ${kind} archive\n${JSON.stringify(body)}\n`;
	if (file === undefined) {
		if (ctx.io.tty) {
			ctx.io.err('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
			return 1;
		}
		ctx.io.out(content);
		return 0;
	}
	const path = normalizePath(file, ctx.io.cwd);
	try {
		treeFs(ctx.world.host.files, undefined, ctx.world.host).write(path, content, {mode: 0o600});
	} catch (error) {
		if (!(error instanceof FsError && error.code === 'ENOSPC')) throw error;
		// the CLI writes a temporary file next to it first (os.CreateTemp: a random number after the name)
		const slash = path.lastIndexOf('/');
		ctx.io.err(`write ${path.slice(0, slash)}/.tmp-${path.slice(slash + 1)}${nextU32(ctx.world)}: no space left on device\n`);
		return 1;
	}
	return 0;
}

export function exportContainer(ctx: DockerContext, command: ParsedCommand): number {
	const output = flagString(command, 'output');
	if (output !== undefined) {
		const error = outputPathError(ctx, output);
		if (error) {
			ctx.io.err(`failed to export container: ${error}\n`);
			return 1;
		}
	}
	return withContainer(ctx, command.args[0]!, container => writeArchive(ctx, output, 'container', {id: container.id, rw: Object.keys(container.rw).length}), {read: true});
}
