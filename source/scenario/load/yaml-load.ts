/**
 * YAML + zod with positions: every problem in a file is reported as `file:line:col: message`.
 * `yaml` keeps source ranges for every node; zod issues carry the path to the value, so each issue
 * is mapped back to the node (or, for an unknown key, the key itself) it is about. Messages are
 * written for people: `unknown key "hint" (did you mean "hints"?)`, `seed: expected an integer, got
 * a string`, never zod's own wording and never a stack trace.
 */
import {isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node} from 'yaml';
import type {z} from 'zod';
import {didYouMean} from './suggest.js';

export interface Problem {
	file: string;
	line: number;
	col: number;
	message: string;
}

export function formatProblem(problem: Problem): string {
	return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
	return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col));
}

export class LoadError extends Error {
	constructor(readonly problems: Problem[]) {
		super(problems.map(formatProblem).join('\n'));
		this.name = 'LoadError';
	}
}

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 1024 * 1024;
/**
 * YAML aliases may add at most this many nodes to a document once expanded (a "billion laughs"
 * file, where each anchor doubles the one before, stops here instead of eating the machine).
 */
export const MAX_ALIAS_NODES = 10_000;
/** Characters YAML aliases may add to a document once expanded (the file's own size limit). */
export const MAX_ALIAS_CHARS = 1024 * 1024;

export interface Position {
	line: number;
	col: number;
}

export interface Located<T> {
	value: T;
	doc: Document;
	lines: LineCounter;
	/** Position of the node at `path` (or the closest ancestor that exists); `key` asks for the key itself. */
	at(path: ReadonlyArray<PropertyKey>, key?: boolean): Position;
	/** Whether the node at `path` exists in the file (aliases followed). */
	has(path: ReadonlyArray<PropertyKey>): boolean;
	/** Whether the node at `path` is a flow map (`{a: 1, b: 2}`). */
	isFlowMap(path: ReadonlyArray<PropertyKey>): boolean;
}

/** Added to messages about a key with no value inside `{…}`: the usual cause is an unquoted comma. */
export const FLOW_COMMA_HINT = 'inside {…} a comma starts a new entry: put text with commas in quotes';

function nodeAt(doc: Document, path: ReadonlyArray<PropertyKey>, key: boolean): {node: Node | undefined; complete: boolean} {
	let node: unknown = doc.contents;
	let found: Node | undefined = (node as Node | null) ?? undefined;
	for (let i = 0; i < path.length; i++) {
		const segment = path[i];
		if (isAlias(node)) node = node.resolve(doc);
		if (isMap(node)) {
			const pair = node.items.find(item => isScalar(item.key) && String(item.key.value) === String(segment));
			if (!pair) return {node: found, complete: false};
			if (key && i === path.length - 1) return {node: pair.key as Node, complete: true};
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number') {
			node = node.items[segment];
		} else return {node: found, complete: false};
		if (isPair(node)) node = node.value;
		if (node && typeof node === 'object' && 'range' in (node as object)) found = node as Node;
		else return {node: found, complete: false};
	}
	return {node: found, complete: true};
}

