/**
 * The screen, byte for byte: a set of lab states at four terminal sizes, rendered through Ink (colours
 * on) and compared with frames recorded before the redraw work (Ink's output patch, vertical-only
 * clipping, memoised panes). Any change to what reaches the terminal fails here. To re-record after
 * an intended change of the screen: `LAYERLAB_RECORD_FRAMES=1 npx vitest run test/ui/frames`
 * (`LAYERLAB_FRAMES_OUT=DIR` writes the frames there instead, to diff them by hand).
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import React from 'react';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {LabApi} from '../../source/lab/api.js';
import type {World} from '../../source/engine/index.js';
import {createLab} from '../../source/lab/model/lab.js';
import {evaluate, fakeApi, testScenario} from './helpers/fixtures.js';
import {RN1, RN2} from './helpers/fixtures.js';
import {largeWorld} from '../../bench/large-world.js';

// Colours on, as in a real terminal: chalk reads FORCE_COLOR when it loads, so Ink and the App are
// imported after it is set.
process.env.FORCE_COLOR = '3';
const {App} = await import('../../source/ui/App.js');
const {KEYS, press, renderApp, type, waitFor, unmountAll} = await import('./helpers/ink.js');
type Instance = Awaited<ReturnType<typeof renderApp>>;

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'frames');
const record = process.env.LAYERLAB_RECORD_FRAMES === '1';
const SIZES = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 30},
	{columns: 160, rows: 48},
	{columns: 200, rows: 60},
];

afterEach(unmountAll);

/** A few more ticks, so a frame that follows the awaited one (effects, loaded runner) is in. */
async function settle(app: Instance): Promise<string> {
	for (let i = 0; i < 5; i++) {
		await new Promise(resolve => setImmediate(resolve));
		await new Promise(resolve => setTimeout(resolve, 0));
	}
	return app.lastFrame() ?? '';
}

function check(name: string, frame: string): void {
	const file = path.join(dir, `${name}.ansi`);
	if (record) {
		mkdirSync(dir, {recursive: true});
		writeFileSync(file, frame);
		return;
	}
	if (process.env.LAYERLAB_FRAMES_OUT) return writeFileSync(path.join(process.env.LAYERLAB_FRAMES_OUT, `${name}.ansi`), frame);
	expect(existsSync(file), `${file} is recorded`).toBe(true);
	const expected = readFileSync(file, 'utf8');
	// Compare line by line first, so a failure names the first line that differs.
	const lines = frame.split('\n');
	const want = expected.split('\n');
	for (let i = 0; i < Math.max(lines.length, want.length); i++) expect(JSON.stringify(lines[i]), `${name}, line ${i + 1}`).toBe(JSON.stringify(want[i]));
	expect(frame === expected).toBe(true);
}

function apiWith(world: () => World): LabApi {
	const scenario = testScenario();
	return {
		scenarios: () => [scenario],
		evaluate,
		open: async (s, columns) => createLab(s, world(), {evaluate, columns}),
		save() {},
		progress: () => undefined,
	};
}

let big: World;
beforeAll(() => {
	big = largeWorld();
});

describe.each(SIZES)('frames at $columns x $rows are the recorded ones', size => {
	const key = `${size.columns}x${size.rows}`;

	it('course lab: start, typing, commands, panes, the next step, help', async () => {
		const api = fakeApi();
		const app = await renderApp(<App api={api} lang="en" color={true} initial={await api.open(testScenario(), 80)} />, size);
		check(`${key}-course-start`, await settle(app));
		await type(app, 'docker container ls -');
		check(`${key}-course-typed`, await settle(app));
		await press(app, KEYS.ctrlU);
		await type(app, RN1);
		await press(app, KEYS.enter);
		await waitFor(app, frame => frame.includes('rn1'), 'rn1 on screen');
		check(`${key}-course-rn1`, await settle(app));
		await type(app, RN2);
		await press(app, KEYS.enter);
		check(`${key}-course-rn2`, await settle(app));
		await press(app, KEYS.escape);
		check(`${key}-course-containers`, await press(app, '4').then(() => settle(app)));
		check(`${key}-course-layers`, await press(app, '3').then(() => settle(app)));
		await press(app, KEYS.down, KEYS.down);
		check(`${key}-course-layers-cursor`, await settle(app));
		check(`${key}-course-volumes`, await press(app, '5').then(() => settle(app)));
		check(`${key}-course-next-step`, await press(app, 'n').then(() => settle(app)));
		check(`${key}-course-help`, await press(app, '?').then(() => settle(app)));
	});

	it('scenario list', async () => {
		const api = fakeApi();
		const app = await renderApp(<App api={api} lang="en" color={true} />, size);
		check(`${key}-picker`, await settle(app));
	});

	it('1,000-container world: start, a command, the panes', async () => {
		let first = true;
		const api = apiWith(() => (first ? ((first = false), big) : structuredClone(big)));
		const app = await renderApp(<App api={api} lang="en" color={true} initial={await api.open(testScenario(), 80)} />, size);
		check(`${key}-large-start`, await settle(app));
		await type(app, 'docker container exec c10 sh -c "echo x >> /tmp/log"');
		await press(app, KEYS.enter);
		await type(app, 'docker container diff c10');
		await press(app, KEYS.enter);
		check(`${key}-large-diff`, await settle(app));
		await press(app, KEYS.escape);
		check(`${key}-large-containers`, await press(app, '4').then(() => settle(app)));
		await press(app, KEYS.down, KEYS.down, KEYS.down);
		check(`${key}-large-containers-cursor`, await settle(app));
		check(`${key}-large-layers`, await press(app, '3').then(() => settle(app)));
		check(`${key}-large-volumes`, await press(app, '5').then(() => settle(app)));
	});
});
