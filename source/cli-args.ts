/**
 * The command line read into one mode: the subcommand, its arguments and the flags. Every bad value
 * is one line (Docker's `invalid argument "x" for "--seed" flag` shape) and exit status 2: unknown
 * flags for a mode, extra arguments, seeds outside 0–2^31−1 (`''`, `0x10`, `1e3` are not seeds), an
 * unknown language. Kept apart from cli.tsx so that tests and modes can import it without running it.
 */
import {parseArgs} from 'node:util';
import {safeText} from './text/safe.js';
import type {Flags} from './flags.js';

export const HELP = `
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

export const VERSION = '0.1.0';

/** The largest seed: lesson files cap theirs at 2^31−1 too, so every seed names one world. */
export const MAX_SEED = 2 ** 31 - 1;

/** The languages the lessons and the lab are written in. */
export const LANGUAGES = ['en', 'ko'];

type FlagName = 'seed' | 'preload' | 'scenario' | 'lang' | 'color' | 'no-color' | 'json' | 'docker';

/** What each mode accepts: its flags and how many arguments (Infinity: any number). */
const MODE_RULES: Record<string, {flags: FlagName[]; args: number; usage: string}> = {
	'': {flags: ['seed', 'preload', 'lang', 'color', 'no-color'], args: 0, usage: 'layerlab'},
	play: {flags: ['seed', 'preload', 'lang', 'color', 'no-color'], args: 1, usage: 'layerlab play ID|FILE'},
	script: {flags: ['seed', 'preload', 'scenario'], args: 1, usage: 'layerlab script [FILE]'},
	list: {flags: ['lang', 'json', 'color', 'no-color'], args: Infinity, usage: 'layerlab list [FILE|FOLDER...]'},
	validate: {flags: ['json'], args: Infinity, usage: 'layerlab validate FILE...'},
	check: {flags: ['seed', 'json', 'color', 'no-color'], args: Infinity, usage: 'layerlab check [ID|FILE...]'},
	progress: {flags: ['lang', 'json'], args: 0, usage: 'layerlab progress [--json]'},
	verify: {flags: ['docker', 'json', 'color', 'no-color'], args: Infinity, usage: 'layerlab verify --docker [ID|FILE...]'},
};

/** One line for a bad value, Docker-style: what is wrong, then where the options are listed. */
function refuse(text: string): {exit: number; stderr: string} {
	return {exit: 2, stderr: `layerlab: ${safeText(text)}. See 'layerlab --help'.\n`};
}

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
		const text = unknown ? `unknown flag: ${unknown}` : message.split('\n')[0]!.replace(/\.$/, '');
		return refuse(text);
	}
	const {values, positionals} = parsed;
	if (values.help) return {exit: 0, stdout: HELP};
	if (values.version) return {exit: 0, stdout: VERSION + '\n'};
	const [command = '', ...args] = positionals;
	const rules = Object.hasOwn(MODE_RULES, command) ? MODE_RULES[command]! : undefined;
	if (!rules) return refuse(`unknown command "${command}"`);
	const name = command === '' ? 'the lab' : command;
	for (const flag of Object.keys(values) as FlagName[]) {
		if (flag === ('help' as FlagName) || flag === ('version' as FlagName)) continue;
		if (!rules.flags.includes(flag))
			return refuse(`unknown flag: --${flag} for ${name}${rules.flags.length > 0 ? ` (it takes ${rules.flags.map(item => `--${item}`).join(', ')})` : ''}`);
	}
	if (args.length > rules.args) {
		const extra = args.slice(rules.args).map(arg => `"${arg}"`);
		return refuse(`${name} takes ${rules.args === 0 ? 'no arguments' : `at most ${rules.args} argument`}, not ${extra.join(' ')} (usage: ${rules.usage})`);
	}
	let seed: number | undefined;
	if (values.seed !== undefined) {
		// Digits only: '' , 0x10, 1e3 and -1 are not seeds, and nothing wraps modulo 2^32.
		seed = /^[0-9]{1,10}$/.test(values.seed) ? Number(values.seed) : NaN;
		if (!Number.isSafeInteger(seed) || seed > MAX_SEED) return refuse(`invalid argument "${values.seed}" for "--seed" flag: a whole number from 0 to ${MAX_SEED}`);
	}
	if (values.lang !== undefined && !LANGUAGES.includes(values.lang)) {
		return refuse(`invalid argument "${values.lang}" for "--lang" flag: one of ${LANGUAGES.join(', ')}`);
	}
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
