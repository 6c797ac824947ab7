/**
 * Driving the App with ink-testing-library: a size the test chooses (its stdout has 100 columns and
 * no rows), key constants, and waits that poll for the frame to change instead of sleeping
 * (Ink renders one or two setImmediate ticks after stdin is written) — Shopify cli-kit's habit.
 */
import {HANG_GUARD_MS} from '../../helpers/hang-guard.js';
import type React from 'react';
import {render} from 'ink-testing-library';

export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	backspace: '\u007F',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	ctrlC: '\u0003',
	ctrlL: '\u000C',
	ctrlU: '\u0015',
	ctrlZ: '\u001A',
	ctrlY: '\u0019',
} as const;

export type Instance = ReturnType<typeof render>;

const TIMEOUT = HANG_GUARD_MS;

async function tick(): Promise<void> {
	await new Promise(resolve => setImmediate(resolve));
	await new Promise(resolve => setTimeout(resolve, 0));
}

/** Polls until `test` holds for the latest frame. */
export async function waitFor(instance: Instance, test: (frame: string) => boolean, what = 'the frame to match'): Promise<string> {
	const started = Date.now();
	for (;;) {
		const frame = instance.lastFrame() ?? '';
		if (test(frame)) return frame;
		if (Date.now() - started > TIMEOUT) throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`);
		await tick();
	}
}

export function waitForText(instance: Instance, text: string): Promise<string> {
	return waitFor(instance, frame => frame.includes(text), JSON.stringify(text));
}

const mounted = new Set<Instance>();

/** Unmounts every app renderApp has mounted: a test file's `afterEach(unmountAll)`. */
export function unmountAll(): void {
	for (const instance of mounted) instance.unmount();
	mounted.clear();
}

/** Renders and waits for the first frame (and one more tick, so input handlers are subscribed). */
export async function renderApp(tree: React.ReactElement, size?: {columns: number; rows: number}): Promise<Instance> {
	const instance = render(tree);
	mounted.add(instance);
	if (size) {
		Object.defineProperty(instance.stdout, 'columns', {value: size.columns, configurable: true, writable: true});
		Object.defineProperty(instance.stdout, 'rows', {value: size.rows, configurable: true, writable: true});
		instance.stdout.emit('resize');
	}
	await waitFor(instance, frame => frame.length > 0, 'the first frame');
	await tick();
	return instance;
}

/** Writes keys (each its own keypress) and waits until the frame differs from the one before. */
export async function press(instance: Instance, ...inputs: string[]): Promise<string> {
	for (const input of inputs) {
		const before = instance.lastFrame();
		instance.stdin.write(input);
		await waitFor(instance, frame => frame !== before, `a new frame after ${JSON.stringify(input)}`);
		// Effects (input subscriptions of what just appeared) run after the frame is written.
		await tick();
	}
	return instance.lastFrame() ?? '';
}

/** Types text at the prompt (one write: Ink passes it on whole, like a paste) and waits for it to show. */
export async function type(instance: Instance, text: string): Promise<string> {
	const before = instance.lastFrame();
	instance.stdin.write(text);
	const frame = await waitFor(instance, frame => frame !== before, `typing ${JSON.stringify(text)}`);
	await tick();
	return frame;
}

/**
 * Resizes the terminal the way a real one does (new size, then a 'resize' event) and waits for a
 * frame that shows `expected` (Ink redraws the old tree at the new width first).
 */
export async function resize(instance: Instance, columns: number, rows: number, expected: (frame: string) => boolean): Promise<string> {
	Object.defineProperty(instance.stdout, 'columns', {value: columns, configurable: true, writable: true});
	Object.defineProperty(instance.stdout, 'rows', {value: rows, configurable: true, writable: true});
	instance.stdout.emit('resize');
	return waitFor(instance, expected, `the frame at ${columns}x${rows}`);
}
