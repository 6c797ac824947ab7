/**
 * Long commands: a line that outgrows the first (small) step budget moves to a worker thread, which
 * runs it from the same starting world with the full budget and gives the same result; Ctrl+C ends
 * it with `^C` and status 130 and leaves the world as it was.
 */
import {describe, expect, it} from 'vitest';
import {produceWithPatches, enablePatches} from 'immer';
import {spend} from '../../source/engine/index.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {Interrupted, NeedsWorker, runFirst, runInWorker, loadRunner} from '../../source/lab/model/runner.js';
import {createLab, finishCommand, interruptCommand, type LabModel} from '../../source/lab/model/lab.js';
import {builtinScenarios, evaluateStep} from '../../source/scenario/index.js';
import {scenarioWorld} from '../../source/scenario/catalog/scenario-world.js';

enablePatches();
const terminal = {columns: 80, tty: true};

describe('the first run on the main thread', () => {
	it('moves a line that spends more than the small budget to the worker, and keeps one that does not', () => {
		const world = defaultWorld({seed: 1});
		const busy = () => {
			for (let i = 0; i < 1000; i++) spend();
			return {output: [], status: 0};
		};
		expect(() => runFirst(busy, world, 'loop', terminal, 999)).toThrow(NeedsWorker);
		expect(runFirst(busy, world, 'loop', terminal, 1000)).toEqual({output: [], status: 0});
		expect(runFirst(runLine, world, 'echo hi', terminal).output).toEqual([{stream: 'stdout', text: 'hi\n'}]);
	});
});

describe('the worker', () => {
	it('gives the result the main thread gives, from the same starting world', async () => {
		const line = 'docker run --name w1 diamol/ch06-random-number; docker ps -a';
		const start = defaultWorld({seed: 7});
		const [main, patches] = produceWithPatches(start, draft => void runLine(draft, line, terminal));
		const inMain = runLine(defaultWorld({seed: 7}), line, terminal);
		const done = await runInWorker(start, line, terminal).done;
		expect(done.result).toEqual(inMain);
		expect(done.patches).toEqual(patches);
		expect(Object.keys(main.containers)).toHaveLength(1);
	}, 60_000);

	it('stops when interrupted', async () => {
		const run = runInWorker(defaultWorld({seed: 1}), 'docker run alpine:3.9 true', terminal);
		run.interrupt();
		await expect(run.done).rejects.toBeInstanceOf(Interrupted);
	}, 60_000);
});

describe('the lab model', () => {
	async function runningLab(): Promise<LabModel> {
		await loadRunner();
		const scenario = builtinScenarios()[0]!;
		const lab = createLab(scenario, scenarioWorld(scenario), {evaluate: evaluateStep, columns: 80});
		return {...lab, running: {line: 'docker run --name w1 diamol/ch06-random-number', prompt: '$ ', typed: ['docker run --name w1 diamol/ch06-random-number']}};
	}

	it('Ctrl+C: ^C, status 130 (also in $?), the world otherwise unchanged, nothing in history', async () => {
		const lab = await runningLab();
		const after = interruptCommand(lab);
		expect(after.world).toEqual({...lab.world, host: {...lab.world.host, lastStatus: 130}});
		expect(after.running).toBeUndefined();
		expect(after.history).toEqual(lab.history);
		expect(after.terminal.at(-1)).toMatchObject({kind: 'command', line: lab.running!.line, output: [{stream: 'stdout', text: '^C\n'}], status: 130});
	});

	it("the worker's answer is applied as if the command had run on the main thread", async () => {
		const lab = await runningLab();
		const done = await runInWorker(lab.world, lab.running!.line, terminal).done;
		const after = finishCommand(lab, done, {evaluate: evaluateStep, columns: 80});
		expect(after.running).toBeUndefined();
		expect(after.history).toHaveLength(1);
		expect(Object.values(after.world.containers).map(container => container.name)).toEqual(['w1']);
	}, 60_000);
});

describe('while a command runs in the worker', () => {
	it('undo, redo and step moves wait; Ctrl+C (quit) interrupts instead of quitting', async () => {
		const {initialState, reduce} = await import('../../source/ui/state.js');
		await loadRunner();
		const scenario = builtinScenarios()[0]!;
		const lab = createLab(scenario, scenarioWorld(scenario), {evaluate: evaluateStep, columns: 80});
		const state = initialState({...lab, running: {line: 'long', prompt: '$ ', typed: ['long']}});
		const env = {evaluate: evaluateStep, columns: 80, page: {step: 10, terminal: 10, layers: 10, containers: 10, volumes: 10, images: 10}, content: {}};
		for (const name of ['undo', 'redo', 'next-step', 'prev-step'] as const) expect(reduce(state, {type: 'command', command: name, env})).toBe(state);
		const after = reduce(state, {type: 'command', command: 'quit', env});
		expect(after.quitting).toBe(false);
		expect(after.lab!.running).toBeUndefined();
		expect(after.lab!.terminal.at(-1)).toMatchObject({status: 130});
		expect(reduce(after, {type: 'command', command: 'quit', env}).quitting).toBe(true);
		// Ctrl+C at the prompt (an empty line quits) interrupts the command too
		const cancelled = reduce(state, {type: 'command', command: 'cancel-line', env});
		expect(cancelled.quitting).toBe(false);
		expect(cancelled.lab!.running).toBeUndefined();
		expect(cancelled.lab!.world.host.lastStatus).toBe(130);
	});
});
