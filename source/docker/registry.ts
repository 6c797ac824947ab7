/**
 * The one table of docker commands. Everything else is derived from it: dispatch (which handler runs),
 * the line a command that is not simulated gets, the recorder's list (scripts/record-cli.mjs records the
 * help, usage and flags of every simulated row into recorded/, which parsing and tab completion read) and
 * the README's command list (scripts/gen-readme-docker.ts).
 *
 * Adding a command: its module under commands/, one row here, its test, its golden transcript.
 */
import type {ParsedCommand} from './parse.js';
import type {DockerContext} from './io.js';
import {runOrCreate} from './commands/run.js';
import * as container from './commands/container.js';
import * as image from './commands/image.js';
import * as volume from './commands/volume.js';
import {build} from './commands/build.js';
import {kill} from './commands/container/kill.js';
import {rename} from './commands/container/rename.js';
import {pause, unpause} from './commands/container/pause.js';
import {port} from './commands/container/port.js';
import {wait} from './commands/container/wait.js';
import {update} from './commands/container/update.js';
import {attach} from './commands/container/attach.js';
import {exportContainer} from './commands/container/export.js';
import {top} from './commands/container/top.js';
import {stats} from './commands/container/stats.js';
import {tag} from './commands/image/tag.js';
import * as imagePrune from './commands/image/prune.js';
import {load, save} from './commands/image/save.js';
import * as network from './commands/network/network.js';
import * as system from './commands/system/system.js';

type Handler = (ctx: DockerContext, command: ParsedCommand) => number;

interface DockerCommand {
	/** the canonical command path after `docker`, e.g. `container ls` */
	path: string;
	/** the top-level shortcuts that are the same command (`ps` for `container ls`) */
	shortcuts?: readonly string[];
	/** the simulation; a row without one is known but not simulated yet */
	run?: Handler;
}

export const DOCKER_COMMANDS: readonly DockerCommand[] = [
	{path: 'container run', shortcuts: ['run'], run: (ctx, command) => runOrCreate(ctx, command, true)},
	{path: 'container create', shortcuts: ['create'], run: (ctx, command) => runOrCreate(ctx, command, false)},
	{path: 'container start', shortcuts: ['start'], run: container.start},
	{path: 'container stop', shortcuts: ['stop'], run: container.stop},
	{path: 'container restart', shortcuts: ['restart'], run: container.restart},
	{path: 'container rm', shortcuts: ['rm'], run: container.rm},
	{path: 'container ls', shortcuts: ['ps'], run: container.ls},
	{path: 'container logs', shortcuts: ['logs'], run: container.logs},
	{path: 'container exec', shortcuts: ['exec'], run: container.exec},
	{path: 'container cp', shortcuts: ['cp'], run: container.cp},
	{path: 'container diff', shortcuts: ['diff'], run: container.diff},
	{path: 'container inspect', run: (ctx, command) => container.inspect(ctx, command, 'container')},
	{path: 'container commit', shortcuts: ['commit'], run: container.commit},
	{path: 'container prune', run: container.prune},
	{path: 'container kill', shortcuts: ['kill'], run: kill},
	{path: 'container rename', shortcuts: ['rename'], run: rename},
	{path: 'container pause', shortcuts: ['pause'], run: pause},
	{path: 'container unpause', shortcuts: ['unpause'], run: unpause},
	{path: 'container top', shortcuts: ['top'], run: top},
	{path: 'container port', shortcuts: ['port'], run: port},
	{path: 'container wait', shortcuts: ['wait'], run: wait},
	{path: 'container stats', shortcuts: ['stats'], run: stats},
	{path: 'container export', shortcuts: ['export'], run: exportContainer},
	{path: 'container update', shortcuts: ['update'], run: update},
	{path: 'container attach', shortcuts: ['attach'], run: attach},
	{path: 'image pull', shortcuts: ['pull'], run: image.pull},
	{path: 'image ls', shortcuts: ['images'], run: image.imageLs},
	{path: 'image history', shortcuts: ['history'], run: image.history},
	{path: 'image inspect', run: image.imageInspectCommand},
	{path: 'image rm', shortcuts: ['rmi'], run: image.imageRm},
	{path: 'image tag', shortcuts: ['tag'], run: tag},
	{path: 'image prune', run: imagePrune.prune},
	{path: 'image save', shortcuts: ['save'], run: save},
	{path: 'image load', shortcuts: ['load'], run: load},
	{path: 'image build', shortcuts: ['build'], run: build},
	{path: 'volume create', run: volume.volumeCreate},
	{path: 'volume ls', run: volume.volumeLs},
	{path: 'volume inspect', run: volume.volumeInspectCommand},
	{path: 'volume rm', run: volume.volumeRm},
	{path: 'volume prune', run: volume.volumePrune},
	{path: 'network ls', run: network.ls},
	{path: 'network inspect', run: network.inspect},
	{path: 'network create', run: network.create},
	{path: 'network rm', run: network.rm},
	{path: 'network connect', run: network.connect},
	{path: 'network disconnect', run: network.disconnect},
	{path: 'network prune', run: network.prune},
	{path: 'system df', run: system.df},
	{path: 'system prune', run: system.prune},
	{path: 'system info', shortcuts: ['info'], run: system.info},
	{path: 'version', run: system.version},
	{path: 'inspect', run: (ctx, command) => container.inspect(ctx, command, 'any')},
];

