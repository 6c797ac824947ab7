/**
 * A long session: 10,000 commands through the lab model (what the TUI runs for each Enter), with the
 * shipped immer settings. Memory stays within the undo-history bound and later commands are not
 * slower than early ones.
 */
import {describe, expect, it} from 'vitest';
import {setAutoFreeze} from 'immer';
import {createLab, runCommand, type LabModel} from '../../source/ui/model/lab.js';
import {evaluate, freshWorld, testScenario} from './helpers/fixtures.js';

const COMMANDS = Number(process.env.LAYERLAB_LONG_SESSION ?? 10_000);
const CYCLE = [
	'docker container run --name rn1 diamol/ch06-random-number',
	'docker container diff rn1',
	'docker container cp rn1:/random/number.txt number1.txt',
	'docker container ls -a',
	'docker container rm rn1',
	'docker volume ls',
];

function heapMb(): number {
	(globalThis as {gc?: () => void}).gc?.();
	return process.memoryUsage().heapUsed / 1e6;
}

describe('a long session in the lab', () => {
	it(`runs ${COMMANDS} commands without growing beyond the undo bound or slowing down`, () => {
		setAutoFreeze(false);
		const context = {evaluate, columns: 80};
		let model: LabModel = createLab(testScenario(), freshWorld(), context);
		const before = heapMb();
		const batch = COMMANDS / 10;
		const batchMs: number[] = [];
		for (let i = 0; i < COMMANDS; i++) {
			if (i % batch === 0) batchMs.push(performance.now());
			model = runCommand(model, CYCLE[i % CYCLE.length]!, context);
		}
		batchMs.push(performance.now());
		const grown = heapMb() - before;
		// The undo history is the only thing that grows (issue 7: under 64 MB for 10,000 steps).
		expect(grown).toBeLessThan(64);
		expect(model.terminal.length).toBeLessThanOrEqual(2000);
		expect(Object.keys(model.world.containers).length).toBeLessThanOrEqual(1);
		// Later batches are not slower than the first ones (generous factor: a shared, noisy machine).
		const durations = batchMs.slice(1).map((end, index) => end - batchMs[index]!);
		const early = Math.min(...durations.slice(0, 3));
		const late = Math.min(...durations.slice(-3));
		expect(late).toBeLessThan(early * 3);
	}, 180_000);
});
