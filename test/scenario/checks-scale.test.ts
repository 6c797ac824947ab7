/**
 * A check runs after every command, so what it costs must not grow with the world: a check of a
 * container that is not there names the others (the first few, sorted, and how many more) without
 * reading a container record or sorting every name. Counted, not timed.
 */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {evaluateCheck} from '../../source/scenario/index.js';
import {firstSorted} from '../../source/scenario/checks/checks.js';
import {countContainerReads} from '../helpers/counted-containers.js';

describe('firstSorted', () => {
	it('is the first names of the sorted list, duplicates and any characters included', () => {
		fc.assert(
			fc.property(fc.array(fc.string({unit: 'binary', maxLength: 6}), {maxLength: 40}), fc.integer({min: 0, max: 8}), (names, max) => {
				expect(firstSorted(names, max)).toEqual([...names].sort().slice(0, max));
			}),
		);
	});
});

describe('a check of a missing container on a world with many containers', () => {
	it('lists the first names in order and the count, and reads no container record', () => {
		const world = defaultWorld({seed: 1, preload: true});
		for (const name of ['zeta', 'alpha', 'mid', 'Beta', 'gamma']) expect(runLine(world, `docker create --name ${name} alpine:3.9`).status).toBe(0);
		for (let i = 0; i < 1000; i++) runLine(world, 'docker create alpine:3.9');
		const names = Object.values(world.containers).map(container => container.name);
		const first = [...names].sort().slice(0, 4);
		const stats = countContainerReads(world);
		const result = evaluateCheck(world, {kind: 'container', name: 'rn1', exists: true}, '');
		expect(result).toEqual({
			ok: false,
			message: `container rn1 should exist, but there is no container rn1 (containers: ${first.join(', ')} and ${names.length - 4} more)`,
		});
		expect(first[0]).toBe('Beta');
		expect(stats()).toEqual({reads: 0, scans: 0});
	});
});
