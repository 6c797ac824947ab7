import type {World} from './world.js';

/** Seeds the xorshift128 state from a 32-bit seed (splitmix32), never all zero. */
export function seedState(seed: number): [number, number, number, number] {
	let s = seed >>> 0;
	const next = () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
	const state: [number, number, number, number] = [next(), next(), next(), next()];
	if (state.every(v => v === 0)) state[0] = 1;
	return state;
}

/** Next 32-bit unsigned number; advances the world's random state. */
export function nextU32(world: Pick<World, 'rng'>): number {
	const r = world.rng;
	let t = r[3];
	const s = r[0];
	r[3] = r[2];
	r[2] = r[1];
	r[1] = s;
	t ^= t << 11;
	t ^= t >>> 8;
	r[0] = (t ^ s ^ (s >>> 19)) >>> 0;
	return r[0];
}

/** Uniform integer in [0, n). */
export function randomInt(world: Pick<World, 'rng'>, n: number): number {
	return Math.floor((nextU32(world) / 0x1_0000_0000) * n);
}

export function randomHex(world: Pick<World, 'rng'>, length: number): string {
	let out = '';
	while (out.length < length) out += nextU32(world).toString(16).padStart(8, '0');
	return out.slice(0, length);
}

/** A random version-4 UUID. */
export function randomUuid(world: Pick<World, 'rng'>): string {
	const hex = randomHex(world, 32).split('');
	hex[12] = '4';
	hex[16] = '89ab'[parseInt(hex[16]!, 16) & 3]!;
	const h = hex.join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A stable 64-hex id from `text` (FNV-1a over its UTF-16 units from `basis`, stretched with
 * xorshift): for ids that must not depend on the world's random state. Cosmetic, not sha256.
 */
export function stableHex(text: string, basis = 0x811c9dc5): string {
	let h = basis >>> 0;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	let out = '';
	for (let i = 0; i < 8; i++) {
		h ^= h << 13;
		h ^= h >>> 17;
		h ^= h << 5;
		h >>>= 0;
		out += h.toString(16).padStart(8, '0');
	}
	return out;
}
