/**
 * Checks: declarative predicates over the world. Each result says in ONE line what was expected and,
 * when it fails, what the world holds instead:
 *   container rn1 should be exited, but it is running
 *   /random/number.txt in rn1 should come from the writable layer, but it comes from image layer 3
 * Evaluating never changes the world (only reads: lookups, stats and listings).
 */
import {
	type Container,
	type Entry,
	type Mount,
	type World,
	containerFs,
	lookupIn,
	originsOf,
	type Origin as EngineOrigin,
	treeFs,
	FsError,
	parseImageRef,
	normalizePath,
} from '../../engine/index.js';
import type {Check, CheckResult, ContainerSelector, CountFilter, Origin, Step} from '../types.js';

/** Text shown when quoting content or output: one line, at most this many characters. */
const QUOTE_LIMIT = 60;

export function quote(text: string, limit = QUOTE_LIMIT): string {
	const json = JSON.stringify(text);
	if (json.length <= limit) return json;
	return JSON.stringify(text.slice(0, limit - 3)).slice(0, -1) + '…"';
}

/**
 * A regular expression as words, for the kinds a lesson uses: literal text, `.*` gaps, numbers, ids,
 * runs of spaces, line anchors and line breaks — `^1\\|` → a line starting with “1|”,
 * `Exited \\(0\\).*rn1$` → a line with “Exited (0)” … “rn1” at its end. Anything else is shown as
 * the expression itself.
 */
export function regexPhrase(source: string): string {
	const lines = source.split('\\n');
	const described = lines.map((line, index) => linePhrase(line, index === 0, index === lines.length - 1));
	if (described.some(line => line === undefined)) return `text matching /${source}/`;
	if (lines.length === 1) return described[0]!;
	return `the lines ${described.map(line => line!.replace(/^a line that is exactly /, '')).join(', then ')}`;
}

function linePhrase(source: string, first: boolean, last: boolean): string | undefined {
	let body = source;
	const start = first ? body.startsWith('^') : true;
	if (first && start) body = body.slice(1);
	const end = last ? /(^|[^\\])\$$/.test(body) : true;
	if (last && end) body = body.slice(0, -1);
	const pieces: string[] = [];
	let literal = '';
	const flush = () => {
		if (literal !== '') pieces.push(`“${literal}”`);
		literal = '';
	};
	const patterns: Array<[RegExp, string]> = [
		[/^\.[*+]/, '…'],
		[/^(\[0-9\]|\\d)\+/, 'a number'],
		[/^\[0-9a-f\]\{(\d+)\}/, 'an id of $1 hex digits'],
		[/^( |\\s)\+/, 'spaces'],
	];
	outer: while (body !== '') {
		for (const [pattern, words] of patterns) {
			const match = pattern.exec(body);
			if (!match) continue;
			flush();
			pieces.push(words.replace('$1', match[1] ?? ''));
			body = body.slice(match[0].length);
			continue outer;
		}
		const ahead = /^\(\?!((?:\\.|[^\\()[\]{}|*+?^$])+)\)/.exec(body);
		if (ahead) {
			flush();
			pieces.push(`not followed by “${ahead[1]!.replace(/\\(.)/g, '$1')}”`);
			body = body.slice(ahead[0].length);
			continue;
		}
		if (body[0] === '\\' && body.length > 1 && /[^\w]/.test(body[1]!)) {
			literal += body[1];
			body = body.slice(2);
			continue;
		}
		if (/[\\^$.*+?()[\]{}|]/.test(body[0]!)) return undefined;
		literal += body[0];
		body = body.slice(1);
	}
	flush();
	const text = pieces.map((piece, index) => (index === 0 ? '' : piece === '…' || pieces[index - 1] === '…' ? ' ' : ', ') + piece).join('');
	if (start && end) return `a line that is exactly ${text}`;
	if (start) return `a line starting with ${text}`;
	if (end) return `a line with ${text} at its end`;
	return `a line with ${text}`;
}

