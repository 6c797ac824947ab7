/**
 * Interaction latency: what the learner feels, run bundled like the shipped program (production
 * React, every dependency bundled, Ink as patched) by `npm run bench`.
 *
 * For the real lab App, through Ink's real render() with the lab's own render options, on a fake TTY:
 * - Enter→frame: a typed command line, a pause (IDLE_MS, longer than the lab's run-ahead delay, so
 *   the line has run ahead of its Enter as it does when a person pauses), Enter; the time to the
 *   first frame showing the command's result. The Enters that took the line run ahead are counted.
 * - Enter, no pause: the same, Enter as soon as the line shows (nothing ran ahead: the command runs
 *   at the Enter).
 * ratio = app p95 / floor p95 (p50 / p50 in brackets) against the same floor for both Enters.
 * - keystroke→frame (typing): one character at a time at human speed (a key every HUMAN_MS), and in
 *   bursts (a key every BURST_MS, as key repeat or a fast typist); for each key, the time to the first
 *   frame whose prompt shows it.
 * at 80x24, 120x30, 160x48 and 200x60, on a course world (the first built-in scenario) and on the
 * 1,000-container world (bench/large-world.ts).
 *
 * The floor, measured in the same run: Ink writing the same final frame with no app logic. The lab's
 * Ink node tree is snapshotted before and after an Enter (and before and after a keystroke) and
 * replayed as host elements (`ink-box`/`ink-text` with the same styles and transforms, props
 * precomputed); a key switches from the "before" tree to the "after" tree, so React, Yoga and Ink do
 * exactly the host updates that frame needs and nothing else. The replayed frame must equal the
 * lab's frame byte for byte (checked). The floor is a second Ink instance mounted beside the lab, and
 * replays each Enter right after the lab made it (and a keystroke after each line the lab typed at
 * human speed): the two take turns a fraction of a second apart, so a machine whose speed changes
 * from one second to the next changes both alike. Each timed switch comes after the same pause as
 * the lab's key (IDLE_MS before an Enter, HUMAN_MS between keys). ratio = app p95 / floor p95 (the
 * app's share above the floor).
 *
 * An untimed pass at the first size comes first (the compilers' warm-up, for lab and floor alike).
 * Then everything runs RUNS times (BENCH_RUNS, default 3), lab and floor taking turns, and reports
 * pooled p50/p95 with the spread of the per-run p95s. `--json` prints one JSON object; `--quick` runs one
 * run with fewer samples (a smoke test of the bench itself).
 */
import {EventEmitter} from 'node:events';
import {performance} from 'node:perf_hooks';
import React, {createElement, useState, type ReactNode} from 'react';
import {render, useInput, type DOMElement} from 'ink';
import {App} from '../source/ui/App.js';
import type {LabApi} from '../source/lab/api.js';
import {aheadCounts, createLab} from '../source/lab/model/lab.js';
import {loadRunner} from '../source/lab/model/runner.js';
import {builtinScenarios, evaluateStep, scenarioWorld} from '../source/scenario/index.js';
import {paneInner, computeLayout} from '../source/ui/layout.js';
import {RENDER_OPTIONS} from '../source/ui/main.js';
import type {World} from '../source/engine/index.js';
import {largeWorld} from './large-world.js';
import {Session} from 'node:inspector/promises';
import {writeFileSync} from 'node:fs';
import {Probe} from '../test/ui/helpers/probe.js';
// Ink's output module itself (the same module the bundle's Ink uses): its caches, one set per side (loadSlot).
import Output from '../node_modules/ink/build/output.js';

delete process.env.CI;
// Colours as in a terminal: chalk (inside Ink) decides when it loads, from the environment.
if (!process.env.FORCE_COLOR) {
	process.stderr.write('bench/interaction: run it through `npm run bench` (or set FORCE_COLOR=3)\n');
	process.exit(2);
}
const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const RUNS = quick ? 1 : Number(process.env.BENCH_RUNS ?? 3);
/**
 * Enter samples (after a pause) per run and lab: enough that the p95 is the 15th-slowest of the
 * pooled samples rather than the 6th (40 a run left the per-run p95s up to 3x apart); Enters with no pause
 * (not a target, each a full command run); typing keys per run and lab (each speed).
 */
