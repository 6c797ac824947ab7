/**
 * Every file (or marked part of a file) the tree generates from source, in one table: `npm run gen`
 * rewrites them all and test/scripts/generated.test.ts fails when one is stale. A new generator is
 * one row here. (The recorded Docker CLI texts need a real engine: scripts that record them live
 * apart, and the conformance test checks them.)
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {scenarioJsonSchemaText} from '../source/scenario/load/schema.js';
import {keyReferenceMarkdown} from '../source/ui/keys.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Generated {
	/** Relative to the repository root. */
	file: string;
	/** What the file should hold, given what it holds now (for generated parts of hand-written files). */
	make(current: string): string;
}

const KEYS_START = '<!-- keys:start -->';
const KEYS_END = '<!-- keys:end -->';

/** Replaces what lies between the key-reference markers with the table generated from ui/keys.ts. */
function withKeyReference(doc: string, file: string, headingLevel: number): string {
	const start = doc.indexOf(KEYS_START);
	const end = doc.indexOf(KEYS_END);
	if (start < 0 || end < start) throw new Error(`${file} needs ${KEYS_START} and ${KEYS_END}`);
	const table = keyReferenceMarkdown().replace(/^### /gm, '#'.repeat(headingLevel) + ' ');
	return doc.slice(0, start + KEYS_START.length) + '\n' + table + doc.slice(end);
}

export const GENERATED: readonly Generated[] = [
	{file: 'scenarios/scenario.schema.json', make: () => scenarioJsonSchemaText()},
	{file: 'docs/TUI.md', make: doc => withKeyReference(doc, 'docs/TUI.md', 3)},
	{file: 'README.md', make: doc => withKeyReference(doc, 'README.md', 4)},
];

export function current(entry: Generated): string {
	return readFileSync(path.join(ROOT, entry.file), 'utf8');
}
