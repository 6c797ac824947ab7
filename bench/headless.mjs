#!/usr/bin/env node
/**
 * Headless memory: peak RSS of `layerlab script --preload` (the shipped dist/cli.js) running a long
 * command stream (bench/stream.mjs) into a slow pipe: the reader takes 64 KiB, then pauses 2 ms,
 * so the simulator is faster than its reader, as with a pager or a slow consumer. Peak RSS comes
 * from GNU time (`%M`); the baseline is the same program running 1,000 commands, in the same run.
 * Usage: node bench/headless.mjs [--commands N] [--json]
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {stream} from './stream.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const json = args.includes('--json');
const at = args.indexOf('--commands');
const COMMANDS = at >= 0 ? Number(args[at + 1]) : 200_000;
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('bench/headless: build first (npm run build)');

const dir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-headless-'));
const reader = `let n=0;process.stdin.on('data',c=>{n+=c.length;process.stdin.pause();setTimeout(()=>process.stdin.resume(),2)});process.stdin.on('end',()=>process.stderr.write('BYTES '+n+'\\n'))`;

function peak(count) {
	const file = path.join(dir, `stream-${count}.txt`);
	writeFileSync(file, stream(count));
	const started = process.hrtime.bigint();
	const result = spawnSync(
		'bash',
		['-c', `set -o pipefail; /usr/bin/time -f 'PEAK %M' node ${JSON.stringify(cli)} script --preload ${JSON.stringify(file)} | node -e ${JSON.stringify(reader)}`],
		{
			encoding: 'utf8',
			env: {...process.env, COLUMNS: '80'},
			maxBuffer: 16 * 1024 * 1024,
		},
	);
	if (result.status !== 0) throw new Error(`script failed: ${result.stderr}`);
	const kib = Number(/PEAK (\d+)/.exec(result.stderr)?.[1]);
	const bytes = Number(/BYTES (\d+)/.exec(result.stderr)?.[1]);
	return {
		commands: count,
		peakRssMB: Math.round(kib / 102.4) / 10,
		transcriptMB: Math.round(bytes / 1e5) / 10,
		seconds: Math.round(Number(process.hrtime.bigint() - started) / 1e8) / 10,
	};
}

try {
	const base = peak(1000);
	const long = peak(COMMANDS);
	const result = {
		method: 'peak RSS (GNU time %M) of dist/cli.js script --preload into a slow pipe; baseline: 1,000 commands',
		base,
		long,
		target: {peakRssMB: 256, met: long.peakRssMB < 256},
	};
	if (json) console.log(JSON.stringify(result, null, 2));
	else {
		console.log(
			`headless: ${base.commands} commands ${base.peakRssMB} MB peak RSS; ${long.commands} commands ${long.peakRssMB} MB (transcript ${long.transcriptMB} MB, ${long.seconds} s)`,
		);
		console.log(`target < 256 MB: ${result.target.met ? 'met' : 'missed'}`);
	}
} finally {
	rmSync(dir, {recursive: true, force: true});
}
