/** The Images pane, added through the pane table alone: its rows, its key and its place on screen. */
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/App.js';
import {imageItems, imageRows} from '../../source/ui/panes/images/rows.js';
import {rowText} from '../../source/ui/rows.js';
import {fakeApi, testScenario} from './helpers/fixtures.js';
import {ENTER, ESC, keys, labState} from './helpers/reduce.js';
import {KEYS, press, renderApp, type, waitForText, type Instance} from './helpers/ink.js';

let current: Instance | undefined;
afterEach(() => {
	current?.unmount();
	current = undefined;
});

describe('the Images pane', () => {
	it('lists local images with layers, size and the containers made from them; marks a pull', async () => {
		const state = keys(await labState(), 'docker container run --name rn1 diamol/ch06-random-number', ENTER);
		const lab = state.lab!;
		const items = imageItems(lab.world.images, lab.world.layers, lab.world.containers, lab.changes);
		const text = imageRows(items, lab.changes, 70, -1, 0, 20).map(rowText);
		const line = text.find(entry => entry.includes('diamol/ch06-random-number'));
		expect(line).toMatch(/^\+ diamol\/ch06-random-number +\d+, \d+ shared +[\d.]+[kM]B +rn1/);
		expect(text.some(entry => /^ {2}diamol\/base/.test(entry))).toBe(true);
	});

	it('is focused with its digit and moves its own cursor', async () => {
		let state = keys(await labState(), ESC, '6');
		expect(state.ui.focus).toBe('images');
		state = keys(state, {downArrow: true});
		expect(state.ui.panes.images.cursor).toBe(1);
	});

	it('shows in the lab (6 Images tab) with news after a pull', async () => {
		const api = fakeApi();
		current = await renderApp(<App api={api} lang="en" color={false} initial={await api.open(testScenario(), 80)} />, {columns: 100, rows: 30});
		await type(current, 'docker image pull diamol/ch06-random-number');
		await press(current, KEYS.enter);
		let frame = await waitForText(current, '6 Images •');
		await press(current, KEYS.escape);
		frame = await press(current, '6');
		expect(frame).toMatch(/IMAGE +LAYERS +SIZE +CONTAINERS/);
		expect(frame).toMatch(/\+ diamol\/ch06-random-number/);
	});
});
