/** `docker network ls, inspect, create, rm, connect, disconnect, prune`: networks as metadata. */
import type {ParsedCommand} from '../../parse.js';
import {daemonError, type DockerContext, printInspect} from '../../io.js';
import {flagBool, flagList, flagString} from '../../flags.js';
import {
	type Network,
	type World,
	DaemonError,
	requireContainer,
	allNetworks,
	connectNetwork,
	createNetwork,
	disconnectNetwork,
	findNetwork,
	networkContainers,
	pruneNetworks,
	removeNetwork,
	requireNetwork,
} from '../../../engine/index.js';
import {bool, field, map, slice, str, struct, type GoValue} from '../../../go/index.js';
import {apiTime, table} from '../../render/format.js';
import {printRows} from '../../render/listformat.js';

function attempt(ctx: DockerContext, action: () => number): number {
	try {
		return action();
	} catch (error) {
		if (error instanceof DaemonError) return daemonError(ctx.io, error.message);
		throw error;
	}
}

export function ls(ctx: DockerContext, command: ParsedCommand): number {
	let networks = allNetworks(ctx.world);
	for (const filter of flagList(command, 'filter')) {
		const [key, value = ''] = filter.split('=') as [string, string?];
		if (key === 'name') networks = networks.filter(n => n.name.includes(value));
		else if (key === 'driver') networks = networks.filter(n => n.driver === value);
		else if (key === 'id') networks = networks.filter(n => n.id.startsWith(value));
	}
	const noTrunc = flagBool(command, 'no-trunc');
	const id = (n: Network) => (noTrunc ? n.id : n.id.slice(0, 12));
	if (flagBool(command, 'quiet')) {
		ctx.io.out(networks.map(n => id(n) + '\n').join(''));
		return 0;
	}
	const format = flagString(command, 'format');
	if (format !== undefined && format !== 'table') {
		const rows = networks.map(n => ({
			ID: id(n),
			Name: n.name,
			Driver: n.driver,
			Scope: n.scope,
			IPv6: 'false',
			Internal: String(n.internal),
			Labels: '',
			CreatedAt: apiTime(n.created),
		}));
		return printRows(ctx.io, format, rows, {ID: 'NETWORK ID'});
	}
	ctx.io.out(table([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...networks.map(n => [id(n), n.name, n.driver, n.scope])]));
	return 0;
}

function networkInspect(world: World, network: Network): GoValue {
	const [prefix = ''] = network.subnet.split('/');
	const gateway = prefix.replace(/\.0$/, '.1');
	const containers = networkContainers(world, network).filter(c => c.status === 'running');
	return struct(
		[
			field('Name', str(network.name)),
			field('Id', str(network.id), {json: 'Id'}),
			field('Created', str(apiTime(network.created))),
			field('Scope', str(network.scope)),
			field('Driver', str(network.driver)),
			field('EnableIPv6', bool(false)),
			field(
				'IPAM',
				struct({
					Driver: str('default'),
					Options: map([], 'map[string]string'),
					Config: slice(network.subnet ? [struct({Subnet: str(network.subnet), Gateway: str(gateway)})] : []),
				}),
			),
			field('Internal', bool(network.internal)),
			field('Attachable', bool(false)),
			field('Ingress', bool(false)),
			field('ConfigFrom', struct({Network: str('')})),
			field('ConfigOnly', bool(false)),
			field('Containers', map(containers.map(c => [c.id, struct({Name: str(c.name)})] as [string, GoValue]))),
			field('Options', map([], 'map[string]string')),
			field(
				'Labels',
				map(
					Object.entries(network.labels).map(([k, v]) => [k, str(v)] as [string, GoValue]),
					'map[string]string',
				),
			),
		],
		'types.NetworkResource',
	);
}

export function inspect(ctx: DockerContext, command: ParsedCommand): number {
	const elements = command.args.map(ref => {
		const network = findNetwork(ctx.world, ref);
		return network ? networkInspect(ctx.world, network) : new Error(`Error response from daemon: network ${ref} not found`);
	});
	return printInspect(ctx.io, flagString(command, 'format') ?? '', elements);
}

export function create(ctx: DockerContext, command: ParsedCommand): number {
	const labels = Object.fromEntries(flagList(command, 'label').map(l => [l.split('=')[0] ?? l, l.split('=').slice(1).join('=')]));
	return attempt(ctx, () => {
		const network = createNetwork(ctx.world, command.args[0]!, flagString(command, 'driver') ?? 'bridge', labels, flagBool(command, 'internal'));
		ctx.io.out(network.id + '\n');
		return 0;
	});
}

export function rm(ctx: DockerContext, command: ParsedCommand): number {
	let failed = false;
	for (const ref of command.args) {
		try {
			removeNetwork(ctx.world, ref);
			ctx.io.out(ref + '\n');
		} catch (error) {
			if (!(error instanceof DaemonError)) throw error;
			ctx.io.err(`Error response from daemon: ${error.message}\n`);
			failed = true;
		}
	}
	if (failed) ctx.io.err('exit status 1\n');
	return failed ? 1 : 0;
}

export function connect(ctx: DockerContext, command: ParsedCommand): number {
	return attempt(ctx, () => {
		const network = requireNetwork(ctx.world, command.args[0]!);
		connectNetwork(ctx.world, network, requireContainer(ctx.world, command.args[1]!));
		return 0;
	});
}

export function disconnect(ctx: DockerContext, command: ParsedCommand): number {
	return attempt(ctx, () => {
		const network = requireNetwork(ctx.world, command.args[0]!);
		disconnectNetwork(network, requireContainer(ctx.world, command.args[1]!));
		return 0;
	});
}

export function prune(ctx: DockerContext, command: ParsedCommand): number {
	if (!flagBool(command, 'force')) {
		ctx.io.out('WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] \n');
		return 0;
	}
	const removed = pruneNetworks(ctx.world);
	if (removed.length > 0) ctx.io.out(`Deleted Networks:\n${removed.map(n => n.name + '\n').join('')}\n`);
	return 0;
}
