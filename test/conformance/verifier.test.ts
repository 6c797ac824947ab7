/**
 * The verifier itself, without Docker: a simulator stands in for the real engine, so these prove that
 * a divergence — in what a line prints, or in state only a probe can see — fails the report with a
 * diff, and that the pieces (Dockerfiles, tar, screen cutting, diffs) do what verify relies on.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {defaultWorld, builtinCatalog} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import type {World} from '../../source/engine/index.js';
import {cmdsTarget, planWeight, shardTargets, type Target} from '../../source/verify/plans.js';
import {SimSide, VERIFY_TERMINAL} from '../../source/verify/sim-side.js';
import {verifyTarget} from '../../source/verify/verify.js';
import {formatScenario} from '../../source/verify/report.js';
import {buildContext, buildHash, contextTar} from '../../source/verify/dockerfile.js';
import {RealSide, splitScreen, startsBackground} from '../../source/verify/real-side.js';
import {dockerCli} from '../../source/verify/docker-cli.js';
import {hasTmux} from '../e2e/tmux.js';
import {unifiedDiff} from '../../source/verify/udiff.js';
import {pairContainers} from '../../source/verify/replay.js';
import type {Side} from '../../source/verify/side.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const golden = (name: string) => path.join(here, '..', 'golden', `${name}.cmds`);

/** A plan of inline lines, in the default world. */
function inlineTarget(id: string, lines: string[]): Target {
	return {plan: {id, title: id, source: 'inline', steps: [{id, lines}]}, world: () => defaultWorld({seed: 1})};
}

/** A stand-in "engine": another simulator, with a different seed (ids, names and numbers all differ). */
const otherSimulator =
	(options: {afterLine?: (world: World, line: string) => void} = {}) =>
	async (): Promise<Side> => {
		const world = defaultWorld({seed: 7});
		const side = new SimSide(world, {label: 'stand-in engine'});
		if (!options.afterLine) return side;
		const run = side.run.bind(side);
		side.run = async (line: string) => {
			await run(line);
			options.afterLine!(world, line);
		};
		return side;
	};

describe('verify catches divergences (no Docker needed)', () => {
	it('two runs that differ only in ids, names, times and random numbers match', async () => {
		const result = await verifyTarget(cmdsTarget(golden('ch06-book')), {real: otherSimulator()});
		expect(formatScenario(result, {color: false})).toMatch(/^✓ ch06-book {2}(\d+)\/\1 matched/);
		expect(result.total).toBeGreaterThan(60);
	});

	it('a changed output line fails the report, with a unified diff of that line', async () => {
		const result = await verifyTarget(cmdsTarget(golden('ch06-book')), {
			real: otherSimulator(),
			sim: {tamper: (line, output) => (line === 'docker container start --attach f1' ? output.replace('eltonstoneman', 'example') : output)},
		});
		const failed = result.lines.filter(line => !line.matched);
		expect(failed).toHaveLength(1);
		expect(failed[0]!.command).toBe('docker container start --attach f1');
		expect(failed[0]!.diff).toContain('-http://eltonstoneman.com\n+http://example.com\n');
		const report = formatScenario(result, {color: false});
		expect(report).toMatch(/^✗ ch06-book {2}\d+\/\d+ matched/);
		expect(report).toContain('--- stand-in engine\n');
		expect(report).toContain('+++ layerlab\n');
	});

	it('state that no line prints is caught by the probes', async () => {
		// the stand-in engine quietly loses the volume's file: every typed line still prints the same
		const lines = ['docker volume create data', 'docker container run --name w1 -v data:/data diamol/base sh -c "echo hi > /data/f.txt"'];
		const result = await verifyTarget(inlineTarget('probe', lines), {
			real: otherSimulator({
				afterLine: (world, line) => {
					if (line.startsWith('docker container run')) delete world.volumes.data!.files['/f.txt'];
				},
			}),
		});
		expect(result.lines.filter(line => line.kind === 'line').every(line => line.matched)).toBe(true);
		const failed = result.lines.filter(line => !line.matched);
		expect(failed.map(line => `${line.kind}: ${line.command}`)).toEqual(['probe: # files in volume data']);
		expect(failed[0]!.diff).toContain('-(empty)\n+==> /f.txt <==\n+hi\n');
	});

	it('a container only one side has is probed there and reported', async () => {
		const result = await verifyTarget(inlineTarget('extra', ['docker container run --name a1 diamol/ch06-random-number']), {
			real: otherSimulator({afterLine: world => void runLine(world, 'docker container run --name b1 diamol/ch06-random-number', VERIFY_TERMINAL)}),
		});
		const failed = result.lines.filter(line => !line.matched);
		expect(failed.map(line => line.command)).toContain('docker container diff b1');
		expect(failed.find(line => line.command === 'docker container diff b1')!.diff).toContain('+(layerlab: not on this side)');
	});
});

