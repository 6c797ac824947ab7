/**
 * Networks as metadata: the three every engine has (bridge, host, none) and the learner's own
 * (`docker network create`). Containers name theirs in HostConfig.NetworkMode and `networks`. The host
 * reaches containers through published ports on localhost; what a container reaches is in addresses.ts.
 */
import {own, readonly, type Container, type Network, type World} from './world.js';
import {DaemonError} from './daemon-error.js';
import {randomHex, stableHex} from './random.js';

/** A stable id for a default network: the engine made them before the learner came. */
function builtinId(world: World, name: string): string {
	return stableHex(`network:${name}`, 0x811c9dc5 ^ world.seed);
}

const BUILTIN: ReadonlyArray<[string, string, string]> = [
	['bridge', 'bridge', '172.17.0.0/16'],
	['host', 'host', ''],
	['none', 'null', ''],
];

function builtinNetworks(world: World): Network[] {
	return BUILTIN.map(([name, driver, subnet]) => ({id: builtinId(world, name), name, driver, scope: 'local', created: 0, internal: false, builtin: true, labels: {}, subnet}));
}

/** Every network, by name (the CLI's order). */
export function allNetworks(world: World): Network[] {
	return [...builtinNetworks(world), ...Object.values(readonly(world.networks ?? {}))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** By full id, name, or unique id prefix. */
export function findNetwork(world: World, ref: string): Network | undefined {
	const all = allNetworks(world);
	return all.find(n => n.id === ref) ?? all.find(n => n.name === ref) ?? (ref.length > 0 ? all.filter(n => n.id.startsWith(ref)) : []).find((_, __, list) => list.length === 1);
}

export function requireNetwork(world: World, ref: string): Network {
	const network = findNetwork(world, ref);
	if (!network) throw new DaemonError(`network ${ref} not found`);
	return network;
}

export function createNetwork(world: World, name: string, driver: string, labels: Record<string, string>, internal: boolean): Network {
	if (findNetwork(world, name)?.name === name) throw new DaemonError(`network with name ${name} already exists`);
	if (driver === 'overlay') {
		throw new DaemonError('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
	}
	if (driver !== 'bridge') throw new DaemonError(`plugin "${driver}" not found`);
	world.networks ??= {};
	world.serial++;
	const index = Object.keys(world.networks).length;
	const network: Network = {
		id: randomHex(world, 64),
		name,
		driver,
		scope: 'local',
		created: world.clock + world.serial,
		internal,
		builtin: false,
		labels,
		subnet: `172.${18 + index}.0.0/16`,
	};
	world.networks[network.id] = network;
	return network;
}

/** The containers on a network: by NetworkMode or `network connect`; the default bridge holds the rest. */
export function networkContainers(world: World, network: Network): Container[] {
	return Object.values(readonly(world.containers)).filter(c => {
		const mode = c.networkMode ?? 'default';
		if (network.name === 'bridge') return mode === 'default' || mode === 'bridge';
		return mode === network.name || mode === network.id || (c.networks ?? []).includes(network.name);
	});
}

export function removeNetwork(world: World, ref: string): Network {
	const network = requireNetwork(world, ref);
	if (network.builtin) throw new DaemonError(`${network.name} is a pre-defined network and cannot be removed`);
	if (networkContainers(world, network).some(c => c.status === 'running')) {
		throw new DaemonError(`error while removing network: network ${network.name} id ${network.id} has active endpoints`);
	}
	delete world.networks![network.id];
	return network;
}

export function connectNetwork(world: World, network: Network, container: Container): void {
	const mode = container.networkMode ?? 'default';
	if (mode === network.name || (container.networks ?? []).includes(network.name)) {
		throw new DaemonError(`endpoint with name ${container.name} already exists in network ${network.name}`);
	}
	container.networks = [...(container.networks ?? []), network.name];
}

export function disconnectNetwork(network: Network, container: Container): void {
	if (!(container.networks ?? []).includes(network.name)) throw new DaemonError(`container ${container.id} is not connected to network ${network.name}`);
	container.networks = container.networks!.filter(name => name !== network.name);
}

/** User networks no container uses, for `network prune` and `system prune`. */
export function pruneNetworks(world: World): Network[] {
	const unused = Object.values(readonly(world.networks ?? {})).filter(n => networkContainers(world, n).length === 0);
	for (const network of unused) delete world.networks![network.id];
	return unused.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function isNetworkName(world: World, ref: string): boolean {
	return (
		['default', 'bridge', 'host', 'none'].includes(ref) || ref.startsWith('container:') || findNetwork(world, ref) !== undefined || own(world.networks ?? {}, ref) !== undefined
	);
}
