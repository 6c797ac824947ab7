/**
 * Tab completion at the prompt: docker's subcommands (the ones layerlab simulates) and their flags
 * from the recorded CLI spec, container / image / volume names where the command takes them,
 * `container:path` inside a container for `cp`, and host paths for everything else.
 */
import type {World} from '../engine/index.js';
import {listMerged, findContainer, childNames, bytewise, normalizePath} from '../engine/screen.js';
import type {CommandNode, FlagSpec} from '../docker/recorded/cli-spec.js';
import {loadedCliSpec, loadedCommandNames} from '../lab/model/runner.js';

export interface Completion {
	/** The new line and cursor (unchanged when nothing completes). */
	line: string;
	cursor: number;
	/** What could follow, when there is more than one choice. */
	candidates: string[];
}

let hostCommands: string[] | undefined;

/** What the host shell can run, read from the programs registry (builtins and programs); none until the shell has loaded. */
function commandNames(): string[] {
	const names = loadedCommandNames();
	if (!names) return [];
	hostCommands ??= [...new Set(names('host'))].sort(bytewise);
	return hostCommands;
}

function simulated(node: CommandNode): boolean {
	return Boolean(node.command) || Boolean(node.children?.some(simulated));
}

function childOf(node: CommandNode, word: string): CommandNode | undefined {
	return node.children?.find(child => child.name === word || child.aliases?.includes(word));
}

type ArgKind = 'container' | 'container-path' | 'image-local' | 'image-any' | 'volume' | 'none';

/** What the n-th positional argument of a simulated command is. */
function positionalKind(command: string, index: number): ArgKind {
	switch (command) {
		case 'container run':
		case 'container create':
			return index === 0 ? 'image-any' : 'none';
		case 'image pull':
			return index === 0 ? 'image-any' : 'none';
		case 'image rm':
		case 'image inspect':
		case 'image history':
			return 'image-local';
		case 'container exec':
		case 'container commit':
			return index === 0 ? 'container' : 'none';
		case 'container cp':
			return 'container-path';
		case 'container ls':
		case 'image ls':
		case 'volume ls':
		case 'volume create':
		case 'volume prune':
		case 'container prune':
			return 'none';
		case 'volume rm':
		case 'volume inspect':
			return 'volume';
		case 'inspect':
			return 'container';
		default:
			return command.startsWith('container ') ? 'container' : 'none';
	}
}

function flagValueKind(flag: FlagSpec | undefined): ArgKind | 'path' | 'volume-spec' {
	if (!flag) return 'none';
	if (flag.name === 'volumes-from') return 'container';
	if (flag.name === 'volume') return 'volume-spec';
	return 'none';
}

function findFlag(flags: readonly FlagSpec[], word: string): FlagSpec | undefined {
	if (word.startsWith('--')) return flags.find(flag => flag.name === word.slice(2).split('=')[0]);
	if (word.startsWith('-') && word.length >= 2) return flags.find(flag => flag.shorthand === word.at(-1));
	return undefined;
}

function takesValue(flag: FlagSpec | undefined, word: string): boolean {
	return Boolean(flag && flag.kind !== 'bool' && !word.includes('='));
}

function containerNames(world: World): string[] {
	return Object.values(world.containers)
		.map(container => container.name)
		.sort(bytewise);
}

function localImages(world: World): string[] {
	return [...new Set(Object.values(world.images).flatMap(image => image.repoTags.flatMap(tag => (tag.endsWith(':latest') ? [tag.slice(0, -7), tag] : [tag]))))].sort(bytewise);
}

function anyImages(world: World): string[] {
	return [...new Set([...localImages(world), ...Object.keys(world.registry).map(ref => (ref.endsWith(':latest') ? ref.slice(0, -7) : ref))])].sort(bytewise);
}

function volumeNames(world: World): string[] {
	return Object.values(world.volumes)
		.filter(volume => !volume.anonymous)
		.map(volume => volume.name)
		.sort(bytewise);
}

/** Host paths under the learner's working directory (`dir/` for folders). */
function hostPaths(world: World, word: string): string[] {
	const slash = word.lastIndexOf('/');
	const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
	const base = dirPart === '' ? world.host.cwd : normalizePath(dirPart.replace(/^~(?=\/|$)/, world.host.home), world.host.cwd);
	const entry = base === '/' ? {kind: 'dir'} : world.host.files[base];
	if (!entry || entry.kind !== 'dir') return [];
	return childNames(world.host.files, base)
		.sort(bytewise)
		.map(name => {
			const full = base === '/' ? '/' + name : base + '/' + name;
			return dirPart + name + (world.host.files[full]?.kind === 'dir' ? '/' : '');
		});
}

