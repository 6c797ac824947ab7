/**
 * The docker CLI and the host shell (docker/session, with the CLI's recorded specs and texts) are the
 * biggest part of the program and, like immer, are not needed to draw the first frame, so they load just after it
 * (main.tsx) — or before, when saved progress has to be replayed. Until then a command line waits.
 */
import type {World} from '../../engine/world.js';
import type {LineResult, TerminalOptions} from '../../docker/session.js';
import type * as CliSpec from '../../docker/recorded/cli-spec.js';
import type * as Immer from 'immer';

export type RunLine = (world: World, line: string, terminal: TerminalOptions) => LineResult;

let runLine: RunLine | undefined;
let spec: typeof CliSpec | undefined;
let immer: typeof Immer | undefined;
let loading: Promise<void> | undefined;

export function loadRunner(): Promise<void> {
	loading ??= Promise.all([import('../../docker/session.js'), import('../../docker/recorded/cli-spec.js'), import('immer')]).then(([session, cli, immerModule]) => {
		immerModule.enablePatches();
		// The shipped lab does not deep-freeze worlds (perf.md: 1.4–10x faster produce); tests turn it on.
		if (process.env.NODE_ENV === 'production') immerModule.setAutoFreeze(false);
		immer = immerModule;
		runLine = session.runLine;
		spec = cli;
	});
	return loading;
}

/** immer (patches enabled), once loaded: every world change goes through it. */
export function loadedImmer(): typeof Immer | undefined {
	return immer;
}

/** The shell's runLine, once loaded. */
export function loadedRunner(): RunLine | undefined {
	return runLine;
}

/** The recorded docker CLI spec (for Tab completion), once loaded. */
export function loadedCliSpec(): typeof CliSpec | undefined {
	return spec;
}
