/**
 * What a new learner ran into (keys and focus, the terminal pane, the step pane), one test each;
 * every one of them failed before the fix it names.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {scrollbackWindow} from '../../source/ui/panes/terminal/rows.js';
import {choiceRows} from '../../source/ui/panes/step/rows.js';
import {MAX_OUTPUT_LINES, trimOutput, type TermBlock} from '../../source/lab/model/lab.js';
import {rowText} from '../../source/ui/rows.js';
import {fakeApi, PREDICT_STEP, RN_STEP, testScenario} from './helpers/fixtures.js';
import {ENTER, ESC, keys, labState, none} from './helpers/reduce.js';
import {reduce} from '../../source/ui/state.js';
import {env} from './helpers/reduce.js';
import {KEYS, press, resize, type, waitForText, unmountAll} from './helpers/ink.js';
import {effectiveContainer} from '../../source/ui/panes/containers/index.js';
import {lab} from './helpers/lab.js';
import {RN1, RN2} from './helpers/fixtures.js';

afterEach(unmountAll);

describe('keys and focus: the prompt comes first', () => {
	it('after Esc then n, a command typed goes to the prompt whole (no r/n/i/p/u/s/x/q shortcuts fire)', async () => {
		let state = keys(await labState(), RN1, ENTER, RN2, ENTER, ESC, 'n');
		expect(state.lab!.step).toBe(1);
		// Step 2 asks a prediction first; answer it, then n again from step 1's view is not needed.
		state = keys(await labState(), ESC, 'n');
		expect(state.ui.focus).toBe('step'); // a prediction takes the focus
		const plain = keys(await labState(testScenario({steps: [RN_STEP, {...RN_STEP, id: 'two'}]})), ESC, 'n', 'docker container ls --all');
		expect(plain.lab!.step).toBe(1);
		expect(plain.ui.focus).toBe('terminal');
		expect(plain.ui.prompt.text).toBe('docker container ls --all');
		expect(plain.lab!.history).toHaveLength(0);
		expect(plain.quitting).toBe(false);
	});

	it('a letter with no key of its own in the panes goes to the prompt and is typed there', async () => {
		const state = keys(await labState(), ESC, '4', 'docker ps');
		expect(state.ui.focus).toBe('terminal');
		expect(state.ui.prompt.text).toBe('docker ps');
	});

	it('u, r and h are one-shot: the learner is back at the prompt afterwards', async () => {
		let state = keys(await labState(), 'echo one', ENTER, ESC, 'u');
		expect(state.lab!.position).toBe(0);
		expect(state.ui.focus).toBe('terminal');
		state = keys(state, ESC, 'h');
		expect(state.lab!.hints.rn).toBe(1);
		expect(state.ui.focus).toBe('terminal');
		expect(state.ui.recent[1]).toBe('step'); // the hint stays in view
	});

	it('Ctrl+C with a half-typed line cancels the line (shown with ^C); on an empty line it saves and leaves', async () => {
		const ctrlC = {...none, ctrl: true};
		let state = keys(await labState(), 'docker contai');
		state = reduce(state, {type: 'key', input: 'c', key: ctrlC, env});
		expect(state.quitting).toBe(false);
		expect(state.ui.prompt.text).toBe('');
		const last = state.lab!.terminal.at(-1)!;
		expect(last).toMatchObject({kind: 'command', line: 'docker contai^C', output: []});
		expect(state.lab!.history).toHaveLength(0);
		state = reduce(state, {type: 'key', input: 'c', key: ctrlC, env});
		expect(state.quitting).toBe(true);
	});

	it('a control key read together with the text before it is that key (echo half, Ctrl+C → the line is cancelled)', async () => {
		let state = await labState();
		state = reduce(state, {type: 'key', input: 'echo half\u0003', key: none, env});
		expect(state.ui.prompt.text).toBe('');
		expect(state.quitting).toBe(false);
		expect(state.lab!.terminal.at(-1)).toMatchObject({kind: 'command', line: 'echo half^C', output: []});
		state = reduce(state, {type: 'key', input: 'echo ab\u007fc\u0001x', key: none, env});
		expect(state.ui.prompt.text).toBe('xecho ac');
	});

	it('in a predict step digits pick and Enter locks the answer in', async () => {
		let state = keys(await labState(testScenario({steps: [PREDICT_STEP]})));
		expect(state.ui.focus).toBe('step');
		state = keys(state, '3');
		expect(state.lab!.predictions.predict).toBeUndefined();
		expect(state.ui.panes.step.choice).toBe(2);
		state = keys(state, {upArrow: true}, ENTER);
		expect(state.lab!.predictions.predict).toEqual({choice: 1, correct: true});
	});

	it('a terminal too small for the lab runs nothing typed', async () => {
		const api = fakeApi();
		const {app} = await lab(60, 20, api);
		const before = app.lastFrame();
		app.stdin.write('echo hi');
		app.stdin.write(KEYS.enter);
		for (let i = 0; i < 20; i++) await new Promise(resolve => setTimeout(resolve, 5));
		expect(app.lastFrame()).toBe(before);
		expect(before).toContain('terminal too small');
		// Back to a usable size: nothing ran, nothing was typed.
		const frame = await resize(app, 100, 30, text => text.includes('history 0/0'));
		expect(frame).not.toContain('echo hi');
		expect(api.saves).toBe(0);
	});
});

describe('the terminal pane', () => {
	it('keeps blank output lines where they are (not as empty rows under the prompt)', async () => {
		const {app} = await lab();
		await type(app, 'echo top; echo; echo; echo bottom');
		const frame = await press(app, KEYS.enter);
		const lines = frame.split('\n').map(line => line.replace(/^│|│$/g, '').trimEnd());
		const top = lines.findIndex(line => line === 'top');
		expect(top).toBeGreaterThan(0);
		expect(lines.slice(top, top + 5)).toEqual(['top', '', '', 'bottom', expect.stringMatching(/\$$/)]);
	});

	it('shows 200,000 lines of one command without overflowing the stack, keeping a bounded tail', () => {
		const text = Array.from({length: 200_000}, (_, i) => `line ${i}`).join('\n') + '\n';
		const block: TermBlock = {kind: 'command', id: 1, prompt: '$ ', line: 'seq', output: [{stream: 'stdout', text}], status: 0};
		expect(() => scrollbackWindow([block], 80, 20, 0)).not.toThrow();
		expect(rowText(scrollbackWindow([block], 80, 20, 0).rows.at(-1)!)).toBe('line 199999');
		const kept = trimOutput(block.output);
		const keptLines =
			kept
				.map(chunk => chunk.text)
				.join('')
				.split('\n').length - 1;
		expect(keptLines).toBe(MAX_OUTPUT_LINES + 1);
		expect(kept[0]!.text).toContain(`${200_000 - MAX_OUTPUT_LINES} earlier lines`);
		expect(kept.at(-1)!.text.endsWith('line 199999\n')).toBe(true);
	});

	it("writes the lab's notes in one voice: layerlab:", async () => {
		const {app} = await lab();
		await press(app, KEYS.escape);
		const frame = await press(app, 'u');
		expect(frame).toContain('layerlab: Nothing to undo');
		expect(frame).not.toContain('»');
	});
});

describe('the step pane', () => {
	it('takes "step complete" back when an undo takes back what completed it', async () => {
		const {app} = await lab();
		await type(app, RN1);
		await press(app, KEYS.enter);
		await type(app, RN2);
		let frame = await press(app, KEYS.enter);
		expect(frame).toContain('★ Step complete!');
		frame = await press(app, KEYS.ctrlZ);
		frame = await waitForText(app, '⟲ undid');
		expect(frame).not.toContain('★ Step complete!');
		expect(frame).not.toContain('✓ step 1/2');
		expect(frame).toContain('step 1/2');
	});

	it('wraps long choices instead of cutting the right answer', () => {
		const label = "The bind mount of the host's config folder, which hides the image's own config";
		const rows = choiceRows(['An image layer', label], 1, 40, true).map(rowText);
		expect(rows.join(' ').replace(/\s+/g, ' ')).toContain(label);
		expect(rows.every(text => text.length <= 40)).toBe(true);
		expect(rows[1]).toMatch(/^❯ 2\. The bind/);
	});

	it('marks a Step pane cut short with "more ↓" (80x24)', async () => {
		const {app} = await lab(80, 24);
		const frame = app.lastFrame()!;
		expect(frame).toContain('1 Step');
		expect(frame).toContain('more ↓');
	});
});

describe('truncation and wrapping (prompt, Tab, Try)', () => {
	it('keeps a deep prompt readable: all but 24 columns, cut from the left', async () => {
		const {promptRow} = await import('../../source/ui/panes/terminal/rows.js');
		const deep = 'student@layerlab:~/diamol/ch06/exercises/todo-list/config/more/and/more$ ';
		const text = rowText(promptRow(deep, 'ls', 2, 80, true));
		expect(text).toContain('diamol/ch06/exercises/todo-list/config/more/and/more$ ls');
		expect(text.length).toBeLessThanOrEqual(80);
	});

	it('lists Tab candidates in columns over several rows instead of cutting them to one', async () => {
		const {candidateRows} = await import('../../source/ui/panes/terminal/rows.js');
		const names = ['diamol/ch06-file-display', 'diamol/ch06-random-number', 'diamol/ch06-bind-mount', 'diamol/ch06-todo-list', 'diamol/ch06-lab'];
		const rows = candidateRows(names, 60).map(rowText);
		expect(rows.length).toBeGreaterThan(1);
		for (const name of names) expect(rows.join('\n')).toContain(name);
		expect(rows.every(text => text.length <= 60)).toBe(true);
		const many = candidateRows(
			Array.from({length: 100}, (_, i) => `name${i}`),
			40,
			3,
		).map(rowText);
		expect(many).toHaveLength(3);
		expect(many[2]).toMatch(/… and \d+ more/);
	});

	it('wraps "Try" commands between words at 80 columns', async () => {
		const {commandRows} = await import('../../source/ui/panes/step/rows.js');
		const rows = commandRows('docker container run --name f1 --volume /home/student/diamol/ch06/data:/data diamol/ch06-file-display', 76).map(rowText);
		expect(rows.length).toBe(2);
		expect(rows.join(' ').replace(/\s+/g, ' ')).toContain('diamol/ch06-file-display');
		for (const text of rows) expect(text).not.toMatch(/dia$/);
		const narrow = commandRows('docker container run --name rn1 diamol/ch06-random-number', 46).map(rowText);
		expect(narrow).toEqual(['  $ docker container run --name rn1', '      diamol/ch06-random-number']);
		expect(rows[1]).toMatch(/^ {6}\S/);
	});
});

describe('the Layers pane follows the learner', () => {
	const nameOf = (state: Awaited<ReturnType<typeof labState>>) => state.lab!.world.containers[effectiveContainer(state)!]!.name;

	it('shows the container a command ran in or named, not only the newest one', async () => {
		let state = keys(await labState(), RN1, ENTER, RN2, ENTER);
		expect(nameOf(state)).toBe('rn2');
		state = keys(state, 'docker container logs rn1', ENTER);
		expect(nameOf(state)).toBe('rn1');
		state = keys(state, 'echo hello', ENTER);
		expect(nameOf(state)).toBe('rn1'); // a line that touches no container keeps the one shown
		state = keys(state, 'docker container cp rn2:/random/number.txt n.txt', ENTER);
		expect(nameOf(state)).toBe('rn2');
		const rn1 = Object.values(state.lab!.world.containers).find(container => container.name === 'rn1')!;
		state = keys(state, `docker container start ${rn1.id.slice(0, 6)}`, ENTER);
		expect(nameOf(state)).toBe('rn1');
	});

	for (const [columns, rows] of [
		[120, 30],
		[160, 48],
	] as const) {
		it(`names that container in its title at ${columns}x${rows}`, async () => {
			const {app} = await lab(columns, rows);
			await type(app, RN1);
			await press(app, KEYS.enter);
			await waitForText(app, 'Layers · rn1');
			await type(app, RN2);
			await press(app, KEYS.enter);
			await waitForText(app, 'Layers · rn2');
			await type(app, 'docker container logs rn1');
			await press(app, KEYS.enter);
			const frame = await waitForText(app, 'Layers · rn1');
			expect(frame).not.toContain('No container selected');
		});
	}
});
