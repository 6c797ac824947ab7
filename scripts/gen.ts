/** `npm run gen`: rewrites every generated file listed in scripts/generated.ts and names the ones that changed. */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {GENERATED, ROOT, current} from './generated.js';

for (const entry of GENERATED) {
	const before = current(entry);
	const after = entry.make(before);
	if (after === before) continue;
	writeFileSync(path.join(ROOT, entry.file), after);
	console.log(`updated ${entry.file}`);
}
