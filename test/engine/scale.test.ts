/**
 * No command's cost grows with the number of containers: naming, creating, starting and finding a
 * container read a bounded number of container records, whatever the world holds. Counted, not timed
 * (bench/adversarial.mjs times 2,000 against 20,000 lines in `script`).
 */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {countContainerReads} from '../helpers/counted-containers.js';

describe('commands on a world with many containers', () => {
	it('docker run reads the same number of container records at 50 and at 1,050 containers, and scans none', () => {
		const world = defaultWorld({seed: 1, preload: true});
		const counts = countContainerReads(world);
		const perCommand = (): {reads: number; scans: number} => {
			const before = counts();
			expect(runLine(world, 'docker run alpine:3.9 true').status).toBe(0);
			const after = counts();
			return {reads: after.reads - before.reads, scans: after.scans - before.scans};
		};
		for (let i = 0; i < 50; i++) runLine(world, 'docker run alpine:3.9 true');
		const early = perCommand();
		for (let i = 0; i < 1000; i++) runLine(world, 'docker run alpine:3.9 true');
		const late = perCommand();
		expect(late).toEqual(early);
		expect(late.scans).toBe(0);
		expect(Object.keys(world.containers)).toHaveLength(1052);
	});

	it('names stay unique and findable by name after removals', () => {
		const world = defaultWorld({seed: 1, preload: true});
		for (let i = 0; i < 30; i++) runLine(world, 'docker run alpine:3.9 true');
		const names = Object.values(world.containers).map(container => container.name);
		expect(new Set(names).size).toBe(30);
		expect(runLine(world, `docker rm ${names[3]}`).status).toBe(0);
		expect(runLine(world, `docker inspect ${names[3]}`).status).toBe(1);
		expect(runLine(world, `docker run --name ${names[3]} alpine:3.9 true`).status).toBe(0);
		expect(
			runLine(world, `docker run --name ${names[4]} alpine:3.9 true`)
				.output.map(chunk => chunk.text)
				.join(''),
		).toContain('is already in use');
	});
});
