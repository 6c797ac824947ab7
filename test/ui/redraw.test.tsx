/**
 * What a key costs the screen, by counts: a keystroke that only edits the prompt draws only the
 * prompt's row again (rows and panes are memoised on what they show), and Ink's output patch
 * (patches/ink+*.patch) is applied by `npm ci` and reaches the shipped bundle; so do the fast paths
 * patched into ansi-tokenize and string-width, which give what their slow paths give.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import React from 'react';
import fc from 'fast-check';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {DOMElement} from 'ink';
import {build} from 'esbuild';
import {App} from '../../source/ui/App.js';
import {createLab} from '../../source/lab/model/lab.js';
import type {LabApi} from '../../source/lab/api.js';
import {evaluate, fakeApi, freshWorld, testScenario} from './helpers/fixtures.js';
import {KEYS, press, renderApp, type, type Instance} from './helpers/ink.js';
import {Probe} from './helpers/probe.js';
import {PANE_ORDER, PANES} from '../../source/ui/panes/registry.js';
import {watchReactWork} from './helpers/react-work.js';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const inkBuild = path.join(path.dirname(createRequire(import.meta.url).resolve('ink')));

/** Lines for the property tests: runs of these characters and whole escape codes, in any order. */
function textAndCodes(characters: string, maxLength: number, codes: string[]) {
	return fc.oneof(fc.string({unit: fc.constantFrom(...characters.split('')), maxLength}), fc.constantFrom(...codes));
}

let current: Instance | undefined;
afterEach(() => {
	current?.unmount();
	current = undefined;
});

type InkNode = DOMElement | {nodeName: '#text'; nodeValue: string};

function textNodes(node: InkNode, into: DOMElement[] = []): DOMElement[] {
	if (node.nodeName === '#text') return into;
	const element = node as DOMElement;
	if (element.nodeName === 'ink-text' || element.nodeName === 'ink-virtual-text') into.push(element);
	for (const child of element.childNodes) textNodes(child as InkNode, into);
	return into;
}

function plain(node: InkNode): string {
	if (node.nodeName === '#text') return (node as {nodeValue: string}).nodeValue;
	return (node as DOMElement).childNodes.map(child => plain(child as InkNode)).join('');
}

/** What shows that React drew a text node again: Ink's <Text> makes a new transform on every render; a row's node changes its text. */
function signature(node: DOMElement): unknown[] {
	return [node.internal_transform, plain(node)];
}

/** The text nodes redrawn between two snapshots. */
function redrawn(before: Map<DOMElement, unknown[]>, after: DOMElement[]): DOMElement[] {
	return after.filter(node => !before.has(node) || signature(node).some((part, index) => part !== before.get(node)![index]));
}

async function lab(world = freshWorld(), size = {columns: 160, rows: 48}) {
	const probe: {current: DOMElement | null} = {current: null};
	const api: LabApi = {...fakeApi(), open: async (s, columns) => createLab(s, world, {evaluate, columns})};
	const app = (current = await renderApp(
		<Probe probe={probe}>
			<App api={api} lang="en" color={true} initial={await api.open(testScenario(), 80)} />
		</Probe>,
		size,
	));
	const snapshot = () => new Map(textNodes(probe.current!).map(node => [node, signature(node)] as const));
	return {app, probe, snapshot};
}