const ENTER_SAMPLES = quick ? 10 : Number(process.env.BENCH_SAMPLES ?? 100);
const STRAIGHT_SAMPLES = quick ? 10 : Math.min(ENTER_SAMPLES, 40);
const KEY_SAMPLES = quick ? 20 : Number(process.env.BENCH_KEYS ?? 60);
const WARMUP = 3;
/** A pause longer than any throttle window: Enter lands on an idle renderer (a person pauses too). */
const IDLE_MS = 60;
/** Human typing: about 8 keys a second. */
const HUMAN_MS = 120;
/** A burst: key repeat, or a fast typist's run of letters. */
const BURST_MS = 15;
const ALL_SIZES = [
	{columns: 80, rows: 24},
	{columns: 120, rows: 30},
	{columns: 160, rows: 48},
	{columns: 200, rows: 60},
];
const SIZES = process.env.BENCH_SIZES ? ALL_SIZES.filter(size => process.env.BENCH_SIZES!.split(',').includes(`${size.columns}x${size.rows}`)) : ALL_SIZES;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const strip = (text: string) => text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001B\][^\u0007]*\u0007/g, '');
/** A frame's cells with their styles: every escape sequence but SGR (cursor moves, erasing) removed. */
const cells = (text: string) => text.replace(/\u001B\[[0-9;?]*[A-Za-ln-z]/g, '').replace(/\u001B\][^\u0007]*\u0007/g, '');
const count = (text: string, needle: string) => text.split(needle).length - 1;
const PROMPT = 'student@layerlab:';

interface Write {
	t: number;
	/** The process's CPU time (user + system, ms) when the frame was written. */
	cpu: number;
	data: string;
}

/** CPU time the process has used (user + system, all threads), ms: unlike wall time, another program on the machine barely moves it. */
const cpuNow = () => {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1000;
};

class FakeStdout extends EventEmitter {
	isTTY = true;
	columns: number;
	rows: number;
	/** Frames (writes with cells) since the last take(). */
	frames: Write[] = [];
	last = '';
	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}
	write = (data: string) => {
		// A frame is several writes (synchronized-update marks, cursor hide/show); keep the one with the cells.
		if (data.includes('\n')) {
			const t = performance.now();
			this.frames.push({t, cpu: cpuNow(), data});
			this.last = data;
		}
		return true;
	};
	take(): Write[] {
		const frames = this.frames;
		this.frames = [];
		return frames;
	}
	/** Resolves once a frame passing `test` has been written (looks at frames not yet taken). */
	async until(test: (data: string) => boolean, timeout = 10_000): Promise<Write> {
		const started = performance.now();
		for (;;) {
			const found = this.frames.find(frame => test(frame.data));
			if (found) return found;
			if (performance.now() - started > timeout) throw new Error(`timed out waiting for a frame; last:\n${strip(this.last)}`);
			await sleep(1);
		}
	}
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private chunks: string[] = [];
	write(data: string) {
		this.chunks.push(data);
		this.emit('readable');
	}
	read() {
		return this.chunks.shift() ?? null;
	}
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

/**
 * Ink keeps what it measured, wrapped and tokenized of each line across frames (bounded caches, as
 * patched). Those caches belong to Ink's output module, not to one render, so a lab and a floor
 * mounted side by side would share them: the floor would find every line of its frames already
 * there, put there by the lab a moment before. Each side therefore has caches of its own (a slot):
 * before a side draws, its slot is loaded into Ink's caches, and after, saved back. Both start empty
 * and meet the same lines in the same order, as two separate programs would.
 */
interface InkCache {
	current: Map<unknown, unknown>;
	previous: Map<unknown, unknown>;
	weight: number;
}
const outputCaches = (new Output({width: 1, height: 1}) as unknown as {caches: {widths: InkCache; rows: unknown[]}}).caches;
const cacheClass = outputCaches.widths.constructor as unknown as {prototype: {get(this: InkCache, key: unknown): unknown}};
const originalGet = cacheClass.prototype.get;
const inkCaches = new Set<InkCache>();
// Ink's caches are module-private: each makes itself known on its first lookup (the first mount's frames).
cacheClass.prototype.get = function (this: InkCache, key: unknown) {
	inkCaches.add(this);
	return originalGet.call(this, key);
};

