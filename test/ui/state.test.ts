/** The reducer on its own: keys in, state out, no Ink. */
import {describe, expect, it} from 'vitest';
import {activeScopes, reduce} from '../../source/ui/state.js';
import {ENTER, env, ESC, keys, labState, none} from './helpers/reduce.js';

describe('the reducer', () => {
	it('starts at the prompt, types into it and runs the line with Enter', async () => {
		let state = await labState();
		expect(state.ui.focus).toBe('terminal');
		expect(activeScopes(state)).toEqual(['prompt', 'global']);
		state = keys(state, 'echo hi');
		expect(state.ui.prompt).toMatchObject({text: 'echo hi', cursor: 7});
		state = keys(state, ENTER);
		expect(state.ui.prompt.text).toBe('');
		expect(state.lab!.typed).toEqual(['echo hi']);
	});

	it('leaves the prompt with Esc; digits focus panes from the pane table', async () => {
		let state = keys(await labState(), ESC);
		expect(state.ui.focus).not.toBe('terminal');
		state = keys(state, '4');
		expect(state.ui.focus).toBe('containers');
		expect(activeScopes(state)).toEqual(['containers', 'panes', 'global']);
		state = keys(state, '3');
		expect(activeScopes(state)).toEqual(['layers', 'panes', 'global']);
		state = keys(state, {tab: true});
		expect(state.ui.focus).toBe('containers');
	});

	it('follows a new container into the Layers pane and keeps each pane its own slice', async () => {
		let state = keys(await labState(), 'docker container run --name rn1 diamol/ch06-random-number', ENTER);
		const id = state.ui.panes.containers.selected;
		expect(id).toBe(Object.values(state.lab!.world.containers)[0]!.id);
		state = keys(state, ESC, '3', {downArrow: true}, {downArrow: true});
		expect(state.ui.panes.layers.cursor).toBe(2);
		expect(state.ui.panes.volumes.cursor).toBe(0);
		state = keys(state, '4', {upArrow: true});
		expect(state.ui.panes.layers.cursor).toBe(0);
	});

	it('undoes with Ctrl+Z from the prompt and scrolls the terminal back to the bottom', async () => {
		let state = keys(await labState(), 'echo one', ENTER, 'echo two', ENTER);
		state = keys(state, {pageUp: true});
		expect(state.ui.panes.terminal.scroll).toBeGreaterThan(0);
		state = reduce(state, {type: 'key', input: 'z', key: {...none, ctrl: true}, env});
		expect(state.lab!.position).toBe(1);
		expect(state.ui.panes.terminal.scroll).toBe(0);
	});

	it('asks before showing the solution, and Esc cancels', async () => {
		let state = keys(await labState(), ESC, 's');
		expect(state.ui.overlay).toMatchObject({kind: 'confirm', action: 'solution'});
		expect(activeScopes(state)[0]).toBe('confirm');
		state = keys(state, ESC);
		expect(state.ui.overlay).toBeNull();
		state = keys(state, 's', 'y');
		expect(state.lab!.solutions).toEqual(['rn']);
	});

	it('quits with q from the panes, never from the prompt', async () => {
		const typed = keys(await labState(), 'q');
		expect(typed.quitting).toBe(false);
		expect(typed.ui.prompt.text).toBe('q');
		expect(keys(await labState(), ESC, 'q').quitting).toBe(true);
	});
});

describe('keys typed faster than one read', () => {
	it('takes a shortcut and the command after it one key at a time', async () => {
		const {RN_STEP, testScenario} = await import('./helpers/fixtures.js');
		let state = keys(await labState(testScenario({steps: [RN_STEP, {...RN_STEP, id: 'two'}]})), ESC);
		state = reduce(state, {type: 'key', input: 'ndocker container ls --all', key: none, env});
		expect(state.lab!.step).toBe(1);
		expect(state.ui.focus).toBe('terminal');
		expect(state.ui.prompt.text).toBe('docker container ls --all');
	});
});