describe('a keystroke redraws only what it changes', () => {
	it('typing at the prompt draws only the prompt row again', async () => {
		const react = await watchReactWork();
		const {app, probe, snapshot} = await lab();
		await type(app, 'docker container run --name rn1 diamol/ch06-random-number');
		await press(app, KEYS.enter);
		await type(app, 'docker container l');
		const before = snapshot();
		expect(react.take().lines.length).toBeGreaterThan(50);
		await press(app, 's');
		// React ran the Terminal pane alone and drew one line: the prompt's.
		expect(react.take()).toEqual({components: ['TerminalPane'], lines: [expect.stringContaining('$ docker container ls')]});
		const changed = redrawn(before, textNodes(probe.current!));
		// The prompt row is one <Text> with a <Text> per segment: its outermost text node holds the prompt.
		const promptRow = textNodes(probe.current!).find(node => node.nodeName === 'ink-text' && plain(node).includes('$ docker container ls'))!;
		expect(promptRow).toBeDefined();
		const inPromptRow = new Set(textNodes(promptRow));
		expect(changed.length).toBeGreaterThan(0);
		expect(changed.filter(node => !inPromptRow.has(node)).map(node => plain(node))).toEqual([]);
		// Nothing else on a 160x48 screen of a few hundred text nodes.
		expect(changed.length).toBeLessThanOrEqual(inPromptRow.size);
		expect(before.size).toBeGreaterThan(50);
	});

	it('typing at the prompt draws the prompt line and no pane', async () => {
		const views = PANE_ORDER.map(id => [id, vi.spyOn(PANES[id], 'View')] as const);
		try {
			const {app, probe} = await lab();
			await type(app, 'docker container run --name rn1 diamol/ch06-random-number');
			await press(app, KEYS.enter);
			await type(app, 'docker container l');
			// Every pane is on a 160x48 screen and was drawn.
			for (const [id, view] of views) expect(view.mock.calls.length, id).toBeGreaterThan(0);
			for (const [, view] of views) view.mockClear();
			await press(app, 's');
			// The key reached the screen, through the prompt line alone.
			expect(plain(probe.current!)).toContain('$ docker container ls');
			expect(Object.fromEntries(views.map(([id, view]) => [id, view.mock.calls.length]))).toEqual(Object.fromEntries(PANE_ORDER.map(id => [id, 0])));
		} finally {
			for (const [, view] of views) view.mockRestore();
		}
	});

	it('a command that changes no container leaves the Containers pane as it was', async () => {
		const {app, probe, snapshot} = await lab();
		await type(app, 'docker container run --name rn1 diamol/ch06-random-number');
		await press(app, KEYS.enter);
		// (rn1's row is marked new until the next command.)
		await type(app, 'echo one');
		await press(app, KEYS.enter);
		await type(app, 'echo hello');
		const before = snapshot();
		const react = await watchReactWork();
		react.take();
		await press(app, KEYS.enter);
		const {components, lines: drawn} = react.take();
		// An Enter runs the components of what it changed, and no other: here the Terminal pane's (and the App's).
		expect(components).toEqual(['App', 'TerminalPane']);
		expect(drawn.join('\n')).toContain('hello');
		expect(drawn.filter(text => /rn1 +diamol\/ch06-random-number|NAME +IMAGE/.test(text))).toEqual([]);
		const changed = redrawn(before, textNodes(probe.current!));
		expect(changed.map(node => plain(node)).join('\n')).toContain('hello');
		// The Containers pane lists rn1; none of its rows was drawn again.
		expect([...before.keys()].some(node => /rn1 +diamol\/ch06-random-number/.test(plain(node)))).toBe(true);
		expect(changed.filter(node => /rn1 +diamol\/ch06-random-number|NAME +IMAGE/.test(plain(node))).map(node => plain(node))).toEqual([]);
	});
});

describe('an Enter runs the components of the panes it changed', () => {
	it('a command that changes a container runs the panes that show it, not the Images or Volumes pane', async () => {
		const react = await watchReactWork();
		const {app} = await lab();
		await type(app, 'docker volume create data');
		await press(app, KEYS.enter);
		await type(app, 'docker container run --name rn1 -v data:/data diamol/ch06-random-number');
		await press(app, KEYS.enter);
		// (The run's new image and volume use are marked until the next command.)
		await type(app, 'echo one');
		await press(app, KEYS.enter);
		await type(app, 'docker container start rn1');
		react.take();
		await press(app, KEYS.enter);
		expect(app.lastFrame()).toMatch(/rn1 /);
		const {components} = react.take();
		expect(components).toContain('ContainersPane');
		expect(components).not.toContain('ImagesPane');
		expect(components).not.toContain('VolumesPane');
		expect(components).not.toContain('StepPane');
	});
});

