/**
 * Addresses on the simulated network: a container reaches itself at localhost, another at its bridge
 * address, or one by name on a user network both are on (Docker's DNS there). busybox wget uses it.
 */
import {readonly, type Container, type World} from './world.js';
/** A running container's address on the default bridge: 172.17.0.2 on, in the order they started (as `inspect` shows it). */
export function bridgeIp(world: World, container: Container): string {
	const running = Object.values(readonly(world.containers))
		.filter(other => other.status === 'running')
		.sort((a, b) => a.startedAt - b.startedAt);
	const index = running.findIndex(other => other.id === container.id);
	return index < 0 ? '' : `172.17.0.${index + 2}`;
}

/**
 * What a program in `from` reaches at `host`: itself at localhost, a running container at its bridge
 * address, or (Docker's DNS on user networks) a running container by name on a user network both are on,
 * addressed in that network's subnet in the order the containers started. Undefined when the name does
 * not resolve; `container` is undefined when the address answers to no running container.
 */
export function resolveHost(world: World, from: Container, host: string): {ip: string; container?: Container} | undefined {
	if (host === 'localhost' || host === '127.0.0.1') return {ip: '127.0.0.1', container: from};
	const running = Object.values(readonly(world.containers))
		.filter(other => other.status === 'running')
		.sort((a, b) => a.startedAt - b.startedAt);
	if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return {ip: host, container: running.find(other => bridgeIp(world, other) === host)};
	const userNetworks = (container: Container) =>
		[container.networkMode ?? 'default', ...(container.networks ?? [])].filter(name => !['default', 'bridge', 'host', 'none'].includes(name));
	const shared = userNetworks(from);
	for (const name of shared) {
		const network = Object.values(readonly(world.networks ?? {})).find(candidate => candidate.name === name || candidate.id === name);
		if (!network) continue;
		const members = running.filter(other => userNetworks(other).includes(network.name) || userNetworks(other).includes(network.id));
		const index = members.findIndex(other => other.name === host || other.id.startsWith(host));
		if (index >= 0) return {ip: network.subnet.replace(/\.0\.0\/16$/, `.0.${index + 2}`), container: members[index]!};
	}
	return undefined;
}
