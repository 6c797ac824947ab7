/** `docker container rename CONTAINER NEW_NAME` */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import {DaemonError, renameContainer, requireContainer} from '../../../engine/index.js';

export function rename(ctx: DockerContext, command: ParsedCommand): number {
	const [ref, name] = command.args as [string, string];
	try {
		renameContainer(ctx.world, requireContainer(ctx.world, ref), name);
		return 0;
	} catch (error) {
		if (!(error instanceof DaemonError)) throw error;
		ctx.io.err(`Error response from daemon: ${error.message}\nError: failed to rename container named ${ref}\n`);
		return 1;
	}
}