describe("Ink's output patch", () => {
	const patch = readFileSync(path.join(root, 'patches', 'ink+6.8.0.patch'), 'utf8');

	it('is applied to the installed Ink (npm ci runs patch-package)', () => {
		// Every line the patch adds is in the installed file it names.
		const files = patch.split(/^diff --git /m).slice(1);
		expect(files.length).toBeGreaterThanOrEqual(4);
		for (const file of files) {
			const name = /^\+\+\+ b\/node_modules\/ink\/build\/(\S+)/m.exec(file)![1]!;
			const installed = readFileSync(path.join(inkBuild, name), 'utf8');
			const added = file.split('\n').filter(line => line.startsWith('+') && !line.startsWith('+++') && line.trim().length > 1);
			for (const line of added) expect(installed, `${name}: ${line}`).toContain(line.slice(1));
		}
	});

	it('sanitizes text and SGR codes without tokenizing, to what the tokenizing path gives', async () => {
		const {default: sanitizeAnsi} = (await import(pathToFileURL(path.join(inkBuild, 'sanitize-ansi.js')).href)) as {default: (text: string) => string};
		const {tokenizeAnsi} = (await import(pathToFileURL(path.join(inkBuild, 'ansi-tokenizer.js')).href)) as {
			tokenizeAnsi: (text: string) => Array<{type: string; value: string; finalCharacter?: string; intermediateString?: string; parameterString?: string}>;
		};
		// Ink's sanitizer before the patch: every token, SGR and OSC kept, other controls dropped.
		const unpatched = (text: string) =>
			tokenizeAnsi(text)
				.filter(
					token =>
						token.type === 'text' ||
						token.type === 'osc' ||
						(token.type === 'csi' && token.finalCharacter === 'm' && token.intermediateString === '' && /^[\d:;]*$/.test(token.parameterString!)),
				)
				.map(token => token.value)
				.join('');
		const piece = textAndCodes(' a│é한\u0007\t', 8, [
			'\u001B[1m',
			'\u001B[22m',
			'\u001B[38;5;208m',
			'\u001B[38:2::1:2:3m',
			'\u001B[m',
			'\u001B[2J',
			'\u001B[?25l',
			'\u001B[1 q',
			'\u001B]8;;x\u0007',
			'\u001B',
			'\u001B[',
			'\u001B[12',
			'\u009B31m',
			'\u0085',
			'\u001Bc',
		]);
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 12}), pieces => {
				const text = pieces.join('');
				expect(sanitizeAnsi(text)).toBe(unpatched(text));
			}),
			{numRuns: 2000},
		);
	});

	it('keeps caches across frames but bounded (two generations)', async () => {
		const {default: BoundedCache} = await import(pathToFileURL(path.join(inkBuild, 'bounded-cache.js')).href);
		const cache = new BoundedCache(3);
		for (const key of ['a', 'b', 'c']) cache.set(key, key.toUpperCase());
		// Full: the next entry starts a new generation; the old one is still readable, and a hit promotes.
		cache.set('d', 'D');
		expect(cache.get('a')).toBe('A');
		cache.set('e', 'E');
		cache.set('f', 'F');
		// Another turn: 'b' and 'c' were never used again and are gone; 'a' (promoted) survives one more.
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('c')).toBeUndefined();
		expect(cache.get('a')).toBe('A');
		expect(cache.current.size + cache.previous.size).toBeLessThanOrEqual(2 * 3 + 1);
	});

	it('is in the bundle the program ships (Ink bundled from node_modules)', async () => {
		const result = await build({
			stdin: {contents: "export {render} from 'ink';", resolveDir: root, loader: 'ts'},
			bundle: true,
			write: false,
			format: 'esm',
			platform: 'node',
			external: ['react-devtools-core', 'yoga-layout'],
			logLevel: 'silent',
		});
		const text = result.outputFiles[0]!.text;
		// (Asserted as booleans: a failure should not print a megabyte of bundle.)
		expect(text.includes('BoundedCache')).toBe(true);
		expect(text.includes('sameCells(previous.cells, line)')).toBe(true);
		expect(text.includes('textAndSgrOnlyRegex.test(text)')).toBe(true);
		expect(text.includes('standaloneOnly.test(str) ? codeUnits(str)')).toBe(true);
		expect(text.includes('sameStyles(chars[i - 1].styles, char.styles)')).toBe(true);
		expect(text.includes('if (standaloneRegex.test(string))')).toBe(true);
	});
});

