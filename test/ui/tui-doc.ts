/**
 * Keeps docs/TUI.md's key reference equal to the key table: `npx tsx test/ui/tui-doc.ts` rewrites
 * the part between the markers (keys.test.ts fails when it is stale).
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {keyReferenceMarkdown} from '../../source/ui/keys.js';

export const START = '<!-- keys:start -->';
export const END = '<!-- keys:end -->';

export function withKeyReference(doc: string): string {
	const start = doc.indexOf(START);
	const end = doc.indexOf(END);
	if (start < 0 || end < start) throw new Error(`docs/TUI.md needs ${START} and ${END}`);
	return doc.slice(0, start + START.length) + '\n' + keyReferenceMarkdown() + doc.slice(end);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = new URL('../../docs/TUI.md', import.meta.url);
	writeFileSync(file, withKeyReference(readFileSync(file, 'utf8')));
}
