/**
 * Progress: where it lives, pure helpers, corrupt files set aside, bad entries kept, and atomic
 * saves: a child process saving in a loop is SIGKILLed many times, and the file is always one
 * complete version, never a torn one.
 */
import {tempDir as makeTempDir} from '../helpers/temp.js';
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {buildSync} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {
	emptyProgress,
	loadProgress,
	progressPath,
	progressSummary,
	progressText,
	recordHint,
	recordLine,
	recordPrediction,
	recordStep,
	resetScenario,
	saveProgress,
	setCurrentStep,
	updateProgressFile,
	type Progress,
} from '../../source/scenario/progress/progress.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const NOW = new Date('2026-01-05T09:00:00Z');

function tempDir(): string {
	return makeTempDir('layerlab-progress-');
}

function collect(): {warn: (line: string) => void; lines: string[]} {
	const lines: string[] = [];
	return {warn: line => lines.push(line), lines};
}

describe('progressPath', () => {
	it('uses $XDG_STATE_HOME, else ~/.local/state', () => {
		expect(progressPath({XDG_STATE_HOME: '/state', HOME: '/home/me'})).toBe('/state/layerlab/progress.json');
		expect(progressPath({HOME: '/home/me'})).toBe('/home/me/.local/state/layerlab/progress.json');
		// The XDG spec says a relative path is invalid and must be ignored.
		expect(progressPath({XDG_STATE_HOME: 'state', HOME: '/home/me'})).toBe('/home/me/.local/state/layerlab/progress.json');
	});
});

describe('pure helpers', () => {
	it('record lines, steps, hints and predictions without changing the progress given', () => {
		const start = emptyProgress();
		let progress = recordLine(start, 'lab', 'docker ps', NOW);
		progress = recordLine(progress, 'lab', 'docker volume ls', NOW);
		progress = recordStep(progress, 'lab', 'explore', 'new-storage', NOW);
		progress = recordStep(progress, 'lab', 'explore', 'new-storage', NOW);
		progress = recordHint(recordHint(progress, 'lab', 'new-storage', NOW), 'lab', 'new-storage', NOW);
		progress = recordPrediction(progress, 'filesystem-build', 'config-origin', {choice: 3, correct: true}, NOW);
		expect(start).toEqual(emptyProgress());
		expect(progress.scenarios.lab).toEqual({
			completed: ['explore'],
			current: 'new-storage',
			lines: ['docker ps', 'docker volume ls'],
			hints: {'new-storage': 2},
			updatedAt: '2026-01-05T09:00:00.000Z',
		});
		expect(progress.scenarios['filesystem-build']!.predictions).toEqual({'config-origin': {choice: 3, correct: true}});
		expect(setCurrentStep(progress, 'lab', null, NOW).scenarios.lab!.current).toBeNull();
		expect(Object.keys(resetScenario(progress, 'lab').scenarios)).toEqual(['filesystem-build']);
	});

	it('summarise against the scenario as it is now (unknown step ids do not count)', () => {
		const entry = {completed: ['explore', 'removed-step'], current: 'new-storage', lines: []};
		expect(progressSummary(entry, ['explore', 'new-storage', 'store-item'])).toEqual({done: 1, total: 3, finished: false, current: 'new-storage'});
		expect(progressSummary({...entry, completed: ['explore', 'new-storage', 'store-item']}, ['explore', 'new-storage', 'store-item']).finished).toBe(true);
		expect(progressSummary(undefined, ['a'])).toEqual({done: 0, total: 1, finished: false, current: null});
	});
});