describe("ansi-tokenize's patch (lines of characters that stand alone without the segmenter)", () => {
	const patch = readFileSync(path.join(root, 'patches', '@alcalzone+ansi-tokenize+0.2.5.patch'), 'utf8');

	it('is applied to the installed package', () => {
		const installed = ['tokenize.js', 'styledChars.js'].map(file => readFileSync(path.join(root, 'node_modules', '@alcalzone', 'ansi-tokenize', 'build', file), 'utf8')).join('\n');
		const added = patch.split('\n').filter(line => line.startsWith('+') && !line.startsWith('+++') && line.trim().length > 1);
		expect(added.length).toBeGreaterThan(3);
		for (const line of added) expect(installed, line).toContain(line.slice(1));
	});

	it('gives the tokens Intl.Segmenter gives, for lines of characters that stand alone and escape codes', async () => {
		const {tokenize} = (await import(pathToFileURL(path.join(root, 'node_modules', '@alcalzone', 'ansi-tokenize', 'build', 'index.js')).href)) as {
			tokenize: (text: string, endChar?: number) => unknown[];
		};
		const piece = textAndCodes(' abcXYZ019~!$/\\[]m;\u2502\u2500\u256D\u2190\u00B7\u00E9\uD55C\u4E2D\uFF21', 12, [
			'\u001B[1m',
			'\u001B[22m',
			'\u001B[2m',
			'\u001B[36m',
			'\u001B[39m',
			'\u001B[7m',
			'\u001B[27m',
			'\u001B[38;5;208m',
			'\u001B[1;4;31m',
			'\u001B[0m',
			'\u001B[m',
			'\u001B]8;;https://x\u0007',
			'\u001B',
			'\u001B[',
		]);
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 12}), fc.integer({min: 1, max: 40}), (pieces, endChar) => {
				const line = pieces.join('');
				// An emoji at the end (its own cluster) sends the same line through Intl.Segmenter.
				const slow = tokenize(line + '\u{1F600}');
				expect(tokenize(line)).toEqual(slow.slice(0, -1));
				expect(tokenize(line, endChar)).toEqual(tokenize(line + '\u{1F600}', endChar).slice(0, tokenize(line, endChar).length));
			}),
			{numRuns: 500},
		);
	});
});

describe("ansi-tokenize's styled-characters patch", () => {
	it('gives the styled characters, and their string, that the unpatched algorithms give', async () => {
		const {tokenize, styledCharsFromTokens, styledCharsToString, diffAnsiCodes, ansiCodesToString, reduceAnsiCodesIncremental} = (await import(
			pathToFileURL(path.join(root, 'node_modules', '@alcalzone', 'ansi-tokenize', 'build', 'index.js')).href
		)) as {
			tokenize: (text: string) => unknown[];
			styledCharsFromTokens: (tokens: unknown[]) => Array<{value: string; styles: unknown[]}>;
			styledCharsToString: (chars: Array<{value: string; styles: unknown[]}>) => string;
			diffAnsiCodes: (from: unknown[], to: unknown[]) => unknown[];
			ansiCodesToString: (codes: unknown[]) => string;
			reduceAnsiCodesIncremental: (codes: unknown[], add: unknown[]) => unknown[];
		};
		// The package's own algorithm before the patch: a diff between every two neighbours.
		const unpatched = (chars: Array<{value: string; styles: unknown[]}>) => {
			let text = '';
			chars.forEach((char, i) => {
				text += ansiCodesToString(i === 0 ? char.styles : diffAnsiCodes(chars[i - 1]!.styles, char.styles));
				text += char.value;
				if (i === chars.length - 1) text += ansiCodesToString(diffAnsiCodes(char.styles, []));
			});
			return text;
		};
		const piece = textAndCodes(' ab│─é한', 6, [
			'\u001B[1m',
			'\u001B[22m',
			'\u001B[2m',
			'\u001B[3m',
			'\u001B[23m',
			'\u001B[36m',
			'\u001B[39m',
			'\u001B[7m',
			'\u001B[27m',
			'\u001B[38;5;208m',
			'\u001B[48;5;17m',
			'\u001B[49m',
			'\u001B[1;4;31m',
			'\u001B[0m',
		]);
		// And the characters before the patch: each token spread, with a copy of the styles so far.
		const unpatchedChars = (tokens: Array<{type: string; code?: string}>) => {
			let codes: unknown[] = [];
			const chars: unknown[] = [];
			for (const token of tokens) {
				if (token.type === 'ansi') codes = reduceAnsiCodesIncremental(codes, [token]);
				else if (token.type === 'char') chars.push({...token, styles: [...codes]});
			}
			return chars;
		};
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 16}), pieces => {
				const tokens = tokenize(pieces.join(''));
				const chars = styledCharsFromTokens(tokens);
				expect(chars).toEqual(unpatchedChars(tokens as Array<{type: string}>));
				expect(styledCharsToString(chars)).toBe(unpatched(chars));
			}),
			{numRuns: 1000},
		);
	});
});