/** The full `name:tag` of an image reference (`diamol/ch06-lab` → `diamol/ch06-lab:latest`). */
function fullRef(ref: string): string {
	return parseImageRef(ref).full;
}

function containerImageRefs(world: World, container: Container): string[] {
	const refs = [fullRef(container.config.image)];
	const image = world.images[container.imageId];
	if (image) refs.push(...image.repoTags);
	return refs;
}

function fromImage(world: World, container: Container, ref: string): boolean {
	return containerImageRefs(world, container).includes(fullRef(ref));
}

/** How people name an origin: "the writable layer", "image layer 3", "volume todo-list". */
export function describeOrigin(origin: EngineOrigin): string {
	switch (origin.kind) {
		case 'rw':
			return 'the writable layer';
		case 'image':
			return `image layer ${origin.index + 1}`;
		case 'init':
			return "Docker's init layer";
		case 'volume':
			return origin.anonymous ? `anonymous volume ${origin.name.slice(0, 12)}` : `volume ${origin.name}`;
		case 'bind':
			return `a bind mount of ${origin.hostPath}`;
	}
}

/** How people name an expected origin kind. */
export function describeOriginKind(kind: Origin): string {
	return {rw: 'the writable layer', image: 'an image layer', init: "Docker's init layer", volume: 'a volume', bind: 'a bind mount'}[kind];
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function listNames(names: string[], max = 4): string {
	if (names.length <= max) return names.join(', ');
	return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

// ------------------------------------------------------------------------------------------------
// Containers: by name or by selector

function byName(world: World, name: string): Container | undefined {
	return Object.values(world.containers).find(container => container.name === name);
}

function byCreation(a: Container, b: Container): number {
	return a.created - b.created;
}

/** Containers a selector picks, newest first. */
export function selectContainers(world: World, select: ContainerSelector): Container[] {
	let found = Object.values(world.containers).filter(container => {
		if (select.image !== undefined && !fromImage(world, container, select.image)) return false;
		if (select.state !== undefined && container.status !== select.state) return false;
		if (select.port !== undefined && !container.hostConfig.portBindings.some(binding => binding.hostPort === select.port)) return false;
		return true;
	});
	found = found.sort(byCreation).reverse();
	return select.latest ? found.slice(0, 1) : found;
}

interface Target {
	/** "container rn1" or "the newest diamol/ch06-lab container". */
	subject: string;
	/** Short form for "in …": "rn1" or the selector label. */
	short: string;
	candidates: Container[];
	/** Why there are no candidates. */
	none: string;
}

function target(world: World, name: string, select: ContainerSelector | undefined): Target {
	if (select) {
		const candidates = selectContainers(world, select);
		return {subject: name, short: name, candidates, none: `there is no ${name.replace(/^(a|the newest) /, '')}`};
	}
	const found = byName(world, name);
	const others = Object.values(world.containers)
		.map(container => container.name)
		.sort();
	return {
		subject: `container ${name}`,
		short: name,
		candidates: found ? [found] : [],
		none: `there is no container ${name}` + (others.length > 0 ? ` (containers: ${listNames(others)})` : ' (there are no containers)'),
	};
}

/** Runs `test` on each candidate; passes with the first that passes, else reports the newest's failure. */
function anyCandidate(
	candidates: Container[],
	test: (container: Container) => string | undefined,
): {ok: true; container: Container} | {ok: false; container: Container; why: string} {
	let first: {container: Container; why: string} | undefined;
	for (const container of candidates) {
		const why = test(container);
		if (why === undefined) return {ok: true, container};
		first ??= {container, why};
	}
	return {ok: false, ...first!};
}

function stateText(container: Container): string {
	return container.status === 'exited' ? `exited with code ${container.exitCode}` : container.status;
}

// ------------------------------------------------------------------------------------------------
// container

function containerCheck(world: World, check: Extract<Check, {kind: 'container'}>): CheckResult {
	const t = target(world, check.name, check.select);
	const parts: string[] = [];
	if (check.state) parts.push(`be ${check.state}`);
	if (check.exitCode !== undefined) parts.push(check.state === 'exited' ? `with code ${check.exitCode}` : `have exited with code ${check.exitCode}`);
	if (check.image) parts.push(`${parts.length > 0 ? 'and run' : 'run'} ${check.image}`);
	const expectation = parts.length > 0 ? parts.join(' ') : 'exist';
	if (!check.exists) {
		if (t.candidates.length === 0) return {ok: true, message: check.select ? `there is no ${check.name.replace(/^(a|the newest) /, '')}` : `there is no container ${check.name}`};
		const found = t.candidates[0]!;
		return {
			ok: false,
			message: check.select
				? `there should be no ${check.name.replace(/^(a|the newest) /, '')}, but ${found.name} is ${stateText(found)}`
				: `container ${check.name} should not exist, but it does (${stateText(found)})`,
		};
	}
	if (t.candidates.length === 0) return {ok: false, message: `${t.subject} should ${expectation}, but ${t.none}`};
	const result = anyCandidate(t.candidates, container => {
		const it = check.select ? container.name : 'it';
		if (check.state && container.status !== check.state) return `${it} is ${stateText(container)}`;
		if (check.exitCode !== undefined) {
			if (container.status !== 'exited') return `${it} is ${container.status}`;
			if (container.exitCode !== check.exitCode) return `${it} exited with code ${container.exitCode}`;
		}
		if (check.image && !fromImage(world, container, check.image)) return `${it} runs ${container.config.image}`;
		return undefined;
	});
	if (!result.ok) return {ok: false, message: `${t.subject} should ${expectation}, but ${result.why}`};
	const c = result.container;
	return {ok: true, message: `${check.select ? `${t.subject} (${c.name})` : t.subject} is ${stateText(c)}, from ${c.config.image}`};
}

// ------------------------------------------------------------------------------------------------
// file

interface FoundFile {
	entry: Entry;
	/** Containers only. */
	origin?: EngineOrigin;
	hides?: EngineOrigin;
}

function statIn(fs: ReturnType<typeof treeFs>, path: string): {path: string; entry: Entry} | undefined {
	try {
		return fs.stat(path);
	} catch (error) {
		if (error instanceof FsError) return undefined;
		throw error;
	}
}

function findInContainer(world: World, container: Container, path: string): FoundFile | undefined {
	const found = statIn(containerFs(world, container), path);
	if (!found) return undefined;
	const visible = lookupIn(world, container, found.path);
	const copies = originsOf(world, container, found.path);
	return {entry: found.entry, origin: visible?.origin, hides: copies[1]?.origin};
}

function fileProblem(check: Extract<Check, {kind: 'file'}>, found: FoundFile | undefined): string | undefined {
	if (!check.exists) return found ? `it does${found.origin ? ` (from ${describeOrigin(found.origin)})` : ''}` : undefined;
	if (!found) return 'it does not';
	if (check.origin && found.origin && found.origin.kind !== check.origin) return `it comes from ${describeOrigin(found.origin)}`;
	if (check.hides) {
		if (!found.hides) return 'it hides nothing';
		if (found.hides.kind !== check.hides) return `it hides a copy from ${describeOrigin(found.hides)}`;
	}
	if (check.content !== undefined || check.matches !== undefined) {
		if (found.entry.kind === 'dir') return 'it is a folder';
		const content = found.entry.kind === 'file' ? found.entry.content : '';
		const actual = content === '' ? 'it is empty' : `it contains ${quote(content)}`;
		if (check.content !== undefined && content !== check.content) return actual;
		if (check.matches !== undefined && !new RegExp(check.matches, 'm').test(content)) return actual;
	}
	return undefined;
}

function fileExpectation(check: Extract<Check, {kind: 'file'}>): string {
	if (!check.exists) return 'not exist';
	const parts: string[] = [];
	if (check.origin) parts.push(`come from ${describeOriginKind(check.origin)}`);
	if (check.hides) parts.push(`hide a copy from ${describeOriginKind(check.hides)}`);
	if (check.content !== undefined) parts.push(`contain ${quote(check.content)}`);
	if (check.matches !== undefined) parts.push(`have ${regexPhrase(check.matches)}`);
	if (parts.length === 0) return 'exist';
	return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** What a passing content check saw: ` and contains “…”`, ` and has a line starting with “1|”`. */
function contentFacts(check: Extract<Check, {kind: 'file'}>): string {
	if (check.content !== undefined) return ', with the expected content';
	if (check.matches !== undefined) return ` and has ${regexPhrase(check.matches)}`;
	return '';
}

/** "comes from the writable layer, hiding a copy in image layer 3", "is a folder", "exists". */
function fileFacts(found: FoundFile): string {
	const hides = found.hides ? `, hiding a copy in ${describeOrigin(found.hides)}` : '';
	if (found.entry.kind === 'dir') return `is a folder${found.origin ? ` from ${describeOrigin(found.origin)}` : ''}${hides}`;
	return found.origin ? `comes from ${describeOrigin(found.origin)}${hides}` : 'exists';
}

function fileCheck(world: World, check: Extract<Check, {kind: 'file'}>): CheckResult {
	const place = check.place;
	const expectation = fileExpectation(check);
	if ('host' in place) {
		const subject = `${check.path} on the host`;
		const stat = statIn(treeFs(world.host.files), check.path);
		const found = stat ? {entry: stat.entry} : undefined;
		const why = fileProblem(check, found);
		if (why) return {ok: false, message: `${subject} should ${expectation}, but ${why}`};
		return {ok: true, message: check.exists ? `${subject} ${fileFacts(found!)}${contentFacts(check)}` : `${subject} does not exist`};
	}
	if ('volume' in place) {
		const subject = `${check.path} in volume ${place.volume}`;
		const volume = world.volumes[place.volume];
		if (!volume) return {ok: false, message: `${subject} should ${expectation}, but there is no volume ${place.volume}`};
		const stat = statIn(treeFs(volume.files), check.path);
		const found = stat ? {entry: stat.entry} : undefined;
		const why = fileProblem(check, found);
		if (why) return {ok: false, message: `${subject} should ${expectation}, but ${why}`};
		return {ok: true, message: check.exists ? `${subject} ${fileFacts(found!)}${contentFacts(check)}` : `${subject} does not exist`};
	}
	const t = target(world, place.container, place.select);
	const subject = `${check.path} in ${t.short}`;
	if (t.candidates.length === 0) return {ok: false, message: `${subject} should ${expectation}, but ${t.none}`};
	let lastFound: FoundFile | undefined;
	const result = anyCandidate(t.candidates, container => {
		const found = findInContainer(world, container, check.path);
		lastFound = found;
		return fileProblem(check, found);
	});
	if (!result.ok) {
		const where = place.select ? `in ${result.container.name} ` : '';
		return {ok: false, message: `${subject} should ${expectation}, but ${where}${result.why}`};
	}
	const found = check.exists ? (findInContainer(world, result.container, check.path) ?? lastFound) : undefined;
	const which = place.select ? ` (${result.container.name})` : '';
	return {ok: true, message: check.exists && found ? `${subject}${which} ${fileFacts(found)}${contentFacts(check)}` : `${subject}${which} does not exist`};
}

// ------------------------------------------------------------------------------------------------
// mount

function mountExpectation(check: Extract<Check, {kind: 'mount'}>): string {
	const words: string[] = [];
	if (check.readonly === true) words.push('read-only');
	if (check.readonly === false) words.push('read-write');
	if (check.named === true) words.push('named');
	if (check.named === false) words.push('anonymous');
	if (check.type === 'volume' && check.source !== undefined) {
		return `volume ${check.source}${check.readonly === true ? ' (read-only)' : check.readonly === false ? ' (read-write)' : ''} at ${check.target}`;
	}
	words.push(check.type === 'bind' ? 'bind mount' : check.named === undefined ? 'volume mount' : 'volume');
	let text = `${/^[aeiou]/.test(words[0]!) ? 'an' : 'a'} ${words.join(' ')}`;
	if (check.source !== undefined) text += ` of ${check.source}`;
	return `${text} at ${check.target}`;
}

function mountProblem(world: World, check: Extract<Check, {kind: 'mount'}>, container: Container): string | undefined {
	const target = normalizePath(check.target);
	const mount = container.mounts.find(candidate => candidate.destination === target);
	if (!mount) {
		const others = container.mounts.map(other => other.destination);
		return `it has no mount at ${target}` + (others.length > 0 ? ` (its mounts: ${listNames(others)})` : ' (it has no mounts)');
	}
	if (mount.type !== check.type) return `the mount there is ${mount.type === 'bind' ? `a bind mount of ${mount.source}` : describeVolume(world, mount)}`;
	if (check.readonly !== undefined && mount.rw === check.readonly) return `it is ${mount.rw ? 'read-write' : 'read-only'}`;
	if (check.type === 'volume') {
		const anonymous = world.volumes[mount.name]?.anonymous ?? mount.anonymous;
		if (check.named === true && anonymous) return `the volume there is anonymous (${mount.name.slice(0, 12)})`;
		if (check.named === false && !anonymous) return `the volume there is named ${mount.name}`;
		if (check.source !== undefined && mount.name !== check.source) return `it mounts ${describeVolume(world, mount)}`;
	} else if (check.source !== undefined && normalizePath(mount.source) !== normalizePath(check.source)) {
		return `its source is ${mount.source}`;
	}
	return undefined;
}

function describeVolume(world: World, mount: Mount): string {
	const anonymous = world.volumes[mount.name]?.anonymous ?? mount.anonymous;
	return anonymous ? `anonymous volume ${mount.name.slice(0, 12)}` : `volume ${mount.name}`;
}

function mountCheck(world: World, check: Extract<Check, {kind: 'mount'}>): CheckResult {
	const t = target(world, check.container, check.select);
	const expectation = mountExpectation(check);
	if (t.candidates.length === 0) return {ok: false, message: `${t.subject} should have ${expectation}, but ${t.none}`};
	const result = anyCandidate(t.candidates, container => mountProblem(world, check, container));
	if (!result.ok) {
		const it = check.select ? result.container.name : 'it';
		return {ok: false, message: `${t.subject} should have ${expectation}, but ${result.why.replace(/^it /, `${it} `)}`};
	}
	const mount = result.container.mounts.find(candidate => candidate.destination === normalizePath(check.target))!;
	const what = mount.type === 'bind' ? `bind mount of ${mount.source}` : `mount of ${describeVolume(world, mount)}`;
	return {ok: true, message: `${t.subject}${check.select ? ` (${result.container.name})` : ''} has a ${mount.rw ? 'read-write' : 'read-only'} ${what} at ${mount.destination}`};
}

// ------------------------------------------------------------------------------------------------
// count

function countNoun(of: 'containers' | 'volumes' | 'images', filter: CountFilter | undefined, count: number): string {
	const words: string[] = [];
	if (filter?.state) words.push(filter.state);
	if (of === 'volumes' && filter?.anonymous === true) words.push('anonymous');
	if (of === 'volumes' && filter?.anonymous === false) words.push('named');
	words.push(count === 1 ? of.slice(0, -1) : of);
	if (filter?.image && of === 'containers') words.push(`from ${filter.image}`);
	if (filter?.image && of === 'images') words.push(`named ${filter.image}`);
	if (filter?.name) words.push(`named ${filter.name}`);
	return words.join(' ');
}

function counted(world: World, of: 'containers' | 'volumes' | 'images', filter: CountFilter | undefined): string[] {
	if (of === 'containers') {
		return Object.values(world.containers)
			.filter(
				container =>
					(filter?.state === undefined || container.status === filter.state) &&
					(filter?.image === undefined || fromImage(world, container, filter.image)) &&
					(filter?.name === undefined || container.name === filter.name),
			)
			.sort(byCreation)
			.map(container => container.name);
	}
	if (of === 'volumes') {
		return Object.values(world.volumes)
			.filter(volume => (filter?.anonymous === undefined || volume.anonymous === filter.anonymous) && (filter?.name === undefined || volume.name === filter.name))
			.sort((a, b) => a.created - b.created)
			.map(volume => (volume.anonymous ? volume.name.slice(0, 12) : volume.name));
	}
	const want = [filter?.image, filter?.name].filter((ref): ref is string => ref !== undefined).map(fullRef);
	return Object.values(world.images)
		.filter(image => want.every(ref => image.repoTags.includes(ref)))
		.map(image => image.repoTags[0] ?? image.id.slice(7, 19));
}

function countCheck(world: World, check: Extract<Check, {kind: 'count'}>): CheckResult {
	const names = counted(world, check.of, check.filter);
	const n = names.length;
	let wanted: string;
	let ok: boolean;
	let amount: number;
	if (check.equals !== undefined) {
		wanted = String(check.equals);
		amount = check.equals;
		ok = n === check.equals;
	} else if (check.atLeast !== undefined && check.atMost !== undefined && check.atLeast === check.atMost) {
		wanted = String(check.atLeast);
		amount = check.atLeast;
		ok = n === check.atLeast;
	} else if (check.atLeast !== undefined && check.atMost !== undefined) {
		wanted = `between ${check.atLeast} and ${check.atMost}`;
		amount = check.atMost;
		ok = n >= check.atLeast && n <= check.atMost;
	} else if (check.atLeast !== undefined) {
		wanted = `at least ${check.atLeast}`;
		amount = check.atLeast;
		ok = n >= check.atLeast;
	} else {
		wanted = `at most ${check.atMost ?? 0}`;
		amount = check.atMost ?? 0;
		ok = n <= (check.atMost ?? 0);
	}
	const shown = check.filter?.name !== undefined || n === 0 ? '' : ` (${listNames(names)})`;
	const actual = `there ${n === 1 ? 'is' : 'are'} ${n}${shown}`;
	if (ok)
		return {ok: true, message: `${actual.replace(/^there (is|are) (\d+)/, (_, verb: string, count: string) => `there ${verb} ${count} ${countNoun(check.of, check.filter, n)}`)}`};
	return {ok: false, message: `there should be ${wanted} ${countNoun(check.of, check.filter, amount)}, but ${actual}`};
}

// ------------------------------------------------------------------------------------------------
// output

/** The last output as checks see it: CRLF folded to LF. */
export function normaliseOutput(output: string): string {
	return output.replace(/\r\n/g, '\n');
}

function outputExcerpt(output: string): string {
	if (output.trim() === '') return 'it was empty';
	const lines = output.split('\n').filter(line => line.trim() !== '');
	const excerpt = lines.length === 1 ? quote(lines[0]!) : `${quote(lines[0]!)} and ${plural(lines.length - 1, 'more line')}`;
	return `it was ${excerpt}`;
}

function outputCheck(check: Extract<Check, {kind: 'output'}>, lastOutput: string): CheckResult {
	const output = normaliseOutput(lastOutput);
	const what = check.matches !== undefined ? `have ${regexPhrase(check.matches)}` : `contain ${quote(check.contains ?? '')}`;
	let hit: boolean;
	let matchedLine = '';
	if (check.matches !== undefined) {
		const match = new RegExp(check.matches, 'm').exec(output);
		hit = match !== null;
		if (match) matchedLine = output.slice(output.lastIndexOf('\n', match.index) + 1).split('\n')[0] ?? '';
	} else {
		const index = output.indexOf(check.contains ?? '');
		hit = index >= 0;
		if (hit) matchedLine = output.slice(output.lastIndexOf('\n', index) + 1).split('\n')[0] ?? '';
	}
	if (check.not) {
		if (!hit) return {ok: true, message: `the last output does not ${what}`};
		return {ok: false, message: `the last output should not ${what}, but it does (${quote(matchedLine)})`};
	}
	if (hit) return {ok: true, message: `the last output ${what.replace(/^have/, 'has').replace(/^contain/, 'contains')} (${quote(matchedLine)})`};
	return {ok: false, message: `the last output should ${what}, but ${outputExcerpt(output)}`};
}

// ------------------------------------------------------------------------------------------------

/** Evaluates one check against the world and the last command's output (stdout and stderr). */
export function evaluateCheck(world: World, check: Check, lastOutput: string): CheckResult {
	switch (check.kind) {
		case 'container':
			return containerCheck(world, check);
		case 'file':
			return fileCheck(world, check);
		case 'mount':
			return mountCheck(world, check);
		case 'count':
			return countCheck(world, check);
		case 'output':
			return outputCheck(check, lastOutput);
	}
}

/** Every check of a step, in order. The step is done when all are ok. */
export function evaluateStep(world: World, step: Step, lastOutput: string): CheckResult[] {
	return step.checks.map(check => evaluateCheck(world, check, lastOutput));
}

export function stepPasses(results: CheckResult[]): boolean {
	return results.length > 0 && results.every(result => result.ok);
}

/** What a check asks for, as one line for a goal list (no world needed). */
export function describeCheck(check: Check): string {
	switch (check.kind) {
		case 'container': {
			const subject = check.select ? check.name : `container ${check.name}`;
			if (!check.exists) return check.select ? `no ${check.name.replace(/^(a|the newest) /, '')}` : `no container ${check.name}`;
			const parts: string[] = [];
			if (check.state) parts.push(`is ${check.state}${check.exitCode !== undefined && check.state === 'exited' ? ` with code ${check.exitCode}` : ''}`);
			if (check.exitCode !== undefined && check.state !== 'exited') parts.push(`has exited with code ${check.exitCode}`);
			if (check.image) parts.push(`runs ${check.image}`);
			return parts.length > 0 ? `${subject} ${parts.join(' and ')}` : `${subject} exists`;
		}
		case 'file': {
			const where = 'host' in check.place ? 'on the host' : 'volume' in check.place ? `in volume ${check.place.volume}` : `in ${check.place.container}`;
			return `${check.path} ${where} should ${fileExpectation(check)}`;
		}
		case 'mount':
			return `${check.select ? check.container : `container ${check.container}`} has ${mountExpectation(check)}`;
		case 'count': {
			const amount = check.equals ?? check.atLeast ?? check.atMost ?? 0;
			const how =
				check.equals !== undefined
					? `${check.equals}`
					: check.atLeast !== undefined && check.atMost !== undefined
						? `between ${check.atLeast} and ${check.atMost}`
						: check.atLeast !== undefined
							? `at least ${check.atLeast}`
							: `at most ${check.atMost}`;
			return `${how} ${countNoun(check.of, check.filter, amount)}`;
		}
		case 'output': {
			const what = check.matches !== undefined ? `has ${regexPhrase(check.matches)}` : `contains ${quote(check.contains ?? '')}`;
			return `the last output ${check.not ? `does not ${what.replace(/^has/, 'have').replace(/^contains/, 'contain')}` : what}`;
		}
	}
}
