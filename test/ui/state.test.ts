/** The reducer on its own: keys in, state out, no Ink. */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {activeScopes, reduce, reduceAny, typedAtPrompt, type AppState} from '../../source/ui/state.js';
import type {KeyInfo} from '../../source/ui/keys.js';
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

	it('takes a character typed at the prompt as the key table does (the shortcut agrees with the general path)', async () => {
		const base = await labState();
		const session = keys(base, 'docker run -it --name shell alpine:3.9 sh', ENTER);
		expect(session.lab!.world.host.session).toBeTruthy();
		// One named key or modifier at a time (Ink sets one for a key), any mix of them, or none.
		const names = Object.keys(none) as Array<keyof KeyInfo>;
		const key = fc.oneof(
			fc.constant(none),
			fc.constantFrom(...names.map(name => ({...none, [name]: true}))),
			fc.record(Object.fromEntries(names.map(name => [name, fc.boolean()])) as Record<keyof KeyInfo, fc.Arbitrary<boolean>>),
		);
		const input = fc.oneof(
			fc.string({unit: 'binary', minLength: 1, maxLength: 1}),
			fc.string({unit: 'grapheme', minLength: 1, maxLength: 2}),
			fc.constantFrom('a', ' ', '?', 'q', '1', '\t', '\r', '\u007f', '\u001b', '\ud83d', '가'),
		);
		// (What the state differs in is drawn, and the state made from it in the property: a counterexample names only that.)
		const differences = fc.record({
			session: fc.boolean(),
			screen: fc.constantFrom('lab', 'lab', 'picker') as fc.Arbitrary<AppState['screen']>,
			focus: fc.constantFrom('terminal', 'terminal', 'step', 'containers') as fc.Arbitrary<AppState['ui']['focus']>,
			overlay: fc.constantFrom(null, null, {kind: 'help'} as const),
			text: fc.string({unit: 'grapheme', maxLength: 12}),
			cursor: fc.nat(14),
			browsing: fc.constantFrom(null, 0),
			detaching: fc.constantFrom(undefined, undefined, 'ctrl-p'),
		});
		fc.assert(
			fc.property(differences, input, key, ({session: held, screen, focus, overlay, text, cursor, browsing, detaching}, input, key) => {
				const from = held ? session : base;
				const state: AppState = {
					...from,
					screen,
					ui: {...from.ui, focus, overlay, prompt: {text, cursor: Math.min(cursor, [...text].length), browsing, draft: '', ...(detaching ? {detaching} : {})}},
				};
				const action = {type: 'key', input, key, env} as const;
				expect(reduce(state, action)).toStrictEqual(reduceAny(state, action));
			}),
			{numRuns: 3000},
		);
		// And the shortcut is taken: a letter typed at the prompt, in the middle of the line too.
		const typing = keys(base, 'echo hi', {leftArrow: true});
		const shortcut = typedAtPrompt(typing, {type: 'key', input: 'x', key: none, env});
		expect(shortcut?.ui.prompt).toMatchObject({text: 'echo hxi', cursor: 7});
		expect(typedAtPrompt(typing, {type: 'key', input: 'c', key: {...none, ctrl: true}, env})).toBeUndefined();
	});
});
