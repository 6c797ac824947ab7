/** The App's store: the screen's snapshot ignores what only the prompt line shows, the prompt line's follows exactly that. */
import {describe, expect, it} from 'vitest';
import {reduce, type Action} from '../../source/ui/state.js';
import {Store} from '../../source/ui/store.js';
import {ENTER, env, ESC, labState, none} from './helpers/reduce.js';

const key = (input: string, extra = {}): Action => ({type: 'key', input, key: {...none, ...extra}, env});

describe('the store', () => {
	it('keeps the screen for a key that only edits the prompt line, and hands out the new line', async () => {
		const store = new Store(reduce, await labState());
		const calls: string[] = [];
		store.subscribe(() => calls.push('changed'));
		const screen = store.getScreen();
		const prompt = store.getPrompt();
		store.dispatch(key('l'));
		store.dispatch(key('s'));
		expect(store.getScreen()).toBe(screen);
		expect(store.getPrompt()).not.toBe(prompt);
		expect(store.getPrompt()).toEqual({text: 'ls', cursor: 2, candidates: []});
		expect(store.state.ui.prompt.text).toBe('ls');
		expect(calls).toHaveLength(2);
		// A cursor move is the prompt line's too; the same line again is the same snapshot.
		store.dispatch(key('', {leftArrow: true}));
		expect(store.getScreen()).toBe(screen);
		expect(store.getPrompt()).toEqual({text: 'ls', cursor: 1, candidates: []});
		const line = store.getPrompt();
		store.dispatch(key('', {home: true}));
		store.dispatch(key('', {end: true}));
		expect(store.getPrompt()).not.toBe(line);
		store.dispatch(key('', {leftArrow: true}));
		expect(store.getPrompt()).toEqual(line);
	});

	it('follows every other change: an Enter, Esc to the panes', async () => {
		const store = new Store(reduce, await labState());
		for (const char of 'echo hi') store.dispatch(key(char));
		const screen = store.getScreen();
		store.dispatch(key('\r', ENTER));
		expect(store.getScreen()).not.toBe(screen);
		expect(store.getScreen()).toBe(store.state);
		expect(store.getScreen().lab!.typed).toEqual(['echo hi']);
		expect(store.getPrompt().text).toBe('');
		const ran = store.getScreen();
		store.dispatch(key('', ESC));
		expect(store.getScreen()).not.toBe(ran);
		expect(store.getScreen().ui.focus).not.toBe('terminal');
	});

	it('calls nobody for an action that changes nothing', async () => {
		const store = new Store(reduce, await labState());
		let calls = 0;
		const unsubscribe = store.subscribe(() => calls++);
		// (A failure of a command that is not running changes nothing: the reducer returns the very state.)
		store.dispatch({type: 'failed', message: 'gone'});
		expect(calls).toBe(0);
		store.dispatch(key('x'));
		expect(calls).toBe(1);
		unsubscribe();
		store.dispatch(key('y'));
		expect(calls).toBe(1);
	});
});
