#!/usr/bin/env node
/**
 * `node bench/adversarial.mjs [--json]` (after `npm run build`): every input the safety issue found
 * that crashed, froze or ate the machine, each run by the shipped bundle in a child process of its
 * own under GNU time, reporting peak RSS and CPU seconds against an empty script measured in the same
 * run. The bar: no input takes the process past 512 MB, and no single command past 2 s of CPU. Also
 * 2,000 against 20,000 `docker run alpine:3.9 true` lines in `script` (must stay under 10x).
 * Timings never go in test/; this is where they live (docs/PERFORMANCE.md keeps the latest figures).
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist', 'cli.js');
const json = process.argv.includes('--json');
const work = mkdtempSync(path.join(tmpdir(), 'layerlab-adversarial-'));
const LIMIT_MB = 512;
const LIMIT_CPU = 2;
// A runaway case stops at ~800 MB of heap or 60 s instead of taking the shared machine down (the
// 20,000-line case, which is not one command, gets 300 s of wall time on a loaded machine).
const TIMEOUT_S = 60;

function file(name, text) {
	const full = path.join(work, name);
	mkdirSync(path.dirname(full), {recursive: true});
	writeFileSync(full, text);
	return full;
}

/** Runs the CLI under GNU time in its own process: peak RSS (MB), CPU (s), exit code. */
function measure(args, input, timeout = TIMEOUT_S) {
	const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S %e', 'timeout', '--kill-after=5', String(timeout), process.execPath, '--max-old-space-size=768', cli, ...args], {
		cwd: work,
		input: input ?? '',
		encoding: 'utf8',
		maxBuffer: 512 * 1024 * 1024,
		env: {...process.env, HOME: work, XDG_STATE_HOME: path.join(work, 'state'), XDG_CACHE_HOME: path.join(work, 'cache'), COLUMNS: '80'},
	});
	const last = result.stderr.trim().split('\n').at(-1) ?? '';
	const [rssKb = 0, user = 0, sys = 0, wall = 0] = last.split(' ').map(Number);
	return {
		rssMb: Math.round(rssKb / 1024),
		cpu: Number((user + sys).toFixed(2)),
		wall: Number(wall.toFixed(2)),
		exit: result.status ?? -1,
		lastLine: (result.stderr.trim().split('\n').at(-2) ?? '').slice(0, 120),
	};
}

const doublings = 'x=aaaaaaaaaaaaaaaa; ' + Array.from({length: 24}, () => 'x=$x$x;').join(' ') + ' echo ${#x}\n';
const lesson = body =>
	`id: adv\ntitle: Adversarial\nsummary: x\n${body}steps:\n  - id: s\n    title: s\n    text: s\n    checks:\n      - container: rn1\n    solution: [docker container run --name rn1 diamol/ch06-random-number]\n`;
const bomb = `x: &a "${'y'.repeat(900 * 1024)}"\nbomb: [${Array.from({length: 5000}, () => '*a').join(', ')}]\n` + lesson('');
const folder = path.join(work, 'from');
mkdirSync(path.join(folder, 'files'), {recursive: true});
symlinkSync('/dev/zero', path.join(folder, 'files', 'zero'));
writeFileSync(path.join(folder, 'lesson.yaml'), lesson('world:\n  host:\n    lab: {from: files}\n'));

// Row 1: a link to a host file inside a from: folder; row 12: a FIFO; row 15: a symlink loop.
const folderWith = (name, make) => {
	const dir = path.join(work, name);
	mkdirSync(path.join(dir, 'files'), {recursive: true});
	make(path.join(dir, 'files'));
	writeFileSync(path.join(dir, 'lesson.yaml'), lesson('world:\n  host:\n    lab: {from: files}\n'));
	return path.join(dir, 'lesson.yaml');
};
const leak = folderWith('leak', dir => symlinkSync('/etc/hostname', path.join(dir, 'leak.txt')));
const fifo = folderWith('fifo', dir => spawnSync('mkfifo', [path.join(dir, 'pipe')]));
const loop = folderWith('loop', dir => symlinkSync('loop', path.join(dir, 'loop')));
mkdirSync(path.join(work, 'empty'));
const escapes = file('escapes.yaml', lesson('').replace('title: Adversarial', 'title: "\\e]0;owned\\a\\e]52;c;eA==\\a"'));
// Row 10: a progress file that cannot be read (a folder in its place: root reads any file).
mkdirSync(path.join(work, 'state', 'layerlab', 'progress.json'), {recursive: true});
// Row 22: a lesson whose solution would read outside the home: refused before anything runs.
const hostile = file('hostile.yaml', lesson('').replace('solution: [docker container run --name rn1 diamol/ch06-random-number]', 'solution: [cat /etc/hostname]'));
const eightMib = 'x=0123456789abcdef; for i in $(seq 19); do x=$x$x; done; echo ${#x}\n';

const runs = (n, line) => Array.from({length: n}, () => line).join('\n') + '\n';