/** One side's contents of Ink's caches (output, measure-text, wrap-text; five in all). */
interface CacheSlot {
	caches: Map<InkCache, InkCache>;
	rows: unknown[];
}
const emptySlot = (): CacheSlot => ({caches: new Map(), rows: []});
let activeSlot: CacheSlot | undefined;
/** Makes `slot` the contents of Ink's caches, keeping what the side drawing until now left in its own. */
function loadSlot(slot: CacheSlot) {
	if (activeSlot === slot) return;
	if (inkCaches.size >= 5) cacheClass.prototype.get = originalGet;
	if (activeSlot) {
		for (const cache of inkCaches) activeSlot.caches.set(cache, {current: cache.current, previous: cache.previous, weight: cache.weight});
		activeSlot.rows = outputCaches.rows;
	}
	for (const cache of inkCaches) {
		const saved = slot.caches.get(cache);
		cache.current = saved?.current ?? new Map();
		cache.previous = saved?.previous ?? new Map();
		cache.weight = saved?.weight ?? 0;
	}
	outputCaches.rows = slot.rows;
	activeSlot = slot;
}

/** Ink's render times (onRender) since the last reset. */
let renderTimes: number[] = [];

function mount(tree: React.ReactElement, size: {columns: number; rows: number}) {
	const stdout = new FakeStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const instance = render(tree, {
		...RENDER_OPTIONS,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
		onRender: ({renderTime}) => renderTimes.push(renderTime),
	});
	return {stdout, stdin, instance};
}

function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return round(sorted[index]!);
}
const round = (value: number) => Math.round(value * 100) / 100;

/** The text typed at the prompt in a frame: after the prompt's `$ `, up to the cursor (inverse). */
function typedAt(frame: string): string | undefined {
	const line = frame.split('\n').find(candidate => strip(candidate).includes(PROMPT) && candidate.includes('\u001B[7m'));
	if (!line) return undefined;
	const before = strip(line.slice(0, line.indexOf('\u001B[7m', line.indexOf('$'))));
	const at = before.lastIndexOf('$ ');
	return at < 0 ? undefined : before.slice(at + 2);
}

/** Whether the prompt shows exactly `text` (a long line scrolls: `…` and its end). */
function shows(typed: string | undefined, text: string): boolean {
	if (typed === undefined) return false;
	return typed === text || (typed.startsWith('…') && text.endsWith(typed.slice(1)));
}

// ---------------------------------------------------------------------------------------------
// The floor: the lab's node tree replayed as host elements.

type InkNode = DOMElement | {nodeName: '#text'; nodeValue: string};

/**
 * Each of the lab's Ink nodes keeps one key in every snapshot, so a replayed switch makes the very
 * changes the lab's commit made: a node the lab kept is updated in place, a node it added or removed
 * is added or removed, where keys by place would turn a node added in the middle into updates of
 * every node after it.
 */
const nodeKeys = new WeakMap<object, number>();
let nextNodeKey = 0;

function toElement(node: InkNode): ReactNode {
	if (node.nodeName === '#text') return (node as {nodeValue: string}).nodeValue;
	const element = node as DOMElement;
	let key = nodeKeys.get(element);
	if (key === undefined) nodeKeys.set(element, (key = nextNodeKey++));
	// (not the lab's ref: React 19 hands a ref to the host as a prop, so Ink keeps it as an attribute,
	// and the floor's copy would hand the floor's node to the lab's ref callback)
	const {ref: _ref, ...attributes} = element.attributes;
	const props: Record<string, unknown> = {key, style: element.style, ...attributes};
	if (element.internal_transform) props.internal_transform = element.internal_transform;
	if (element.internal_accessibility) props.internal_accessibility = element.internal_accessibility;
	const type = element.nodeName === 'ink-virtual-text' ? 'ink-text' : element.nodeName;
	return createElement(type, props, ...element.childNodes.map(child => toElement(child as InkNode)));
}

