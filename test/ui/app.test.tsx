import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/App.js';
import {fakeApi, testScenario} from './helpers/fixtures.js';
import {KEYS, press, renderApp, resize, type, waitForText, unmountAll, type Instance} from './helpers/ink.js';
import {lab} from './helpers/lab.js';
import {RN1, RN2} from './helpers/fixtures.js';

afterEach(unmountAll);

async function runLine(app: Instance, line: string): Promise<string> {
	await type(app, line);
	return press(app, KEYS.enter);
}

describe('the lab, driven by keys', () => {
	it('runs typed commands and shows what changed in the panes', async () => {
		const {app} = await lab();
		let frame = await runLine(app, RN1);
		frame = await waitForText(app, 'Status: Downloaded newer image for diamol/ch06-random-number:latest');
		expect(frame).toMatch(/Pull complete/);
		// The Containers tab has news (•); Esc leaves the prompt, 4 focuses Containers.
		expect(frame).toMatch(/4 Containers •/);
		await press(app, KEYS.escape);
		frame = await press(app, '4');
		expect(frame).toMatch(/\+ rn1 +diamol\/ch06-random-number +Exited \(0\)/);
		frame = await press(app, '3');
		expect(frame).toContain('3 Layers · rn1');
		expect(frame).toMatch(/A \/random\/number\.txt +added/);
	});

	it('takes Esc and a key that arrive together (read as Alt+key) as the two keys', async () => {
		const {app} = await lab();
		await runLine(app, RN1);
		const frame = await press(app, '\u001b4');
		expect(frame).toMatch(/\+ rn1 +diamol\/ch06-random-number +Exited \(0\)/);
	});

	it('completes the step when the checks pass, with a clear moment', async () => {
		const {app, api} = await lab();
		await runLine(app, RN1);
		const frame = await runLine(app, RN2);
		expect(frame).toContain('★ Step 1 complete! Esc then n goes to the next step.');
		expect(frame).toContain('★ step 1/2 complete');
		expect(api.saved.get('test-rn')).toMatchObject({completed: ['rn'], lines: [RN1, RN2]});
	});

	it('recalls history with ↑/↓, completes with Tab and edits the line', async () => {
		const {app} = await lab();
		await runLine(app, 'echo one');
		await runLine(app, 'echo two');
		expect(await press(app, KEYS.up)).toMatch(/\$ echo two█?\s*│/);
		expect(await press(app, KEYS.up)).toMatch(/\$ echo one/);
		await press(app, KEYS.down, KEYS.down);
		await type(app, 'docker cont');
		expect(await press(app, KEYS.tab)).toContain('$ docker container ');
		await type(app, 'r');
		expect(await press(app, KEYS.tab)).toMatch(/restart +rm +run/);
		expect(await press(app, KEYS.ctrlU)).toMatch(/diamol\$ {2,}/);
	});

	it('undoes and redoes the whole world, showing the position', async () => {
		const {app} = await lab();
		await runLine(app, RN1);
		await runLine(app, RN2);
		let frame = await press(app, KEYS.escape);
		expect(frame).toContain('history 2/2');
		frame = await press(app, 'u');
		expect(frame).toContain('history 1/2');
		expect(frame).toContain('⟲ undid: ' + RN2);
		// u is a one-shot key: the learner is back at the prompt.
		await press(app, KEYS.escape);
		frame = await press(app, '4');
		expect(frame).toMatch(/− rn2 .*removed/);
		frame = await press(app, 'r');
		expect(frame).toContain('history 2/2');
		expect(frame).toMatch(/\+ rn2 +diamol/);
	});

	it('reveals hints one at a time and the solution only after confirming', async () => {
		const {app} = await lab();
		await press(app, KEYS.escape);
		let frame = await press(app, 'h');
		expect(frame).toContain('Hint 1/2');
		expect(frame).not.toContain('Hint 2/2');
		await press(app, KEYS.escape);
		frame = await press(app, 's');
		expect(frame).toContain('Show the solution for this step?');
		frame = await press(app, 'n');
		expect(frame).not.toContain('Solution');
		await press(app, 's');
		frame = await press(app, 'y');
		expect(frame).toContain('Solution');
	});

	it('asks the prediction before the command may run, then scores and explains it', async () => {
		const {app} = await lab(100, 40);
		await runLine(app, RN1);
		await runLine(app, RN2);
		await press(app, KEYS.escape);
		let frame = await press(app, 'n');
		expect(frame).toContain('Where does /random/number.txt in rn1 come from?');
		expect(frame).toContain("2. rn1's writable layer");
		frame = await press(app, KEYS.down, KEYS.enter);
		expect(frame).toContain('✓ Right!');
		expect(frame).toContain('The container wrote it, so it lives in the writable layer.');
		expect(frame).toContain('/random/number.txt in rn1: from the writable layer');
	});

	it('scrolls the terminal with PgUp/PgDn and clears it with Ctrl+L', async () => {
		const {app} = await lab();
		for (let i = 0; i < 12; i++) await runLine(app, `echo line${i}`);
		let frame = await press(app, KEYS.pageUp);
		expect(frame).toContain('scrolled back');
		expect(frame).not.toContain('line11');
		frame = await press(app, KEYS.pageDown);
		expect(frame).toContain('line11');
		frame = await press(app, KEYS.ctrlL);
		expect(frame).not.toContain('line11');
		expect(frame).toContain('student@layerlab:~/diamol$');
	});

	it('resets the step after asking', async () => {
		const {app} = await lab();
		await runLine(app, RN1);
		await press(app, KEYS.escape);
		let frame = await press(app, 'x');
		expect(frame).toContain('Undo everything done in this step?');
		frame = await press(app, 'y');
		expect(frame).toContain('reset step 1: undid 1 command');
		expect(frame).toContain('history 0/1');
	});

	it('opens and closes folders in the file tree', async () => {
		const {app} = await lab(100, 40);
		await runLine(app, RN1);
		let frame = await press(app, KEYS.escape, '3');
		expect(frame).toMatch(/▸ bin\//);
		// The cursor (inverse, which these frames do not show) goes to the tree's first row, then to bin/.
		app.stdin.write('f');
		app.stdin.write(KEYS.down);
		frame = await press(app, KEYS.enter);
		expect(frame).toMatch(/▾ bin\//);
		expect(frame).toMatch(/ {4}arch/);
		frame = await press(app, KEYS.left);
		expect(frame).toMatch(/▸ bin\//);
	});

	it('shows typed control characters and escape sequences as placeholders', async () => {
		const {app} = await lab();
		// Ink itself eats the ESC of a typed escape sequence; what is left, BEL included, is shown, not sent.
		let frame = await type(app, 'echo \u001b[2Jx\u0007');
		expect(frame).toContain('echo [2Jx␇');
		expect(frame).not.toContain('\u0007');
		frame = await press(app, KEYS.enter);
		expect(frame).toMatch(/\[2Jx␇/);
	});

	it('goes back to the scenario list with m, keeping progress', async () => {
		const api = fakeApi();
		const {app} = await lab(100, 30, api);
		await runLine(app, RN1);
		await press(app, KEYS.escape);
		const frame = await press(app, 'm');
		expect(frame).toMatch(/The writable layer +2 steps +step 1 · 0\/2 done/);
		expect(api.saved.get('test-rn')?.lines).toEqual([RN1]);
	});

	it('shows every key on the help screen and closes it', async () => {
		const {app} = await lab();
		await press(app, KEYS.escape);
		let frame = await press(app, '?');
		expect(frame).toContain('Anywhere');
		expect(frame).toMatch(/Ctrl\+C +Save progress and leave/);
		expect(frame).toContain('Terminal prompt (typing commands)');
		frame = await press(app, KEYS.pageDown, KEYS.down);
		expect(frame).toContain('Panes (after Esc)');
		expect(frame).not.toContain('Anywhere');
		frame = await press(app, KEYS.escape);
		expect(frame).not.toContain('Panes (after Esc)');
	});

	it('re-lays out on resize and says when the terminal is too small', async () => {
		const {app} = await lab(100, 30);
		let frame = await resize(app, 160, 48, f => f.includes('5 Volumes') && f.includes('2 Terminal') && f.split('\n').length === 47);
		for (const pane of ['1 Step', '2 Terminal', '3 Layers', '4 Containers', '5 Volumes']) expect(frame).toContain(pane);
		frame = await resize(app, 70, 20, f => f.includes('terminal too small'));
		expect(frame).toContain('terminal too small (need 80x24)');
		frame = await resize(app, 80, 24, f => f.includes('2 Terminal') && f.split('\n').length === 23);
		expect(frame.split('\n').every(line => line.length <= 80)).toBe(true);
	});

	it('quits with q from the panes, saving progress', async () => {
		const api = fakeApi();
		const {app} = await lab(100, 30, api);
		await runLine(app, RN1);
		await press(app, KEYS.escape);
		app.stdin.write('q');
		await waitForText(app, 'history');
		expect(api.saved.get('test-rn')?.lines).toEqual([RN1]);
	});
});

describe('the scenario list', () => {
	it('shows title, steps and progress, and opens the chosen scenario', async () => {
		const api = fakeApi([testScenario(), testScenario({id: 'other', title: 'Another one', steps: [testScenario().steps[0]!]})]);
		api.saved.set('test-rn', {step: 1, completed: ['rn'], lines: [RN1, RN2], stepStarts: {1: 2}, hints: {}, solutions: [], predictions: {}});
		const current = await renderApp(<App api={api} lang="en" color={false} />, {columns: 100, rows: 30});
		let frame = current.lastFrame() ?? '';
		expect(frame).toMatch(/The writable layer +2 steps +step 2 · 1\/2 done/);
		expect(frame).toMatch(/Another one +1 steps +new/);
		frame = await press(current, KEYS.enter);
		await waitForText(current, 'Welcome back — replayed your 2 command lines; you are on step 2 of 2.');
	});

	it('starts on the next unfinished lesson', async () => {
		const one = testScenario({id: 'one', title: 'First lesson', steps: [testScenario().steps[0]!]});
		const two = testScenario({id: 'two', title: 'Second lesson', steps: [testScenario().steps[0]!]});
		const api = fakeApi([one, two]);
		api.saved.set('one', {step: 0, completed: ['rn'], lines: [RN1, RN2], stepStarts: {0: 0}, hints: {}, solutions: [], predictions: {}});
		const current = await renderApp(<App api={api} lang="en" color={false} />, {columns: 100, rows: 30});
		expect(current.lastFrame()).toMatch(/❯ Second lesson/);
		await press(current, KEYS.enter);
		await waitForText(current, 'Second lesson');
		expect(current.lastFrame()).toContain('step 1/1');
	});
});
