#!/usr/bin/env node
// Records what the real programs print for the userland cases in test/engine/userland/cases.txt:
// GNU bash 5.2 + coreutils 9 (this machine, C locale) for the host, and busybox-static's `sh` for
// containers (the same binary the catalog's images run). Each case runs in a fresh empty folder as
// `{ CASE\n} 2>&1; echo "[$?]"`. Writes test/engine/userland/recorded.json; test/engine/userland.test.ts
// replays every case on the simulator. Run: node test/real-docker/record-userland.mjs
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const folder = path.join(here, '../engine/userland');
const cases = readFileSync(path.join(folder, 'cases.txt'), 'utf8')
	.split(/^--- *$/m)
	.map(text =>
		text
			.split('\n')
			.filter(line => !line.startsWith('#'))
			.join('\n')
			.replace(/^\n+|\n+$/g, ''),
	)
	.filter(Boolean);

function run(shell, script) {
	const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-userland-'));
	try {
		return execFileSync(shell[0], [...shell.slice(1), `{ ${script}\n} 2>&1; echo "[$?]"`], {
			cwd: dir,
			encoding: 'utf8',
			env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: dir, LC_ALL: 'C'},
		});
	} catch (error) {
		return String(error.stdout ?? '');
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

const recorded = cases.map(script => ({script, host: run(['bash', '-c'], script), busybox: run(['busybox', 'sh', '-c'], script)}));
writeFileSync(path.join(folder, 'recorded.json'), JSON.stringify(recorded, null, '\t') + '\n');
console.log(`${recorded.length} cases recorded`);