/** Renders trees[i] where i counts keys (nothing before the first): each key is one switch of tree. The bench adds trees as the lab draws them. */
function Replay({trees}: {trees: ReactNode[]}) {
	const [index, setIndex] = useState(-1);
	useInput(() => setIndex(value => value + 1));
	return <>{index < 0 ? null : trees[index]}</>;
}

/** One timed switch of the floor: the lab's tree before a key, after it, and the lab's frame after it. */
interface Switch {
	before: ReactNode;
	after: ReactNode;
	frame: string;
}

/**
 * The floor, mounted beside the lab for one configuration. Right after the lab has drawn a frame (an
 * Enter's result, a keystroke), the floor replays it: it shows the lab's tree from before the key
 * (untimed), pauses as long as the lab paused before that key (IDLE_MS before an Enter, HUMAN_MS
 * between keys typed at human speed: a machine that idled longer meets the next frame with colder
 * caches), and switches to the tree after the key, timed. Lab and floor thus take turns a fraction of
 * a second apart, under the same load and the same processor speed; the frame must be the lab's
 * (checked for each). The lab must be idle meanwhile: a frame it writes during the floor's turn is
 * counted (labFramesDuringFloor) and reported.
 */
class Floor {
	private readonly trees: ReactNode[] = [];
	private readonly slot = emptySlot();
	private readonly stdout: FakeStdout;
	private readonly stdin: FakeStdin;
	private readonly instance: ReturnType<typeof render>;
	identical = true;

	constructor(size: {columns: number; rows: number}) {
		const back = activeSlot;
		loadSlot(this.slot);
		({stdout: this.stdout, stdin: this.stdin, instance: this.instance} = mount(<Replay trees={this.trees} />, size));
		if (back) loadSlot(back);
	}

	async replay(change: Switch, pause: number, timed: boolean, lab: FakeStdout): Promise<{time: number; cpu: number} | undefined> {
		const back = activeSlot!;
		const labFrames = lab.frames.length;
		loadSlot(this.slot);
		this.trees.push(change.before, change.after);

		this.stdout.take();
		this.stdin.write('x');
		await this.stdout
			.until(() => true)
			.catch(error => {
				throw new Error(`floor turn ${this.trees.length / 2}, the tree before the key: ${String(error)}`);
			});
		await sleep(pause);
		this.stdout.take();
		const c0 = cpuNow();
		const t0 = performance.now();
		const h0 = process.hrtime.bigint();
		this.stdin.write('x');
		const frame = await this.stdout.until(() => true);
		if (timed) floorWindows.push([Number(h0 / 1000n), Number(process.hrtime.bigint() / 1000n)]);
		if (cells(frame.data) !== cells(change.frame)) this.identical = false;
		labFramesDuringFloor += lab.frames.length - labFrames;
		loadSlot(back);
		return timed ? {time: frame.t - t0, cpu: frame.cpu - c0} : undefined;
	}

	close() {
		this.instance.unmount();
		this.instance.cleanup();
	}
}
/** Frames the lab wrote while the floor took its turn (should stay 0: the lab is idle then). */
let labFramesDuringFloor = 0;

// ---------------------------------------------------------------------------------------------
// The lab.

const scenario = builtinScenarios()[0]!;

function api(world: () => World): LabApi {
	return {
		scenarios: () => [scenario],
		evaluate: evaluateStep,
		open: async (s, columns) => createLab(s, world(), {evaluate: evaluateStep, columns}),
		save() {},
		progress: () => undefined,
	};
}

interface LabResult {
	enter: number[];
	/** CPU time of each timed Enter (after a pause) and each key typed at human speed, ms. */
	enterCpu: number[];
	humanCpu: number[];
	/** Enter right after the line showed (no pause, so nothing ran ahead). */
	straight: number[];
	/** Enters that took the line run ahead (aheadCounts), of the timed Enters after a pause. */
	taken: number;
	human: number[];
	burst: number[];
	inkRender: number[];
	/** The floor's turns: each timed Enter after a pause, and keystrokes at human speed (times and CPU). */
	floorEnter: number[];
	floorEnterCpu: number[];
	floorKey: number[];
	floorKeyCpu: number[];
	/** Every floor frame equalled the lab's. */
	identical: boolean;
}

