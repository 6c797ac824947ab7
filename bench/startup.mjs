#!/usr/bin/env node
/**
 * Start-up time: launch → first full frame in a pseudo-terminal, for the lab and for a minimal Ink
 * hello-world (bench/hello.tsx) built with the SAME tsup settings, in the same run, alternating, so
 * the ratio survives a noisy shared machine.
 *
 * Each program runs under `script -qec` (a real pty, 100x30 set with stty; CI unset, a fresh
 * XDG_STATE_HOME so no progress is replayed). A frame is "full" when its last line has been written:
 * the lab's help bar ("… Ctrl+C quit" / "… q quit"), the hello-world's READY line. The clock runs
 * from spawn to the first output byte that completes the marker; then the process group is ended.
 *
 * Two builds are measured: "shipped" (tsup.config.ts as it is) and "bundled" (the same settings with
 * every dependency bundled: noExternal; resolving node_modules at start-up is the larger cost). Usage:
 *   node bench/startup.mjs [--runs N] [--json]
 */
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, existsSync, mkdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// Not bench/.out: bench/run.mjs cleans that folder when it builds, maybe while this runs.
const out = path.join(root, 'node_modules', '.cache', 'layerlab-startup');
const args = process.argv.slice(2);
const json = args.includes('--json');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 15;
const WARMUP = 2;
const log = (...parts) => {
	if (!json) console.error(...parts);
};

if (spawnSync('script', ['--version'], {stdio: 'ignore'}).status !== 0) {
	console.error('bench/startup: needs `script` (util-linux) for a pseudo-terminal');
	process.exit(2);
}

/**
 * The lab's `play` mode entered directly, without source/cli.tsx's argument parser (meow): what the
 * start would cost with a lighter parser such as node:util's parseArgs. Generated here, never shipped.
 */
function writeDirectEntry() {
	const dir = path.join(out, 'src');
	mkdirSync(dir, {recursive: true});
	const file = path.join(dir, 'direct.ts');
	writeFileSync(
		file,
		`import {playCommand} from '../../../../source/ui/main.js';\n` +
			`const args = process.argv.slice(2).filter(arg => arg !== 'play');\n` +
			`playCommand(args, {preload: false, color: true, json: false, docker: false} as never).then(code => { process.exitCode = code; });\n`,
	);
	return path.relative(root, file);
}

/** Builds with the project's tsup.config.ts, overriding entry and outDir (and optionally bundling every dependency). */
async function buildAll() {
	const {build} = await import('tsup');
	const bundleAll = {noExternal: [/^(?!react-devtools-core$)/]};
	const jobs = [
		{name: 'shipped-lab', entry: {cli: 'source/cli.tsx'}},
		{name: 'shipped-hello', entry: {hello: 'bench/hello.tsx'}},
		{name: 'bundled-lab', entry: {cli: 'source/cli.tsx'}, ...bundleAll},
		{name: 'bundled-hello', entry: {hello: 'bench/hello.tsx'}, ...bundleAll},
		{name: 'bundled-direct', entry: {cli: writeDirectEntry()}, ...bundleAll},
	];
	for (const job of jobs) {
		const {name, ...options} = job;
		await build({config: path.join(root, 'tsup.config.ts'), ...options, outDir: path.join(out, name), clean: true, silent: true});
	}
}

const state = mkdtempSync(path.join(os.tmpdir(), 'layerlab-startup-'));

// A fresh state folder (no progress to replay) and cache folder (the warm-up runs fill the start-up
// cache, as a learner's first start does; the counted runs are the starts that follow).
function env() {
	const e = {...process.env, XDG_STATE_HOME: path.join(state, 'state'), XDG_CACHE_HOME: path.join(state, 'cache'), TERM: 'xterm-256color', COLUMNS: '100', LINES: '30'};
	delete e.CI;
	delete e.NO_COLOR;
	return e;
}

