import {clonePlain, type Tree, type World} from './world.js';
import {seedState} from './random.js';
import {buildCatalog, type ImageDefinition} from './build.js';
import {ancestors} from './path.js';
import {withMtime} from './fsapi.js';

export interface WorldOptions {
	seed: number;
	definitions: ImageDefinition[];
	/** Host files by absolute path (directories included or implied). */
	hostFiles: Tree;
	cwd: string;
	home: string;
	user: string;
	/** Start with every catalog image already local. */
	preload: boolean;
	/** Virtual time at the start, ms since the epoch. */
	startTime: number;
}

/** The lab's fixed starting instant: the clock is state, never the real time. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);

export function createWorld(options: WorldOptions): World {
	const world: World = {
		seed: options.seed,
		rng: seedState(options.seed),
		clock: options.startTime,
		layers: {},
		images: {},
		registry: {},
		containers: {},
		volumes: {},
		host: {
			cwd: options.cwd,
			home: options.home,
			user: options.user,
			files: {},
			vars: {
				HOME: options.home,
				USER: options.user,
				PWD: options.cwd,
				PATH: '/usr/local/bin:/usr/bin:/bin',
				SHELL: '/bin/bash',
			},
			exported: ['HOME', 'USER', 'PWD', 'PATH', 'SHELL'],
			lastStatus: 0,
		},
		nextPid: 1000,
		serial: 0,
	};
	const files: Tree = {};
	// The host's files were there when the lab started: they carry its starting time.
	const at = options.startTime;
	for (const dir of ['/tmp', '/home', options.home, options.cwd]) {
		for (const path of [...ancestors(dir), dir]) files[path] ??= {kind: 'dir', mode: path === '/tmp' ? 0o1777 : 0o755, mtime: at};
	}
	for (const [path, entry] of Object.entries(options.hostFiles)) {
		for (const dir of ancestors(path)) files[dir] ??= {kind: 'dir', mode: 0o755, mtime: at};
		files[path] = withMtime(clonePlain(entry), (entry.kind !== 'whiteout' ? entry.mtime : undefined) ?? at);
	}
	world.host.files = files;
	buildCatalog(world, options.preload ? options.definitions.map(definition => ({...definition, local: true})) : options.definitions);
	return world;
}