/** `name:/path` inside a container's merged view. */
function containerPaths(world: World, word: string): string[] {
	const colon = word.indexOf(':');
	if (colon < 0) return containerNames(world).map(name => name + ':');
	let container;
	try {
		container = findContainer(world, word.slice(0, colon));
	} catch {
		return [];
	}
	if (!container) return [];
	const path = word.slice(colon + 1) || '/';
	const slash = path.lastIndexOf('/');
	const dir = slash <= 0 ? '/' : path.slice(0, slash);
	try {
		return listMerged(world, container, dir).map(found => `${word.slice(0, colon)}:${found.path}${found.entry.kind === 'dir' ? '/' : ''}`);
	} catch {
		return [];
	}
}

function commonPrefix(list: string[]): string {
	if (list.length === 0) return '';
	let prefix = list[0]!;
	for (const item of list) while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}

/** The choices for the word being typed, given the words before it. */
export function candidatesFor(world: World, words: string[], current: string): string[] {
	if (words.length === 0) return commandNames().filter(name => name.startsWith(current));
	const [program, ...args] = words;
	if (program !== 'docker') return hostPaths(world, current).filter(path => path.startsWith(current));
	const spec = loadedCliSpec();
	if (!spec) return [];
	const {COMMAND_TREE, COMMANDS, GLOBAL_FLAGS} = spec;
	let node: CommandNode = COMMAND_TREE;
	let flags: readonly FlagSpec[] = GLOBAL_FLAGS;
	let positionals = 0;
	let pendingFlag: FlagSpec | undefined;
	let commandKey = '';
	for (const word of args) {
		if (pendingFlag) {
			pendingFlag = undefined;
			continue;
		}
		if (word.startsWith('-')) {
			const flag = findFlag(flags, word);
			if (takesValue(flag, word)) pendingFlag = flag;
			continue;
		}
		const child = commandKey === '' || node.children ? childOf(node, word) : undefined;
		if (child && positionals === 0) {
			node = child;
			if (child.command) {
				commandKey = child.command;
				flags = COMMANDS[child.command]?.flags ?? [];
			}
			continue;
		}
		positionals++;
	}
	const filter = (list: string[]) => list.filter(item => item.startsWith(current));
	if (pendingFlag) {
		const kind = flagValueKind(pendingFlag);
		if (kind === 'container') return filter(containerNames(world));
		if (kind === 'volume-spec') {
			if (current.startsWith('/') || current.startsWith('.') || current.startsWith('~') || current.startsWith('$')) return filter(hostPaths(world, current));
			return filter(volumeNames(world).map(name => name + ':'));
		}
		return [];
	}
	if (current.startsWith('-')) {
		const names = flags.filter(flag => !flag.hidden && !flag.deprecated).map(flag => '--' + flag.name);
		return filter(names.sort(bytewise));
	}
	if (!commandKey && node.children && positionals === 0) {
		return filter(node.children.filter(simulated).map(child => child.name));
	}
	switch (positionalKind(commandKey, positionals)) {
		case 'container':
			return filter(containerNames(world));
		case 'container-path':
			return current.startsWith('/') || current.startsWith('.')
				? filter(hostPaths(world, current))
				: filter([...containerPaths(world, current), ...(current.includes(':') ? [] : hostPaths(world, current))]);
		case 'image-local':
			return filter(localImages(world));
		case 'image-any':
			return filter(anyImages(world));
		case 'volume':
			return filter(volumeNames(world));
		case 'none':
			return [];
	}
}

/** Completes the word before the cursor. */
export function complete(world: World, line: string, cursor: number): Completion {
	const before = line.slice(0, cursor);
	const after = line.slice(cursor);
	const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
	const current = before.slice(start);
	// Only the current command of a `a && b; c` line counts.
	const segment =
		before
			.slice(0, start)
			.split(/&&|\|\||;|\|/)
			.at(-1) ?? '';
	const words = segment.split(/\s+/).filter(Boolean);
	const candidates = candidatesFor(world, words, current);
	if (candidates.length === 0) return {line, cursor, candidates: []};
	if (candidates.length === 1) {
		const only = candidates[0]!;
		const suffix = only.endsWith('/') || only.endsWith(':') || after.startsWith(' ') ? '' : ' ';
		const text = before.slice(0, start) + only + suffix;
		return {line: text + after, cursor: text.length, candidates: []};
	}
	const prefix = commonPrefix(candidates);
	if (prefix.length > current.length) {
		const text = before.slice(0, start) + prefix;
		return {line: text + after, cursor: text.length, candidates};
	}
	return {line, cursor, candidates};
}
