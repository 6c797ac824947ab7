/** `docker container update --restart POLICY CONTAINER...` (the other flags are resource limits the lab does not model). */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import type {RestartPolicy} from '../../../engine/index.js';
import {flagString} from '../../flags.js';
import {daemonError} from '../../io.js';
import {forEachContainer} from '../container.js';

/** `no`, `always`, `unless-stopped`, `on-failure[:N]`, as the daemon validates them. */
export function restartPolicy(text: string): RestartPolicy | string {
	const [name, count] = text.split(':') as [string, string?];
	if (name === 'on-failure') {
		if (count !== undefined && !/^\d+$/.test(count)) return `invalid restart policy '${text}'`;
		return {name, maximumRetryCount: count === undefined ? 0 : Number(count)};
	}
	if ((name === 'no' || name === 'always' || name === 'unless-stopped' || name === '') && count === undefined) return {name: name === '' ? 'no' : name, maximumRetryCount: 0};
	if (name === 'no' || name === 'always' || name === 'unless-stopped') return `maximum retry count cannot be used with restart policy '${name}'`;
	return `invalid restart policy '${name}'`;
}

export function update(ctx: DockerContext, command: ParsedCommand): number {
	const given = Object.keys(command.flags);
	if (given.length === 0) {
		ctx.io.err('you must provide one or more flags when using this command\n');
		return 1;
	}
	const restart = flagString(command, 'restart');
	const policy = restart === undefined ? undefined : restartPolicy(restart);
	if (typeof policy === 'string') return daemonError(ctx.io, policy);
	return forEachContainer(ctx, command.args, (container, ref) => {
		if (policy) container.restartPolicy = policy;
		ctx.io.out(ref + '\n');
	}).status;
}
