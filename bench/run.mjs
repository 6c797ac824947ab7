#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark, each reported as a ratio against a baseline measured in the same
 * run (machines are shared and noisy). Never part of `npm test`. Writes bench/results.json and prints
 * a table; docs/PERFORMANCE.md explains the method and keeps the latest figures.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const only = process.argv.slice(2);
const want = name => only.length === 0 || only.includes(name);
const results = {machine: {node: process.version, cpus: (await import('node:os')).cpus().length, date: new Date().toISOString()}};

function run(command, args, options = {}) {
	const result = spawnSync(command, args, {cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options});
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
	return result.stdout;
}

execFileSync('npx', ['tsup', '--config', 'bench/tsup.config.ts'], {cwd: root, stdio: 'ignore'});

// The shipped program must carry Ink's patch (patches/): `npm run bench` builds dist first.
if (existsSync(path.join(root, 'dist'))) {
	const shipped = readdirSync(path.join(root, 'dist')).filter(file => file.endsWith('.js'));
	// (The shipped bundle is minified: no space after the comma.)
	if (!shipped.some(file => /sameCells\(previous\.cells, ?line\)/.test(readFileSync(path.join(root, 'dist', file), 'utf8')))) {
		throw new Error("dist/ lacks Ink's output patch: run npm ci (postinstall applies patches/) and npm run build");
	}
}
/** Production React and colours, as the program runs in a terminal (chalk decides when it loads). */
const shippedEnv = {...process.env, NODE_ENV: 'production', FORCE_COLOR: '3'};

if (want('engine')) {
	const engine = JSON.parse(run('node', ['--expose-gc', 'bench/.out/engine.js', 'all']));
	results.engine = engine;
}
if (want('session')) {
	results.session = JSON.parse(run('node', ['bench/.out/session.js'], {env: shippedEnv}));
}
if (want('build')) {
	results.build = JSON.parse(run('node', ['bench/.out/build.js']));
}
if (want('startup') && existsSync(path.join(root, 'bench', 'startup.mjs'))) {
	results.startup = JSON.parse(run('node', ['bench/startup.mjs', '--json']));
}
if (want('interaction') && existsSync(path.join(root, 'bench', 'interaction.tsx'))) {
	results.interaction = JSON.parse(run('node', ['bench/.out/interaction.js', '--json'], {env: shippedEnv}));
}
if (want('headless')) {
	results.headless = JSON.parse(run('node', ['bench/headless.mjs', '--json']));
}
if (want('docker') && existsSync(path.join(root, 'bench', 'docker.mjs'))) {
	const docker = spawnSync('node', ['bench/docker.mjs', '--json'], {cwd: root, encoding: 'utf8'});
	results.docker = docker.status === 0 ? JSON.parse(docker.stdout) : {skipped: docker.stderr.trim() || 'no Docker engine reachable'};
}

if (want('adversarial')) {
	results.adversarial = JSON.parse(run('node', ['bench/adversarial.mjs', '--json']));
}

writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
