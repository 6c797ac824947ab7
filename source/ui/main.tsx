/**
 * `layerlab` and `layerlab play ID|FILE`: the full-screen lab. Checks the terminal, finds the
 * scenario, enters the alternate screen, runs the App, and restores the terminal on every way out.
 */
import React from 'react';
import {render, type Instance} from 'ink';
import {setAutoFreeze} from 'immer';
import type {Flags} from '../cli.js';
import {App} from './App.js';
import {fullScreen, guardExit, isInteractive, NOT_A_TTY} from './terminal.js';
import {colorEnabled} from './theme.js';

export async function playCommand(args: string[], flags: Flags): Promise<number> {
	if (!isInteractive(process.stdin, process.stdout)) {
		process.stderr.write(NOT_A_TTY);
		return 2;
	}
	// Shipped build: no deep freezing of the world (perf.md: 1.4–10x faster produce).
	setAutoFreeze(false);
	const scenario = await import('../scenario/index.js');
	const {scenarioApi} = await import('./scenario-api.js');
	const lang = scenario.detectLanguage(flags.lang);
	const color = colorEnabled(flags.color, process.env);
	const api = scenarioApi({progressFile: scenario.progressPath(), ...(flags.seed === undefined ? {} : {seed: flags.seed}), preload: flags.preload});

	let initial: import('../scenario/types.js').Scenario | undefined;
	if (args[0] !== undefined) {
		try {
			initial = scenario.findScenario(args[0]);
		} catch (error) {
			process.stderr.write(`layerlab: ${error instanceof Error ? error.message : String(error)}\n`);
			return error instanceof scenario.ScenarioNotFound ? 2 : 1;
		}
	}

	const screen = fullScreen(process.stdout);
	let instance: Instance | undefined;
	const report = (error: unknown) => process.stderr.write(`layerlab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	const guard = guardExit(screen, () => instance?.unmount(), report);
	screen.enter();
	let code = 0;
	try {
		instance = render(<App api={api} lang={lang} color={color} {...(initial ? {initial} : {})} />, {
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: process.env.LAYERLAB_INCREMENTAL === "1",
		});
		await instance.waitUntilExit();
	} catch (error) {
		screen.leave();
		report(error);
		code = 1;
	} finally {
		screen.leave();
		guard.dispose();
	}
	for (const notice of api.notices) process.stderr.write(notice + '\n');
	return code;
}
