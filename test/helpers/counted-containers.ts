/** Counting what a command or a check reads of world.containers: cost that must not grow with the world is bounded by counts, not timed. */
import type {Container, World} from '../../source/engine/index.js';

/** Wraps world.containers so every scan (keys, values) and every record read is counted; returns the counts so far. */
export function countContainerReads(world: World): () => {reads: number; scans: number} {
	let reads = 0;
	let scans = 0;
	world.containers = new Proxy(world.containers, {
		get(target, key, receiver) {
			if (typeof key === 'string') reads++;
			return Reflect.get(target, key, receiver) as Container | undefined;
		},
		ownKeys(target) {
			scans++;
			return Reflect.ownKeys(target);
		},
	});
	return () => ({reads, scans});
}
