/**
 * layerlab's entry point: reads flags and the subcommand, then hands over to one mode. Nothing else.
 * Each mode is imported only when chosen, so `--help` and `script` never load Ink. Flags are read
 * with Node's own util.parseArgs: a flag library cost 50–60 ms of start-up (docs/PERFORMANCE.md).
 */
import {parseArgs} from 'node:util';
import type {Flags} from './flags.js';
import {isLang, unknownLanguage} from './lab/messages.js';

const HELP = `
  Usage
    $ layerlab                         pick a scenario and start the lab (full screen)
    $ layerlab play ID|FILE            open one scenario directly
    $ layerlab play sandbox            a free lab: no lesson, no checks, its own saved state
    $ layerlab list                    the scenarios, with your progress
    $ layerlab script [FILE]           run command lines headless (stdin when no FILE)
    $ layerlab validate FILE...        check scenario files (file:line:col: problem)
    $ layerlab check [ID|FILE...]      run every step's solution and assert its checks
    $ layerlab progress --json         your saved progress, for a workshop instructor
    $ layerlab verify --docker [ID|FILE...]
                                       replay scenarios on a real Docker engine and compare

  Options
    --seed N          seed for ids, names and random numbers (default 1)
    --preload         start with every image of the course already pulled
    --scenario ID     (script) start from a scenario's world
    --lang en|ko      language of the lessons and the lab (default: from the locale)
    --no-color        no colours (NO_COLOR works too)
    --json            (list, check, progress) machine-readable output
    --help, --version

  Scenarios also load from folders or files named in $LAYERLAB_SCENARIOS (separated by ':').

  Examples
    $ layerlab script lesson.txt
    $ echo 'docker container run --name rn1 diamol/ch06-random-number' | layerlab script
`;

const VERSION = '0.1.0';

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

/** Reads argv into the subcommand, its arguments and the flags; a bad flag is one line. */
export function readArgs(argv: string[]): {command: string; args: string[]; flags: Flags} | {exit: number; stdout?: string; stderr?: string} {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				seed: {type: 'string'},
				preload: {type: 'boolean'},
				scenario: {type: 'string'},
				lang: {type: 'string'},
				color: {type: 'boolean'},
				'no-color': {type: 'boolean'},
				json: {type: 'boolean'},
				docker: {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
				version: {type: 'boolean', short: 'v'},
			},
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
		const text = unknown ? `unknown option ${unknown}` : message.split('\n')[0]!.replace(/\.$/, '');
		return {exit: 2, stderr: `layerlab: ${text}. Run 'layerlab --help' for the options.\n`};
	}
	const {values, positionals} = parsed;
	if (values.help) return {exit: 0, stdout: HELP};
	if (values.version) return {exit: 0, stdout: VERSION + '\n'};
	let seed: number | undefined;
	if (values.seed !== undefined) {
		seed = Number(values.seed);
		if (!Number.isInteger(seed) || seed < 0) return {exit: 2, stderr: `layerlab: --seed takes a whole number, not "${values.seed}"\n`};
	}
	if (values.lang !== undefined && !isLang(values.lang.toLowerCase())) return {exit: 2, stderr: unknownLanguage(values.lang)};
	const [command = '', ...args] = positionals;
	return {
		command,
		args,
		flags: {
			seed,
			preload: values.preload ?? false,
			scenario: values.scenario,
			lang: values.lang,
			color: !(values['no-color'] ?? false) && (values.color ?? true),
			json: values.json ?? false,
			docker: values.docker ?? false,
		},
	};
}

async function main(): Promise<number> {
	const read = readArgs(process.argv.slice(2));
	if ('exit' in read) {
		if (read.stdout) process.stdout.write(read.stdout);
		if (read.stderr) process.stderr.write(read.stderr);
		return read.exit;
	}
	const load = Object.hasOwn(MODES, read.command) ? MODES[read.command] : undefined;
	if (!load) {
		process.stderr.write(`layerlab: unknown command "${read.command}". Run 'layerlab --help' for the commands.\n`);
		return 2;
	}
	const mode = await load();
	return mode(read.args, read.flags);
}

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`layerlab: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	},
);
