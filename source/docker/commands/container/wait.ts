/** `docker container wait CONTAINER...`: each one's exit code (the lab's containers never block it). */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import {killContainer} from '../../../engine/index.js';
import {forEachContainer} from '../container.js';

export function wait(ctx: DockerContext, command: ParsedCommand): number {
	return forEachContainer(ctx, command.args, container => {
		// a container that would run for ever is waited for until the learner stops it: the lab cannot
		// block the prompt, so it ends it the way Ctrl+C then `docker kill` would
		if (container.status === 'running') killContainer(ctx.world, container);
		ctx.io.out(`${container.exitCode}\n`);
	}).status;
}