async function clear(stdout: FakeStdout, stdin: FakeStdin) {
	stdout.take();
	stdin.write('\u0015');
	stdin.write('\u000C');
	await stdout.until(data => count(strip(data), PROMPT) === 1 && typedAt(data) === '', 500).catch(() => undefined);
	await sleep(IDLE_MS);
}

/** Types `line` one key every `gap` ms; returns each key's latency to the first frame showing it, and the CPU time it took. */
async function typeKeys(stdout: FakeStdout, stdin: FakeStdin, line: string, gap: number): Promise<{times: number[]; cpu: number[]}> {
	stdout.take();
	const sent: number[] = [];
	const sentCpu: number[] = [];
	const clock: bigint[] = [];
	for (const char of line) {
		sentCpu.push(cpuNow());
		sent.push(performance.now());
		clock.push(process.hrtime.bigint());
		stdin.write(char);
		await sleep(gap);
	}
	await stdout.until(data => shows(typedAt(data), line));
	// For each frame, how many of the keys it shows.
	const frames = stdout.take().map(frame => {
		const typed = typedAt(frame.data);
		let keys = -1;
		for (let j = line.length; j >= 0 && keys < 0; j--) if (shows(typed, line.slice(0, j))) keys = j;
		return {t: frame.t, cpu: frame.cpu, keys};
	});
	const shown = sent.map((t0, k) => frames.find(frame => frame.t >= t0 && frame.keys >= k + 1));
	shown.forEach((frame, k) => {
		if (frame && profiler) keyWindows.push([Number(clock[k]! / 1000n), Number(clock[k]! / 1000n) + Math.round((frame.t - sent[k]!) * 1000)]);
	});
	return {times: shown.map((frame, k) => (frame ? frame.t - sent[k]! : NaN)), cpu: shown.map((frame, k) => (frame ? frame.cpu - sentCpu[k]! : NaN))};
}

