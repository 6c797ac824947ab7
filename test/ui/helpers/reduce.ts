/** Drives the reducer without Ink: a lab state, keys typed into it. */
import {initialState, reduce, type AppState, type Env} from '../../../source/ui/state.js';
import {NO_KEY, type KeyInfo} from '../../../source/ui/keys.js';
import {PANE_ORDER} from '../../../source/ui/panes/registry.js';
import {evaluate, fakeApi, testScenario} from './fixtures.js';

export const none: KeyInfo = NO_KEY;

export const env: Env = {
	evaluate,
	columns: 78,
	page: Object.fromEntries(PANE_ORDER.map(id => [id, 10])) as Env['page'],
	content: {step: 30},
};

export async function labState(scenario = testScenario()): Promise<AppState> {
	const api = fakeApi([scenario]);
	return initialState(await api.open(scenario, 78));
}

/** Feeds keys: a string is typed character by character; an object is one special key. */
export function keys(state: AppState, ...input: Array<string | Partial<KeyInfo>>): AppState {
	for (const item of input) {
		if (typeof item === 'string') for (const char of item) state = reduce(state, {type: 'key', input: char, key: none, env});
		else state = reduce(state, {type: 'key', input: '', key: {...none, ...item}, env});
	}
	return state;
}

export const ENTER: Partial<KeyInfo> = {return: true};
export const ESC: Partial<KeyInfo> = {escape: true};
