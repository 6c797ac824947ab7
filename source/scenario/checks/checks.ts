/**
 * Checks: declarative predicates over the world. Each result says in ONE line what was expected and,
 * when it fails, what the world holds instead:
 *   container rn1 should be exited, but it is running
 *   /random/number.txt in rn1 should come from the writable layer, but it comes from image layer 3
 * Evaluating never changes the world (only reads: lookups, stats and listings).
 */
import type {Container, Entry, Mount, World, Origin as EngineOrigin} from '../../engine/index.js';
import {own, containerFs, lookupIn, originsOf, treeFs, FsError, parseImageRef, normalizePath} from '../../engine/screen.js';
import type {Check, CheckResult, ContainerSelector, CountFilter, Origin, Step} from '../types.js';
import {t, type MessageKey, type Vars} from '../../lab/messages.js';

/** Text shown when quoting content or output: one line, at most this many characters. */
const QUOTE_LIMIT = 60;

export function quote(text: string, limit = QUOTE_LIMIT): string {
	const json = JSON.stringify(text);
	if (json.length <= limit) return json;
	return JSON.stringify(text.slice(0, limit - 3)).slice(0, -1) + '…"';
}

/** Says a catalog message in the learner's language (checks are phrased through the message catalog). */
type Say = ((key: MessageKey, vars?: Vars) => string) & {lang: string};

function sayer(lang: string): Say {
	return Object.assign((key: MessageKey, vars?: Vars) => t(lang, key, vars), {lang});
}

/**
 * A regular expression as words, for the kinds a lesson uses: literal text, `.*` gaps, numbers, ids,
 * runs of spaces, line anchors and line breaks — `^1\\|` → a line starting with “1|”,
 * `Exited \\(0\\).*rn1$` → a line with “Exited (0)” … “rn1” at its end. Anything else is shown as
 * the expression itself.
 */
export function regexPhrase(source: string, lang = 'en'): string {
	const say = sayer(lang);
	const lines = source.split('\\n');
	const described = lines.map((line, index) => linePhrase(line, index === 0, index === lines.length - 1, say));
	if (described.some(line => line === undefined)) return say('rx.raw', {source});
	if (lines.length === 1) return described[0]!.phrase;
	return say('rx.lines', {list: described.map(line => (line!.exact ? line!.text : line!.phrase)).join(say('rx.then'))});
}