/**
 * What a single offline host cannot do, by the first word(s) after `docker`, and what the learner can do
 * instead. CLI plugins (compose, buildx, scout) are named here too: a learner's Docker has them.
 */
const ELSEWHERE: ReadonlyArray<{path: string; instead: string}> = [
	{path: 'compose', instead: 'start each container with `docker container run`'},
	{path: 'stack', instead: 'start each container with `docker container run`'},
	{path: 'swarm', instead: 'the lab is one host; start containers with `docker container run`'},
	{path: 'service', instead: 'the lab is one host; start containers with `docker container run`'},
	{path: 'node', instead: 'the lab is one host; `docker system info` describes it'},
	{path: 'secret', instead: 'pass settings with `docker container run -e NAME=value`'},
	{path: 'config', instead: 'pass settings with `docker container run -e NAME=value` or a bind mount'},
	{path: 'buildx', instead: 'use `docker image build`'},
	{path: 'builder', instead: 'use `docker image build`'},
	{path: 'login', instead: 'the lab has no registry account; images come from its offline catalog with `docker image pull`'},
	{path: 'logout', instead: 'the lab has no registry account; images come from its offline catalog with `docker image pull`'},
	{path: 'push', instead: 'the lab has no registry to push to; keep an image with `docker image tag` or `docker image save -o FILE`'},
	{path: 'image push', instead: 'the lab has no registry to push to; keep an image with `docker image tag` or `docker image save -o FILE`'},
	{path: 'search', instead: 'the lab is offline; `docker image ls` lists the images it has'},
	{path: 'context', instead: 'the lab has one engine, the one you are using'},
	{path: 'plugin', instead: 'the lab runs Docker without plugins'},
	{path: 'trust', instead: 'the lab has no registry to sign against'},
	{path: 'manifest', instead: 'the lab has no registry; `docker image inspect` shows an image'},
	{path: 'scout', instead: 'the lab is offline; `docker image history` shows what an image is made of'},
	{path: 'checkpoint', instead: "use `docker container commit` to keep a container's changes"},
];

const BY_PATH = new Map(DOCKER_COMMANDS.map(row => [row.path, row]));

export function handlerOf(path: string): Handler | undefined {
	return BY_PATH.get(path)?.run;
}

/** the simulated commands, canonical paths */
export function simulatedPaths(): string[] {
	return DOCKER_COMMANDS.filter(row => row.run).map(row => row.path);
}

/** `container: run, create, …` per management command, then the top-level ones */
function simulatedByGroup(): Array<{group: string; names: string[]}> {
	const groups = new Map<string, string[]>();
	for (const path of simulatedPaths()) {
		const words = path.split(' ');
		const group = words.length > 1 ? (words[0] as string) : '';
		groups.set(group, [...(groups.get(group) ?? []), words.at(-1) as string]);
	}
	return [...groups].map(([group, names]) => ({group, names}));
}

/** the lab's line for a command path it does not simulate */
export function notSimulatedLine(path: readonly string[]): string {
	const elsewhere = ELSEWHERE.filter(row => isPrefix(row.path.split(' '), path)).sort((a, b) => b.path.length - a.path.length)[0];
	const shown = `docker ${path.join(' ')}`;
	if (elsewhere) return `layerlab: \`${shown}\` is not simulated here: ${elsewhere.instead}.\n`;
	const groups = simulatedByGroup()
		.filter(g => g.group !== '')
		.map(g => `${g.group} (${g.names.join(', ')})`);
	const list = `${groups.slice(0, -1).join(', ')} and ${groups.at(-1)}`;
	return `layerlab: \`${shown}\` is not simulated here. The lab simulates docker ${list}.\n`;
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
	return prefix.length <= path.length && prefix.every((word, index) => path[index] === word);
}

/** the first words after `docker` that name something in ELSEWHERE (`compose up` -> ['compose']) */
export function elsewherePath(words: readonly string[]): string[] | undefined {
	const row = ELSEWHERE.filter(r => isPrefix(r.path.split(' '), words)).sort((a, b) => b.path.length - a.path.length)[0];
	return row?.path.split(' ');
}

/** README.md's list of docker commands (between its docker-commands markers; scripts/gen-readme-docker.mjs writes it) */
export function readmeCommandList(): string {
	const lines = simulatedByGroup().map(({group, names}) => (group === '' ? `- ${names.map(n => `\`docker ${n}\``).join(', ')}` : `- \`docker ${group}\` ${names.join(', ')}`));
	const shortcuts = DOCKER_COMMANDS.filter(row => row.run).flatMap(row => (row.shortcuts ?? []).map(s => `\`docker ${s}\``));
	lines.push(`- the short forms: ${shortcuts.join(', ')}`);
	const elsewhere = ELSEWHERE.map(row => `\`${row.path}\``).join(', ');
	lines.push(`- Not simulated, each with one \`layerlab:\` line saying what to do instead: ${elsewhere}; any other command names what the lab simulates.`);
	return lines.join('\n') + '\n';
}

export const README_BEGIN = '<!-- docker-commands: generated from source/docker/registry.ts by scripts/gen-readme-docker.mjs -->';
export const README_END = '<!-- /docker-commands -->';
