/** `docker …` on the learner's host: parse like the real CLI, then run the simulated command. */
import {parseDocker, type ParsedCommand} from './parse.js';
import type {DockerContext} from './io.js';
import {runOrCreate} from './commands/run.js';
import * as container from './commands/container.js';
import * as image from './commands/image.js';
import * as volume from './commands/volume.js';
import {build, isLegacyBuild, LEGACY_BUILDER_NOTICE} from './commands/build.js';

type Handler = (ctx: DockerContext, command: ParsedCommand) => number;

const HANDLERS: Record<string, Handler> = {
	'container run': (ctx, command) => runOrCreate(ctx, command, true),
	'container create': (ctx, command) => runOrCreate(ctx, command, false),
	'container start': container.start,
	'container stop': container.stop,
	'container restart': container.restart,
	'container rm': container.rm,
	'container ls': container.ls,
	'container logs': container.logs,
	'container exec': container.exec,
	'container cp': container.cp,
	'container diff': container.diff,
	'container inspect': (ctx, command) => container.inspect(ctx, command, 'container'),
	'container commit': container.commit,
	'container prune': container.prune,
	'image pull': image.pull,
	'image ls': image.imageLs,
	'image history': image.history,
	'image inspect': image.imageInspectCommand,
	'image rm': image.imageRm,
	'image build': build,
	'volume create': volume.volumeCreate,
	'volume ls': volume.volumeLs,
	'volume inspect': volume.volumeInspectCommand,
	'volume rm': volume.volumeRm,
	'volume prune': volume.volumePrune,
	inspect: (ctx, command) => container.inspect(ctx, command, 'any'),
};

/** The commands layerlab simulates (what `verify --docker` may run for real). */
export const SIMULATED = Object.keys(HANDLERS);

export function runDocker(ctx: DockerContext, argv: string[]): number {
	if (isLegacyBuild(argv)) ctx.io.err(LEGACY_BUILDER_NOTICE);
	const outcome = parseDocker(argv);
	if (outcome.kind === 'output') {
		ctx.io.out(outcome.stdout);
		ctx.io.err(outcome.stderr);
		return outcome.exitCode;
	}
	if (outcome.kind === 'unsupported') {
		ctx.io.err(
			`layerlab: \`docker ${outcome.path.join(' ')}\` is not simulated here. The lab simulates docker container (run, create, start, stop, restart, rm, ls, logs, exec, cp, diff, inspect, commit, prune), image (build, pull, ls, history, inspect, rm) and volume (create, ls, inspect, rm, prune).\n`,
		);
		return 1;
	}
	if (outcome.command.notices) {
		ctx.io.out(outcome.command.notices.stdout);
		ctx.io.err(outcome.command.notices.stderr);
	}
	const handler = HANDLERS[outcome.command.path.join(' ')];
	if (!handler) {
		ctx.io.err(`layerlab: \`docker ${outcome.command.path.join(' ')}\` is not simulated here.\n`);
		return 1;
	}
	return handler(ctx, outcome.command);
}
