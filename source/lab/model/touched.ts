/**
 * The container a command line touched, for the panes to follow: the one a shell session runs in,
 * else the last word of the line that names a container (its name, or an id prefix of 4+ hex digits,
 * `f1:/input.txt` counting as `f1`), else the newest whose state or writable layer the line changed.
 */
import type {World} from '../../engine/index.js';
import type {Changes} from './changes.js';

export function touchedContainer(world: World, line: string, changes: Changes): string | undefined {
	const session = world.host.session?.container;
	if (session && world.containers[session]) return session;
	const containers = Object.values(world.containers);
	const words = line
		.split(/[\s;|&]+/)
		.map(word => word.replace(/^['"]|['"]$/g, '').split(':')[0]!)
		.filter(word => word !== '' && !word.startsWith('-'));
	for (const word of words.reverse()) {
		const named = containers.find(container => container.name === word);
		if (named) return named.id;
		if (/^[0-9a-f]{4,64}$/.test(word)) {
			const byId = containers.filter(container => container.id.startsWith(word));
			if (byId.length === 1) return byId[0]!.id;
		}
	}
	const changed = containers.filter(container => changes.containersChanged.has(container.id) || changes.writable.has(container.id) || changes.writableRemoved.has(container.id));
	return changed.sort((a, b) => b.created - a.created)[0]?.id;
}
