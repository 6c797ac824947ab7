/**
 * What a key and a command cost the panes' row builders, by counts (a render counter on the
 * builders, never a timing): the builders run when what a pane shows changes, not on every change of
 * the world or of the prompt.
 */
import React from 'react';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {App} from '../../source/ui/App.js';
import {sortedContainers} from '../../source/ui/panes/common.js';
import {produce} from 'immer';
import {runLine} from '../../source/host/index.js';
import type {World} from '../../source/engine/index.js';
import * as stepRowsModule from '../../source/ui/panes/step/rows.js';
import {fakeApi, freshWorld, testScenario} from './helpers/fixtures.js';
import {KEYS, press, renderApp, type, waitForText, type Instance} from './helpers/ink.js';

vi.mock('../../source/ui/panes/step/rows.js', async importOriginal => {
	const original = await importOriginal<typeof import('../../source/ui/panes/step/rows.js')>();
	return {...original, stepRows: vi.fn(original.stepRows)};
});
const stepRows = vi.mocked(stepRowsModule.stepRows);

let current: Instance | undefined;
beforeEach(() => {
	stepRows.mockClear();
});
afterEach(() => {
	current?.unmount();
	current = undefined;
});

async function lab(): Promise<Instance> {
	const api = fakeApi();
	current = await renderApp(<App api={api} lang="en" color={false} initial={await api.open(testScenario(), 80)} />, {columns: 160, rows: 48});
	return current;
}

describe('row builders run when what they show changes', () => {
	it('typing at the prompt builds no Step rows', async () => {
		const app = await lab();
		await type(app, 'docker container l');
		stepRows.mockClear();
		await press(app, 's');
		await press(app, KEYS.backspace);
		await press(app, 's');
		expect(stepRows).not.toHaveBeenCalled();
	});

	it('a command that changes no check result builds no Step rows; one that does builds them', async () => {
		const app = await lab();
		await type(app, 'echo sum-$((6*7))');
		stepRows.mockClear();
		await press(app, KEYS.enter);
		await waitForText(app, 'sum-42');
		// The world changed (the history, the clock), the checks were evaluated again with the same results.
		expect(stepRows).not.toHaveBeenCalled();
		await type(app, 'docker container run --name rn1 diamol/ch06-random-number');
		await press(app, KEYS.enter);
		await waitForText(app, '✓ container rn1');
		expect(stepRows.mock.calls.length).toBeGreaterThan(0);
	});
});

describe('the container order', () => {
	it('is reused when no container came or went, and sorted again when one did', () => {
		// As the lab runs a command: on an immer draft, so a changed record is a new object.
		const run = (world: World, line: string) => produce(world, draft => void runLine(draft, line));
		let world = freshWorld();
		for (const name of ['a1', 'a2', 'a3']) world = run(world, `docker container run --name ${name} alpine:3.9 true`);
		const fresh = (containers: typeof world.containers) => Object.values(containers).sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
		const first = sortedContainers(world.containers);
		expect(first.map(container => container.name)).toEqual(fresh(world.containers).map(container => container.name));
		// A changed container (started again) keeps its place and is the new object.
		world = run(world, 'docker container start a2');
		const again = sortedContainers(world.containers);
		expect(again.map(container => container.name)).toEqual(fresh(world.containers).map(container => container.name));
		expect(again).not.toBe(first);
		for (const container of again) expect(container).toBe(world.containers[container.id]);
		// One more container: sorted again, the newest first.
		world = run(world, 'docker container run --name a4 alpine:3.9 true');
		expect(sortedContainers(world.containers).map(container => container.name)).toEqual(fresh(world.containers).map(container => container.name));
		expect(sortedContainers(world.containers)[0]!.name).toBe('a4');
	});
});
