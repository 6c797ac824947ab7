/**
 * The learner's progress, per scenario: the steps completed, the current step, and every command
 * line typed (the engine is deterministic, so replaying the lines rebuilds the world). Stored as
 * JSON in `$XDG_STATE_HOME/layerlab/progress.json` (default `~/.local/state/layerlab/`).
 *
 * Safety: writes are atomic (a temp file in the same folder, fsync, rename, fsync of the folder),
 * so the file is always the old or the new version, even if the process is killed mid-save. A file
 * that is not valid JSON is moved aside (`progress.json.corrupt-<n>`) with a one-line warning; an
 * unreadable entry for one scenario is skipped with a warning and written back untouched, so one
 * bad entry never loses the others. Nothing here throws on bad data.
 */
import {closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {z} from 'zod';
import {t} from '../../lab/messages.js';

export const PROGRESS_VERSION = 1;

export interface PredictionAnswer {
	choice: number;
	correct: boolean;
}

export interface ScenarioProgress {
	/** Step ids completed, in the order the learner completed them. */
	completed: string[];
	/** The step the learner is on (null: not started, or finished). */
	current: string | null;
	/** Every command line the learner typed, in order. */
	lines: string[];
	/** Hints revealed per step id. */
	hints?: Record<string, number>;
	/** Step ids whose solution the learner asked to see. */
	solutions?: string[];
	/** The answer given to each step's prediction. */
	predictions?: Record<string, PredictionAnswer>;
	/** ISO time of the last change. */
	updatedAt?: string;
	/** Fields the lab adds are kept as they are. */
	[key: string]: unknown;
}

export interface Progress {
	version: number;
	scenarios: Record<string, ScenarioProgress>;
	/** Entries that could not be read: written back untouched, never lost. */
	skipped?: Record<string, unknown>;
}

const entrySchema = z.looseObject({
	completed: z.array(z.string()).default([]),
	current: z.string().nullable().default(null),
	lines: z.array(z.string()).default([]),
	hints: z.record(z.string(), z.number().int().min(0)).optional(),
	solutions: z.array(z.string()).optional(),
	predictions: z.record(z.string(), z.looseObject({choice: z.number().int().min(0), correct: z.boolean()})).optional(),
	updatedAt: z.string().optional(),
});

const fileSchema = z.looseObject({
	version: z.number().int().min(1),
	scenarios: z.record(z.string(), z.unknown()),
});

/** `$XDG_STATE_HOME/layerlab/progress.json`, or `~/.local/state/layerlab/progress.json`. */
export function progressPath(env: NodeJS.ProcessEnv = process.env): string {
	const state = env.XDG_STATE_HOME;
	const base = state && path.isAbsolute(state) ? state : path.join(env.HOME || os.homedir(), '.local', 'state');
	return path.join(base, 'layerlab', 'progress.json');
}

export function emptyProgress(): Progress {
	return {version: PROGRESS_VERSION, scenarios: {}};
}

export interface ProgressIo {
	/** Where one-line warnings go (default: stderr). */
	warn?: (message: string) => void;
	/** The language of the warnings (the message catalog's; English by default). */
	lang?: string;
}

function defaultWarn(message: string): void {
	process.stderr.write(message + '\n');
}

/** Moves a corrupt file to `<file>.corrupt-<n>` (the first free n); returns the new name. */
function moveAside(file: string): string | undefined {
	for (let n = 1; n < 10_000; n++) {
		const aside = `${file}.corrupt-${n}`;
		if (existsSync(aside)) continue;
		try {
			renameSync(file, aside);
			return aside;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/** Reads the progress file. Missing → empty; corrupt → moved aside, empty; never throws. */
export function loadProgress(file: string, io: ProgressIo = {}): Progress {
	return readProgress(file, io).progress;
}

/**
 * Reads the progress file, and says whether it may be written: a file that exists but cannot be read
 * (EACCES, a folder in its place…) must never be replaced by what this process knows, or every
 * lesson in it would be lost. `unreadable` is the one-line reason, already given to `warn`.
 */
export function readProgress(file: string, io: ProgressIo = {}): {progress: Progress; unreadable?: string} {
	const warn = io.warn ?? defaultWarn;
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as {code?: string}).code;
		if (code === 'ENOENT') return {progress: emptyProgress()};
		const unreadable = t(io.lang ?? 'en', 'progress.unreadable', {file, code: code ?? String(error)});
		warn(unreadable);
		return {progress: emptyProgress(), unreadable};
	}
	return {progress: parseProgress(file, text, warn, io.lang ?? 'en')};
}

function parseProgress(file: string, text: string, warn: (message: string) => void, lang: string): Progress {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		data = undefined;
	}
	const parsed = fileSchema.safeParse(data);
	if (!parsed.success) {
		const aside = moveAside(file);
		warn(aside ? t(lang, 'progress.corruptMoved', {file, aside}) : t(lang, 'progress.corrupt', {file}));
		return emptyProgress();
	}
	const progress: Progress = {version: PROGRESS_VERSION, scenarios: {}};
	if (parsed.data.version > PROGRESS_VERSION) warn(t(lang, 'progress.newer', {file, version: parsed.data.version}));
	for (const [id, raw] of Object.entries(parsed.data.scenarios)) {
		const entry = entrySchema.safeParse(raw);
		if (entry.success) progress.scenarios[id] = entry.data as ScenarioProgress;
		else {
			progress.skipped ??= {};
			progress.skipped[id] = raw;
			warn(t(lang, 'progress.entry', {id, file}));
		}
	}
	return progress;
}

function tempName(file: string): string {
	return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

/** Removes temp files left by saves that were killed (their process is gone). */
function removeStaleTemps(file: string): void {
	const dir = path.dirname(file);
	const prefix = `.${path.basename(file)}.`;
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
		const pid = Number(name.slice(prefix.length).split('.')[0]);
		if (!Number.isInteger(pid) || pid === process.pid) continue;
		try {
			process.kill(pid, 0);
			continue;
		} catch (error) {
			if ((error as {code?: string}).code !== 'ESRCH') continue;
		}
		try {
			unlinkSync(path.join(dir, name));
		} catch {
			// another process removed it first
		}
	}
}

/** The file's text for a progress (skipped entries written back as they were). */
export function progressText(progress: Progress): string {
	const scenarios: Record<string, unknown> = {...(progress.skipped ?? {})};
	for (const id of Object.keys(progress.scenarios).sort()) scenarios[id] = progress.scenarios[id];
	return JSON.stringify({version: PROGRESS_VERSION, scenarios}, null, 2) + '\n';
}

/** Writes atomically: temp file in the same folder, fsync, rename over the old file, fsync the folder. */
export function saveProgress(file: string, progress: Progress): void {
	const dir = path.dirname(file);
	mkdirSync(dir, {recursive: true, mode: 0o700});
	const temp = tempName(file);
	const fd = openSync(temp, 'wx', 0o600);
	try {
		const data = Buffer.from(progressText(progress), 'utf8');
		let offset = 0;
		while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
		fsyncSync(fd);
	} catch (error) {
		closeSync(fd);
		try {
			unlinkSync(temp);
		} catch {
			// already gone
		}
		throw error;
	}
	closeSync(fd);
	try {
		renameSync(temp, file);
	} catch (error) {
		try {
			unlinkSync(temp);
		} catch {
			// already gone
		}
		throw error;
	}
	try {
		const dirFd = openSync(dir, 'r');
		try {
			fsyncSync(dirFd);
		} finally {
			closeSync(dirFd);
		}
	} catch {
		// some filesystems cannot fsync a folder; the rename is still atomic
	}
	removeStaleTemps(file);
}

// ------------------------------------------------------------------------------------------------
// Pure helpers: each returns a new Progress and leaves the one given alone.

export function scenarioProgress(progress: Progress, id: string): ScenarioProgress {
	return progress.scenarios[id] ?? {completed: [], current: null, lines: []};
}

/** Applies a change to one scenario's entry. */
export function updateScenario(progress: Progress, id: string, change: (entry: ScenarioProgress) => ScenarioProgress, now: Date = new Date()): Progress {
	const entry = change(structuredClone(scenarioProgress(progress, id)));
	return {...progress, scenarios: {...progress.scenarios, [id]: {...entry, updatedAt: now.toISOString()}}};
}

/** A command line the learner typed. */
export function recordLine(progress: Progress, id: string, line: string, now?: Date): Progress {
	return updateScenario(progress, id, entry => ({...entry, lines: [...entry.lines, line]}), now);
}

/** A step completed; `next` is the step the learner moves on to (null when it was the last). */
export function recordStep(progress: Progress, id: string, stepId: string, next: string | null, now?: Date): Progress {
	return updateScenario(progress, id, entry => ({...entry, completed: entry.completed.includes(stepId) ? entry.completed : [...entry.completed, stepId], current: next}), now);
}

export function setCurrentStep(progress: Progress, id: string, stepId: string | null, now?: Date): Progress {
	return updateScenario(progress, id, entry => ({...entry, current: stepId}), now);
}

/** One more hint shown for a step. */
export function recordHint(progress: Progress, id: string, stepId: string, now?: Date): Progress {
	return updateScenario(progress, id, entry => ({...entry, hints: {...entry.hints, [stepId]: (entry.hints?.[stepId] ?? 0) + 1}}), now);
}

export function recordPrediction(progress: Progress, id: string, stepId: string, answer: PredictionAnswer, now?: Date): Progress {
	return updateScenario(progress, id, entry => ({...entry, predictions: {...entry.predictions, [stepId]: answer}}), now);
}

/** Forgets a scenario (start over). */
export function resetScenario(progress: Progress, id: string): Progress {
	const scenarios = {...progress.scenarios};
	delete scenarios[id];
	const skipped = progress.skipped ? {...progress.skipped} : undefined;
	if (skipped) delete skipped[id];
	return {...progress, scenarios, ...(skipped ? {skipped} : {})};
}

/** How long a save waits for another process's lock before giving up (in 10 ms waits). */
const LOCK_WAITS = 500;
/** A lock older than this is left over from a process that hung or died on another machine. */
const STALE_LOCK_MS = 30_000;

function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function lockHolderGone(lock: string): boolean {
	try {
		const pid = Number(readFileSync(lock, 'utf8').trim());
		if (Number.isInteger(pid) && pid > 0) {
			try {
				process.kill(pid, 0);
			} catch (error) {
				if ((error as {code?: string}).code === 'ESRCH') return true;
			}
		}
		return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
	} catch {
		// gone already, or half-written by its creator: try again
		return false;
	}
}

/**
 * Runs `body` holding `<file>.lock` (created with O_EXCL, holding the pid). Two labs on one home take
 * turns; a lock left by a process that died is taken over. Throws when the lock cannot be had.
 */
export function withProgressLock<T>(file: string, body: () => T): T {
	mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	const lock = `${file}.lock`;
	let fd: number | undefined;
	for (let attempt = 0; fd === undefined; attempt++) {
		try {
			fd = openSync(lock, 'wx', 0o600);
		} catch (error) {
			if ((error as {code?: string}).code !== 'EEXIST') throw error;
			if (lockHolderGone(lock)) {
				try {
					unlinkSync(lock);
				} catch {
					// another process took it over first
				}
				continue;
			}
			if (attempt >= LOCK_WAITS) throw new Error(`${lock} is held by another layerlab`);
			sleep(10);
		}
	}
	try {
		writeSync(fd, String(process.pid));
		closeSync(fd);
		return body();
	} finally {
		try {
			unlinkSync(lock);
		} catch {
			// removed as stale by another process: nothing to release
		}
	}
}

/**
 * Reads, changes and saves in one go, under the lock (what the lab does after each change): the
 * change applies to what is on disk now, so another lab's lessons are kept. A file that cannot be
 * read is never overwritten: this throws instead.
 */
export function updateProgressFile(file: string, change: (progress: Progress) => Progress, io: ProgressIo = {}): Progress {
	return withProgressLock(file, () => {
		const {progress, unreadable} = readProgress(file, io);
		if (unreadable) throw new Error(`cannot read ${file}, so it is not overwritten`);
		const next = change(progress);
		saveProgress(file, next);
		return next;
	});
}

/** Steps done out of the scenario's steps (ids that no longer exist are not counted). */
export function progressSummary(entry: ScenarioProgress | undefined, stepIds: string[]): {done: number; total: number; finished: boolean; current: string | null} {
	const done = entry ? stepIds.filter(id => entry.completed.includes(id)).length : 0;
	return {done, total: stepIds.length, finished: done === stepIds.length && stepIds.length > 0, current: entry?.current ?? null};
}
