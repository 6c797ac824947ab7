/** `docker container port CONTAINER [PRIVATE_PORT[/PROTO]]` */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import type {PortBinding} from '../../../engine/index.js';
import {withContainer} from '../container.js';

/** Both the IPv4 and the IPv6 address a binding without a host IP listens on. */
function addresses(binding: PortBinding): string[] {
	return binding.hostIp ? [`${binding.hostIp}:${binding.hostPort}`] : [`0.0.0.0:${binding.hostPort}`, `[::]:${binding.hostPort}`];
}

export function port(ctx: DockerContext, command: ParsedCommand): number {
	const [ref, wanted] = command.args as [string, string | undefined];
	return withContainer(
		ctx,
		ref,
		container => {
			const bindings = container.status === 'running' ? [...container.hostConfig.portBindings].sort((a, b) => a.containerPort - b.containerPort || a.hostPort - b.hostPort) : [];
			if (wanted === undefined) {
				ctx.io.out(bindings.flatMap(b => addresses(b).map(address => `${b.containerPort}/${b.protocol} -> ${address}\n`)).join(''));
				return 0;
			}
			const [portText, proto = 'tcp'] = wanted.split('/') as [string, string?];
			if (!/^\d+$/.test(portText) || Number(portText) > 65535) {
				const why = /^\d+$/.test(portText) ? 'value out of range' : 'invalid syntax';
				ctx.io.err(`Error: invalid port (${portText}): strconv.ParseUint: parsing ${JSON.stringify(portText)}: ${why}\n`);
				return 1;
			}
			const found = bindings.filter(b => b.containerPort === Number(portText) && b.protocol === proto);
			if (found.length === 0) {
				ctx.io.err(`Error: No public port '${wanted}' published for ${ref}\n`);
				return 1;
			}
			ctx.io.out(
				found
					.flatMap(addresses)
					.map(address => address + '\n')
					.join(''),
			);
			return 0;
		},
		{read: true},
	);
}