describe('generated Dockerfiles', () => {
	const byName = (name: string, tag = 'latest') => builtinCatalog().find(definition => definition.repository === name && definition.tags.includes(tag))!;
	const busybox = () => Buffer.alloc(1982256);

	it('write each catalog step as the instruction of the same name', () => {
		expect(buildContext(byName('diamol/ch06-random-number'), busybox).dockerfile.split('\n').slice(1).join('\n')).toBe(
			'FROM alpine:3.9\nWORKDIR /random\nCOPY copy1/random.sh .\nRUN chmod +x random.sh\nCMD ./random.sh\n',
		);
		expect(buildContext(byName('diamol/ch06-todo-list'), busybox).dockerfile).toContain(
			'FROM diamol/dotnet-aspnet:latest\nWORKDIR /app\nENTRYPOINT ["dotnet","ToDoList.dll"]\nVOLUME $SQLITE_DATA_DIRECTORY\nUSER $SQLITE_USER\nCOPY copy4/out/ .\n',
		);
		expect(buildContext(byName('diamol/dotnet-aspnet'), busybox).dockerfile).toContain('ENV SQLITE_DATA_DIRECTORY=/data SQLITE_USER=root\n');
	});

	it('carry the stand-in programs and the rootfs as the catalog lists them, in a tar that tar reads', () => {
		const aspnet = buildContext(byName('diamol/dotnet-aspnet'), busybox);
		const dotnet = aspnet.entries.find(entry => entry.path === 'copy2/dotnet');
		expect(dotnet?.kind === 'file' && dotnet.mode).toBe(0o755);
		expect(dotnet?.kind === 'file' && dotnet.content.toString()).toBe(readFileSync(path.join(here, '../../scenarios/images/context/dotnet-aspnet/dotnet'), 'utf8'));
		const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-tar-'));
		try {
			const alpine = buildContext(byName('alpine', '3.9'), busybox);
			writeFileSync(path.join(dir, 'context.tar'), contextTar(alpine));
			expect(execFileSync('tar', ['-tf', path.join(dir, 'context.tar')], {encoding: 'utf8'}).split('\n')).toEqual(['Dockerfile', 'rootfs0.tar', '']);
			execFileSync('tar', ['-xf', 'context.tar'], {cwd: dir});
			const listing = execFileSync('tar', ['-tvf', path.join(dir, 'rootfs0.tar')], {encoding: 'utf8'});
			expect(listing).toMatch(/^-rwxr-xr-x root\/root +1982256 2019-09-19 00:00 bin\/busybox$/m);
			expect(listing).toMatch(/^lrwxrwxrwx root\/root +0 2019-09-19 00:00 bin\/ls -> \/bin\/busybox$/m);
			expect(listing).toMatch(/^drwxrwxrwt root\/root +0 2019-09-19 00:00 tmp\/$/m);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('hash to the same value for the same content, and to another for a changed base or time', () => {
		const context = buildContext(byName('diamol/ch06-lab'), busybox);
		expect(buildHash(context, '2019-09-19T10:25:00Z', 'a')).toBe(buildHash(buildContext(byName('diamol/ch06-lab'), busybox), '2019-09-19T10:25:00Z', 'a'));
		expect(buildHash(context, '2019-09-19T10:25:00Z', 'a')).not.toBe(buildHash(context, '2019-09-19T10:25:00Z', 'b'));
		expect(buildHash(context, '2019-09-19T10:25:00Z', 'a')).not.toBe(buildHash(context, '2019-09-19T10:26:00Z', 'a'));
	});
});

describe('reading the real side', () => {
	it('cuts a terminal screen at each prompt, keeping an output that ends without a newline', () => {
		const screen = '$ echo a\na\n$ printf b\nb$ ls\nx  y\n$ printf c\nc$\n\n';
		const typed = ['echo a', 'printf b', 'ls', 'printf c'].map(line => ({line, typed: line}));
		expect(splitScreen(screen, typed)).toEqual([
			{command: 'echo a', output: 'a\n'},
			{command: 'printf b', output: 'b'},
			{command: 'ls', output: 'x  y\n'},
			{command: 'printf c', output: 'c'},
		]);
	});

	it.skipIf(!hasTmux() && process.env.LAYERLAB_REQUIRE_TMUX !== '1')('types lines into bash exactly, a final `;` or `\\;` included', async () => {
		const world = defaultWorld({seed: 1});
		const docker = {
			binary: '/usr/local/bin/docker',
			env: {},
			run: () => Promise.reject(new Error('no engine here')),
			ok: () => Promise.reject(new Error('no engine here')),
			killActive: () => undefined,
		};
		const side = await RealSide.start({docker, world, label: 'bash'});
		try {
			for (const line of ['echo one;', 'echo two; echo three', 'find /dev/null -maxdepth 0 -exec echo found {} \\;', 'echo "a;b";']) await side.run(line);
			expect((await side.blocks()).map(block => block.output)).toEqual(['one\n', 'two\nthree\n', 'found /dev/null\n', 'a;b\n']);
		} finally {
			await side.close();
		}
	});

	it('ends only its own commands: two runs side by side, each against its own engine, stop independently', async () => {
		// a stand-in CLI that waits: `sleep 60` (ended below, long before it would finish)
		const a = dockerCli({LAYERLAB_DOCKER: '/bin/sleep'});
		const b = dockerCli({LAYERLAB_DOCKER: '/bin/sleep'});
		let bDone = false;
		const running = b.run(['60']).then(result => {
			bDone = true;
			return result;
		});
		const ended = a.run(['60']);
		a.killActive();
		expect((await ended).stderr).toContain('SIGTERM');
		await new Promise(resolve => setImmediate(resolve));
		expect(bDone).toBe(false);
		b.killActive();
		expect((await running).stderr).toContain('SIGTERM');
	});

	it('knows which lines leave a container running', () => {
		expect(startsBackground('docker container run -d -p 8010:80 diamol/ch06-todo-list')).toBe(true);
		expect(startsBackground('docker run -dit alpine')).toBe(true);
		expect(startsBackground('docker container restart todo1')).toBe(true);
		expect(startsBackground('docker container run --name rn1 diamol/ch06-random-number')).toBe(false);
	});

	it('splits the lists between engines: each list once, in order, the shares within one list of each other', () => {
		const plan = (id: string, lines: string[]) => ({plan: {id, title: id, source: 'inline', steps: [{id, lines}]}});
		expect(planWeight(plan('a', ['docker container ls', 'docker container run -d alpine:3.9 sleep 9']).plan)).toBe(2 + 1 + 6);
		fc.assert(
			fc.property(fc.array(fc.array(fc.constantFrom('ls', 'docker run -d x'), {maxLength: 12}), {maxLength: 30}), fc.integer({min: 1, max: 4}), (lists, count) => {
				const targets = lists.map((lines, i) => plan(`t${i}`, lines));
				const shards = Array.from({length: count}, (_, index) => shardTargets(targets, index, count));
				expect(shards.flat().sort((a, b) => targets.indexOf(a) - targets.indexOf(b))).toEqual(targets);
				for (const shard of shards) expect(shard).toEqual(targets.filter(target => shard.includes(target)));
				const loads = shards.map(shard => shard.reduce((sum, target) => sum + planWeight(target.plan), 0));
				const heaviest = Math.max(0, ...targets.map(target => planWeight(target.plan)));
				expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(heaviest);
			}),
		);
		expect(() => shardTargets([], 2, 2)).toThrow(RangeError);
	});

	it('pairs containers by name, then generated names by position', () => {
		const c = (name: string) => ({name, running: false, mounts: []});
		expect(pairContainers([c('a'), c('happy_hopper'), c('b')], [c('b'), c('sad_turing'), c('a')]).map(pair => [pair.sim?.name, pair.real?.name])).toEqual([
			['a', 'a'],
			['happy_hopper', 'sad_turing'],
			['b', 'b'],
		]);
	});

	it('writes unified diffs', () => {
		expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', {a: 'docker', b: 'layerlab'})).toBe('--- docker\n+++ layerlab\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
		expect(unifiedDiff('same\n', 'same\n', {a: 'x', b: 'y'})).toBe('');
	});
});
