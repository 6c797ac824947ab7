/**
 * The App draws its frame (which screen, the layout) and nothing else of the state: React does not
 * render a component whose store snapshot is the same value (useSyncExternalStore), so a frame that
 * stays the same object across a command is an App not rendered for it.
 */
import {describe, expect, it} from 'vitest';
import {frameOf} from '../../source/ui/App.js';
import {ENTER, ESC, keys, labState} from './helpers/reduce.js';

const SIZE = {columns: 80, rows: 24};

describe("the App's frame", () => {
	it('stays the same object across commands that keep the layout', async () => {
		const state = keys(await labState(), 'docker container run --name rn1 diamol/ch06-random-number', ENTER);
		const frame = frameOf(state, SIZE, 'en', undefined);
		let after = state;
		for (const line of ['echo hello', 'docker container ls -a', 'docker volume ls']) {
			const next = keys(after, line, ENTER);
			// Each command changed the lab (its history, its terminal), and the frame is the one before.
			expect(next.lab).not.toBe(after.lab);
			expect(frameOf(next, SIZE, 'en', frame)).toBe(frame);
			after = next;
		}
	});

	it('is new when a key changes the layout, and keeps the parts of it that stayed', async () => {
		const state = await labState();
		const frame = frameOf(state, SIZE, 'en', undefined);
		// Esc 3 focuses the third pane: the compact layout shows it as the active tab of its group.
		const focused = keys(state, ESC, '3');
		const next = frameOf(focused, SIZE, 'en', frame);
		expect(next).not.toBe(frame);
		expect(next.layout).not.toEqual(frame.layout);
		// The Step pane focused again: its group shows it as at first, and that frame is the first one.
		expect(frameOf(keys(focused, '1'), SIZE, 'en', frame)).toBe(frame);
	});

	it('follows the screen: the help, and its scrolling', async () => {
		const state = await labState();
		const frame = frameOf(state, SIZE, 'en', undefined);
		expect(frame).toMatchObject({screen: 'lab', help: false, lab: true});
		const help = keys(state, ESC, '?');
		const helpFrame = frameOf(help, SIZE, 'en', frame);
		expect(helpFrame).toMatchObject({help: true, helpScroll: 0});
		expect(frameOf(keys(help, {downArrow: true}), SIZE, 'en', helpFrame)).toMatchObject({help: true, helpScroll: 1});
	});
});
