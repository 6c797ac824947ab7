/** `docker container kill [-s SIGNAL] CONTAINER...` */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import {flagString} from '../../flags.js';
import {DaemonError, requireContainer, signalContainer, signalNumber} from '../../../engine/index.js';

export function kill(ctx: DockerContext, command: ParsedCommand): number {
	const signal = flagString(command, 'signal') ?? 'KILL';
	let status = 0;
	for (const ref of command.args) {
		const number = signal === '' ? 9 : signalNumber(signal);
		try {
			if (number === undefined) {
				ctx.io.err(`Error response from daemon: Invalid signal: ${signal}\n`);
				status = 1;
				continue;
			}
			signalContainer(ctx.world, requireContainer(ctx.world, ref), number);
			ctx.io.out(ref + '\n');
		} catch (error) {
			if (!(error instanceof DaemonError)) throw error;
			ctx.io.err(`Error response from daemon: Cannot kill container: ${ref}: ${error.message}\n`);
			status = 1;
		}
	}
	return status;
}
