/** `docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]` */
import type {ParsedCommand} from '../../parse.js';
import {daemonError, type DockerContext} from '../../io.js';
import {isValidReference, parseImageRef, tagImage, DaemonError} from '../../../engine/index.js';

/** The CLI's reference check, with the daemon's wording for an upper-case repository name. */
function referenceError(ref: string): string | undefined {
	if (isValidReference(ref)) return undefined;
	const lower = ref.toLowerCase();
	if (isValidReference(lower)) {
		const repository = parseImageRef(ref).repository;
		return `invalid reference format: repository name (${repository.includes('/') ? repository : `library/${repository}`}) must be lowercase`;
	}
	return 'invalid reference format';
}

export function tag(ctx: DockerContext, command: ParsedCommand): number {
	const [source, target] = command.args as [string, string];
	const error = referenceError(target);
	if (error) {
		ctx.io.err(`Error parsing reference: ${JSON.stringify(target)} is not a valid repository/tag: ${error}\n`);
		return 1;
	}
	try {
		tagImage(ctx.world, source, target);
		return 0;
	} catch (failure) {
		if (failure instanceof DaemonError) return daemonError(ctx.io, failure.message);
		throw failure;
	}
}
