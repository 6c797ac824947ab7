/**
 * `docker container attach [--no-stdin] [--sig-proxy=false] [--detach-keys KEYS] CONTAINER`: the
 * learner's terminal joins the container's main process. A shell started with `-it` takes the lines
 * (its prompt comes back); anything else holds the terminal until Ctrl+C (host/run-line.ts).
 */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import {flagBool, flagString} from '../../flags.js';
import {withContainer} from '../container.js';
import {copySession} from '../../../engine/index.js';
import {heldNote} from '../held.js';

export function attach(ctx: DockerContext, command: ParsedCommand): number {
	return withContainer(ctx, command.args[0]!, container => {
		if (container.status !== 'running') {
			ctx.io.err('You cannot attach to a stopped container, start it first\n');
			return 1;
		}
		if (container.paused) {
			ctx.io.err('You cannot attach to a paused container, unpause it first\n');
			return 1;
		}
		// The terminal's input reaches the container only when it keeps stdin open (`-i`) and --no-stdin is not given.
		const input = container.config.openStdin && !flagBool(command, 'no-stdin');
		const sigProxy = command.flags['sig-proxy'] === undefined || flagBool(command, 'sig-proxy');
		const detachKeys = flagString(command, 'detach-keys');
		const base = container.shell
			? copySession(container.shell)
			: {container: container.id, kind: 'run' as const, tty: container.config.tty, cwd: '/', vars: {}, exported: [], functions: {}, lastStatus: 0, program: true};
		ctx.world.host.session = {
			...base,
			kind: 'run',
			attached: true,
			typed: 0,
			// the CLI proxies signals only to a container without a terminal
			sigProxy: sigProxy && !container.config.tty,
			stubborn: true,
			...(input && !base.program ? {} : {deaf: true}),
			...(detachKeys === undefined ? {} : {detachKeys}),
		};
		if (base.program) {
			const out = sigProxy && !container.config.tty ? 'Ctrl+C passes SIGINT on to it (it stops) and ends the attach' : 'Ctrl+C three times ends the attach (it keeps running)';
			ctx.io.err(`layerlab: attached to ${container.name}'s output; what you type reaches nothing; ${out}.\n`);
		} else if (!input) ctx.io.err(heldNote(container.name, 'Ctrl+C three times ends the attach', container.config.openStdin ? '--no-stdin' : 'it was started without -i'));
		return 0;
	});
}
