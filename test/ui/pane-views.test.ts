/**
 * The layout calls each pane's View as a plain function and hands its element to the Pane (App.tsx's
 * layout nodes): a View must call no hook, or a tab switch, which changes the View the same layout
 * node calls, would give React different hooks. Called here outside any render, a hook throws.
 */
import {isValidElement, useState} from 'react';
import {describe, expect, it, vi} from 'vitest';
import {createLab} from '../../source/lab/model/lab.js';
import {initialState} from '../../source/ui/state.js';
import {makeTheme} from '../../source/ui/theme.js';
import {PANE_ORDER, PANES} from '../../source/ui/panes/registry.js';
import {evaluate, freshWorld, testScenario} from './helpers/fixtures.js';

describe("the panes' views", () => {
	it('are plain functions of their props: each gives its element outside any render', () => {
		const lab = createLab(testScenario(), freshWorld(), {evaluate, columns: 78});
		const state = initialState(lab);
		for (const id of PANE_ORDER) {
			const element = PANES[id].View({state, lab, lang: 'en', width: 78, height: 20, focused: id === 'terminal', container: null, theme: makeTheme(true)});
			expect(isValidElement(element), id).toBe(true);
		}
	});

	it('would fail for a view that calls a hook', () => {
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const withHook = () => {
				useState(0);
				return null;
			};
			expect(withHook).toThrow();
		} finally {
			error.mockRestore();
		}
	});
});
