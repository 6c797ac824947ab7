/**
 * The image catalog: Dockerfile-like YAML files (scenarios/images/*.yaml) turned into engine build
 * definitions. COPY sources are read here (the engine does no I/O) and must stay inside the
 * catalog's root folder.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {readRegularFile, readTreeInside, ReadRefused, type FolderEntry} from '../load/read-files.js';
import path from 'node:path';
import {z} from 'zod';
import {type BuildStep, type CopySource, type ImageDefinition, type Entry, type Tree, APP_NAMES} from '../../engine/index.js';
import {didYouMean} from '../load/suggest.js';
import {describeUnion, LoadError, MAX_FILE_BYTES, parseYaml, zodProblems, type Problem} from '../load/yaml-load.js';

const command = describeUnion(z.union([z.string().min(1), z.array(z.string()).min(1)]), {label: 'a command', expected: 'a command (a string, or a list of strings)'});

const STEP_KEYS = ['rootfs', 'copy', 'workdir', 'run', 'cmd', 'entrypoint', 'env', 'volume', 'expose', 'user'];

const stepSchema = describeUnion(
	z.union([
		z.strictObject({rootfs: z.string()}),
		z.strictObject({copy: z.strictObject({src: z.string().min(1), dest: z.string().min(1), program: z.enum([...APP_NAMES, 'busybox']).optional()})}),
		z.strictObject({workdir: z.string().min(1)}),
		z.strictObject({run: z.string().min(1)}),
		z.strictObject({cmd: command}),
		z.strictObject({entrypoint: command}),
		z.strictObject({env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.union([z.string(), z.number()]))}),
		z.strictObject({
			volume: describeUnion(z.union([z.string().startsWith('$').or(z.string().startsWith('/')), z.array(z.string())]), {
				label: 'a volume',
				expected: 'a path (/data or $VAR) or a list of paths',
			}),
		}),
		z.strictObject({
			expose: describeUnion(z.union([z.number().int(), z.string(), z.array(z.union([z.number().int(), z.string()]))]), {
				label: 'a port',
				expected: 'a port (80 or "80/tcp") or a list of ports',
			}),
		}),
		z.strictObject({user: z.string()}),
	]),
	{label: 'a build step', expected: `a build step (a map with one of ${STEP_KEYS.join(', ')})`},
);

export const imageSchema = z.strictObject({
	image: z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/, 'must be a lowercase image name like diamol/ch06-lab'),
	tags: z
		.array(z.string().regex(/^[\w][\w.-]{0,127}$/))
		.min(1)
		.default(['latest']),
	created: z.iso.datetime({error: 'must be a date and time like 2019-09-19T10:25:00Z'}),
	local: z.boolean().default(false),
	from: z.string(),
	steps: z.array(stepSchema).min(1),
});

export type ImageFile = z.infer<typeof imageSchema>;

/** Where each definition's `from:` is written, for "base image is not in the catalog". */
const fromPositions = new WeakMap<ImageDefinition, {line: number; col: number}>();

/** Where a loaded definition's `from:` is written (1:1 when unknown). */
export function fromPosition(definition: ImageDefinition): {line: number; col: number} {
	return fromPositions.get(definition) ?? {line: 1, col: 1};
}

/** The most bytes one copy source (a file or a whole folder) may hold. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

/** Reads a context file or folder into catalog data, refusing paths outside `root`, devices and links out. */
function readSource(root: string, file: string, src: string, where: {line: number; col: number}, program?: string): CopySource {
	const full = path.resolve(path.dirname(file), src);
	let entries: FolderEntry[];
	try {
		entries = readTreeInside(full, {root, maxBytes: MAX_SOURCE_BYTES, label: src, where: 'the catalog folder'});
	} catch (error) {
		if (error instanceof ReadRefused) throw new LoadError([{file, ...where, message: `copy source ${error.message}`}]);
		throw error;
	}
	const top = entries[0]!;
	if (top.kind === 'file') return {kind: 'file', name: path.basename(full), content: top.content ?? '', mode: top.executable ? 0o755 : 0o644, ...(program ? {program} : {})};
	const tree: Tree = {};
	for (const entry of entries.slice(1)) {
		tree[`/${entry.path}`] = entry.kind === 'dir' ? {kind: 'dir', mode: 0o755} : {kind: 'file', mode: entry.executable ? 0o755 : 0o644, content: entry.content ?? ''};
	}
	return {kind: 'dir', name: path.basename(full), tree};
}

