import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {barItems, commandFor, KEY_TABLE, keyReferenceMarkdown, matches, type KeyInfo} from '../../source/ui/keys.js';
import {none} from './helpers/reduce.js';

const key = (extra: Partial<KeyInfo>): KeyInfo => ({...none, ...extra});

describe('key table', () => {
	it('resolves keys in scope order', () => {
		expect(commandFor(['prompt', 'global'], '', key({return: true}))?.command).toBe('run');
		expect(commandFor(['panes', 'global'], 'q', none)?.command).toBe('quit');
		expect(commandFor(['prompt', 'global'], 'q', none)).toBeUndefined();
		expect(commandFor(['prompt', 'global'], 'c', key({ctrl: true}))?.command).toBe('cancel-line');
		expect(commandFor(['panes', 'global'], 'c', key({ctrl: true}))?.command).toBe('quit');
		expect(commandFor(['predict', 'panes', 'global'], '2', none)?.command).toBe('choice-pick');
		expect(commandFor(['layers', 'panes', 'global'], '', key({return: true}))?.command).toBe('layers:toggle');
	});

	it('treats DEL (what Backspace sends) as backspace', () => {
		expect(matches('backspace', '', key({delete: true}))).toBe(true);
		expect(matches('shift+tab', '', key({tab: true, shift: true}))).toBe(true);
		expect(matches('tab', '', key({tab: true, shift: true}))).toBe(false);
		expect(matches('G', 'G', key({shift: true}))).toBe(true);
	});

	it('gives one binding per key within a scope (no dead entries)', () => {
		const seen = new Map<string, string>();
		for (const binding of KEY_TABLE) {
			for (const name of binding.keys) {
				const id = `${binding.scope}:${name}`;
				expect(seen.get(id), `${id} bound twice`).toBeUndefined();
				seen.set(id, binding.command);
			}
		}
	});

	it('builds the help bar from the same table', () => {
		const items = barItems(['prompt', 'global']);
		expect(items.map(item => item.label)).toEqual(['run', 'complete', 'history', 'panes', 'quit']);
		expect(items[0]).toEqual({key: 'Enter', label: 'run'});
	});

	it.each(['docs/TUI.md', 'README.md'])('%s holds exactly the key reference the table generates', file => {
		const doc = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').replace(/^#### /gm, '### ');
		const start = doc.indexOf('<!-- keys:start -->');
		const end = doc.indexOf('<!-- keys:end -->');
		expect(start).toBeGreaterThan(0);
		expect(doc.slice(start + '<!-- keys:start -->'.length, end).trim()).toBe(keyReferenceMarkdown().trim());
	});
});
