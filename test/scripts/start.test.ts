/**
 * `npm start` (scripts/start.mjs) in a folder of its own, with a stand-in program and a stand-in
 * tsup: it builds only when a source is newer than the program, quietly, and passes on arguments,
 * output and exit status; a failed build shows its errors.
 */
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string | undefined;
afterEach(() => {
	if (dir) rmSync(dir, {recursive: true, force: true});
	dir = undefined;
});

function checkout(buildExit = 0): string {
	dir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-start-'));
	for (const folder of ['scripts', 'source', 'dist', 'node_modules/tsup/dist']) mkdirSync(path.join(dir, folder), {recursive: true});
	copyFileSync(path.join(ROOT, 'scripts', 'start.mjs'), path.join(dir, 'scripts', 'start.mjs'));
	writeFileSync(path.join(dir, 'package.json'), '{}\n');
	writeFileSync(path.join(dir, 'source', 'cli.tsx'), '// source\n');
	writeFileSync(path.join(dir, 'dist', 'cli.js'), "process.stdout.write('ran ' + process.argv.slice(2).join(' ') + '\\n'); process.exit(3);\n");
	// The stand-in tsup notes that it ran; it prints only when it fails, as `tsup --silent` does.
	writeFileSync(
		path.join(dir, 'node_modules', 'tsup', 'dist', 'cli-default.js'),
		`require('node:fs').writeFileSync('built', process.argv.slice(2).join(' ')); if (${buildExit}) { console.error('build error: x.ts'); process.exit(${buildExit}); }\n`,
	);
	writeFileSync(path.join(dir, 'node_modules', 'tsup', 'package.json'), '{"type": "commonjs"}\n');
	const past = new Date(Date.now() - 60_000);
	for (const file of ['package.json', 'source/cli.tsx', 'source']) utimesSync(path.join(dir, file), past, past);
	return dir;
}

function start(root: string, ...args: string[]) {
	return spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), ...args], {cwd: root, encoding: 'utf8'});
}

describe('npm start', () => {
	it('runs the built program as it is when nothing is newer, passing on arguments, output and exit status', () => {
		const root = checkout();
		const result = start(root, '--version');
		expect(result.stdout).toBe('ran --version\n');
		expect(result.stderr).toBe('');
		expect(result.status).toBe(3);
		expect(existsSync(path.join(root, 'built'))).toBe(false);
	});

	it('builds first, silently, when a source is newer than the program', () => {
		const root = checkout();
		const future = new Date(Date.now() + 60_000);
		utimesSync(path.join(root, 'source', 'cli.tsx'), future, future);
		const result = start(root, 'list');
		expect(existsSync(path.join(root, 'built'))).toBe(true);
		expect(result.stdout).toBe('ran list\n');
		expect(result.stderr).toBe('');
	});

	it('shows a failed build and its status, and does not run the old program', () => {
		const root = checkout(2);
		const future = new Date(Date.now() + 60_000);
		utimesSync(path.join(root, 'source', 'cli.tsx'), future, future);
		const result = start(root);
		expect(result.stderr).toContain('build error: x.ts');
		expect(result.stdout).not.toContain('ran');
		expect(result.status).toBe(2);
	});
});
