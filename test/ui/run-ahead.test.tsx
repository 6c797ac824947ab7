/**
 * A line runs ahead of its Enter while the learner pauses at the prompt: the Enter then takes the model
 * computed ahead, which must be exactly the model the Enter would compute, and only when nothing it
 * depends on moved since.
 */
import {afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {setAutoFreeze} from 'immer';
import {AHEAD_STEPS, aheadCounts, createLab, runAhead, runCommand, type LabModel} from '../../source/lab/model/lab.js';
import {FIRST_STEPS, loadRunner} from '../../source/lab/model/runner.js';
import {evaluate, freshWorld, RN1, testScenario} from './helpers/fixtures.js';
import {lab as openLab} from './helpers/lab.js';
import {KEYS, press, type, unmountAll, waitForText} from './helpers/ink.js';
import {PANES} from '../../source/ui/panes/registry.js';
import type {AppState} from '../../source/ui/app-state.js';
import type {PaneViewProps} from '../../source/ui/panes/types.js';

vi.mock('../../source/ui/text/paint.js', async importOriginal => {
	const original = await importOriginal<typeof import('../../source/ui/text/paint.js')>();
	return {...original, paint: vi.fn(original.paint)};
});
const paint = vi.mocked((await import('../../source/ui/text/paint.js')).paint);

setAutoFreeze(true);
afterEach(unmountAll);
beforeAll(() => loadRunner());

const context = {evaluate, columns: 80};
const fresh = (): LabModel => createLab(testScenario(), freshWorld(), context);
/** What a learner sees of a model: the world, the scrollback, the checks, the history's lines and statuses. */
const seen = (model: LabModel) => ({
	world: model.world,
	terminal: model.terminal,
	checks: model.checks,
	history: model.history.map(({line, output, status}) => ({line, output, status})),
	completed: model.completed,
	typed: model.typed,
});

describe('runAhead', () => {
	it('gives the Enter the very model it computed, equal to running the line at the Enter (random numbers included)', () => {
		const start = fresh();
		const atEnter = runCommand(start, RN1, context);
		const before = aheadCounts();
		expect(runAhead(start, RN1, context)).toBe(true);
		const taken = runCommand(start, RN1, context);
		expect(aheadCounts().taken).toBe(before.taken + 1);
		expect(seen(taken)).toEqual(seen(atEnter));
		// The number the container printed comes from the world's seeded randomness, the same both times.
		expect(taken.terminal.at(-1)).toEqual(atEnter.terminal.at(-1));
		// Taken once: the next Enter of the same line from the same model runs it again.
		expect(runCommand(start, RN1, context)).not.toBe(taken);
	});

	it('is not taken when the model, the line or the width changed since', () => {
		const start = fresh();
		const counted = aheadCounts().taken;
		runAhead(start, 'docker container ls', context);
		expect(seen(runCommand(start, 'docker container ls -a', context)).terminal.at(-1)).toMatchObject({line: 'docker container ls -a'});
		runAhead(start, 'docker container ls', context);
		const moved = runCommand(start, 'echo moved', context);
		expect(seen(runCommand(moved, 'docker container ls', context)).typed).toEqual(['echo moved', 'docker container ls']);
		runAhead(start, 'docker container ls', context);
		runCommand(start, 'docker container ls', {...context, columns: 120});
		expect(aheadCounts().taken).toBe(counted);
	});

	it('leaves a line longer than its small budget to the Enter, which gives what it always gave', () => {
		expect(AHEAD_STEPS).toBeLessThan(FIRST_STEPS);
		const start = fresh();
		const line = 'i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; echo $i';
		const counted = aheadCounts().taken;
		expect(runAhead(start, line, context)).toBe(false);
		const ran = runCommand(start, line, context);
		expect(aheadCounts().taken).toBe(counted);
		expect(ran.running).toBeUndefined();
		expect(ran.history.at(-1)).toMatchObject({line, status: 0, output: [{stream: 'stdout', text: '3000\n'}]});
	});

	it('runs nothing for an empty line or a lab whose command runs in the worker', () => {
		const start = fresh();
		const ran = aheadCounts().ran;
		expect(runAhead(start, '   ', context)).toBe(false);
		expect(runAhead({...start, running: {line: 'x', prompt: '$ ', typed: []}}, 'docker ps', context)).toBe(false);
		expect(aheadCounts().ran).toBe(ran);
	});
});

describe('the App', () => {
	it('runs the typed line while the learner pauses, and the Enter shows what an Enter without a pause shows', async () => {
		const paused = (await openLab(100, 30)).app;
		await type(paused, RN1);
		const counted = aheadCounts().taken;
		await new Promise(resolve => setTimeout(resolve, 300));
		const afterPause = await press(paused, KEYS.enter);
		await waitForText(paused, 'Status: Downloaded newer image');
		expect(aheadCounts().taken).toBe(counted + 1);

		const straight = (await openLab(100, 30)).app;
		straight.stdin.write(RN1);
		straight.stdin.write(KEYS.enter);
		await waitForText(straight, 'Status: Downloaded newer image');
		expect(aheadCounts().taken).toBe(counted + 1);
		expect(straight.lastFrame()).toBe(paused.lastFrame());
		expect(afterPause).toContain(RN1);
	});

	it("works out the Enter's state during the pause, with the panes' lists, and the Enter draws that very state", async () => {
		const prepare = vi.spyOn(PANES.containers, 'prepare');
		const view = vi.spyOn(PANES.containers, 'View');
		try {
			// (At 160x48 every pane is on screen.)
			const {app} = await openLab(160, 48);
			await type(app, RN1);
			await new Promise(resolve => setTimeout(resolve, 300));
			expect(prepare).toHaveBeenCalledTimes(1);
			const prepared = prepare.mock.calls[0]![0] as AppState;
			expect(prepared.lab!.history.at(-1)!.line).toBe(RN1);
			expect(prepared.ui.prompt.text).toBe('');
			await press(app, KEYS.enter);
			await waitForText(app, 'Status: Downloaded newer image');
			// The very state, not one computed again at the Enter.
			expect((view.mock.calls.at(-1)![0] as PaneViewProps).state).toBe(prepared);
		} finally {
			prepare.mockRestore();
			view.mockRestore();
		}
	});

	it("makes the Enter's frame in the pause too: the Enter paints no row, and shows what an Enter without a pause shows", async () => {
		// (At 160x48 every pane is on screen; rn1 is listed in the Containers pane and its layers shown.)
		const paintedAtEnter = async (pause: number) => {
			const {app} = await openLab(160, 48);
			await type(app, RN1);
			await press(app, KEYS.enter);
			await waitForText(app, 'Status: Downloaded newer image');
			await type(app, 'docker container start rn1');
			await new Promise(resolve => setTimeout(resolve, pause));
			paint.mockClear();
			await press(app, KEYS.enter);
			await waitForText(app, 'start rn1');
			return {painted: paint.mock.calls.map(([text]) => text), frame: app.lastFrame()};
		};
		const straight = await paintedAtEnter(0);
		const paused = await paintedAtEnter(300);
		// Without the pause the Enter paints the rows of every pane it changed (the Containers, Images and
		// Layers panes, the scrollback, the bars); after it, nothing: each row was painted in the pause.
		expect(straight.painted.length).toBeGreaterThan(20);
		expect(paused.painted).toEqual([]);
		expect(paused.frame).toBe(straight.frame);
	});

	it('does not take a state worked out for another state: a key after the pause and the Enter runs as typed', async () => {
		const {app} = await openLab(100, 30);
		await type(app, RN1 + 'x');
		await new Promise(resolve => setTimeout(resolve, 300));
		await press(app, KEYS.backspace);
		await press(app, KEYS.enter);
		await waitForText(app, 'Status: Downloaded newer image');
		const straight = (await openLab(100, 30)).app;
		straight.stdin.write(RN1);
		straight.stdin.write(KEYS.enter);
		await waitForText(straight, 'Status: Downloaded newer image');
		expect(app.lastFrame()).toBe(straight.lastFrame());
	});
});
