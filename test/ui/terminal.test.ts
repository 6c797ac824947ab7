import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {ENTER_ALT_SCREEN, fullScreen, guardExit, isInteractive, LEAVE_ALT_SCREEN} from '../../source/ui/terminal.js';

class FakeProcess extends EventEmitter {
	exits: number[] = [];
	exit(code: number): void {
		this.exits.push(code);
	}
}

function setup() {
	const written: string[] = [];
	const screen = fullScreen({write: text => written.push(text)});
	const proc = new FakeProcess();
	const stopped: string[] = [];
	const reported: unknown[] = [];
	const guard = guardExit(
		screen,
		() => stopped.push('ink'),
		error => reported.push(error),
		proc as unknown as NodeJS.Process,
	);
	screen.enter();
	return {written, screen, proc, stopped, reported, guard};
}

describe('terminal restore', () => {
	it('enters and leaves the alternate screen once, showing the cursor again', () => {
		const {written, screen} = setup();
		screen.leave();
		screen.leave();
		expect(written).toEqual([ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN]);
		expect(LEAVE_ALT_SCREEN).toContain('\x1b[?25h');
	});

	it.each([
		['SIGTERM', 143],
		['SIGINT', 130],
		['SIGHUP', 129],
	])('restores on %s and exits %i', (signal, code) => {
		const {written, proc, stopped} = setup();
		proc.emit(signal);
		expect(stopped).toEqual(['ink']);
		expect(written.at(-1)).toBe(LEAVE_ALT_SCREEN);
		expect(proc.exits).toEqual([code]);
	});

	it('restores before reporting an uncaught error', () => {
		const {written, proc, reported} = setup();
		const order: string[] = [];
		proc.on('uncaughtException', () => order.push(written.at(-1) === LEAVE_ALT_SCREEN ? 'restored' : 'not restored'));
		proc.emit('uncaughtException', new Error('boom'));
		expect(reported).toHaveLength(1);
		expect(order).toEqual(['restored']);
		expect(proc.exits).toEqual([1]);
	});

	it('restores on process exit, and removes its handlers when done', () => {
		const {written, proc, guard, screen} = setup();
		proc.emit('exit');
		expect(written.at(-1)).toBe(LEAVE_ALT_SCREEN);
		guard.dispose();
		expect(proc.listenerCount('SIGTERM')).toBe(0);
		expect(proc.listenerCount('exit')).toBe(0);
		expect(screen.active).toBe(false);
	});

	it('needs a terminal on both ends', () => {
		expect(isInteractive({isTTY: true}, {isTTY: true})).toBe(true);
		expect(isInteractive({isTTY: false}, {isTTY: true})).toBe(false);
		expect(isInteractive({}, {isTTY: true})).toBe(false);
	});
});
