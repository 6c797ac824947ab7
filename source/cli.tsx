/**
 * layerlab's entry point: reads flags and the subcommand (cli-args.ts), then hands over to one mode.
 * Nothing else. Each mode is imported only when chosen, so `--help` and `script` never load Ink. Flags
 * are read with Node's own util.parseArgs: a flag library cost 50–60 ms of start-up (docs/PERFORMANCE.md).
 */
import {readArgs} from './cli-args.js';
import type {Flags} from './flags.js';
import {safeText} from './text/safe.js';

type Mode = (args: string[], flags: Flags) => Promise<number>;

/** Subcommand → the module that runs it (loaded on demand). */
const MODES: Record<string, () => Promise<Mode>> = {
	'': async () => (await import('./ui/main.js')).playCommand,
	play: async () => (await import('./ui/main.js')).playCommand,
	script: async () => (await import('./lab/script-command.js')).scriptCommand,
	list: async () => (await import('./scenario/commands.js')).listCommand,
	validate: async () => (await import('./scenario/commands.js')).validateCommand,
	check: async () => (await import('./scenario/commands.js')).checkCommand,
	progress: async () => (await import('./scenario/commands.js')).progressCommand,
	verify: async () => (await import('./verify/command.js')).verifyCommand,
};

async function main(): Promise<number> {
	const read = readArgs(process.argv.slice(2));
	if ('exit' in read) {
		if (read.stdout) process.stdout.write(read.stdout);
		if (read.stderr) process.stderr.write(read.stderr);
		return read.exit;
	}
	// `--no-color` in the lab: chalk (inside Ink) reads FORCE_COLOR once, when its module loads, and
	// without it the flag would turn every style off, the prompt's cursor (inverse) included.
	// FORCE_COLOR=1 keeps bold and inverse; the theme uses no colour. Set before any mode loads Ink.
	if (!read.flags.color && (read.command === '' || read.command === 'play')) process.env.FORCE_COLOR = '1';
	const mode = await MODES[read.command]!();
	return mode(read.args, read.flags);
}

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`layerlab: ${safeText(error instanceof Error ? error.message : String(error))}\n`);
		process.exitCode = 1;
	},
);
