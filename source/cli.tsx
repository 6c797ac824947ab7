/**
 * layerlab's entry point: reads flags and the subcommand, then hands over to one mode. Nothing else.
 * Each mode is imported only when chosen, so `--help` and `script` never load Ink.
 */
import meow from 'meow';

const cli = meow(
	`
  Usage
    $ layerlab                         pick a scenario and start the lab (full screen)
    $ layerlab play ID|FILE            open one scenario directly
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
    --lang en|ko      language of the lessons (default: from the locale)
    --no-color        no colours (NO_COLOR works too)
    --json            (progress) machine-readable output

  Scenarios also load from folders or files named in $LAYERLAB_SCENARIOS (separated by ':').

  Examples
    $ layerlab script lesson.txt
    $ echo 'docker container run --name rn1 diamol/ch06-random-number' | layerlab script
`,
	{
		importMeta: import.meta,
		flags: {
			seed: {type: 'number'},
			preload: {type: 'boolean', default: false},
			scenario: {type: 'string'},
			lang: {type: 'string'},
			color: {type: 'boolean', default: true},
			json: {type: 'boolean', default: false},
			docker: {type: 'boolean', default: false},
		},
	},
);

export type Flags = typeof cli.flags;

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
	const [command = '', ...rest] = cli.input;
	const load = Object.hasOwn(MODES, command) ? MODES[command] : undefined;
	if (!load) {
		process.stderr.write(`layerlab: unknown command "${command}". Run 'layerlab --help' for the commands.\n`);
		return 2;
	}
	const mode = await load();
	return mode(command === '' ? [] : rest, cli.flags);
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