const cases = [
	{name: 'baseline: empty script', args: ['script', file('empty.txt', '')]},
	{name: 'string doubled 24 times', args: ['script', file('double.txt', doublings)]},
	{
		name: 'nested template ranges',
		args: ['script', file('range.txt', "docker run --name t1 alpine:3.9 true\ndocker inspect -f '{{range 100000000}}{{range 100}}x{{end}}{{end}}' t1\n")],
	},
	{name: 'mv * into a subfolder', args: ['script', file('mv.txt', 'mkdir -p s/d && cd s && touch a b && mkdir backup && mv * backup\n')]},
	{name: 'cp -r d d/x', args: ['script', file('cp.txt', 'mkdir -p d && cp -r d d/x\n')]},
	{name: 'catastrophic regex', args: ['script', file('regex.txt', "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab | grep -E '^(a+)+$'\n")]},
	{name: 'ls [z-a]*', args: ['script', file('range-glob.txt', 'ls [z-a]*\n')]},
	{
		name: 'file grown tenfold per command',
		args: ['script', file('grow.txt', 'echo 0123456789 > f\n' + Array.from({length: 9}, () => 'cat f f f f f f f f f f > g && mv g f').join('\n') + '\n')],
	},
	{name: 'validate /dev/zero', args: ['validate', '/dev/zero']},
	{name: 'script /dev/zero', args: ['script', '/dev/zero']},
	{name: 'validate: 900 KB anchor aliased 5,000 times', args: ['validate', file('bomb.yaml', bomb)]},
	{name: 'validate: from: folder with a link to /dev/zero', args: ['validate', path.join(folder, 'lesson.yaml')]},
	{name: 'validate: from: link to a host file (row 1)', args: ['validate', leak]},
	{name: 'validate: from: folder with a FIFO (row 12)', args: ['validate', fifo]},
	{name: 'validate: from: symlink loop (row 15)', args: ['validate', loop]},
	{name: 'validate an empty folder (row 16)', args: ['validate', path.join(work, 'empty')]},
	{name: 'validate: escape bytes in the title (row 8)', args: ['validate', escapes]},
	{name: 'progress: progress file unreadable (row 10)', args: ['progress']},
	{name: 'script --seed 4294967297 (row 17)', args: ['script', '--seed', '4294967297', file('seed.txt', 'echo $RANDOM\n')]},
	{name: 'one command prints 200,000 lines (row 7)', args: ['script', file('lines.txt', 'seq 200000\n')]},
	{name: 'a script that runs itself (row 18)', args: ['script', file('self.txt', "printf '#!/bin/sh\\n./self.sh\\n' > self.sh && chmod +x self.sh && ./self.sh\nf() { f; }; f\n")]},
	{
		name: 'echo x > /, -p 4294967296 (row 20)',
		args: ['script', file('values.txt', 'echo x > /\ndocker container run -p 4294967296:80 diamol/ch06-random-number\nhead -c 5 nosuch\n')],
	},
	{name: 'verify --docker a lesson reading /etc (row 22)', args: ['verify', '--docker', hostile]},
	{name: 'endless loop with output', args: ['script', file('loop.txt', 'while true; do echo x; done\n')]},
	{name: 'endless loop without output', args: ['script', file('busy.txt', 'while true; do :; done\n')]},
	{
		name: 'host disk filled past its quota, 8 MiB files',
		args: ['script', file('fill.txt', eightMib + Array.from({length: 10}, (_, i) => `printf %s "$x${i}" > f${i}`).join('\n') + '\nls\n')],
	},
	{name: '2,000 docker run lines', args: ['script', file('runs-2k.txt', runs(2000, 'docker run alpine:3.9 true'))], lines: 2000},
	{name: '20,000 docker run lines', args: ['script', file('runs-20k.txt', runs(20000, 'docker run alpine:3.9 true'))], lines: 20000, timeout: 300},
];

const results = [];
for (const item of cases) {
	const measured = measure(item.args, undefined, item.timeout);
	results.push({name: item.name, ...measured});
	if (!json) process.stderr.write(`${item.name}: ${measured.rssMb} MB, ${measured.cpu} s CPU, exit ${measured.exit}\n`);
}
const base = results[0];
const byName = name => results.find(result => result.name === name);
const ratio = Number((byName('20,000 docker run lines').cpu / Math.max(0.01, byName('2,000 docker run lines').cpu)).toFixed(1));
const single = results.filter(result => !/docker run lines|baseline/.test(result.name));
const report = {
	limits: {rssMb: LIMIT_MB, cpuPerCommand: LIMIT_CPU},
	baseline: base,
	cases: results.slice(1).map(result => ({...result, cpuOverBaseline: Number((result.cpu - base.cpu).toFixed(2))})),
	runRatio20kOver2k: ratio,
	ok: single.every(result => result.rssMb <= LIMIT_MB && result.cpu - base.cpu <= LIMIT_CPU && result.exit < 124) && ratio < 10,
};
rmSync(work, {recursive: true, force: true});
if (json) console.log(JSON.stringify(report, null, 2));
else {
	console.log('(exit 124: stopped after the timeout; 133/134: V8 died of memory)');
	console.log(`${'case'.padEnd(52)} ${'RSS MB'.padStart(7)} ${'CPU s'.padStart(7)} ${'exit'.padStart(5)}`);
	for (const result of report.cases)
		console.log(`${result.name.padEnd(52)} ${String(result.rssMb).padStart(7)} ${String(result.cpuOverBaseline).padStart(7)} ${String(result.exit).padStart(5)}`);
	console.log(
		`baseline (empty script): ${base.rssMb} MB, ${base.cpu} s CPU; 20k/2k docker run CPU ratio ${ratio}x; ${report.ok ? 'all within' : 'NOT all within'} ${LIMIT_MB} MB and ${LIMIT_CPU} s per command`,
	);
}