describe("string-width's standalone-character patch", () => {
	const file = path.join(root, 'node_modules', 'string-width', 'index.js');
	const installed = readFileSync(file, 'utf8');
	const importWidth = async () => (await import(pathToFileURL(file).href)) as {default: (text: string, options?: {ambiguousIsNarrow?: boolean}) => number};
	/** The installed package's own test for the fast path, so these tests check what ships. */
	const standalone = (() => {
		const source = /const standaloneRegex = \/(.+)\/v;/.exec(installed)?.[1];
		return source === undefined ? undefined : new RegExp(source, 'v');
	})();
	// A control character after a string sends it through the segmenter path (controls are never
	// standalone), adds no width and joins no cluster: the oracle for what the fast path must give.
	const slowWidth = (stringWidth: (text: string, options?: {ambiguousIsNarrow?: boolean}) => number, text: string, ambiguousIsNarrow: boolean) =>
		stringWidth(text + '\u0007', {ambiguousIsNarrow});

	it('is applied to the installed package', () => {
		const patch = readFileSync(path.join(root, 'patches', 'string-width+8.3.0.patch'), 'utf8');
		const added = patch.split('\n').filter(line => line.startsWith('+') && !line.startsWith('+++') && line.trim().length > 1);
		expect(added.length).toBeGreaterThan(5);
		for (const line of added) expect(installed, line).toContain(line.slice(1));
		// The characters the lab draws take it: box drawing, arrows, dots, Hangul.
		expect(standalone?.test('\u2500\u2502\u256D\u2191\u2193\u00B7\u2192 \uD55C\uAD6D\uC5B4')).toBe(true);
	});

	it('takes only characters that stand alone as a cluster, each as wide as the segmenter path says', async () => {
		const {default: stringWidth} = await importWidth();
		const segmenter = new Intl.Segmenter();
		const clusters = (text: string) => [...segmenter.segment(text)].length;
		const wrong: string[] = [];
		let taken = 0;
		for (let code = 0x20; code <= 0xffff; code++) {
			const char = String.fromCharCode(code);
			if (!standalone!.test(char)) continue;
			taken++;
			// Neither joins what follows nor what comes before (marks, Prepend), nor Hangul syllables (jamo).
			if (clusters('a' + char + 'a') !== 3 || clusters(char + '\uAC00') !== 2 || clusters('\uAC00' + char) !== 2) wrong.push(`U+${code.toString(16)} joins`);
			for (const ambiguousIsNarrow of [true, false]) {
				const fast = stringWidth(char, {ambiguousIsNarrow});
				const slow = slowWidth(stringWidth, char, ambiguousIsNarrow);
				if (fast !== slow) wrong.push(`U+${code.toString(16)} is ${fast} wide, not ${slow}`);
			}
		}
		expect(wrong.slice(0, 10)).toEqual([]);
		expect(taken).toBeGreaterThan(40_000);
	}, 30_000);

	it('gives the width the segmenter path gives, for mixed lines and escape codes', async () => {
		const {default: stringWidth} = await importWidth();
		const piece = textAndCodes(' aZ0~\u2500\u2502\u256D\u2190\u00B7\u00E9\u00D7\u2026\u2713\uD55C\u3042\u4E2D\uFF21\u00A1', 12, [
			'\u001B[1m',
			'\u001B[22m',
			'\u001B[36m',
			'\u001B[0m',
			'\u0301',
			'\u200D',
			'\uFE0F',
			'\u1161',
			'\u{1F600}',
			'\t',
		]);
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 10}), fc.boolean(), (pieces, ambiguousIsNarrow) => {
				const line = pieces.join('');
				expect(stringWidth(line, {ambiguousIsNarrow})).toBe(slowWidth(stringWidth, line, ambiguousIsNarrow));
			}),
			{numRuns: 1000},
		);
	});
});
