/**
 * A start-up cache, so the lab's first frame does not wait for YAML parsing and schema validation of
 * every scenario and image definition, nor for building the starting world (the target is a first
 * frame within 1.3x of a bare Ink app's; docs/PERFORMANCE.md). Stored as JSON in
 * `$XDG_CACHE_HOME/layerlab/startup-<program>.json` (default `~/.cache/layerlab/`).
 *
 * The key covers everything the cached data is derived from: every file (path, size, mtime) under
 * the scenario sources, and the program itself (this module's file and mtime, which change with every
 * build). Any change means a miss; a miss or an unreadable file just means the slow path. Writes are
 * atomic (temp file + rename) and failures are ignored: the cache is never needed for correctness.
 */
import {mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {World} from '../engine/index.js';
import type {Scenario} from '../scenario/types.js';
import type {Problem} from '../scenario/load/yaml-load.js';

export const CACHE_VERSION = 3;

export interface StartupCache {
	version: number;
	key: string;
	scenarios: Scenario[];
	problems: Problem[];
	/** Starting worlds by `worldKey`. */
	worlds: Record<string, World>;
	/** Every file a scenario was read from (`from:` files outside the walked roots too) → its signature. */
	deps?: Record<string, string>;
}

function signature(file: string): string {
	try {
		const stat = statSync(file);
		return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
	} catch {
		return 'missing';
	}
}

/** The signatures of every file the scenarios were read from. */
export function dependencies(scenarios: Scenario[]): Record<string, string> {
	const deps: Record<string, string> = {};
	for (const scenario of scenarios) for (const file of scenario.reads ?? []) deps[file] ??= signature(file);
	return deps;
}

/**
 * FNV-1a, 64 bits, over the text's UTF-16 code units, as hex. Names a cache file; node:crypto is not
 * loaded for it (loading it cost the start about 2 ms). A collision only makes two installs share a
 * file, and the key (which names the program's file) keeps each from reading the other's data.
 */
export function fnv1a64(text: string): string {
	let hash = 0xcbf29ce484222325n;
	for (let index = 0; index < text.length; index++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(index))) * 0x100000001b3n);
	return hash.toString(16).padStart(16, '0');
}

/** One file per installed program (two installs never evict each other's cache). */
export function cachePath(env: NodeJS.ProcessEnv = process.env, code = fileURLToPath(import.meta.url)): string {
	const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME || os.homedir(), '.cache');
	const program = fnv1a64(path.dirname(code)).slice(0, 12);
	return path.join(base, 'layerlab', `startup-${program}.json`);
}

/** Same order as source/scenario's scenarioSources: built-in course, extra sources, $LAYERLAB_SCENARIOS. */
export function sourceRoots(builtin: string, extra: string[], env: NodeJS.ProcessEnv): string[] {
	return [builtin, ...extra, ...(env.LAYERLAB_SCENARIOS ?? '').split(':').filter(item => item.trim() !== '')];
}

function walk(target: string, recursive: boolean, out: string[], depth = 0): void {
	let stat;
	try {
		stat = statSync(target);
	} catch {
		out.push(`${target}:missing`);
		return;
	}
	if (!stat.isDirectory()) {
		out.push(`${target}:${stat.size}:${stat.mtimeMs}`);
		return;
	}
	out.push(`${target}/:${stat.mtimeMs}`);
	if (depth > 8) return;
	let names: string[];
	try {
		names = readdirSync(target).sort();
	} catch {
		return;
	}
	for (const name of names) {
		const full = path.join(target, name);
		if (recursive) walk(full, true, out, depth + 1);
		else if (/\.ya?ml$/.test(name)) walk(full, false, out, depth + 1);
	}
}

/**
 * What the cached data depends on, as one text (kept whole, not hashed: it is compared, never
 * guessed at, and a few kilobytes). The built-in folder is walked whole (images, host files).
 */
export function cacheKey(roots: string[], code = fileURLToPath(import.meta.url)): string {
	const parts: string[] = [`v${CACHE_VERSION}`, process.version];
	try {
		const stat = statSync(code);
		parts.push(`${code}:${stat.size}:${stat.mtimeMs}`);
	} catch {
		parts.push(code);
	}
	roots.forEach((root, index) => walk(root, index === 0, parts));
	return parts.join('\n');
}

export function worldKey(scenario: Scenario, seed: number | undefined, preload: boolean): string {
	return `${scenario.id}|${seed ?? scenario.world.seed}|${preload ? 'preload' : ''}`;
}

export function readCache(file: string, key: string): StartupCache | undefined {
	try {
		const data = JSON.parse(readFileSync(file, 'utf8')) as StartupCache;
		if (data.version !== CACHE_VERSION || data.key !== key || !Array.isArray(data.scenarios)) return undefined;
		for (const [dep, sig] of Object.entries(data.deps ?? {})) if (signature(dep) !== sig) return undefined;
		data.worlds ??= {};
		return data;
	} catch {
		return undefined;
	}
}

export function writeCache(file: string, data: StartupCache): void {
	try {
		mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
		const temp = `${file}.${process.pid}.tmp`;
		writeFileSync(temp, JSON.stringify(data), {mode: 0o600});
		renameSync(temp, file);
	} catch {
		// The cache is an optimisation; without it the next start is just slower.
	}
}
