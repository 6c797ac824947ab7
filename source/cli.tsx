/**
 * layerlab's entry point: reads flags and the subcommand, then hands over to one mode. Nothing else.
 * Heavy modules (the engine, Ink) are imported by the mode that needs them, so `--help` is instant.
 */
import meow from 'meow';

const cli = meow(
	`
  Usage
    $ layerlab                       pick a scenario and start the lab (full screen)
    $ layerlab script [FILE]         run command lines headless (stdin when no FILE)
    $ layerlab list                  the scenarios, with your progress

  Options
    --seed N        seed for ids, names and random numbers (default 1)
    --preload       start with every image of the course already pulled
    --lang en|ko    language of the lessons
    --no-color      no colours (NO_COLOR works too)

  Examples
    $ layerlab script lesson.txt
    $ echo 'docker container run --name rn1 diamol/ch06-random-number' | layerlab script
`,
	{
		importMeta: import.meta,
		flags: {
			seed: {type: 'number', default: 1},
			preload: {type: 'boolean', default: false},
			lang: {type: 'string'},
			color: {type: 'boolean', default: true},
			scenario: {type: 'string'},
		},
	},
);

async function main(): Promise<number> {
	const [command = '', ...rest] = cli.input;
	switch (command) {
		case 'script': {
			const {scriptCommand} = await import('./lab/script-command.js');
			return scriptCommand({file: rest[0], seed: cli.flags.seed, preload: cli.flags.preload});
		}
		default:
			process.stderr.write(`layerlab: unknown command "${command}". Run 'layerlab --help' for the commands.\n`);
			return 2;
	}
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
