import {mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {CACHE_VERSION, cacheKey, cachePath, fnv1a64, readCache, sourceRoots, worldKey, writeCache} from '../../source/lab/startup-cache.js';
import {progressFile} from '../../source/lab/scenario-api.js';
import {progressPath} from '../../source/scenario/progress/progress.js';
import {testScenario, freshWorld} from '../ui/helpers/fixtures.js';

const dirs: string[] = [];
function tempDir(): string {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-cache-test-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

describe('start-up cache', () => {
	it('changes its key when any file under the sources changes, and not otherwise', () => {
		const root = tempDir();
		mkdirSync(path.join(root, 'images'));
		writeFileSync(path.join(root, 'images', 'a.yaml'), 'x: 1\n');
		writeFileSync(path.join(root, '01.yaml'), 'id: a\n');
		const code = path.join(root, 'program.js');
		writeFileSync(code, '//');
		const first = cacheKey([root], code);
		expect(cacheKey([root], code)).toBe(first);
		writeFileSync(path.join(root, 'images', 'a.yaml'), 'x: 2\n');
		utimesSync(path.join(root, 'images', 'a.yaml'), new Date(), new Date(Date.now() + 5000));
		const second = cacheKey([root], code);
		expect(second).not.toBe(first);
		writeFileSync(code, '// rebuilt');
		utimesSync(code, new Date(), new Date(Date.now() + 9000));
		expect(cacheKey([root], code)).not.toBe(second);
	});

	it('reads back what it wrote, only under the same key', () => {
		const file = path.join(tempDir(), 'cache', 'startup.json');
		const scenario = testScenario();
		const world = freshWorld();
		writeCache(file, {version: CACHE_VERSION, key: 'k', scenarios: [scenario], problems: [], worlds: {[worldKey(scenario, undefined, false)]: world}});
		const read = readCache(file, 'k');
		expect(read?.scenarios[0]?.id).toBe('test-rn');
		expect(JSON.stringify(read?.worlds['test-rn|1|'])).toBe(JSON.stringify(world));
		expect(readCache(file, 'other')).toBeUndefined();
		writeFileSync(file, '{not json');
		expect(readCache(file, 'k')).toBeUndefined();
	});

	it('lives under XDG_CACHE_HOME, one file per program', () => {
		expect(cachePath({XDG_CACHE_HOME: '/c'}, '/opt/a/dist/x.js')).toMatch(/^\/c\/layerlab\/startup-[0-9a-f]{12}\.json$/);
		expect(cachePath({XDG_CACHE_HOME: '/c'}, '/opt/a/dist/x.js')).not.toBe(cachePath({XDG_CACHE_HOME: '/c'}, '/opt/b/dist/x.js'));
		expect(cachePath({HOME: '/home/u'}, '/x/y.js').startsWith('/home/u/.cache/layerlab/')).toBe(true);
		expect(sourceRoots('/b', ['/e'], {LAYERLAB_SCENARIOS: '/s1::/s2'})).toEqual(['/b', '/e', '/s1', '/s2']);
	});

	it('names the file with FNV-1a 64 (the published test vectors)', () => {
		expect(fnv1a64('')).toBe('cbf29ce484222325');
		expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
		expect(fnv1a64('foobar')).toBe('85944171f73967e8');
	});

	it("finds the progress file where source/scenario's progressPath does", () => {
		for (const env of [{XDG_STATE_HOME: '/state'}, {HOME: '/home/u'}, {XDG_STATE_HOME: 'relative', HOME: '/home/u'}]) expect(progressFile(env)).toBe(progressPath(env));
	});
});