/** A host folder as a tree of absolute-style relative paths ('/abc.txt'). */
export function readTree(dir: string, prefix = ''): Tree {
	const tree: Tree = {};
	for (const name of readdirSync(dir).sort()) {
		const full = path.join(dir, name);
		const stat = statSync(full);
		const key = `${prefix}/${name}`;
		if (stat.isDirectory()) {
			tree[key] = {kind: 'dir', mode: 0o755};
			Object.assign(tree, readTree(full, key));
		} else tree[key] = {kind: 'file', mode: stat.mode & 0o111 ? 0o755 : 0o644, content: readFileSync(full, 'utf8')};
	}
	return tree;
}

const rootfsLine = z.strictObject({
	path: z.string().startsWith('/', {error: 'must be an absolute path like /etc/hostname'}),
	type: z.enum(['file', 'dir', 'symlink']),
	mode: z.string().regex(/^[0-7]{3,4}$/),
	content: z.string().optional(),
	size: z.number().int().nonnegative().optional(),
	target: z.string().optional(),
	program: z.string().optional(),
});

function readRootfs(root: string, file: string, src: string, where: {line: number; col: number}): Tree {
	const source = readSource(root, file, src, where);
	if (source.kind !== 'file') throw new LoadError([{file, ...where, message: `rootfs "${src}" must be a file`}]);
	const rootfsFile = path.resolve(path.dirname(file), src);
	const tree: Tree = {};
	const problems: Problem[] = [];
	source.content.split('\n').forEach((text, index) => {
		if (text.trim() === '' || problems.length >= 20) return;
		let raw: unknown;
		try {
			raw = JSON.parse(text);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			const at = /position (\d+)/.exec(message);
			problems.push({
				file: rootfsFile,
				line: index + 1,
				col: at ? Number(at[1]) + 1 : 1,
				message: 'not a JSON object: each line of a rootfs file is one {"path", "type", "mode", …} object',
			});
			return;
		}
		const parsed = rootfsLine.safeParse(raw);
		if (!parsed.success) {
			const issue = parsed.error.issues[0]!;
			problems.push({file: rootfsFile, line: index + 1, col: 1, message: `${issue.path.length > 0 ? issue.path.join('.') + ': ' : ''}${issue.message}`});
			return;
		}
		const line = parsed.data;
		const mode = parseInt(line.mode, 8);
		let entry: Entry;
		if (line.type === 'dir') entry = {kind: 'dir', mode};
		else if (line.type === 'symlink') entry = {kind: 'symlink', target: line.target ?? ''};
		else entry = {kind: 'file', mode, content: line.content ?? '', ...(line.size !== undefined ? {size: line.size} : {}), ...(line.program ? {program: line.program} : {})};
		tree[line.path] = entry;
	});
	if (problems.length > 0) throw new LoadError(problems);
	return tree;
}

function toSteps(root: string, file: string, data: ImageFile, at: (p: PropertyKey[]) => {line: number; col: number}): BuildStep[] {
	// Every step is read, and every problem reported, not just the first.
	const problems: Problem[] = [];
	const steps = data.steps.map((step, index): BuildStep => {
		try {
			return toStep(root, file, step, at(['steps', index]));
		} catch (error) {
			if (!(error instanceof LoadError)) throw error;
			problems.push(...error.problems);
			return {op: 'workdir', path: '/'};
		}
	});
	if (problems.length > 0) throw new LoadError(problems);
	return steps;
}

function toStep(root: string, file: string, step: ImageFile['steps'][number], where: {line: number; col: number}): BuildStep {
	if ('rootfs' in step) return {op: 'rootfs', tree: readRootfs(root, file, step.rootfs, where)};
	if ('copy' in step) return {op: 'copy', sources: [readSource(root, file, step.copy.src, where, step.copy.program)], dest: step.copy.dest};
	if ('workdir' in step) return {op: 'workdir', path: step.workdir};
	if ('run' in step) return {op: 'run', command: step.run};
	if ('cmd' in step) return {op: 'cmd', value: step.cmd};
	if ('entrypoint' in step) return {op: 'entrypoint', value: step.entrypoint};
	if ('env' in step) return {op: 'env', vars: Object.entries(step.env).map(([k, v]) => [k, String(v)])};
	if ('volume' in step) return {op: 'volume', paths: typeof step.volume === 'string' ? [step.volume] : step.volume};
	if ('expose' in step) return {op: 'expose', ports: (Array.isArray(step.expose) ? step.expose : [step.expose]).map(String)};
	return {op: 'user', user: step.user};
}