async function measureLab(world: () => World, commands: (i: number) => string, size: {columns: number; rows: number}): Promise<LabResult> {
	const labSlot = emptySlot();
	loadSlot(labSlot);
	const floor = new Floor(size);
	const lab = createLab(scenario, world(), {evaluate: evaluateStep, columns: paneInner(computeLayout(size.columns, size.rows), 'terminal')?.width ?? 78});
	const probe: {current: DOMElement | null} = {current: null};
	const {stdout, stdin, instance} = mount(
		<Probe probe={probe}>
			<App api={api(world)} lang="en" color={true} initial={lab} />
		</Probe>,
		size,
	);
	await sleep(200);
	const snapshot = () => toElement(probe.current!);
	const result: LabResult = {
		enter: [],
		enterCpu: [],
		humanCpu: [],
		straight: [],
		taken: 0,
		human: [],
		burst: [],
		inkRender: [],
		floorEnter: [],
		floorEnterCpu: [],
		floorKey: [],
		floorKeyCpu: [],
		identical: true,
	};

	/** A clear prompt with `line` typed and on screen. */
	const typeLine = async (line: string) => {
		await clear(stdout, stdin);
		stdin.write(line);
		await stdout.until(data => shows(typedAt(data), line));
	};
	/** Enter: when it was pressed (performance clock and profile clock) and the first frame with the command's result. */
	const enter = async () => {
		stdout.take();
		const c0 = cpuNow();
		const t0 = performance.now();
		const h0 = process.hrtime.bigint();
		stdin.write('\r');
		const done = await stdout.until(data => count(strip(data), PROMPT) >= 2);
		return {t0, c0, h0, done};
	};

	// Enter → frame.
	for (let i = 0; i < WARMUP + ENTER_SAMPLES; i++) {
		await typeLine(commands(i));
		// (The tree before the Enter is taken before the pause: the pause's run-ahead draws nothing.)
		const before = snapshot();

		await sleep(IDLE_MS);
		renderTimes = [];
		const taken = aheadCounts().taken;
		const {t0, c0, h0, done} = await enter();
		if (i >= WARMUP) {
			result.taken += aheadCounts().taken - taken;
			profileWindows.push([Number(h0 / 1000n), Number(process.hrtime.bigint() / 1000n)]);
			result.enter.push(done.t - t0);
			result.enterCpu.push(done.cpu - c0);
			result.inkRender.push(...renderTimes);
		}
		await sleep(IDLE_MS);
		const turn = await floor.replay({before, after: snapshot(), frame: done.data}, IDLE_MS, i >= WARMUP, stdout);
		if (turn) {
			result.floorEnter.push(turn.time);
			result.floorEnterCpu.push(turn.cpu);
		}
	}

	// Enter straight after the line showed: no pause, so the line has not run ahead (a fast typist).
	for (let i = 0; i < WARMUP + STRAIGHT_SAMPLES; i++) {
		await typeLine(commands(i));
		const {t0, done} = await enter();
		if (i >= WARMUP) result.straight.push(done.t - t0);
		await sleep(IDLE_MS);
	}

	// The keystroke pair for the floor: the prompt before and after one more character.
	await clear(stdout, stdin);
	stdin.write('docker container l');
	await stdout.until(data => shows(typedAt(data), 'docker container l'));
	await sleep(IDLE_MS);
	const beforeKey = snapshot();
	stdout.take();
	stdin.write('s');
	const typedKey = await stdout.until(data => shows(typedAt(data), 'docker container ls'));
	await sleep(IDLE_MS);
	const keySwitch = {before: beforeKey, after: snapshot(), frame: typedKey.data};

	// Typing at human speed, then in bursts; the line is the command of the Enter samples.
	// (CPU time only for keys at human speed: in a burst, the next key arrives before a key's frame.)
	// After each line typed at human speed, the floor takes its turns: half as many keystrokes (warm-up
	// ones after the first, untimed, line).
	const floorKeys = KEY_SAMPLES / 2;
	for (const [gap, into, cpu] of [
		[HUMAN_MS, result.human, result.humanCpu],
		[BURST_MS, result.burst, undefined],
	] as const) {
		let keys = 0;
		for (let i = 0; keys < KEY_SAMPLES; i++) {
			await clear(stdout, stdin);
			const line = commands(i);
			const typed = await typeKeys(stdout, stdin, line, gap);
			if (i > 0) {
				into.push(...typed.times.slice(0, KEY_SAMPLES - keys));
				cpu?.push(...typed.cpu.slice(0, KEY_SAMPLES - keys));
				keys += typed.times.length;
			}
			if (gap !== HUMAN_MS) continue;
			// (a clear prompt first: a typed line left there would run ahead during the floor's turn)
			await clear(stdout, stdin);
			const turns = i === 0 ? WARMUP : Math.min(Math.ceil(typed.times.length / 2), floorKeys - result.floorKey.length);
			for (let k = 0; k < turns; k++) {
				const turn = await floor.replay(keySwitch, HUMAN_MS, i > 0, stdout);
				if (turn) {
					result.floorKey.push(turn.time);
					result.floorKeyCpu.push(turn.cpu);
				}
			}
		}
	}

	result.identical = floor.identical;
	floor.close();
	instance.unmount();
	instance.cleanup();
	return result;
}

await loadRunner();
/** BENCH_PROFILE=FILE: a CPU profile of the whole run, FILE.windows.json: the Enter samples' [start, end] in the profile's clock (µs), FILE.floor.json: the floor's, and FILE.keys.json: the keystrokes'. */
const profileWindows: [number, number][] = [];
/** The floor's timed switches, in the same clock (FILE.floor.json). */
const floorWindows: [number, number][] = [];
/** The keystrokes' windows (key sent → its frame), for FILE.keys.json. */
const keyWindows: [number, number][] = [];
const profiler = process.env.BENCH_PROFILE ? new Session() : undefined;
if (profiler) {
	profiler.connect();
	await profiler.post('Profiler.setSamplingInterval', {interval: 100});
	await profiler.post('Profiler.enable');
	await profiler.post('Profiler.start');
}
let courseBase: World | undefined;
const courseWorld = () => structuredClone((courseBase ??= scenarioWorld(scenario, {preload: true})));
const big = largeWorld();
const bigWorld = () => structuredClone(big);
const worlds = {
	course: {world: courseWorld, commands: (i: number) => (i % 2 === 0 ? 'docker container ls -a' : 'docker volume ls')},
	large: {
		world: bigWorld,
		commands: (i: number) => (i % 2 === 0 ? 'docker container exec c10 sh -c "echo x >> /tmp/log"' : 'docker container diff c10'),
	},
} as const;

