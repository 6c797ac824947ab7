/** The learner's starting world: the chapter's host folders and the book's earlier images. */
import path from 'node:path';
import {type World, createWorld, DEFAULT_START_TIME, type ImageDefinition} from '../../engine/index.js';
import {loadCatalog, readTree} from './catalog.js';
import {builtinScenariosDir} from '../load/paths.js';

export const HOME = '/home/student';
export const START_DIR = '/home/student/diamol';

let catalogCache: ImageDefinition[] | undefined;

/** The built-in image catalog, read once per process. */
export function builtinCatalog(): ImageDefinition[] {
	catalogCache ??= loadCatalog(path.join(builtinScenariosDir(), 'images'), builtinScenariosDir());
	return catalogCache;
}

export interface DefaultWorldOptions {
	seed?: number;
	preload?: boolean;
}

export function defaultWorld(options: DefaultWorldOptions = {}): World {
	return createWorld({
		seed: options.seed ?? 1,
		definitions: builtinCatalog(),
		hostFiles: readTree(path.join(builtinScenariosDir(), 'host', 'diamol'), START_DIR),
		cwd: START_DIR,
		home: HOME,
		user: 'student',
		preload: options.preload ?? false,
		startTime: DEFAULT_START_TIME,
	});
}
