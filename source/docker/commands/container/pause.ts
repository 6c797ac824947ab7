/** `docker container pause` and `unpause`: the container's processes freeze; it stays `Up … (Paused)`. */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import {pauseContainer, unpauseContainer} from '../../../engine/index.js';
import {forEachContainer} from '../container.js';

export function pause(ctx: DockerContext, command: ParsedCommand): number {
	return forEachContainer(ctx, command.args, (container, ref) => {
		pauseContainer(container);
		ctx.io.out(ref + '\n');
	}).status;
}

export function unpause(ctx: DockerContext, command: ParsedCommand): number {
	return forEachContainer(ctx, command.args, (container, ref) => {
		unpauseContainer(container);
		ctx.io.out(ref + '\n');
	}).status;
}
