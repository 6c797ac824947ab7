/**
 * YAML + zod with positions: every problem in a file is reported as `file:line:col: message`.
 * `yaml` keeps source ranges for every node; zod issues carry the path to the value, so each issue
 * is mapped back to the node (or, for an unknown key, the key itself) it is about.
 */
import {isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node} from 'yaml';
import type {z} from 'zod';

export interface Problem {
	file: string;
	line: number;
	col: number;
	message: string;
}

export function formatProblem(problem: Problem): string {
	return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}

export class LoadError extends Error {
	constructor(readonly problems: Problem[]) {
		super(problems.map(formatProblem).join('\n'));
	}
}

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** YAML aliases may expand at most this many nodes (a "billion laughs" file stops here). */
export const MAX_ALIAS_COUNT = 200;

export interface Located<T> {
	value: T;
	doc: Document;
	lines: LineCounter;
	/** Position of the node at `path` (or the closest ancestor that exists). */
	at(path: ReadonlyArray<PropertyKey>, key?: boolean): {line: number; col: number};
}

function nodeAt(doc: Document, path: ReadonlyArray<PropertyKey>, key: boolean): Node | undefined {
	let node: unknown = doc.contents;
	let found: Node | undefined = (node as Node | null) ?? undefined;
	for (let i = 0; i < path.length; i++) {
		const segment = path[i];
		if (isMap(node)) {
			const pair = node.items.find(item => isScalar(item.key) && String(item.key.value) === String(segment));
			if (!pair) return found;
			if (key && i === path.length - 1) return pair.key as Node;
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number') {
			node = node.items[segment];
		} else return found;
		if (isPair(node)) node = node.value;
		if (node && typeof node === 'object' && 'range' in (node as object)) found = node as Node;
		else return found;
	}
	return found;
}

/** Parses YAML text; throws LoadError with every syntax problem. */
export function parseYaml(file: string, text: string): Located<unknown> {
	const lines = new LineCounter();
	if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
		throw new LoadError([{file, line: 1, col: 1, message: `file is larger than ${MAX_FILE_BYTES / 1024} KiB`}]);
	}
	const doc = parseDocument(text, {lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true});
	const problems: Problem[] = doc.errors.map(error => {
		const pos = lines.linePos(error.pos[0]);
		return {file, line: pos.line, col: pos.col, message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')};
	});
	if (problems.length > 0) throw new LoadError(problems);
	let value: unknown;
	try {
		value = doc.toJS({maxAliasCount: MAX_ALIAS_COUNT});
	} catch (error) {
		throw new LoadError([{file, line: 1, col: 1, message: error instanceof Error ? error.message : String(error)}]);
	}
	const at = (path: ReadonlyArray<PropertyKey>, key = false) => {
		const node = nodeAt(doc, path, key);
		const offset = node?.range?.[0] ?? 0;
		const pos = lines.linePos(offset);
		return {line: pos.line, col: pos.col};
	};
	return {value, doc, lines, at};
}

/** Turns zod issues into positioned problems. `hint` may improve a message (e.g. did-you-mean). */
export function zodProblems(file: string, located: Located<unknown>, error: z.ZodError, hint?: (issue: z.core.$ZodIssue) => string | undefined): Problem[] {
	const problems: Problem[] = [];
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				const pos = located.at([...issue.path, key], true);
				problems.push({file, ...pos, message: hint?.({...issue, keys: [key]}) ?? `unknown key "${key}"`});
			}
			continue;
		}
		const pos = located.at(issue.path);
		const where = issue.path.length > 0 ? issue.path.join('.') + ': ' : '';
		problems.push({file, ...pos, message: hint?.(issue) ?? where + issue.message});
	}
	return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}
