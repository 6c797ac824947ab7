/**
 * `layerlab` and `layerlab play ID|FILE`: the full-screen lab. Checks the terminal, finds the
 * scenario (from the start-up cache when it can), opens it before the first frame so that frame is
 * complete, enters the alternate screen, runs the App, and restores the terminal on every way out.
 */
import {createElement} from 'react';
import type {Instance} from 'ink';
import type {Flags} from '../flags.js';
import {fullScreen, guardExit, isInteractive, NOT_A_TTY} from './terminal.js';
import {colorEnabled} from './theme.js';
import {terminalSafe} from '../text/safe.js';
import {computeLayout, paneInner} from './layout.js';
import type {LabModel} from '../lab/model/lab.js';

/**
 * Ink's render options for the lab (bench/interaction.tsx measures with the same ones). Ink throttles
 * its frames to maxFps (default 30: a key could wait up to 34 ms for its frame); at 1000 the window
 * is 1 ms, so a frame never waits on the throttle, and updates made in one tick still make one frame.
 */
export const RENDER_OPTIONS = {exitOnCtrlC: false, patchConsole: false, maxFps: 1000} as const;

/** LAYERLAB_TRACE_STARTUP=FILE: milliseconds since the process started at each start-up phase. */
const trace: string[] = [];
function mark(phase: string): void {
	if (process.env.LAYERLAB_TRACE_STARTUP) trace.push(`${performance.now().toFixed(1)}\t${phase}`);
}
mark('lab module loaded');

function writeTrace(): void {
	const file = process.env.LAYERLAB_TRACE_STARTUP;
	if (!file || trace.length === 0) return;
	void import('node:fs').then(fs => fs.writeFileSync(file, trace.join('\n') + '\n'));
}

export async function playCommand(args: string[], flags: Flags): Promise<number> {
	if (!isInteractive(process.stdin, process.stdout)) {
		process.stderr.write(NOT_A_TTY);
		return 2;
	}
	// Every module the first frame needs, asked for at once: the loader reads their files together.
	const [{detectLanguage}, {scenarioApi, progressFile}, {render}, {App}] = await Promise.all([
		import('../scenario/lang.js'),
		import('../lab/scenario-api.js'),
		import('ink'),
		import('./App.js'),
	]);
	mark('modules loaded');
	const lang = detectLanguage(flags.lang);
	const color = colorEnabled(flags.color, process.env);
	const api = await scenarioApi({progressFile: progressFile(), ...(flags.seed === undefined ? {} : {seed: flags.seed}), preload: flags.preload, lang});

	mark('scenarios ready');
	let initial: LabModel | undefined;
	if (args[0] !== undefined) {
		try {
			const scenario = await api.find(args[0]);
			const layout = computeLayout(process.stdout.columns || 80, process.stdout.rows || 24);
			initial = await api.open(scenario, paneInner(layout, 'terminal')?.width ?? 78);
			mark('lab opened');
		} catch (error) {
			const message = error instanceof Error ? ('text' in error && typeof error.text === 'function' ? String(error.text(lang)) : error.message) : String(error);
			process.stderr.write(terminalSafe(`layerlab: ${message}\n`));
			for (const notice of api.notices) process.stderr.write(terminalSafe(notice + '\n'));
			return error instanceof Error && error.name === 'ScenarioNotFound' ? 2 : 1;
		}
	}

	const screen = fullScreen(process.stdout);
	let instance: Instance | undefined;
	const report = (error: unknown) => process.stderr.write(terminalSafe(`layerlab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
	const guard = guardExit(screen, () => instance?.unmount(), report);
	screen.enter();
	let code = 0;
	try {
		let frames = 0;
		instance = render(createElement(App, {api, lang, color, ...(initial ? {initial} : {})}), {
			...RENDER_OPTIONS,
			onRender: () => {
				if (frames++ === 0) {
					mark('first frame');
					writeTrace();
				}
			},
		});
		await instance.waitUntilExit();
		await api.flushed?.();
	} catch (error) {
		screen.leave();
		report(error);
		code = 1;
	} finally {
		screen.leave();
		guard.dispose();
	}
	for (const notice of api.notices) process.stderr.write(terminalSafe(notice + '\n'));
	return code;
}
