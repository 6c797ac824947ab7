/**
 * Loading a scenario file: YAML (positions) → zod schema (schema.ts) → the rules that span the file
 * (catalog images, containers and volumes a check names, regexes, languages, host files) → the
 * Scenario of types.ts. Every problem is collected and reported as `file:line:col: message`.
 */
import {statSync} from 'node:fs';
import {readRegularFile, readTreeInside, ReadRefused} from './read-files.js';
import path from 'node:path';
import type {Check, ContainerSelector, Origin, Place, Prediction, Scenario, Step, Text} from '../types.js';
import {scenarioSchema, type CheckFile, type ScenarioFile} from './schema.js';
import {LoadError, MAX_FILE_BYTES, parseYaml, sortProblems, uniqueProblems, zodProblems, type Located, type Problem} from './yaml-load.js';
import {didYouMean} from './suggest.js';
import {createdNames} from './scan.js';
import {builtinCatalog, START_DIR} from '../catalog/default-world.js';
import {normalizePath, parseImageRef} from '../../engine/index.js';

type Path = PropertyKey[];
type Raw = Record<string, unknown>;

function isMap(value: unknown): value is Raw {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** `name:tag` refs of the images the catalog can provide. */
export function catalogRefs(): string[] {
	return builtinCatalog().flatMap(definition => definition.tags.map(tag => `${definition.repository}:${tag}`));
}

/** `diamol/ch06-lab` → `diamol/ch06-lab:latest`. */
export function normalizeImage(ref: string): string {
	return parseImageRef(ref).full;
}

/** A text for people naming what a selector picks: "the newest running diamol/ch06-lab container". */
export function selectorLabel(select: ContainerSelector): string {
	const words = [select.latest ? 'the newest' : 'a'];
	if (select.state) words.push(select.state);
	if (select.image) words.push(select.image);
	words.push('container');
	if (select.port !== undefined) words.push(`publishing port ${select.port}`);
	return words.join(' ');
}

interface Context {
	file: string;
	located: Located<unknown>;
	problems: Problem[];
	catalog: string[];
	/** Every file read for this scenario (real paths). */
	touched: Set<string>;
}

function report(context: Context, path: Path, message: string, key = false): void {
	context.problems.push({file: context.file, ...context.located.at(path, key), message});
}

// ------------------------------------------------------------------------------------------------
// Rules across the file, on the raw value (so they are reported even when the schema also complains)

function textFields(raw: Raw): Path[] {
	const paths: Path[] = [['title'], ['summary']];
	list(raw.steps).forEach((step, i) => {
		if (!isMap(step)) return;
		paths.push(['steps', i, 'title'], ['steps', i, 'text']);
		list(step.hints).forEach((_, j) => paths.push(['steps', i, 'hints', j]));
		if (isMap(step.predict)) {
			paths.push(['steps', i, 'predict', 'question'], ['steps', i, 'predict', 'explain']);
			list(step.predict.choices).forEach((_, k) => paths.push(['steps', i, 'predict', 'choices', k, 'label']));
		}
	});
	return paths;
}

function get(raw: unknown, path: Path): unknown {
	let value = raw;
	for (const segment of path) {
		if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
		else if (isMap(value)) value = value[String(segment)];
		else return undefined;
	}
	return value;
}

const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

function checkLanguages(context: Context, raw: Raw): void {
	const fields = textFields(raw).filter(path => {
		const value = get(raw, path);
		return typeof value === 'string' || isMap(value);
	});
	const declared = Array.isArray(raw.languages) ? raw.languages.filter((item): item is string => typeof item === 'string' && LANGUAGE.test(item)) : undefined;
	if (declared && Array.isArray(raw.languages) && !declared.includes('en')) report(context, ['languages'], 'languages must include en (English is what the lab falls back to)');
	const used = new Set<string>(['en']);
	for (const path of fields) {
		const value = get(raw, path);
		if (!isMap(value)) continue;
		for (const key of Object.keys(value)) {
			// A value that is not a string is the schema's to report (often an unquoted comma in {…}).
			if (typeof value[key] !== 'string') continue;
			if (!LANGUAGE.test(key)) {
				report(context, [...path, key], `"${key}" is not a language code like en or ko`, true);
				continue;
			}
			if (declared && !declared.includes(key)) {
				const suggestion = didYouMean(key, declared);
				report(context, [...path, key], `language "${key}" is not in languages (${declared.join(', ')})${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, true);
				continue;
			}
			used.add(key);
		}
	}
	const expected = declared ?? ['en', ...[...used].filter(lang => lang !== 'en').sort()];
	for (const path of fields) {
		const value = get(raw, path);
		const has = typeof value === 'string' ? ['en'] : Object.keys(value as Raw);
		const missing = expected.filter(lang => !has.includes(lang));
		if (missing.length === 0) continue;
		const name = typeof path.at(-1) === 'number' ? `${String(path.at(-2))}[${String(path.at(-1))}]` : String(path.at(-1));
		const why = declared ? `languages: ${declared.join(', ')}` : `other texts in this file are in ${expected.join(', ')}`;
		report(context, path, `${name}: no ${missing.map(lang => `"${lang}"`).join(', ')} text (${why})`);
	}
}

function checkImage(context: Context, path: Path, value: unknown): void {
	const ref = str(value);
	if (ref === undefined || ref === '') return;
	let full: string;
	try {
		full = normalizeImage(ref);
	} catch {
		return;
	}
	if (context.catalog.includes(full)) return;
	const candidates = [...context.catalog, ...context.catalog.filter(item => item.endsWith(':latest')).map(item => item.slice(0, -7))];
	const suggestion = didYouMean(ref, candidates);
	report(context, path, `image "${ref}" is not in the image catalog${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
}

function compileRegex(context: Context, path: Path, value: unknown): void {
	const source = str(value);
	if (source === undefined) return;
	try {
		new RegExp(source, 'm');
	} catch (error) {
		const message = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error);
		report(context, path, `${String(path.at(-1))}: invalid regular expression: ${message}`);
	}
}

/** A container reference: a name that some line must create, or a selector. */
function checkContainerRef(context: Context, path: Path, value: unknown, created: Set<string>): void {
	if (typeof value === 'string') {
		if (created.has(value)) return;
		const suggestion = didYouMean(value, created);
		report(
			context,
			path,
			`container "${value}" is never created: no setup, command or solution line runs one with --name ${value}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
		);
		return;
	}
	if (isMap(value)) {
		if (Object.keys(value).length === 0) report(context, path, 'a selector needs at least one of image, state, port, latest');
		checkImage(context, [...path, 'image'], value.image);
	}
}

function checkVolumeRef(context: Context, path: Path, value: unknown, created: Set<string>): void {
	const name = str(value);
	if (name === undefined || created.has(name)) return;
	const suggestion = didYouMean(name, created);
	report(context, path, `volume "${name}" is never created: no setup, command or solution line creates it${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
}

function notWith(context: Context, check: Raw, path: Path, keys: string[], because: string): void {
	for (const key of keys) if (key in check) report(context, [...path, key], `"${key}" cannot be used with ${because}`, true);
}

function checkOneCheck(context: Context, check: Raw, path: Path, created: {containers: Set<string>; volumes: Set<string>}): void {
	if ('container' in check) {
		checkContainerRef(context, [...path, 'container'], check.container, created.containers);
		checkImage(context, [...path, 'image'], check.image);
		if (check.exists === false) notWith(context, check, path, ['state', 'exitCode', 'image'], 'exists: false');
		if (typeof check.exitCode === 'number' && typeof check.state === 'string' && check.state !== 'exited') {
			report(context, [...path, 'exitCode'], `exitCode means the container has exited, but state is "${check.state}"`, true);
		}
	} else if ('file' in check) {
		const place = check.in;
		const onHost = place === 'host';
		if (isMap(place)) {
			if ('container' in place) checkContainerRef(context, [...path, 'in', 'container'], place.container, created.containers);
			if ('volume' in place) checkVolumeRef(context, [...path, 'in', 'volume'], place.volume, created.volumes);
		}
		const file = str(check.file);
		if (file !== undefined && !onHost && !file.startsWith('/'))
			report(context, [...path, 'file'], `file: must be an absolute path in a ${isMap(place) && 'volume' in place ? 'volume (from its root, like /todo-list.db)' : 'container'}`);
		const inContainer = isMap(place) && 'container' in place;
		if (!inContainer) {
			for (const key of ['origin', 'hides']) {
				if (key in check) report(context, [...path, key], `"${key}" applies to files in a container, not ${onHost ? 'on the host' : 'in a volume'}`, true);
			}
		}
		if (check.exists === false) notWith(context, check, path, inContainer ? ['content', 'matches', 'origin', 'hides'] : ['content', 'matches'], 'exists: false');
		if ('content' in check && 'matches' in check) report(context, [...path, 'matches'], 'use content or matches, not both', true);
		compileRegex(context, [...path, 'matches'], check.matches);
	} else if ('mount' in check && isMap(check.mount)) {
		const mount = check.mount;
		checkContainerRef(context, [...path, 'mount', 'container'], mount.container, created.containers);
		if (mount.type === 'bind' && 'named' in mount) report(context, [...path, 'mount', 'named'], '"named" applies to volume mounts, not bind mounts', true);
		if (mount.type === 'volume' && typeof mount.source === 'string') {
			if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(mount.source)) report(context, [...path, 'mount', 'source'], "source: a volume mount's source is the volume's name, like todo-list");
			else checkVolumeRef(context, [...path, 'mount', 'source'], mount.source, created.volumes);
			if (mount.named === false) report(context, [...path, 'mount', 'named'], 'an anonymous volume (named: false) has no source name to check', true);
		}
	} else if ('count' in check) {
		const of = check.count;
		const has = (key: string) => key in check;
		if (!has('equals') && !has('atLeast') && !has('atMost')) report(context, path, 'say how many with equals, atLeast or atMost');
		if (has('equals') && (has('atLeast') || has('atMost'))) report(context, [...path, has('atLeast') ? 'atLeast' : 'atMost'], 'use equals alone, or atLeast and/or atMost', true);
		if (typeof check.atLeast === 'number' && typeof check.atMost === 'number' && check.atLeast > check.atMost)
			report(context, [...path, 'atMost'], 'atMost is smaller than atLeast', true);
		const only: Record<string, string[]> = {state: ['containers'], anonymous: ['volumes'], image: ['containers', 'images']};
		for (const [key, kinds] of Object.entries(only)) {
			if (has(key) && typeof of === 'string' && !kinds.includes(of)) report(context, [...path, key], `"${key}" filters ${kinds.join(' or ')}, not ${of}`, true);
		}
		if (of === 'images') checkImage(context, [...path, 'image'], check.image);
		else checkImage(context, [...path, 'image'], check.image);
		if (of === 'containers' && typeof check.name === 'string') checkContainerRef(context, [...path, 'name'], check.name, created.containers);
		if (of === 'volumes' && typeof check.name === 'string') checkVolumeRef(context, [...path, 'name'], check.name, created.volumes);
		if (of === 'images' && typeof check.name === 'string') checkImage(context, [...path, 'name'], check.name);
	} else if ('output' in check && isMap(check.output)) {
		const output = check.output;
		if (!('matches' in output) && !('contains' in output)) report(context, [...path, 'output'], 'output needs matches or contains');
		if ('matches' in output && 'contains' in output) report(context, [...path, 'output', 'contains'], 'use matches or contains, not both', true);
		compileRegex(context, [...path, 'output', 'matches'], output.matches);
	}
}

function allLines(raw: Raw): string[] {
	const lines: string[] = [];
	const add = (value: unknown) => list(value).forEach(line => typeof line === 'string' && lines.push(line));
	if (isMap(raw.world)) add(raw.world.setup);
	for (const step of list(raw.steps)) {
		if (!isMap(step)) continue;
		add(step.commands);
		add(step.solution);
		for (const mistake of list(step.mistakes)) add(mistake);
	}
	return lines;
}

function checkRules(context: Context, raw: Raw): void {
	checkLanguages(context, raw);
	list(raw.images).forEach((image, i) => checkImage(context, ['images', i], image));
	if (isMap(raw.world)) list(raw.world.pulled).forEach((image, i) => checkImage(context, ['world', 'pulled', i], image));
	const created = createdNames(allLines(raw));
	const firstStep = new Map<string, number>();
	list(raw.steps).forEach((step, i) => {
		if (!isMap(step)) return;
		const id = str(step.id);
		if (id !== undefined) {
			const first = firstStep.get(id);
			if (first !== undefined) report(context, ['steps', i, 'id'], `duplicate step id "${id}" (step ${first + 1} has it too)`);
			else firstStep.set(id, i);
		}
		const checks = list(step.checks);
		checks.forEach((check, j) => {
			if (isMap(check)) checkOneCheck(context, check, ['steps', i, 'checks', j], created);
		});
		if (checks.length > 0 && checks.every(check => isMap(check) && check.guard === true)) {
			report(context, ['steps', i, 'checks'], 'every check of this step is a guard; at least one must prove the step was done');
		}
		if (isMap(step.predict)) {
			const predict = step.predict;
			const choices = list(predict.choices);
			if (choices.length > 0 && !choices.some(choice => isMap(choice) && choice.correct === true)) {
				report(context, ['steps', i, 'predict', 'choices'], 'no choice is marked correct: true');
			}
			choices.forEach((choice, k) => {
				if (isMap(choice) && 'origin' in choice && !isMap(predict.reveal)) {
					report(context, ['steps', i, 'predict', 'choices', k, 'origin'], "a choice's origin needs reveal: {file, in: {container}} to be proved against", true);
				}
			});
			if (isMap(predict.reveal) && isMap(predict.reveal.in))
				checkContainerRef(context, ['steps', i, 'predict', 'reveal', 'in', 'container'], predict.reveal.in.container, created.containers);
		}
	});
}

// ------------------------------------------------------------------------------------------------
// Host files named with `from:`

function readHostSource(context: Context, scenarioDir: string, from: string, at: Path): {files: Record<string, string>; dirs: string[]} | undefined {
	const files: Record<string, string> = {};
	const dirs: string[] = [];
	try {
		for (const entry of readTreeInside(path.resolve(scenarioDir, from), {root: scenarioDir, maxBytes: MAX_FILE_BYTES, touched: context.touched, label: from})) {
			if (entry.kind === 'dir') dirs.push(entry.path);
			else files[entry.path] = entry.content ?? '';
		}
	} catch (error) {
		if (!(error instanceof ReadRefused)) throw error;
		report(context, at, `from: ${error.message}`);
		return undefined;
	}
	return {files, dirs: dirs.filter(dir => dir !== '')};
}

// ------------------------------------------------------------------------------------------------
// Raw (validated) file → Scenario

function text(value: ScenarioFile['title']): Text {
	return typeof value === 'string' ? value : ({...value} as Text);
}

function resolveHost(cwd: string, file: string): string {
	return normalizePath(file.startsWith('~/') ? `/home/student/${file.slice(2)}` : file, cwd);
}

function containerPlace(ref: string | ContainerSelector): {container: string; select?: ContainerSelector} {
	if (typeof ref === 'string') return {container: ref};
	return {container: selectorLabel(ref), select: {...ref}};
}

function defined<T extends object>(value: T): T {
	for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
	return value;
}

function toCheck(check: CheckFile, cwd: string): Check {
	const guard = check.guard ? {guard: true} : {};
	if ('container' in check) {
		const place = containerPlace(check.container);
		return defined({
			kind: 'container',
			name: place.container,
			exists: check.exists ?? true,
			state: check.state,
			exitCode: check.exitCode,
			image: check.image,
			select: place.select,
			...guard,
		});
	}
	if ('file' in check) {
		let place: Place;
		let file = check.file;
		if (check.in === 'host') {
			place = {host: true};
			file = resolveHost(cwd, file);
		} else if ('container' in check.in) place = containerPlace(check.in.container);
		else place = {volume: check.in.volume};
		return defined({
			kind: 'file',
			place,
			path: normalizePath(file),
			exists: check.exists ?? true,
			content: check.content,
			matches: check.matches,
			origin: check.origin as Origin | undefined,
			hides: check.hides as Origin | undefined,
			...guard,
		});
	}
	if ('mount' in check) {
		const {mount} = check;
		const place = containerPlace(mount.container);
		const source = mount.source === undefined ? undefined : mount.type === 'bind' ? resolveHost(cwd, mount.source) : mount.source;
		return defined({
			kind: 'mount',
			container: place.container,
			type: mount.type,
			target: normalizePath(mount.target),
			readonly: mount.readonly,
			source,
			named: mount.named,
			select: place.select,
			...guard,
		});
	}
	if ('count' in check) {
		const filter = defined({state: check.state, image: check.image, anonymous: check.anonymous, name: check.name});
		return defined({
			kind: 'count',
			of: check.count,
			equals: check.equals,
			atLeast: check.atLeast,
			atMost: check.atMost,
			filter: Object.keys(filter).length > 0 ? filter : undefined,
			...guard,
		});
	}
	return defined({kind: 'output', matches: check.output.matches, contains: check.output.contains, not: check.output.not, ...guard});
}

function toStep(step: ScenarioFile['steps'][number], cwd: string): Step {
	let predict: Prediction | undefined;
	if (step.predict) {
		const p = step.predict;
		predict = defined({
			question: text(p.question),
			choices: p.choices.map(choice => defined({label: text(choice.label), correct: choice.correct ?? false, origin: choice.origin})),
			explain: text(p.explain),
			reveal: p.reveal ? {place: containerPlace(p.reveal.in.container), path: normalizePath(p.reveal.file)} : undefined,
		});
	}
	return defined({
		id: step.id,
		title: text(step.title),
		text: text(step.text),
		commands: [...(step.commands ?? [])],
		checks: step.checks.map(check => toCheck(check, cwd)),
		hints: (step.hints ?? []).map(text),
		solution: [...step.solution],
		predict,
		mistakes: step.mistakes?.map(lines => [...lines]),
	});
}

function usedLanguages(data: ScenarioFile): string[] {
	if (data.languages) return [...data.languages];
	const used = new Set<string>(['en']);
	const add = (value: ScenarioFile['title']) => {
		if (typeof value !== 'string') Object.keys(value).forEach(key => used.add(key));
	};
	add(data.title);
	add(data.summary);
	for (const step of data.steps) {
		add(step.title);
		add(step.text);
		step.hints?.forEach(add);
	}
	return ['en', ...[...used].filter(lang => lang !== 'en').sort()];
}

// ------------------------------------------------------------------------------------------------

export interface LoadedFile {
	scenario: Scenario;
	/** Where the id is written (for cross-file reports such as duplicate ids). */
	idAt: {line: number; col: number};
}

/** Reads a file's text, refusing huge ones before reading them and anything but a regular file. */
function readText(file: string, touched?: Set<string>): string {
	let size: number;
	try {
		const stat = statSync(file);
		if (stat.isDirectory()) throw new LoadError([{file, line: 1, col: 1, message: 'is a folder, not a scenario file'}]);
		size = stat.isFile() ? stat.size : 0;
	} catch (error) {
		if (error instanceof LoadError) throw error;
		const code = (error as {code?: string}).code;
		const message = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : code === 'ELOOP' ? 'is a symlink loop' : `cannot read (${code ?? 'error'})`;
		throw new LoadError([{file, line: 1, col: 1, message}]);
	}
	if (size > MAX_FILE_BYTES) {
		throw new LoadError([{file, line: 1, col: 1, message: `file is ${Math.ceil(size / 1024)} KiB, larger than the ${MAX_FILE_BYTES / 1024} KiB a scenario or image file may be`}]);
	}
	try {
		return readRegularFile(file, MAX_FILE_BYTES, touched);
	} catch (error) {
		if (error instanceof ReadRefused) throw new LoadError([{file, line: 1, col: 1, message: error.message.replace(/^"[^"]*" /, '')}]);
		throw error;
	}
}

/** Parses and validates scenario text; `file` names it in problems and anchors `from:` paths. */
export function parseScenario(file: string, source: string, touched: Set<string> = new Set()): LoadedFile {
	const located = parseYaml(file, source);
	const raw = located.value;
	if (!isMap(raw)) {
		throw new LoadError([
			{
				file,
				line: 1,
				col: 1,
				message: `a scenario file is a map with the keys id, title, summary, world and steps; this one holds ${raw === null || raw === undefined ? 'nothing' : Array.isArray(raw) ? 'a list' : 'a single value'}`,
			},
		]);
	}
	const context: Context = {file, located, problems: [], catalog: catalogRefs(), touched};
	const parsed = scenarioSchema.safeParse(raw);
	if (!parsed.success) context.problems.push(...zodProblems(file, located, parsed.error, undefined, scenarioSchema));
	checkRules(context, raw);

	const cwdRaw = isMap(raw.world) ? str(raw.world.cwd) : undefined;
	const cwd = cwdRaw && cwdRaw.startsWith('/') ? normalizePath(cwdRaw) : START_DIR;
	const hostFiles: Record<string, string> = {};
	const hostDirs: string[] = [];
	const host = isMap(raw.world) && isMap(raw.world.host) ? raw.world.host : {};
	for (const [key, value] of Object.entries(host)) {
		const target = resolveHost(cwd, key);
		if (typeof value === 'string') hostFiles[target] = value;
		else if (isMap(value) && value.dir === true) hostDirs.push(target);
		else if (isMap(value) && typeof value.from === 'string') {
			const read = readHostSource(context, path.dirname(path.resolve(file)), value.from, ['world', 'host', key, 'from']);
			if (!read) continue;
			if (read.files[''] !== undefined) hostFiles[target] = read.files['']!;
			else {
				hostDirs.push(target);
				for (const dir of read.dirs) hostDirs.push(`${target}/${dir}`);
				for (const [name, content] of Object.entries(read.files)) hostFiles[`${target}/${name}`] = content;
			}
		}
	}

	if (context.problems.length > 0 || !parsed.success) throw new LoadError(sortProblems(uniqueProblems(context.problems)));
	const data = parsed.data;
	const scenario: Scenario = {
		id: data.id,
		title: text(data.title),
		summary: text(data.summary),
		file: path.resolve(file),
		images: [...(data.images ?? [])],
		world: defined({
			seed: data.world?.seed ?? 1,
			pulled: [...(data.world?.pulled ?? [])],
			hostFiles,
			cwd,
			setup: [...(data.world?.setup ?? [])],
			hostDirs: hostDirs.length > 0 ? hostDirs : undefined,
		}),
		steps: data.steps.map(step => toStep(step, cwd)),
		languages: usedLanguages(data),
		reads: [...touched].sort(),
	};
	return {scenario, idAt: located.at(['id'])};
}

/** Loads one scenario file; throws LoadError listing every problem. */
export function loadScenarioFileDetailed(file: string): LoadedFile {
	const touched = new Set<string>();
	return parseScenario(file, readText(file, touched), touched);
}

export function loadScenarioFile(file: string): Scenario {
	return loadScenarioFileDetailed(file).scenario;
}
