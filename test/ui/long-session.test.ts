/**
 * A long session: 10,000 commands through the lab model (what the TUI runs for each Enter), with the
 * shipped immer settings. Memory stays within the undo-history bound, and the work a command does
 * stays the same from the first batch to the last: every batch records the same number of patches
 * and leaves a world of the same size. These are counts, not timings; how long the batches take is
 * measured by `npm run bench` (bench/session.ts), never asserted here.
 */
import {describe, expect, it} from 'vitest';
import {setAutoFreeze} from 'immer';
import {createLab, runCommand, type LabModel} from '../../source/lab/model/lab.js';
import {evaluate, freshWorld, SESSION_CYCLE as CYCLE, testScenario} from './helpers/fixtures.js';

const COMMANDS = Number(process.env.LAYERLAB_LONG_SESSION ?? 10_000);

function heapMb(): number {
	(globalThis as {gc?: () => void}).gc?.();
	return process.memoryUsage().heapUsed / 1e6;
}

/** Patches (forward and inverse) the history entries of one batch hold: the work each batch did. */
function patchCount(model: LabModel, from: number, to: number): number {
	return model.history.slice(from, to).reduce((sum, entry) => sum + entry.patches.length + entry.inverse.length, 0);
}

describe('a long session in the lab', () => {
	it(`runs ${COMMANDS} commands without growing beyond the undo bound or doing more work per command`, () => {
		setAutoFreeze(false);
		const context = {evaluate, columns: 80};
		let model: LabModel = createLab(testScenario(), freshWorld(), context);
		const before = heapMb();
		// A batch is a whole number of cycles, so every batch runs the same commands.
		const batch = CYCLE.length * Math.max(1, Math.floor(COMMANDS / 10 / CYCLE.length));
		const worldSizes: number[] = [];
		for (let i = 0; i < COMMANDS; i++) {
			model = runCommand(model, CYCLE[i % CYCLE.length]!, context);
			if ((i + 1) % batch === 0) worldSizes.push(JSON.stringify(model.world).length);
		}
		const grown = heapMb() - before;
		// The undo history is the only thing that grows: under 64 MB for 10,000 steps.
		expect(grown).toBeLessThan(64);
		expect(model.terminal.length).toBeLessThanOrEqual(2000);
		expect(Object.keys(model.world.containers).length).toBeLessThanOrEqual(1);
		expect(model.history.length).toBe(COMMANDS);
		// Same work per batch: the last batch records no more patches than the first.
		const batches = Math.floor(COMMANDS / batch);
		const first = patchCount(model, 0, batch);
		const last = patchCount(model, (batches - 1) * batch, batches * batch);
		expect(first).toBeGreaterThan(0);
		expect(last).toBeLessThanOrEqual(first);
		// The world does not accumulate state: after each batch it has the same size, give or take the
		// digits of growing counters (ids, clock).
		expect(worldSizes.length).toBe(batches);
		expect(Math.max(...worldSizes) - Math.min(...worldSizes)).toBeLessThan(worldSizes[0]! / 100);
	});
});
