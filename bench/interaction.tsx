/**
 * Interaction latency (targets in docs/PERFORMANCE.md), run bundled (bench/.out/interaction.js) by `npm run bench`:
 * the time from Enter on a typed command line to the next frame Ink writes, p50 and p95, for the real
 * lab App at 80x24 and 160x48, on a course world (first built-in scenario) and on the large world
 * (bench/large-world.ts). The floor is measured in the same run: a key press that makes Ink render a
 * static frame of the same cells (the App's own last frame, as plain <Text> lines, one line changed).
 * ratio = p95 / floor p95. Ink's real render() with a fake TTY stdout/stdin, default maxFps (as
 * main.tsx), production React. `--json` prints one JSON object; otherwise a table.
 */
import {EventEmitter} from 'node:events';
import {performance} from 'node:perf_hooks';
import React, {useState} from 'react';
import {render, Box, Text, useInput} from 'ink';
import {App} from '../source/ui/App.js';
import type {LabApi} from '../source/lab/api.js';
import {createLab, type LabModel} from '../source/lab/model/lab.js';
import {loadRunner} from '../source/lab/model/runner.js';
import {builtinScenarios, evaluateStep, scenarioWorld} from '../source/scenario/index.js';
import {paneInner, computeLayout} from '../source/ui/layout.js';
import type {World} from '../source/engine/world.js';
import {largeWorld} from './large-world.js';

delete process.env.CI;
const json = process.argv.includes('--json');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const WARMUP = 5;
/** Longer than Ink's 34 ms throttle, so Enter lands on an idle renderer (a person pauses too). */
const IDLE_MS = 60;
const SIZES = [
	{columns: 80, rows: 24},
	{columns: 160, rows: 48},
];

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const strip = (text: string) => text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001B\][^\u0007]*\u0007/g, '');
const count = (text: string, needle: string) => text.split(needle).length - 1;

class FakeStdout extends EventEmitter {
	isTTY = true;
	columns: number;
	rows: number;
	writes: {t: number; data: string}[] = [];
	waiter: ((data: string) => void) | undefined;
	constructor(columns: number, rows: number) {
		super();
		this.columns = columns;
		this.rows = rows;
	}
	write = (data: string) => {
		const t = performance.now();
		this.writes.push({t, data});
		if (this.writes.length > 200) this.writes.splice(0, 100);
		this.waiter?.(data);
		return true;
	};
	get last(): string {
		for (let i = this.writes.length - 1; i >= 0; i--) if (this.writes[i]!.data.includes('\n')) return this.writes[i]!.data;
		return '';
	}
	/** The first write (after now) that passes `test`, with its time. */
	next(test: (data: string) => boolean, timeout = 10_000): Promise<{t: number; data: string}> {
		return new Promise((resolve, reject) => {
			const waiter = (data: string) => {
				// A frame is several writes (synchronized-update marks, cursor hide/show); time the one with the cells.
				if (!data.includes('\n') || !test(data)) return;
				clearTimeout(timer);
				if (this.waiter === waiter) this.waiter = undefined;
				resolve({t: this.writes.at(-1)!.t, data});
			};
			const timer = setTimeout(() => {
				if (this.waiter === waiter) this.waiter = undefined;
				reject(new Error(`timed out waiting for a frame; last:\n${strip(this.last)}`));
			}, timeout);
			this.waiter = waiter;
		});
	}
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private chunk: string | null = null;
	write(data: string) {
		this.chunk = data;
		this.emit('readable');
		this.emit('data', data);
	}
	read() {
		const chunk = this.chunk;
		this.chunk = null;
		return chunk;
	}
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

function mount(tree: React.ReactElement, size: {columns: number; rows: number}) {
	const stdout = new FakeStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {stdout, stdin, instance};
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return Math.round(sorted[index]! * 100) / 100;
}
const stats = (values: number[]) => ({p50: percentile(values, 50), p95: percentile(values, 95), n: values.length});

const scenario = builtinScenarios()[0]!;
const PROMPT = 'student@layerlab:';

function api(world: () => World): LabApi {
	return {
		scenarios: () => [scenario],
		evaluate: evaluateStep,
		open: async (s, columns) => createLab(s, world(), {evaluate: evaluateStep, columns}),
		save() {},
		progress: () => undefined,
	};
}

/**
 * One lab, one size: per sample clear the terminal pane (Ctrl+L), type the line, idle, press Enter,
 * and time Enter → the first write that shows the command ran (the echoed prompt line plus a new
 * empty prompt: two prompts on screen where there was one).
 */
async function measureLab(world: () => World, commands: (i: number) => string, size: {columns: number; rows: number}) {
	const lab: LabModel = createLab(scenario, world(), {evaluate: evaluateStep, columns: paneInner(computeLayout(size.columns, size.rows), 'terminal')?.width ?? 78});
	const {stdout, stdin, instance} = mount(<App api={api(world)} lang="en" color={true} initial={lab} />, size);
	await sleep(200);
	const times: number[] = [];
	for (let i = 0; i < WARMUP + SAMPLES; i++) {
		const cleared = stdout.next(data => count(strip(data), PROMPT) === 1, 500);
		stdin.write('\u000C');
		await cleared.catch(() => undefined);
		await sleep(IDLE_MS);
		const line = commands(i);
		const typed = stdout.next(data => strip(data).includes(line.slice(-20)));
		stdin.write(line);
		await typed;
		await sleep(IDLE_MS);
		(globalThis as {gc?: () => void}).gc?.();
		await sleep(5);
		const first = stdout.next(() => true);
		const t0 = performance.now();
		stdin.write('\r');
		const frame = await first;
		if (count(strip(frame.data), PROMPT) < 2) {
			// not yet the command's frame: time to the frame that has it
			const done = await stdout.next(data => count(strip(data), PROMPT) >= 2);
			if (i >= WARMUP) times.push(done.t - t0);
		} else if (i >= WARMUP) times.push(frame.t - t0);
		await sleep(IDLE_MS);
	}
	const last = stdout.last;
	instance.unmount();
	instance.cleanup();
	return {stats: stats(times), frame: last};
}

/** The floor: Ink rendering the App's own frame (same cells, same styling) as static lines; a key changes one line. */
function Static({lines}: {lines: string[]}) {
	const [tick, setTick] = useState(0);
	useInput(() => setTick(t => t + 1));
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Text key={index} wrap="truncate">
					{index === 0 ? `${tick % 10}${strip(line).slice(1)}` : line}
				</Text>
			))}
		</Box>
	);
}