function linePhrase(source: string, first: boolean, last: boolean, say: Say): {phrase: string; text: string; exact: boolean} | undefined {
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
	const patterns: Array<[RegExp, (match: RegExpExecArray) => string]> = [
		[/^\.[*+]/, () => '…'],
		[/^(\[0-9\]|\\d)\+/, () => say('rx.number')],
		[/^\[0-9a-f\]\{(\d+)\}/, match => say('rx.id', {n: match[1] ?? ''})],
		[/^( |\\s)\+/, () => say('rx.spaces')],
	];
	outer: while (body !== '') {
		for (const [pattern, words] of patterns) {
			const match = pattern.exec(body);
			if (!match) continue;
			flush();
			pieces.push(words(match));
			body = body.slice(match[0].length);
			continue outer;
		}
		const ahead = /^\(\?!((?:\\.|[^\\()[\]{}|*+?^$])+)\)/.exec(body);
		if (ahead) {
			flush();
			pieces.push(say('rx.notFollowed', {text: `“${ahead[1]!.replace(/\\(.)/g, '$1')}”`}));
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
	const phrase = say(start && end ? 'rx.exactly' : start ? 'rx.starts' : end ? 'rx.ends' : 'rx.has', {text});
	return {phrase, text, exact: start && end};
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
export function describeOrigin(origin: EngineOrigin, lang = 'en'): string {
	const say = sayer(lang);
	switch (origin.kind) {
		case 'rw':
			return say('origin.rw');
		case 'image':
			return say('origin.image', {n: origin.index + 1});
		case 'init':
			return say('origin.init');
		case 'volume':
			return origin.anonymous ? say('origin.anonymous', {id: origin.name.slice(0, 12)}) : say('origin.volume', {name: origin.name});
		case 'bind':
			return say('origin.bind', {path: origin.hostPath});
	}
}

/** How people name an expected origin kind. */
export function describeOriginKind(kind: Origin, lang = 'en'): string {
	return t(lang, `kind.${kind}`);
}

function listNames(say: Say, names: readonly string[], max = 4): string {
	return shownOf(say, names.slice(0, max), names.length);
}

/** listNames of the names sorted, sorting only the ones it shows (a check runs after every command, on worlds of any size). */
function listSorted(say: Say, names: readonly string[], max = 4): string {
	return shownOf(say, firstSorted(names, max), names.length);
}

/** The names shown, and how many more there are when they are not all of them. */
function shownOf(say: Say, shown: readonly string[], total: number): string {
	if (total <= shown.length) return shown.join(', ');
	return say('check.more', {list: shown.join(', '), n: total - shown.length});
}

/** `[...names].sort().slice(0, max)`, by keeping the `max` first seen so far in order. */
export function firstSorted(names: readonly string[], max: number): string[] {
	const first: string[] = [];
	if (max <= 0) return first;
	for (const name of names) {
		if (first.length === max && name >= first[max - 1]!) continue;
		let at = first.length;
		while (at > 0 && first[at - 1]! > name) at--;
		first.splice(at, 0, name);
		if (first.length > max) first.pop();
	}
	return first;
}

// ------------------------------------------------------------------------------------------------
// Containers: by name or by selector

/** Through the world's name index when it has one (a check runs after every command: no scan of every container). */
function byName(world: World, name: string): Container | undefined {
	if (world.containerNames) {
		const id = own(world.containerNames, name);
		return id === undefined ? undefined : own(world.containers, id);
	}
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

/** The words of a selector: its state and image (`running diamol/ch06-lab `) and its port. */
function selectorWords(say: Say, select: ContainerSelector): {what: string; port: string} {
	const what = [select.state ? say(`check.adj.${select.state}`) : '', select.image ?? ''].filter(word => word !== '').join(' ');
	return {what: what === '' ? '' : `${what} `, port: select.port === undefined ? '' : say('check.sel.port', {port: select.port})};
}

/** What a selector picks, for people: "the newest running diamol/ch06-lab container". */
function selectorText(say: Say, select: ContainerSelector): string {
	return say(select.latest ? 'check.sel.newest' : 'check.sel.any', selectorWords(say, select));
}

function target(say: Say, world: World, name: string, select: ContainerSelector | undefined): Target {
	if (select) {
		const label = selectorText(say, select);
		return {subject: label, short: label, candidates: selectContainers(world, select), none: say('check.sel.none', selectorWords(say, select))};
	}
	const found = byName(world, name);
	// `none` is read only when nothing was found: the other names are listed only then (from the
	// world's name index when it has one, so no container record is read).
	const others = found ? [] : world.containerNames ? Object.keys(world.containerNames) : Object.values(world.containers).map(container => container.name);
	return {
		subject: say('check.container', {name}),
		short: name,
		candidates: found ? [found] : [],
		none: say('check.c.noneByName', {name, others: others.length > 0 ? say('check.c.others', {list: listSorted(say, others)}) : say('check.c.noOthers')}),
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

function stateText(say: Say, container: Container): string {
	return container.status === 'exited' ? say('check.is.exited', {code: container.exitCode ?? 0}) : say(`check.is.${container.status}`);
}

/** The container a reason is about: "it" for a named check, the container's name for a selector's. */
function itWord(say: Say, container: Container, select: ContainerSelector | undefined): string {
	return select ? say('check.itNamed', {name: container.name}) : say('check.it');
}

// ------------------------------------------------------------------------------------------------
// container

function containerExpectation(say: Say, check: Extract<Check, {kind: 'container'}>): string {
	const parts: string[] = [];
	if (check.state === 'exited' && check.exitCode !== undefined) parts.push(say('check.c.beExitedCode', {code: check.exitCode}));
	else {
		if (check.state) parts.push(say(`check.c.be.${check.state}`));
		if (check.exitCode !== undefined) parts.push(say('check.c.exitedCode', {code: check.exitCode}));
	}
	if (check.image) parts.push(say(parts.length > 0 ? 'check.c.andRun' : 'check.c.run', {image: check.image}));
	return parts.length > 0 ? parts.join(say('check.join')) : say('check.c.exist');
}

function containerCheck(say: Say, world: World, check: Extract<Check, {kind: 'container'}>): CheckResult {
	const t = target(say, world, check.name, check.select);
	const expectation = containerExpectation(say, check);
	if (!check.exists) {
		if (t.candidates.length === 0) return {ok: true, message: check.select ? t.none : say('check.c.noneByName', {name: check.name, others: ''})};
		const found = t.candidates[0]!;
		return {
			ok: false,
			message: check.select
				? say('check.c.shouldNotSel', {...selectorWords(say, check.select), name: found.name, state: stateText(say, found)})
				: say('check.c.shouldNot', {name: check.name, state: stateText(say, found)}),
		};
	}
	if (t.candidates.length === 0) return {ok: false, message: say('check.shouldBut', {subject: t.subject, expectation, why: t.none})};
	const result = anyCandidate(t.candidates, container => {
		const it = itWord(say, container, check.select);
		if (check.state && container.status !== check.state) return say('check.c.whyState', {it, state: stateText(say, container)});
		if (check.exitCode !== undefined) {
			if (container.status !== 'exited') return say('check.c.whyState', {it, state: stateText(say, container)});
			if (container.exitCode !== check.exitCode) return say('check.c.whyCode', {it, code: container.exitCode ?? 0});
		}
		if (check.image && !fromImage(world, container, check.image)) return say('check.c.whyImage', {it, image: container.config.image});
		return undefined;
	});
	if (!result.ok) return {ok: false, message: say('check.shouldBut', {subject: t.subject, expectation, why: result.why})};
	const c = result.container;
	return {ok: true, message: say('check.c.pass', {subject: check.select ? `${t.subject} (${c.name})` : t.subject, state: stateText(say, c), image: c.config.image})};
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

function fileProblem(say: Say, check: Extract<Check, {kind: 'file'}>, found: FoundFile | undefined): string | undefined {
	if (!check.exists) {
		if (!found) return undefined;
		return found.origin ? say('check.f.whyDoesFrom', {origin: describeOrigin(found.origin, say.lang)}) : say('check.f.whyDoes');
	}
	if (!found) return say('check.f.whyNot');
	if (check.origin && found.origin && found.origin.kind !== check.origin) return say('check.f.whyFrom', {origin: describeOrigin(found.origin, say.lang)});
	if (check.hides) {
		if (!found.hides) return say('check.f.whyHidesNothing');
		if (found.hides.kind !== check.hides) return say('check.f.whyHides', {origin: describeOrigin(found.hides, say.lang)});
	}
	if (check.content !== undefined || check.matches !== undefined) {
		if (found.entry.kind === 'dir') return say('check.f.whyFolder');
		const content = found.entry.kind === 'file' ? found.entry.content : '';
		const actual = content === '' ? say('check.f.whyEmpty') : say('check.f.whyContains', {text: quote(content)});
		if (check.content !== undefined && content !== check.content) return actual;
		if (check.matches !== undefined && !new RegExp(check.matches, 'm').test(content)) return actual;
	}
	return undefined;
}

function fileExpectation(say: Say, check: Extract<Check, {kind: 'file'}>): string {
	if (!check.exists) return say('check.f.notExist');
	const parts: string[] = [];
	if (check.origin) parts.push(say('check.f.origin', {kind: describeOriginKind(check.origin, say.lang)}));
	if (check.hides) parts.push(say('check.f.hides', {kind: describeOriginKind(check.hides, say.lang)}));
	if (check.content !== undefined) parts.push(say('check.f.content', {text: quote(check.content)}));
	if (check.matches !== undefined) parts.push(say('check.f.matches', {phrase: regexPhrase(check.matches, say.lang)}));
	if (parts.length === 0) return say('check.f.exist');
	return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(say('check.comma'))}${say('check.and')}${parts.at(-1)}`;
}

/** What a passing content check saw: `, with the expected content`, ` and has a line starting with “1|”`. */
function contentFacts(say: Say, check: Extract<Check, {kind: 'file'}>): string {
	if (check.content !== undefined) return say('check.f.expectedContent');
	if (check.matches !== undefined) return say('check.f.andHas', {phrase: regexPhrase(check.matches, say.lang)});
	return '';
}

/** "comes from the writable layer, hiding a copy in image layer 3", "is a folder", "exists". */
function fileFacts(say: Say, found: FoundFile): string {
	const lang = say.lang;
	const hides = found.hides ? say('check.f.hiding', {origin: describeOrigin(found.hides, lang)}) : '';
	if (found.entry.kind === 'dir') return found.origin ? say('check.f.folderFrom', {origin: describeOrigin(found.origin, lang), hides}) : say('check.f.folder', {hides});
	return found.origin ? say('check.f.comesFrom', {origin: describeOrigin(found.origin, lang), hides}) : say('check.f.exists');
}

function plainFileCheck(say: Say, check: Extract<Check, {kind: 'file'}>, subject: string, found: FoundFile | undefined): CheckResult {
	const why = fileProblem(say, check, found);
	if (why) return {ok: false, message: say('check.shouldBut', {subject, expectation: fileExpectation(say, check), why})};
	return {ok: true, message: check.exists ? say('check.f.pass', {subject, facts: fileFacts(say, found!), content: contentFacts(say, check)}) : say('check.f.absent', {subject})};
}

function fileCheck(say: Say, world: World, check: Extract<Check, {kind: 'file'}>): CheckResult {
	const place = check.place;
	const expectation = fileExpectation(say, check);
	if ('host' in place) {
		const stat = statIn(treeFs(world.host.files), check.path);
		return plainFileCheck(say, check, say('check.f.host', {path: check.path}), stat ? {entry: stat.entry} : undefined);
	}
	if ('volume' in place) {
		const subject = say('check.f.volume', {path: check.path, volume: place.volume});
		const volume = world.volumes[place.volume];
		if (!volume) return {ok: false, message: say('check.shouldBut', {subject, expectation, why: say('check.f.noVolume', {volume: place.volume})})};
		const stat = statIn(treeFs(volume.files), check.path);
		return plainFileCheck(say, check, subject, stat ? {entry: stat.entry} : undefined);
	}
	const t = target(say, world, place.container, place.select);
	const subject = say('check.f.in', {path: check.path, where: t.short});
	if (t.candidates.length === 0) return {ok: false, message: say('check.shouldBut', {subject, expectation, why: t.none})};
	let lastFound: FoundFile | undefined;
	const result = anyCandidate(t.candidates, container => {
		const found = findInContainer(world, container, check.path);
		lastFound = found;
		return fileProblem(say, check, found);
	});
	if (!result.ok) {
		const where = place.select ? say('check.f.inName', {name: result.container.name}) : '';
		return {ok: false, message: say('check.shouldBut', {subject, expectation, why: `${where}${result.why}`})};
	}
	const found = check.exists ? (findInContainer(world, result.container, check.path) ?? lastFound) : undefined;
	const which = place.select ? `${subject} (${result.container.name})` : subject;
	return {
		ok: true,
		message:
			check.exists && found ? say('check.f.pass', {subject: which, facts: fileFacts(say, found), content: contentFacts(say, check)}) : say('check.f.absent', {subject: which}),
	};
}

// ------------------------------------------------------------------------------------------------
// mount

function mountExpectation(say: Say, check: Extract<Check, {kind: 'mount'}>): string {
	if (check.type === 'volume' && check.source !== undefined) {
		const mode = check.readonly === true ? say('check.m.roParen') : check.readonly === false ? say('check.m.rwParen') : '';
		return say('check.m.volumeAt', {source: check.source, mode, target: check.target});
	}
	const words: string[] = [];
	if (check.readonly === true) words.push(say('check.m.ro'));
	if (check.readonly === false) words.push(say('check.m.rw'));
	if (check.named === true) words.push(say('check.m.named'));
	if (check.named === false) words.push(say('check.m.anonymous'));
	words.push(say(check.type === 'bind' ? 'check.m.bind' : check.named === undefined ? 'check.m.volumeMount' : 'check.m.volume'));
	// English says "an" before "anonymous", the one word here that starts with a vowel.
	const an = check.readonly === undefined && check.named === false;
	const vars = {words: words.join(' '), target: check.target};
	if (check.source !== undefined) return say(an ? 'check.m.expectAnOf' : 'check.m.expectOf', {...vars, source: check.source});
	return say(an ? 'check.m.expectAn' : 'check.m.expect', vars);
}

function mountProblem(say: Say, world: World, check: Extract<Check, {kind: 'mount'}>, container: Container): string | undefined {
	const it = itWord(say, container, check.select);
	const target = normalizePath(check.target);
	const mount = container.mounts.find(candidate => candidate.destination === target);
	if (!mount) {
		const others = container.mounts.map(other => other.destination);
		return say('check.m.noMountAt', {it, target, others: others.length > 0 ? say('check.m.others', {list: listNames(say, others)}) : say('check.m.noMounts')});
	}
	if (mount.type !== check.type)
		return mount.type === 'bind' ? say('check.m.isBind', {source: mount.source}) : say('check.m.isVolume', {volume: describeVolume(say, world, mount)});
	if (check.readonly !== undefined && mount.rw === check.readonly) return say(mount.rw ? 'check.m.isRw' : 'check.m.isRo', {it});
	if (check.type === 'volume') {
		const anonymous = world.volumes[mount.name]?.anonymous ?? mount.anonymous;
		if (check.named === true && anonymous) return say('check.m.isAnonymous', {id: mount.name.slice(0, 12)});
		if (check.named === false && !anonymous) return say('check.m.isNamed', {name: mount.name});
		if (check.source !== undefined && mount.name !== check.source) return say('check.m.mounts', {it, volume: describeVolume(say, world, mount)});
	} else if (check.source !== undefined && normalizePath(mount.source) !== normalizePath(check.source)) {
		return say('check.m.sourceIs', {source: mount.source});
	}
	return undefined;
}

function describeVolume(say: Say, world: World, mount: Mount): string {
	const anonymous = world.volumes[mount.name]?.anonymous ?? mount.anonymous;
	return anonymous ? say('origin.anonymous', {id: mount.name.slice(0, 12)}) : say('origin.volume', {name: mount.name});
}

function mountCheck(say: Say, world: World, check: Extract<Check, {kind: 'mount'}>): CheckResult {
	const t = target(say, world, check.container, check.select);
	const expectation = mountExpectation(say, check);
	if (t.candidates.length === 0) return {ok: false, message: say('check.m.shouldBut', {subject: t.subject, expectation, why: t.none})};
	const result = anyCandidate(t.candidates, container => mountProblem(say, world, check, container));
	if (!result.ok) return {ok: false, message: say('check.m.shouldBut', {subject: t.subject, expectation, why: result.why})};
	const mount = result.container.mounts.find(candidate => candidate.destination === normalizePath(check.target))!;
	const subject = `${t.subject}${check.select ? ` (${result.container.name})` : ''}`;
	const mode = say(mount.rw ? 'check.m.rw' : 'check.m.ro');
	return {
		ok: true,
		message:
			mount.type === 'bind'
				? say('check.m.passBind', {subject, mode, source: mount.source, target: mount.destination})
				: say('check.m.passVolume', {subject, mode, volume: describeVolume(say, world, mount), target: mount.destination}),
	};
}

// ------------------------------------------------------------------------------------------------
// count

function countNoun(say: Say, of: 'containers' | 'volumes' | 'images', filter: CountFilter | undefined, count: number): string {
	const words: string[] = [];
	if (filter?.state) words.push(say(`check.adj.${filter.state}`));
	if (of === 'volumes' && filter?.anonymous === true) words.push(say('count.anonymous'));
	if (of === 'volumes' && filter?.anonymous === false) words.push(say('count.named'));
	words.push(say(count === 1 ? `count.${of.slice(0, -1) as 'container' | 'volume' | 'image'}` : `count.${of}`));
	let noun = words.join(' ');
	if (filter?.image && of === 'containers') noun = say('count.fromImage', {noun, image: filter.image});
	if (filter?.image && of === 'images') noun = say('count.namedImage', {noun, image: filter.image});
	if (filter?.name) noun = say('count.namedName', {noun, name: filter.name});
	return noun;
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

function countWanted(say: Say, check: Extract<Check, {kind: 'count'}>): {wanted: string; amount: number; ok: (n: number) => boolean} {
	if (check.equals !== undefined) return {wanted: say('count.exactly', {n: check.equals}), amount: check.equals, ok: n => n === check.equals};
	if (check.atLeast !== undefined && check.atMost !== undefined && check.atLeast === check.atMost)
		return {wanted: say('count.exactly', {n: check.atLeast}), amount: check.atLeast, ok: n => n === check.atLeast};
	if (check.atLeast !== undefined && check.atMost !== undefined) {
		const {atLeast, atMost} = check;
		return {wanted: say('count.between', {a: atLeast, b: atMost}), amount: atMost, ok: n => n >= atLeast && n <= atMost};
	}
	if (check.atLeast !== undefined) {
		const {atLeast} = check;
		return {wanted: say('count.atLeast', {n: atLeast}), amount: atLeast, ok: n => n >= atLeast};
	}
	const atMost = check.atMost ?? 0;
	return {wanted: say('count.atMost', {n: atMost}), amount: atMost, ok: n => n <= atMost};
}

function countCheck(say: Say, world: World, check: Extract<Check, {kind: 'count'}>): CheckResult {
	const names = counted(world, check.of, check.filter);
	const n = names.length;
	const {wanted, amount, ok} = countWanted(say, check);
	const list = check.filter?.name !== undefined || n === 0 ? '' : ` (${listNames(say, names)})`;
	if (ok(n)) return {ok: true, message: say(n === 1 ? 'count.passOne' : 'count.passMany', {n, noun: countNoun(say, check.of, check.filter, n), list})};
	const actual = say(n === 1 ? 'count.isN' : 'count.areN', {n, list});
	return {ok: false, message: say('count.shouldBut', {wanted, noun: countNoun(say, check.of, check.filter, amount), actual})};
}

// ------------------------------------------------------------------------------------------------
// output

/** The last output as checks see it: CRLF folded to LF. */
export function normaliseOutput(output: string): string {
	return output.replace(/\r\n/g, '\n');
}

function outputExcerpt(say: Say, output: string): string {
	if (output.trim() === '') return say('out.empty');
	const lines = output.split('\n').filter(line => line.trim() !== '');
	if (lines.length === 1) return say('out.was', {text: quote(lines[0]!)});
	return say('out.wasMore', {text: quote(lines[0]!), n: lines.length - 1, s: lines.length === 2 ? '' : 's'});
}

function outputCheck(say: Say, check: Extract<Check, {kind: 'output'}>, lastOutput: string): CheckResult {
	const output = normaliseOutput(lastOutput);
	const matches = check.matches !== undefined;
	const vars: Vars = matches ? {phrase: regexPhrase(check.matches!, say.lang)} : {text: quote(check.contains ?? '')};
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
	const line = quote(matchedLine);
	if (check.not) {
		if (!hit) return {ok: true, message: say(matches ? 'out.notHasPass' : 'out.notContainsPass', vars)};
		return {ok: false, message: say(matches ? 'out.notHasFail' : 'out.notContainsFail', {...vars, line})};
	}
	if (hit) return {ok: true, message: say(matches ? 'out.hasPass' : 'out.containsPass', {...vars, line})};
	return {ok: false, message: say(matches ? 'out.hasFail' : 'out.containsFail', {...vars, actual: outputExcerpt(say, output)})};
}

// ------------------------------------------------------------------------------------------------

/** Evaluates one check against the world and the last command's output (stdout and stderr), in the learner's language. */
export function evaluateCheck(world: World, check: Check, lastOutput: string, lang = 'en'): CheckResult {
	const say = sayer(lang);
	switch (check.kind) {
		case 'container':
			return containerCheck(say, world, check);
		case 'file':
			return fileCheck(say, world, check);
		case 'mount':
			return mountCheck(say, world, check);
		case 'count':
			return countCheck(say, world, check);
		case 'output':
			return outputCheck(say, check, lastOutput);
	}
}

/** Every check of a step, in order. The step is done when all are ok. */
export function evaluateStep(world: World, step: Step, lastOutput: string, lang = 'en'): CheckResult[] {
	return step.checks.map(check => evaluateCheck(world, check, lastOutput, lang));
}

export function stepPasses(results: CheckResult[]): boolean {
	return results.length > 0 && results.every(result => result.ok);
}

/** What a check asks for, as one line for a goal list (no world needed). */
export function describeCheck(check: Check): string {
	const say = sayer('en');
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
			return `${check.path} ${where} should ${fileExpectation(say, check)}`;
		}
		case 'mount':
			return `${check.select ? check.container : `container ${check.container}`} has ${mountExpectation(say, check)}`;
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
			return `${how} ${countNoun(say, check.of, check.filter, amount)}`;
		}
		case 'output': {
			const what = check.matches !== undefined ? `has ${regexPhrase(check.matches)}` : `contains ${quote(check.contains ?? '')}`;
			return `the last output ${check.not ? `does not ${what.replace(/^has/, 'have').replace(/^contains/, 'contain')}` : what}`;
		}
	}
}