describe('loading and saving', () => {
	it('starts empty when there is no file, quietly', () => {
		const io = collect();
		expect(loadProgress(path.join(tempDir(), 'missing', 'progress.json'), io)).toEqual(emptyProgress());
		expect(io.lines).toEqual([]);
	});

	it('round-trips, creating the folder; the file is private and no temp file is left', () => {
		const file = path.join(tempDir(), 'state', 'layerlab', 'progress.json');
		const progress = recordStep(
			recordLine(emptyProgress(), 'writable-layer', 'docker container run --name rn1 diamol/ch06-random-number', NOW),
			'writable-layer',
			'run-two',
			'list-exited',
			NOW,
		);
		saveProgress(file, progress);
		expect(loadProgress(file)).toEqual(progress);
		expect(readFileSync(file, 'utf8')).toBe(progressText(progress));
		expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(readdirSync(path.dirname(file))).toEqual(['progress.json']);
	});

	it('keeps fields it does not know (the lab may store more)', () => {
		const file = path.join(tempDir(), 'progress.json');
		writeFileSync(file, JSON.stringify({version: 1, scenarios: {lab: {completed: [], current: null, lines: [], stepStarts: {'0': 0}}}}));
		const progress = loadProgress(file);
		expect(progress.scenarios.lab!.stepStarts).toEqual({'0': 0});
		saveProgress(file, progress);
		expect(JSON.parse(readFileSync(file, 'utf8')).scenarios.lab.stepStarts).toEqual({'0': 0});
	});

	it('moves a corrupt file aside with one warning line, and never throws', () => {
		const dir = tempDir();
		const file = path.join(dir, 'progress.json');
		for (const [index, text] of ['{"version": 1, "scenarios": {', '[]', '{"version": "one", "scenarios": {}}', ''].entries()) {
			writeFileSync(file, text);
			const io = collect();
			expect(loadProgress(file, io)).toEqual(emptyProgress());
			expect(io.lines).toEqual([`layerlab: progress file ${file} was corrupt; moved it to ${file}.corrupt-${index + 1} and started afresh`]);
			expect(readFileSync(`${file}.corrupt-${index + 1}`, 'utf8')).toBe(text);
			expect(existsSync(file)).toBe(false);
		}
	});

	it("skips one scenario's bad entry, keeps the others, and writes the bad one back untouched", () => {
		const file = path.join(tempDir(), 'progress.json');
		const good = {completed: ['run-two'], current: 'list-exited', lines: ['docker ps']};
		const bad = {completed: 'all of them', lines: 7};
		writeFileSync(file, JSON.stringify({version: 1, scenarios: {'writable-layer': good, 'copy-on-write': bad}}));
		const io = collect();
		const progress = loadProgress(file, io);
		expect(progress.scenarios).toEqual({'writable-layer': good});
		expect(io.lines).toEqual([`layerlab: saved progress for scenario "copy-on-write" is unreadable; skipped it (it stays in ${file})`]);
		saveProgress(file, recordLine(progress, 'writable-layer', 'docker volume ls', NOW));
		const saved = JSON.parse(readFileSync(file, 'utf8')) as Progress;
		expect(saved.scenarios['copy-on-write']).toEqual(bad);
		expect(saved.scenarios['writable-layer']!.lines).toEqual(['docker ps', 'docker volume ls']);
	});

	it('reads what it can from a newer version, with a warning', () => {
		const file = path.join(tempDir(), 'progress.json');
		writeFileSync(file, JSON.stringify({version: 2, scenarios: {lab: {completed: [], current: null, lines: []}}}));
		const io = collect();
		expect(Object.keys(loadProgress(file, io).scenarios)).toEqual(['lab']);
		expect(io.lines).toEqual([`layerlab: progress file ${file} was written by a newer layerlab (version 2); reading what this one understands`]);
	});

	it('updates a file in one call', () => {
		const file = path.join(tempDir(), 'progress.json');
		updateProgressFile(file, progress => recordLine(progress, 'lab', 'docker ps', NOW));
		updateProgressFile(file, progress => recordLine(progress, 'lab', 'docker volume ls', NOW));
		expect(loadProgress(file).scenarios.lab!.lines).toEqual(['docker ps', 'docker volume ls']);
	});
});

describe('atomic saves', () => {
	it('leave the old or the new version when the writer is SIGKILLed mid-save, every time', async () => {
		const dir = tempDir();
		const file = path.join(dir, 'progress.json');
		// The child saves versions 1, 2, 3, … as fast as it can; each is ~300 KB so writes take a while.
		const child = path.join(dir, 'child.mjs');
		writeFileSync(
			path.join(dir, 'child.ts'),
			`import {saveProgress} from ${JSON.stringify(path.resolve(here, '../../source/scenario/progress/progress.ts'))};
import {version} from ${JSON.stringify(path.join(dir, 'version.ts'))};
const file = process.argv[2]!;
let k = Number(process.argv[3]);
process.stdout.write('ready\\n');
for (;;) saveProgress(file, version(++k));
`,
		);
		writeFileSync(
			path.join(dir, 'version.ts'),
			`export function version(k: number) {
	return {version: 1, scenarios: {lab: {completed: [], current: null, lines: Array.from({length: 6000}, (_, i) => 'line ' + i + ' of version ' + k), marker: k}}};
}
`,
		);
		buildSync({entryPoints: [path.join(dir, 'child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: child, logLevel: 'silent'});
		const version = (k: number): Progress => ({
			version: 1,
			scenarios: {lab: {completed: [], current: null, lines: Array.from({length: 6000}, (_, i) => `line ${i} of version ${k}`), marker: k}},
		});
		saveProgress(file, version(0));
		let last = 0;
		let midWrite = 0;
		const kills = 25;
		for (let round = 0; round < kills; round++) {
			const proc = spawn(process.execPath, [child, file, String(last)], {stdio: ['ignore', 'pipe', 'inherit']});
			await new Promise<void>(resolve => proc.stdout.once('data', () => resolve()));
			await new Promise(resolve => setTimeout(resolve, 5 + ((round * 37) % 60)));
			const exited = new Promise(resolve => proc.once('exit', resolve));
			proc.kill('SIGKILL');
			await exited;
			if (readdirSync(dir).some(name => name.endsWith('.tmp'))) midWrite++;
			const text = readFileSync(file, 'utf8');
			const marker = (JSON.parse(text) as {scenarios: {lab: {marker: number}}}).scenarios.lab.marker;
			// A whole version, byte for byte, and never an older one than before.
			expect(text).toBe(progressText(version(marker)));
			expect(marker).toBeGreaterThanOrEqual(last);
			last = marker;
		}
		expect(last).toBeGreaterThan(0);
		// Some kills landed while a temp file was being written (the case that matters).
		expect(midWrite).toBeGreaterThan(0);
		// The next save clears the temp files the killed writers left behind.
		saveProgress(file, version(last + 1));
		expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
	});
});
