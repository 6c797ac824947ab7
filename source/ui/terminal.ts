/**
 * The process edge of the full-screen lab: the alternate screen (Ink 6 has no option for it: we enter it
 * before the first frame and leave it after the last), and putting the learner's terminal back on EVERY way out — normal exit, Ctrl+C, SIGTERM /
 * SIGHUP / SIGINT, an uncaught error (printed after the screen is restored), or `process.exit`.
 */

export const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
/** Show the cursor, then leave the alternate screen (the shell's screen comes back as it was). */
export const LEAVE_ALT_SCREEN = '\x1b[?25h\x1b[?1049l';

export interface Writable {
	write(text: string): unknown;
}

export interface FullScreen {
	enter(): void;
	/** Idempotent: safe to call from every exit path. */
	leave(): void;
	readonly active: boolean;
}

export function fullScreen(stdout: Writable): FullScreen {
	let active = false;
	return {
		enter() {
			if (active) return;
			active = true;
			stdout.write(ENTER_ALT_SCREEN);
		},
		leave() {
			if (!active) return;
			active = false;
			stdout.write(LEAVE_ALT_SCREEN);
		},
		get active() {
			return active;
		},
	};
}

const SIGNALS = {SIGINT: 2, SIGHUP: 1, SIGTERM: 15} as const;

export interface ExitGuard {
	/** Removes the handlers (after a normal exit). */
	dispose(): void;
}

/**
 * Installs the handlers that restore the terminal. `stop` unmounts Ink (raw mode off, cursor back);
 * `report` gets an uncaught error once the screen is restored.
 */
export function guardExit(screen: FullScreen, stop: () => void, report: (error: unknown) => void, proc: NodeJS.Process = process): ExitGuard {
	const restore = () => {
		try {
			stop();
		} catch {
			// Ink may already be gone
		}
		screen.leave();
	};
	const onExit = () => screen.leave();
	const handlers: Record<string, () => void> = {};
	for (const signal of Object.keys(SIGNALS) as Array<keyof typeof SIGNALS>) {
		handlers[signal] = () => {
			restore();
			proc.exit(128 + SIGNALS[signal]);
		};
	}
	const onError = (error: unknown) => {
		restore();
		report(error);
		proc.exit(1);
	};
	proc.on('exit', onExit);
	for (const [signal, handler] of Object.entries(handlers)) proc.on(signal as NodeJS.Signals, handler);
	proc.on('uncaughtException', onError);
	proc.on('unhandledRejection', onError);
	return {
		dispose() {
			proc.off('exit', onExit);
			for (const [signal, handler] of Object.entries(handlers)) proc.off(signal as NodeJS.Signals, handler);
			proc.off('uncaughtException', onError);
			proc.off('unhandledRejection', onError);
		},
	};
}

/** The message for a run without a terminal (pipes, CI). */
export const NOT_A_TTY = "layerlab: the lab is a full-screen app and needs a terminal on stdin and stdout; for pipes and CI use 'layerlab script' (layerlab --help shows how)\n";

export function isInteractive(stdin: {isTTY?: boolean}, stdout: {isTTY?: boolean}): boolean {
	return Boolean(stdin.isTTY) && Boolean(stdout.isTTY);
}