/** Milliseconds from spawn until `marker` has been written to the pty. */
function timeToFrame(command, marker) {
	return new Promise((resolve, reject) => {
		const started = process.hrtime.bigint();
		const child = spawn('script', ['-qec', `stty cols 100 rows 30 2>/dev/null; exec ${command}`, '/dev/null'], {
			cwd: root,
			env: env(),
			detached: true,
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let seen = '';
		let done = false;
		let exited = false;
		child.on('exit', () => {
			exited = true;
		});
		const settle = (error, ms) => (error ? reject(error) : resolve(ms));
		const finish = (error, ms) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			if (exited) {
				settle(error, ms);
				return;
			}
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				// already gone
			}
			const kill = setTimeout(() => {
				try {
					process.kill(-child.pid, 'SIGKILL');
				} catch {
					// gone
				}
			}, 2000);
			child.once('exit', () => {
				clearTimeout(kill);
				settle(error, ms);
			});
		};
		const timer = setTimeout(() => finish(new Error(`no frame from ${command} within 20 s; got: ${JSON.stringify(seen.slice(-400))}`)), 20_000);
		child.stdout.on('data', chunk => {
			seen += chunk.toString('utf8');
			// Markers are plain text; strip SGR so colours between words don't hide them.
			if (seen.replace(/\x1b\[[0-9;]*m/g, '').includes(marker)) finish(undefined, Number(process.hrtime.bigint() - started) / 1e6);
		});
		child.on('error', error => finish(error));
		child.on('exit', () => finish(new Error(`${command} ended before its first frame; output: ${JSON.stringify(seen.slice(-400))}`)));
	});
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = value => Math.round(value * 10) / 10;

async function main() {
	log('bench/startup: building (tsup, project settings; and with every dependency bundled)…');
	await buildAll();
	const programs = [];
	for (const build of ['shipped', 'bundled']) {
		const lab = path.join(out, `${build}-lab`, 'cli.js');
		const hello = path.join(out, `${build}-hello`, 'hello.js');
		if (!existsSync(lab) || !existsSync(hello)) throw new Error(`build ${build} is missing`);
		programs.push(
			{build, name: 'hello (Ink baseline)', key: 'hello', command: `node ${hello}`, marker: 'READY'},
			{build, name: 'lab: play writable-layer', key: 'play', command: `node ${lab} play writable-layer`, marker: 'Ctrl+C quit'},
			{build, name: 'lab: scenario list', key: 'list', command: `node ${lab}`, marker: 'q quit'},
		);
	}
	programs.push({
		build: 'bundled',
		name: 'lab: play, no meow (direct entry)',
		key: 'direct',
		command: `node ${path.join(out, 'bundled-direct', 'cli.js')} play writable-layer`,
		marker: 'Ctrl+C quit',
	});
	programs.push({build: '-', name: 'node -e 0 (floor, no frame)', key: 'node', command: 'node -e "process.stdout.write(\'READY\')"', marker: 'READY'});
	const times = new Map(programs.map(program => [program, []]));
	for (let i = 0; i < WARMUP + RUNS; i++) {
		// Alternate the order every round so no program always runs right after another.
		const order = i % 2 === 0 ? programs : [...programs].reverse();
		for (const program of order) {
			const ms = await timeToFrame(program.command, program.marker);
			if (i >= WARMUP) times.get(program).push(ms);
		}
		log(`  round ${i + 1}/${WARMUP + RUNS}${i < WARMUP ? ' (warm-up)' : ''}`);
	}
	const rows = programs.map(program => {
		const list = times.get(program);
		const hello = programs.find(other => other.build === program.build && other.key === 'hello');
		const base = hello ? times.get(hello) : undefined;
		const ratios = base ? list.map((ms, index) => ms / base[index]) : [];
		return {
			build: program.build,
			program: program.name,
			median: round(median(list)),
			min: round(Math.min(...list)),
			max: round(Math.max(...list)),
			ratio: ratios.length > 0 && program.key !== 'hello' ? Math.round(median(ratios) * 100) / 100 : undefined,
		};
	});
	const result = {
		method: 'launch → first full frame in a pty (script -qec, 100x30), ms; ratio = median of per-round ratios against the hello-world of the same build',
		runs: RUNS,
		warmup: WARMUP,
		rows,
	};
	if (json) {
		console.log(JSON.stringify(result, null, 2));
		return;
	}
	const header = ['build', 'program', 'median ms', 'min', 'max', 'vs hello'];
	const table = [header, ...rows.map(r => [r.build, r.program, String(r.median), String(r.min), String(r.max), r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`])];
	const widths = header.map((_, c) => Math.max(...table.map(row => row[c].length)));
	for (const row of table) console.log(row.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  '));
	console.log(`\n${RUNS} runs each after ${WARMUP} warm-ups, alternating; ${result.method}.`);
}

try {
	await main();
} finally {
	rmSync(state, {recursive: true, force: true});
}
