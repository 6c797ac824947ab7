import {existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** The package's `scenarios/` folder, found from this module whether bundled (dist/) or not (source/). */
export function builtinScenariosDir(): string {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 5; i++) {
		const candidate = path.join(dir, 'scenarios');
		if (existsSync(path.join(candidate, 'images'))) return candidate;
		dir = path.dirname(dir);
	}
	throw new Error('layerlab: cannot find its scenarios folder next to the program');
}