/** The text of the key that starts at `offset` (for the duplicate-key message). */
function keyTextAt(text: string, offset: number): string {
	const rest = text.slice(offset);
	const quoted = /^(["'])(.*?)\1/.exec(rest);
	if (quoted) return quoted[2]!;
	const plain = /^([^:\n#]*?)\s*:(?:\s|$)/.exec(rest);
	return plain ? plain[1]!.trim() : (rest.split(/[\s:]/)[0] ?? '');
}

const YAML_MESSAGES: Record<string, (message: string, text: string, offset: number) => string> = {
	DUPLICATE_KEY: (_message, text, offset) => `duplicate key "${keyTextAt(text, offset)}" (a key may appear once in a map)`,
	MULTIPLE_DOCS: () => 'a file holds one YAML document; remove the second "---"',
	TAB_AS_INDENT: () => 'tabs are not allowed as indentation; indent with spaces',
	MISSING_CHAR: message => message.replace(/^Missing closing "quote/, 'missing closing " quote').replace(/^Missing/, 'missing'),
};

function yamlMessage(code: string, message: string, text: string, offset: number): string {
	const rewrite = YAML_MESSAGES[code];
	const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
	if (rewrite) return rewrite(first, text, offset);
	return 'YAML: ' + first.charAt(0).toLowerCase() + first.slice(1);
}

/**
 * Expanding aliases must not blow up: counts the nodes and the characters every alias adds, sizes
 * memoised per anchor, and reports the alias where either total passes its limit, or one that names
 * no earlier anchor. Counting only nodes lets one 900 KB anchor aliased 5,000 times through; counting
 * characters too stops it.
 */
function checkAliases(file: string, doc: Document, lines: LineCounter): Problem[] {
	const sizes = new Map<Node, {nodes: number; chars: number}>();
	// Anchors by name as the walk meets them (yaml's own alias.resolve searches the whole document
	// each time: quadratic in the number of aliases).
	const anchors = new Map<string, Node>();
	const resolve = (alias: {source: string}) => anchors.get(alias.source);
	const scalarChars = (node: {value?: unknown; source?: string}) => {
		const value = node.value;
		return typeof value === 'string' ? value.length : String(value ?? '').length;
	};
	const sizeOf = (node: unknown, depth: number): {nodes: number; chars: number} => {
		if (depth > 1000) return {nodes: Infinity, chars: Infinity};
		if (isAlias(node)) {
			const target = resolve(node);
			return target ? sizeOf(target, depth + 1) : {nodes: 1, chars: 0};
		}
		if (isScalar(node)) return {nodes: 1, chars: scalarChars(node)};
		if (!isCollection(node)) return {nodes: 1, chars: 0};
		const known = sizes.get(node);
		if (known !== undefined) return known;
		const size = {nodes: 1, chars: 0};
		const add = (part: {nodes: number; chars: number}) => {
			size.nodes += part.nodes;
			size.chars += part.chars;
		};
		for (const item of node.items) {
			if (isPair(item)) {
				add(sizeOf(item.key, depth + 1));
				add(sizeOf(item.value, depth + 1));
			} else add(sizeOf(item, depth + 1));
		}
		sizes.set(node, size);
		return size;
	};
	const problems: Problem[] = [];
	let nodes = 0;
	let chars = 0;
	let over = false;
	visit(doc, {
		Node(_key, node) {
			if (!isAlias(node) && node.anchor) anchors.set(node.anchor, node);
		},
		Alias(_key, alias) {
			const offset = alias.range?.[0] ?? 0;
			const pos = lines.linePos(offset);
			const target = resolve(alias);
			if (!target) {
				problems.push({file, line: pos.line, col: pos.col, message: `alias *${alias.source} names no anchor &${alias.source} before it`});
				return;
			}
			if (over) return;
			const size = sizeOf(target, 0);
			nodes += size.nodes;
			chars += size.chars;
			if (nodes > MAX_ALIAS_NODES) {
				over = true;
				problems.push({
					file,
					line: pos.line,
					col: pos.col,
					message: `aliases expand to more than ${MAX_ALIAS_NODES} nodes (alias *${alias.source}); a scenario does not need that many`,
				});
			} else if (chars > MAX_ALIAS_CHARS) {
				over = true;
				problems.push({
					file,
					line: pos.line,
					col: pos.col,
					message: `aliases expand to more than ${MAX_ALIAS_CHARS / 1024} KiB of text (alias *${alias.source}); a scenario does not need that much`,
				});
			}
		},
	});
	return problems;
}

/** Where the quoted scalar that runs into `end` starts (an unclosed quote). */
function unclosedQuoteStart(doc: Document, end: number): number | undefined {
	let start: number | undefined;
	visit(doc, {
		Scalar(_key, node) {
			if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= end) start ??= node.range[0];
		},
	});
	return start;
}

/** Parses YAML text; throws LoadError with every syntax problem. */
export function parseYaml(file: string, text: string): Located<unknown> {
	const lines = new LineCounter();
	const bytes = Buffer.byteLength(text);
	if (bytes > MAX_FILE_BYTES) {
		throw new LoadError([{file, line: 1, col: 1, message: `file is ${Math.ceil(bytes / 1024)} KiB, larger than the ${MAX_FILE_BYTES / 1024} KiB a scenario or image file may be`}]);
	}
	const doc = parseDocument(text, {lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true});
	const problems: Problem[] = [...doc.errors, ...doc.warnings].map(error => {
		let offset = error.pos[0];
		let message = yamlMessage(error.code, error.message, text, offset);
		if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
			// yaml reports where the file ends; point at the quote that was never closed instead.
			const start = unclosedQuoteStart(doc, offset);
			if (start !== undefined) {
				offset = start;
				message += ' (this string runs to the end of the file)';
			}
		}
		const pos = lines.linePos(offset);
		return {file, line: pos.line, col: pos.col, message};
	});
	if (problems.length > 0) throw new LoadError(dedupe(problems));
	const aliasProblems = checkAliases(file, doc, lines);
	if (aliasProblems.length > 0) throw new LoadError(aliasProblems);
	let value: unknown;
	try {
		value = doc.toJS({maxAliasCount: -1});
	} catch (error) {
		throw new LoadError([{file, line: 1, col: 1, message: error instanceof Error ? error.message : String(error)}]);
	}
	const at = (path: ReadonlyArray<PropertyKey>, key = false): Position => {
		const {node} = nodeAt(doc, path, key);
		const offset = node?.range?.[0] ?? 0;
		const pos = lines.linePos(offset);
		return {line: pos.line, col: pos.col};
	};
	const has = (path: ReadonlyArray<PropertyKey>) => nodeAt(doc, path, false).complete;
	const isFlowMap = (path: ReadonlyArray<PropertyKey>) => {
		const {node, complete} = nodeAt(doc, path, false);
		return complete && isMap(node) && node.flow === true;
	};
	return {value, doc, lines, at, has, isFlowMap};
}

/** One problem per position and message (yaml can report the same spot twice). */
function dedupe(problems: Problem[]): Problem[] {
	const seen = new Set<string>();
	return problems.filter(problem => {
		const key = `${problem.line}:${problem.col}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

// ------------------------------------------------------------------------------------------------
// zod issues → messages

type AnySchema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

interface Def {
	type: string;
	shape?: Record<string, AnySchema>;
	catchall?: AnySchema;
	element?: AnySchema;
	options?: AnySchema[];
	innerType?: AnySchema;
	valueType?: AnySchema;
	in?: AnySchema;
	entries?: Record<string, unknown>;
	values?: unknown[];
}

function defOf(schema: AnySchema): Def {
	return (schema as unknown as {_zod: {def: Def}})._zod.def;
}

/** Skips optional/default/nullable/pipe wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
	let current = schema;
	for (let i = 0; i < 20; i++) {
		const def = defOf(current);
		if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault' || def.type === 'readonly') && def.innerType)
			current = def.innerType;
		else if (def.type === 'pipe' && def.in) current = def.in;
		else return current;
	}
	return current;
}

/** How union branches are told apart, and what a union is called in messages. */
export interface UnionInfo {
	/** "a check", "text", "a place" */
	label: string;
	/** What it accepts, for "expected …" messages. */
	expected: string;
}

/** Keyed by the schema's def, which `.describe()` and other clones share. */
const unionInfo = new WeakMap<object, UnionInfo>();

/** Names a union for messages (`expected text (a string, or …), got a number`). */
export function describeUnion<T extends AnySchema>(schema: T, info: UnionInfo): T {
	unionInfo.set(defOf(schema), info);
	return schema;
}

function infoOf(schema: AnySchema | undefined): UnionInfo | undefined {
	if (!schema) return undefined;
	return unionInfo.get(defOf(schema)) ?? unionInfo.get(defOf(unwrap(schema)));
}

function objectKeys(schema: AnySchema): string[] {
	const def = defOf(unwrap(schema));
	return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function requiredKeys(schema: AnySchema): string[] {
	const def = defOf(unwrap(schema));
	if (def.type !== 'object' || !def.shape) return [];
	return Object.entries(def.shape)
		.filter(([, value]) => {
			const type = defOf(value).type;
			return type !== 'optional' && type !== 'default' && type !== 'prefault';
		})
		.map(([key]) => key);
}

function accepts(schema: AnySchema, raw: unknown): boolean {
	const def = defOf(unwrap(schema));
	switch (def.type) {
		case 'string':
			return typeof raw === 'string';
		case 'number':
		case 'int':
			return typeof raw === 'number';
		case 'boolean':
			return typeof raw === 'boolean';
		case 'enum':
			return typeof raw === 'string' || typeof raw === 'number';
		case 'literal':
			return (def.values ?? []).some(value => typeof value === typeof raw);
		case 'array':
			return Array.isArray(raw);
		case 'object':
		case 'record':
			return isPlainObject(raw);
		default:
			return false;
	}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys that tell a union's object branches apart: required in one branch, absent from the rest. */
function discriminators(options: AnySchema[]): Array<{index: number; keys: string[]}> {
	return options.map((option, index) => {
		const others = options.filter((_, other) => other !== index).flatMap(objectKeys);
		return {index, keys: requiredKeys(option).filter(key => !others.includes(key))};
	});
}

/** Which branch of a union the author meant, judged from the raw value; undefined when unclear. */
export function pickBranch(options: AnySchema[], raw: unknown): number | undefined {
	if (isPlainObject(raw)) {
		const objects = options.map((option, index) => ({option, index})).filter(({option}) => defOf(unwrap(option)).type === 'object' || defOf(unwrap(option)).type === 'record');
		const keys = discriminators(options);
		for (const key of Object.keys(raw)) {
			const match = keys.find(entry => entry.keys.includes(key));
			if (match) return match.index;
		}
		if (objects.length === 1) return objects[0]!.index;
		return undefined;
	}
	const matching = options.map((option, index) => ({option, index})).filter(({option}) => accepts(option, raw));
	if (matching.length >= 1) return matching[0]!.index;
	return undefined;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
	let value = root;
	for (const segment of path) {
		if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
		else if (isPlainObject(value)) value = value[String(segment)];
		else return undefined;
	}
	return value;
}

/** The schema that validates the value at `path`, following the branches the raw value picks. */
export function schemaAt(root: AnySchema, rawRoot: unknown, path: ReadonlyArray<PropertyKey>, keepUnion = false): AnySchema | undefined {
	let schema: AnySchema | undefined = root;
	for (let i = 0; i <= path.length && schema; i++) {
		schema = unwrap(schema);
		const def = defOf(schema);
		if (def.type === 'union' && def.options) {
			if (keepUnion && i === path.length) return schema;
			const branch = pickBranch(def.options, valueAt(rawRoot, path.slice(0, i)));
			if (branch === undefined) return i === path.length ? schema : undefined;
			schema = def.options[branch]!;
			i--;
			continue;
		}
		if (i === path.length) return schema;
		const segment = path[i]!;
		if (def.type === 'object') schema = def.shape?.[String(segment)] ?? def.catchall;
		else if (def.type === 'array') schema = def.element;
		else if (def.type === 'record') schema = def.valueType;
		else return undefined;
	}
	return schema;
}

/** `steps[2].checks[0].state` → `state`; `images[1]` stays `images[1]`. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
	let index = path.length - 1;
	const indexes: number[] = [];
	while (index >= 0 && typeof path[index] === 'number') indexes.unshift(path[index--] as number);
	const name = index >= 0 ? String(path[index]) : '';
	return name + indexes.map(item => `[${item}]`).join('');
}

function kindOf(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null (an empty value)';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a map';
	if (typeof value === 'string') return `a string ("${value.length > 30 ? value.slice(0, 29) + '…' : value}")`;
	if (typeof value === 'number') return Number.isInteger(value) ? `a number (${value})` : `a number (${value})`;
	if (typeof value === 'boolean') return `${value}`;
	return typeof value;
}

const EXPECTED: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'an integer',
	boolean: 'true or false',
	array: 'a list',
	object: 'a map',
	record: 'a map',
	map: 'a map',
};

function isInteger(schema: AnySchema): boolean {
	const checks = (defOf(schema) as Def & {checks?: Array<{_zod: {def: {check?: string; format?: string}}}>}).checks ?? [];
	return checks.some(check => check._zod.def.check === 'number_format' && /int/.test(check._zod.def.format ?? ''));
}

function expectedOf(schema: AnySchema | undefined, fallback: string): string {
	if (!schema) return EXPECTED[fallback] ?? fallback;
	const info = infoOf(schema);
	if (info) return info.expected;
	const inner = unwrap(schema);
	const def = defOf(inner);
	if (def.type === 'number' && isInteger(inner)) return 'an integer';
	if (def.type === 'enum' && def.entries) return 'one of ' + Object.values(def.entries).join(', ');
	if (def.type === 'literal' && def.values) return def.values.map(value => JSON.stringify(value)).join(' or ');
	return EXPECTED[def.type] ?? EXPECTED[fallback] ?? fallback;
}

export interface IssueContext {
	file: string;
	located: Located<unknown>;
	root: AnySchema;
}

/** Turns one zod issue into positioned problems (a union issue becomes its chosen branch's problems). */
function issueProblems(context: IssueContext, issue: Issue, prefix: PropertyKey[]): Problem[] {
	const {file, located, root} = context;
	const path = [...prefix, ...issue.path];
	const raw = valueAt(located.value, path);
	const here = (message: string, key = false): Problem => ({file, ...located.at(path, key), message});
	const name = fieldName(path);
	const named = (message: string) => (name ? `${name}: ${message}` : message);
	const last = path[path.length - 1];
	if (raw === undefined && typeof last === 'string' && issue.code !== 'unrecognized_keys' && !located.has(path)) {
		return [{file, ...located.at(path.slice(0, -1)), message: `missing key "${last}"`}];
	}
	switch (issue.code) {
		case 'unrecognized_keys': {
			const parent = schemaAt(root, located.value, path);
			const allowed = parent ? objectKeys(parent) : [];
			return issue.keys.map(key => {
				const suggestion = didYouMean(key, allowed);
				return {
					file,
					...located.at([...path, key], true),
					message: `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : allowed.length > 0 && allowed.length <= 8 ? ` (expected ${allowed.map(item => `"${item}"`).join(', ')})` : ''}`,
				};
			});
		}
		case 'invalid_union': {
			const union = schemaAt(root, located.value, path, true);
			const def = union ? defOf(unwrap(union)) : undefined;
			const options = def?.type === 'union' ? (def.options ?? []) : [];
			const branch = options.length > 0 ? pickBranch(options, raw) : undefined;
			const errors = (issue as unknown as {errors: Issue[][]}).errors;
			if (branch !== undefined && errors[branch]) {
				return errors[branch]!.flatMap(inner => issueProblems(context, inner, path));
			}
			const info = infoOf(union);
			if (isPlainObject(raw) && options.length > 0) {
				const keys = discriminators(options).flatMap(entry => entry.keys);
				const unknown = Object.keys(raw).find(key => !options.some(option => objectKeys(option).includes(key)));
				const suggestion = unknown ? didYouMean(unknown, keys) : undefined;
				if (unknown && suggestion) return [{file, ...located.at([...path, unknown], true), message: `unknown key "${unknown}" (did you mean "${suggestion}"?)`}];
				return [here(`${info ? info.label : 'this map'} needs one of the keys ${keys.map(key => `"${key}"`).join(', ')}`)];
			}
			return [here(named(`expected ${info?.expected ?? 'something else'}, got ${kindOf(raw)}`))];
		}
		case 'invalid_type': {
			const schema = schemaAt(root, located.value, path);
			const comma = raw === null && located.isFlowMap(path.slice(0, -1)) ? `; ${FLOW_COMMA_HINT}` : '';
			return [here(named(`expected ${expectedOf(schema, issue.expected)}, got ${kindOf(raw)}${comma}`), comma !== '')];
		}
		case 'invalid_value': {
			const values = issue.values.map(value => String(value));
			const suggestion = typeof raw === 'string' ? didYouMean(raw, values) : undefined;
			const list = values.length === 1 ? JSON.stringify(issue.values[0]) : 'one of ' + values.join(', ');
			return [here(named(`must be ${list}, not ${JSON.stringify(raw)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`))];
		}
		case 'too_small': {
			if (issue.message && !/^too small/i.test(issue.message)) return [here(named(issue.message))];
			const min = Number(issue.minimum);
			if (issue.origin === 'array') return [here(named(min === 1 ? 'must list at least one item' : `must list at least ${min} items`))];
			if (issue.origin === 'string') return [here(named(min === 1 ? 'must not be empty' : `must be at least ${min} characters long`))];
			return [here(named(`must be at least ${min}${issue.inclusive === false ? ' (exclusive)' : ''}`))];
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'array') return [here(named(`must list at most ${max} items`))];
			if (issue.origin === 'string') return [here(named(`must be at most ${max} characters long`))];
			return [here(named(`must be at most ${max}`))];
		}
		case 'invalid_format': {
			const custom = issue.message && !issue.message.startsWith('Invalid') ? issue.message : `is not a valid ${issue.format}`;
			return [here(named(custom))];
		}
		case 'not_multiple_of':
			return [here(named(`must be a multiple of ${issue.divisor}`))];
		case 'invalid_key':
			return [here(named('has an invalid key'), true)];
		case 'invalid_element':
			return [here(named('has an invalid element'))];
		case 'custom':
		default:
			return [here(named(issue.message))];
	}
}

/**
 * Turns zod issues into positioned problems. With `root` (the schema that was parsed), unknown keys
 * get a did-you-mean and unions are explained by the branch the author meant; `hint` may still
 * replace any message (the first catalog version used it).
 */
export function zodProblems(file: string, located: Located<unknown>, error: z.ZodError, hint?: (issue: z.core.$ZodIssue) => string | undefined, root?: AnySchema): Problem[] {
	const problems: Problem[] = [];
	for (const issue of error.issues) {
		const custom = hint?.(issue);
		if (custom !== undefined) {
			problems.push({file, ...located.at(issue.path), message: custom});
			continue;
		}
		if (root) {
			problems.push(...issueProblems({file, located, root}, issue, []));
			continue;
		}
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) problems.push({file, ...located.at([...issue.path, key], true), message: `unknown key "${key}"`});
			continue;
		}
		const where = issue.path.length > 0 ? issue.path.join('.') + ': ' : '';
		problems.push({file, ...located.at(issue.path), message: where + issue.message});
	}
	return uniqueProblems(problems).sort((a, b) => a.line - b.line || a.col - b.col);
}

export function uniqueProblems(problems: Problem[]): Problem[] {
	const seen = new Set<string>();
	return problems.filter(problem => {
		const key = formatProblem(problem);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
