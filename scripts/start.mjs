#!/usr/bin/env node
/**
 * `npm start`: the lab from a checkout. Builds only when a source, a scenario or a build setting is
 * newer than the built program (and then quietly: a failed build prints its errors), then runs it
 * with the terminal handed over, passing on its arguments and its exit status.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const program = path.join(root, 'dist', 'cli.js');

function newest(entry) {
	const stat = statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const name of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, name)));
	return latest;
}

const inputs = ['source', 'package.json', 'package-lock.json', 'tsup.config.ts'].map(name => path.join(root, name)).filter(existsSync);
const stale = !existsSync(program) || Math.max(...inputs.map(newest)) > statSync(program).mtimeMs;
if (stale) {
	const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--silent'], {cwd: root, encoding: 'utf8'});
	if (build.status !== 0) {
		process.stderr.write(build.stdout + build.stderr);
		process.exit(build.status ?? 1);
	}
}
const run = spawnSync(process.execPath, [program, ...process.argv.slice(2)], {stdio: 'inherit'});
process.exit(run.status ?? 1);
