/**
 * `readonly` gives world data without immer's proxies. It must give exactly what immer's `current`
 * gives, share every object nothing changed under (the shipped lab does not freeze worlds, so a
 * deep copy would copy the whole world on every read), and leave no draft inside.
 */
import {describe, expect, it} from 'vitest';
import {createDraft, current, finishDraft, isDraft, produce, setAutoFreeze} from 'immer';
import {readonly, type World} from '../../source/engine/index.js';
import {largeWorld} from '../../bench/large-world.js';

function drafts(value: unknown, seen = new Set<unknown>()): number {
	if (value === null || typeof value !== 'object' || seen.has(value)) return 0;
	seen.add(value);
	let count = isDraft(value) ? 1 : 0;
	for (const child of Object.values(value)) count += drafts(child, seen);
	return count;
}

describe('readonly', () => {
	for (const frozen of [true, false]) {
		it(`equals current() and copies only what changed (worlds ${frozen ? '' : 'not '}frozen)`, () => {
			setAutoFreeze(frozen);
			try {
				const base = produce(largeWorld(), () => undefined);
				const ids = Object.keys(base.containers);
				const draft = createDraft(base) as World;
				const changed = draft.containers[ids[3]!]!;
				changed.rw['/tmp/new'] = {kind: 'file', content: 'x', mode: 0o644, uid: 0, gid: 0, mtime: 0} as never;
				delete draft.containers[ids[5]!];
				draft.host.lastStatus = 7;

				const view = readonly(draft);
				expect(drafts(view)).toBe(0);
				expect(view).toEqual(current(draft));
				// Shared: everything nothing changed under.
				expect(view.images).toBe(base.images);
				expect(view.layers).toBe(base.layers);
				expect(view.containers[ids[4]!]).toBe(base.containers[ids[4]!]);
				expect(view.containers[ids[3]!]!.config).toBe(base.containers[ids[3]!]!.config);
				expect(view.containers[ids[3]!]!.config).toBeTypeOf('object');
				// Copied: the changed path only.
				expect(view.containers).not.toBe(base.containers);
				expect(view.containers[ids[3]!]!.rw['/tmp/new']).toMatchObject({content: 'x'});
				expect(ids[5]! in view.containers).toBe(false);
				expect(view.host.lastStatus).toBe(7);
				// A draft nothing changed is its base, and plain values pass through.
				expect(readonly(createDraft(base).images)).toBe(base.images);
				expect(readonly(base)).toBe(base);
				finishDraft(draft);
			} finally {
				setAutoFreeze(true);
			}
		});
	}
});
