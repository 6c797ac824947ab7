/** The lab's App on a fake API at a size the test chooses. */
import React from 'react';
import {App} from '../../../source/ui/App.js';
import {fakeApi, testScenario} from './fixtures.js';
import {renderApp} from './ink.js';

/** The App opened on the test scenario (unmounted by the file's `afterEach(unmountAll)`). */
export async function lab(columns = 100, rows = 30, api = fakeApi()) {
	const app = await renderApp(<App api={api} lang="en" color={false} initial={await api.open(testScenario(), 80)} />, {columns, rows});
	return {app, api};
}