type Kind = 'enter' | 'straight' | 'human' | 'burst' | 'floorEnter' | 'floorKey' | 'inkRender' | 'enterCpu' | 'humanCpu' | 'floorEnterCpu' | 'floorKeyCpu';
const samples = new Map<string, Record<Kind, number[][]>>();
const identical = new Map<string, boolean>();
/** Timed Enters (after a pause) that took the line run ahead, per configuration. */
const takenAhead = new Map<string, number>();
const chosenWorlds = Object.entries(worlds).filter(([name]) => !process.env.BENCH_WORLDS || process.env.BENCH_WORLDS.split(',').includes(name));
// One untimed pass first, at the first size: JavaScript's compilers optimise code as it runs, and the
// floor always runs right after its lab, on Ink code the lab has just warmed. Without this pass, the
// first configuration's lab would run code not yet optimised against a floor that was.
if (!quick) {
	for (const [, spec] of chosenWorlds) await measureLab(spec.world, spec.commands, SIZES[0]!);
}
for (let run = 0; run < RUNS; run++) {
	for (const size of SIZES) {
		for (const [name, spec] of chosenWorlds) {
			const key = `${size.columns}x${size.rows} ${name}`;
			const lab = await measureLab(spec.world, spec.commands, size);
			const entry = samples.get(key) ?? {
				enter: [],
				straight: [],
				human: [],
				burst: [],
				floorEnter: [],
				floorKey: [],
				inkRender: [],
				enterCpu: [],
				humanCpu: [],
				floorEnterCpu: [],
				floorKeyCpu: [],
			};
			entry.enter.push(lab.enter);
			entry.straight.push(lab.straight);
			takenAhead.set(key, (takenAhead.get(key) ?? 0) + lab.taken);
			entry.human.push(lab.human);
			entry.burst.push(lab.burst);
			entry.inkRender.push(lab.inkRender);
			entry.floorEnter.push(lab.floorEnter);
			entry.floorKey.push(lab.floorKey);
			entry.enterCpu.push(lab.enterCpu);
			entry.humanCpu.push(lab.humanCpu);
			entry.floorEnterCpu.push(lab.floorEnterCpu);
			entry.floorKeyCpu.push(lab.floorKeyCpu);
			samples.set(key, entry);
			identical.set(key, (identical.get(key) ?? true) && lab.identical);
			if (!json) process.stderr.write(`  run ${run + 1}/${RUNS} ${key}: enter p95 ${percentile(lab.enter, 95)} ms, typing p95 ${percentile(lab.human, 95)} ms\n`);
		}
	}
}

/** Pooled p50/p95 over all runs, and the spread (min–max) of the per-run p95s. */
function summary(runs: number[][]) {
	const all = runs.flat().filter(value => !Number.isNaN(value));
	const p95s = runs.map(values => percentile(values, 95));
	return {p50: percentile(all, 50), p95: percentile(all, 95), p95Runs: [Math.min(...p95s), Math.max(...p95s)], n: all.length, missed: runs.flat().length - all.length};
}

