/** `docker …` on the learner's host: parse like the real CLI, then run the command's row of the registry. */
import {parseDocker, type UnknownCommand} from './parse.js';
import type {DockerContext} from './io.js';
import {isLegacyBuild, LEGACY_BUILDER_NOTICE} from './commands/build.js';
import {DOCKER_COMMANDS, elsewherePath, handlerOf, notSimulatedLine} from './registry.js';
import {COMMAND_TREE, type CommandNode} from './recorded/cli-spec.js';

/** The commands layerlab simulates (what `verify --docker` may run for real). */
export const SIMULATED: readonly string[] = DOCKER_COMMANDS.filter(row => row.run).map(row => row.path);

export function runDocker(ctx: DockerContext, argv: string[]): number {
	if (isLegacyBuild(argv)) ctx.io.err(LEGACY_BUILDER_NOTICE);
	const outcome = parseDocker(argv);
	if (outcome.kind === 'output') {
		const elsewhere = outcome.unknown && elsewherePath([...outcome.unknown.parent, ...outcome.unknown.words]);
		if (elsewhere) {
			// a CLI plugin (compose, buildx): the learner's Docker has it, the lab does not
			ctx.io.err(notSimulatedLine(elsewhere));
			return 1;
		}
		ctx.io.out(outcome.stdout);
		ctx.io.err(outcome.stderr);
		const guess = outcome.unknown && suggestion(outcome.unknown);
		if (guess) ctx.io.err(`layerlab: did you mean \`docker ${guess.join(' ')}\`?\n`);
		return outcome.exitCode;
	}
	if (outcome.kind === 'unsupported') {
		ctx.io.err(notSimulatedLine(outcome.path));
		return 1;
	}
	if (outcome.command.notices) {
		ctx.io.out(outcome.command.notices.stdout);
		ctx.io.err(outcome.command.notices.stderr);
	}
	const path = outcome.command.path;
	const handler = handlerOf(path.join(' '));
	if (!handler) {
		ctx.io.err(notSimulatedLine(path));
		return 1;
	}
	return handler(ctx, outcome.command);
}

/** the nearest command to a mistyped one (`contianer ls` -> `container ls`), or nothing when none is close */
function suggestion(unknown: UnknownCommand): string[] | undefined {
	let node: CommandNode = COMMAND_TREE;
	for (const name of unknown.parent) node = node.children?.find(c => c.name === name) ?? node;
	const [word = '', next] = unknown.words;
	const near = nearest(node, word);
	if (!near) return undefined;
	const guess = [...unknown.parent, near.name];
	if (next !== undefined && near.children) {
		const child = near.children.find(c => c.name === next || (c.aliases ?? []).includes(next)) ?? nearest(near, next);
		if (child) guess.push(child.name);
	}
	return guess;
}

function nearest(node: CommandNode, word: string): CommandNode | undefined {
	let best: {child: CommandNode; distance: number} | undefined;
	for (const child of node.children ?? []) {
		if (child.name.startsWith('__')) continue;
		for (const name of [child.name, ...(child.aliases ?? [])]) {
			const distance = levenshtein(word.toLowerCase(), name);
			if (distance <= Math.max(1, Math.floor(name.length / 3)) && (!best || distance < best.distance)) best = {child, distance};
		}
	}
	return best?.child;
}

function levenshtein(a: string, b: string): number {
	let row = Array.from({length: b.length + 1}, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const next = [i];
		for (let j = 1; j <= b.length; j++) next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
		row = next;
	}
	return row[b.length] as number;
}
