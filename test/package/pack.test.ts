/**
 * The package as npm ships it: a clean checkout (the tracked files only, no dist/) packs a tarball
 * that builds itself (`prepack`), and that tarball, installed into an empty folder, starts —
 * `layerlab --version` and a `layerlab script` line.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {HANG_GUARD_MS} from '../helpers/hang-guard.js';
import {tempDir} from '../helpers/temp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function run(command: string, args: string[], cwd: string, input?: string): string {
	return execFileSync(command, args, {cwd, encoding: 'utf8', timeout: HANG_GUARD_MS, input, env: {...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1'}});
}

describe('npm pack', () => {
	it('builds itself, installs into an empty folder and runs from there', () => {
		const clone = tempDir('layerlab-clone-');
		for (const file of run('git', ['ls-files', '-z'], root).split('\0').filter(Boolean)) {
			mkdirSync(path.dirname(path.join(clone, file)), {recursive: true});
			cpSync(path.join(root, file), path.join(clone, file));
		}
		// The build tools, as `npm ci` would have installed them.
		symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'));
		const packs = tempDir('layerlab-pack-');
		const output = run('npm', ['pack', '--json', '--pack-destination', packs], clone);
		const packed = JSON.parse(output.slice(output.indexOf('[\n'))) as Array<{filename: string; files: Array<{path: string}>}>;
		const files = packed[0]!.files.map(file => file.path);
		expect(files).toContain('dist/cli.js');
		expect(files).toContain('package.json');
		expect(files.some(file => file.startsWith('scenarios/'))).toBe(true);
		expect(files.some(file => file.startsWith('source/') || file.startsWith('test/'))).toBe(false);

		const empty = tempDir('layerlab-install-');
		writeFileSync(path.join(empty, 'package.json'), '{"private": true}\n');
		run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(packs, packed[0]!.filename)], empty);
		const bin = path.join(empty, 'node_modules', '.bin', 'layerlab');
		const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
		expect(run(bin, ['--version'], empty).trim()).toBe(version);
		const transcript = run(bin, ['script'], empty, 'docker image ls --format {{.Repository}}\n');
		expect(transcript).toContain('alpine');
		// An unknown --lang names the languages there are.
		const unknown = spawnSync(bin, ['--lang', 'fr', 'list'], {cwd: empty, encoding: 'utf8'});
		expect(unknown.status).toBe(2);
		expect(unknown.stderr).toBe('layerlab: invalid argument "fr" for "--lang" flag: one of en, ko. See \'layerlab --help\'.\n');
	});
});