export function loadImageFile(root: string, file: string): ImageDefinition {
	let text: string;
	try {
		text = readRegularFile(file, MAX_FILE_BYTES);
	} catch (error) {
		if (error instanceof ReadRefused) throw new LoadError([{file, line: 1, col: 1, message: error.message.replace(/^"[^"]*" /, '')}]);
		throw error;
	}
	const located = parseYaml(file, text);
	if (typeof located.value !== 'object' || located.value === null || Array.isArray(located.value)) {
		throw new LoadError([{file, line: 1, col: 1, message: 'an image file is a map with the keys image, created, from and steps'}]);
	}
	const parsed = imageSchema.safeParse(located.value);
	if (!parsed.success) {
		throw new LoadError(
			zodProblems(
				file,
				located,
				parsed.error,
				issue => {
					// A step with several instructions in one map: say so rather than pick one.
					if (issue.code === 'invalid_union' && issue.path[0] === 'steps' && issue.path.length === 2) {
						const raw = (located.value as {steps?: unknown[]}).steps?.[issue.path[1] as number];
						const keys = raw && typeof raw === 'object' && !Array.isArray(raw) ? Object.keys(raw).filter(key => STEP_KEYS.includes(key)) : [];
						if (keys.length > 1) return `a step holds one instruction, not ${keys.join(' and ')}; split it into ${keys.length} steps`;
					}
					return undefined;
				},
				imageSchema,
			),
		);
	}
	const data = parsed.data;
	const definition: ImageDefinition = {
		repository: data.image,
		tags: data.tags,
		from: data.from === 'scratch' ? null : data.from.includes(':') ? data.from : `${data.from}:latest`,
		created: data.created,
		local: data.local,
		steps: toSteps(root, file, data, p => located.at(p)),
	};
	fromPositions.set(definition, located.at(['from']));
	return definition;
}

/** Loads every `*.yaml` in a catalog folder, ordered so that each image follows its base. */
export function loadCatalog(dir: string, root = path.dirname(dir)): ImageDefinition[] {
	const files = readdirSync(dir)
		.filter(name => name.endsWith('.yaml') || name.endsWith('.yml'))
		.sort();
	const problems: Problem[] = [];
	const definitions: Array<{file: string; definition: ImageDefinition}> = [];
	for (const name of files) {
		const file = path.join(dir, name);
		try {
			definitions.push({file, definition: loadImageFile(root, file)});
		} catch (error) {
			if (error instanceof LoadError) problems.push(...error.problems);
			else throw error;
		}
	}
	if (problems.length > 0) throw new LoadError(problems);
	return orderByBase(definitions);
}

function orderByBase(items: Array<{file: string; definition: ImageDefinition}>): ImageDefinition[] {
	const byRef = new Map<string, {file: string; definition: ImageDefinition}>();
	for (const item of items) for (const tag of item.definition.tags) byRef.set(`${item.definition.repository}:${tag}`, item);
	const ordered: ImageDefinition[] = [];
	const state = new Map<ImageDefinition, 'visiting' | 'done'>();
	const visit = (item: {file: string; definition: ImageDefinition}) => {
		const mark = state.get(item.definition);
		if (mark === 'done') return;
		if (mark === 'visiting')
			throw new LoadError([
				{
					file: item.file,
					...(fromPositions.get(item.definition) ?? {line: 1, col: 1}),
					message: `image ${item.definition.repository} is its own base (the images' from: lines make a loop)`,
				},
			]);
		state.set(item.definition, 'visiting');
		const base = item.definition.from;
		if (base !== null) {
			const parent = byRef.get(base);
			if (!parent) {
				const known = [...byRef.keys()];
				const suggestion = didYouMean(base, known);
				throw new LoadError([
					{
						file: item.file,
						...(fromPositions.get(item.definition) ?? {line: 1, col: 1}),
						message: `base image "${base}" is not in the catalog${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
					},
				]);
			}
			visit(parent);
		}
		state.set(item.definition, 'done');
		ordered.push(item.definition);
	};
	items.forEach(visit);
	return ordered;
}