async function measureFloor(frame: string, size: {columns: number; rows: number}) {
	const lines = frame
		.replace(/\u001B\[\?25[lh]/g, '')
		.split('\n')
		.filter((line, index, all) => index < all.length - 1 || line !== '');
	const {stdout, stdin, instance} = mount(<Static lines={lines.slice(0, size.rows - 1)} />, size);
	await sleep(200);
	const times: number[] = [];
	for (let i = 0; i < WARMUP + SAMPLES; i++) {
		(globalThis as {gc?: () => void}).gc?.();
		await sleep(IDLE_MS);
		const first = stdout.next(() => true);
		const t0 = performance.now();
		stdin.write('x');
		const written = await first;
		if (i >= WARMUP) times.push(written.t - t0);
	}
	instance.unmount();
	instance.cleanup();
	return stats(times);
}

await loadRunner();
let courseBase: World | undefined;
const courseWorld = () => structuredClone((courseBase ??= scenarioWorld(scenario, {preload: true})));
const big = largeWorld();
let handedOut = false;
// The large world is built once; the first lab gets it, later labs a copy.
const bigWorld = () => (handedOut ? structuredClone(big) : ((handedOut = true), big));
const courseCommands = (i: number) => (i % 2 === 0 ? 'docker container ls -a' : 'docker volume ls');
const largeCommands = (i: number) => (i % 2 === 0 ? 'docker container exec c10 sh -c "echo x >> /tmp/log"' : 'docker container diff c10');

interface Percentiles {
	p50: number;
	p95: number;
}
interface SizeResult {
	course: Percentiles;
	large: Percentiles;
	floor: Percentiles;
	ratio: number;
	courseRatio: number;
	target: {ratio: number; p95ms: number | null; ratioMet: boolean; p95Met: boolean | null};
}
const results: Record<string, SizeResult> = {};
for (const size of SIZES) {
	const key = `${size.columns}x${size.rows}`;
	const course = await measureLab(courseWorld, courseCommands, size);
	const large = await measureLab(bigWorld, largeCommands, size);
	const floor = await measureFloor(large.frame, size);
	const ratio = Math.round((large.stats.p95 / floor.p95) * 100) / 100;
	results[key] = {
		course: course.stats,
		large: large.stats,
		floor,
		ratio,
		courseRatio: Math.round((course.stats.p95 / floor.p95) * 100) / 100,
		target: {ratio: 1.25, p95ms: size.columns === 160 ? 34 : null, ratioMet: ratio <= 1.25, p95Met: size.columns === 160 ? large.stats.p95 < 34 : null},
	};
}

if (json) console.log(JSON.stringify(results));
else {
	console.log(`interaction: Enter → next frame, ms (${SAMPLES} samples, prod bundle, ${process.version})`);
	console.log('size      course p50/p95   large p50/p95    floor p50/p95    ratio(large p95/floor p95)');
	for (const [key, value] of Object.entries(results)) {
		const pair = (s: Percentiles) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)}`.padEnd(17);
		console.log(
			`${key.padEnd(10)}${pair(value.course)}${pair(value.large)}${pair(value.floor)}${value.ratio}x (target ≤1.25x${key === '160x48' ? `, p95 < 34 ms: ${value.target.p95Met ? 'met' : 'missed'}` : ''})`,
		);
	}
}
process.exit(0);
