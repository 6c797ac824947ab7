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
	const words = line
		.split(/[\s;|&]+/)
		.map(word => word.replace(/^['"]|['"]$/g, '').split(':')[0]!)
		.filter(word => word !== '' && !word.startsWith('-'));
	// The engine's name index when it has one (a lookup per word, not a scan of every container).
	const byName = world.containerNames ?? Object.fromEntries(Object.values(world.containers).map(container => [container.name, container.id]));
	for (const word of words.reverse()) {
		const named = Object.hasOwn(byName, word) ? byName[word] : undefined;
		if (named !== undefined && world.containers[named]) return named;
		if (/^[0-9a-f]{4,64}$/.test(word)) {
			const byId = Object.keys(world.containers).filter(id => id.startsWith(word));
			if (byId.length === 1) return byId[0]!;
		}
	}
	// The newest container the line changed (the first of them in the world's order on a tie).
	const changed = [...new Set([...changes.containersChanged, ...changes.writable.keys(), ...changes.writableRemoved.keys()])].filter(id => world.containers[id]);
	if (changed.length === 0) return undefined;
	const newest = Math.max(...changed.map(id => world.containers[id]!.created));
	const tied = new Set(changed.filter(id => world.containers[id]!.created === newest));
	return tied.size === 1 ? [...tied][0] : Object.keys(world.containers).find(id => tied.has(id));
}