const results: Record<string, unknown> = {
	method: `shipped bundle (production React), Ink render options of the lab; ${RUNS} runs × ${ENTER_SAMPLES} Enter samples (${STRAIGHT_SAMPLES} with no pause) and ${KEY_SAMPLES} keys per speed (human: a key every ${HUMAN_MS} ms, burst: every ${BURST_MS} ms); floor = the same frames replayed as host elements, each right after the lab drew it; ratio = app p95 / floor p95`,
	labFramesDuringFloor,
	node: process.version,
};
const table: string[] = [];
for (const [key, entry] of samples) {
	const enter = summary(entry.enter);
	const straight = summary(entry.straight);
	const human = summary(entry.human);
	const burst = summary(entry.burst);
	const floorEnter = summary(entry.floorEnter);
	const floorKey = summary(entry.floorKey);
	const inkRender = summary(entry.inkRender);
	const enterRatio = round(enter.p95 / floorEnter.p95);
	const straightRatio = round(straight.p95 / floorEnter.p95);
	const typingRatio = round(human.p95 / floorKey.p95);
	const ratiosP50 = {enter: round(enter.p50 / floorEnter.p50), straight: round(straight.p50 / floorEnter.p50), typing: round(human.p50 / floorKey.p50)};
	const ranAhead = `${takenAhead.get(key) ?? 0}/${enter.n + enter.missed}`;
	// CPU time per Enter and per key (p50), the app's over the floor's: the same question as the
	// ratios above, asked of the time the process spent rather than the time that passed.
	const cpuP50 = (kind: Kind) => summary(entry[kind]).p50;
	const cpu = {
		enter: cpuP50('enterCpu'),
		floorEnter: cpuP50('floorEnterCpu'),
		typing: cpuP50('humanCpu'),
		floorKey: cpuP50('floorKeyCpu'),
		enterRatio: round(cpuP50('enterCpu') / cpuP50('floorEnterCpu')),
		typingRatio: round(cpuP50('humanCpu') / cpuP50('floorKeyCpu')),
	};
	results[key] = {
		enter,
		straight,
		typing: human,
		burst,
		floorEnter,
		floorKey,
		inkRender,
		enterRatio,
		straightRatio,
		typingRatio,
		ratiosP50,
		ranAhead,
		cpu,
		floorFrameIdentical: identical.get(key),
	};
	const pair = (s: ReturnType<typeof summary>) => `${s.p50.toFixed(1)}/${s.p95.toFixed(1)} [${s.p95Runs[0]!.toFixed(1)}–${s.p95Runs[1]!.toFixed(1)}]`.padEnd(24);
	const ratio = (p95: number, p50: number) => `${p95}x (${p50}x)`.padEnd(16);
	const cpuPair = (app: number, floor: number, times: number) => `${app.toFixed(2)}/${floor.toFixed(2)} ${times}x`.padEnd(20);
	table.push(
		`${key.padEnd(15)}${pair(enter)}${pair(straight)}${pair(floorEnter)}${ratio(enterRatio, ratiosP50.enter)}${ratio(straightRatio, ratiosP50.straight)}${pair(human)}${pair(burst)}${pair(floorKey)}${ratio(typingRatio, ratiosP50.typing)}${ranAhead.padEnd(9)}${inkRender.p50.toFixed(1).padEnd(8)}${cpuPair(cpu.enter, cpu.floorEnter, cpu.enterRatio)}${cpuPair(cpu.typing, cpu.floorKey, cpu.typingRatio)}`,
	);
}

if (profiler) {
	const {profile} = await profiler.post('Profiler.stop');
	writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
	writeFileSync(process.env.BENCH_PROFILE! + '.windows.json', JSON.stringify(profileWindows));
	writeFileSync(process.env.BENCH_PROFILE! + '.floor.json', JSON.stringify(floorWindows));
	writeFileSync(process.env.BENCH_PROFILE! + '.keys.json', JSON.stringify(keyWindows));
}
if (json) console.log(JSON.stringify(results));
else {
	console.log(`interaction, ms: p50/p95 [spread of per-run p95] — ${results.method}`);
	console.log(
		`${'size world'.padEnd(15)}${'Enter→frame'.padEnd(24)}${'Enter, no pause'.padEnd(24)}${'floor (Enter)'.padEnd(24)}${'ratio p95 (p50)'.padEnd(16)}${'no pause'.padEnd(16)}${'typing (human)'.padEnd(24)}${'typing (burst)'.padEnd(24)}${'floor (key)'.padEnd(24)}${'ratio p95 (p50)'.padEnd(16)}${'ahead'.padEnd(9)}${'Ink p50'.padEnd(8)}${'CPU Enter/floor'.padEnd(20)}CPU key/floor`,
	);
	for (const line of table) console.log(line);
	for (const [key, same] of identical) if (!same) console.log(`warning: ${key}: the floor's frame differs from the lab's`);
	if (labFramesDuringFloor > 0) console.log(`warning: the lab wrote ${labFramesDuringFloor} frame(s) during the floor's turns`);
}
process.exit(0);
