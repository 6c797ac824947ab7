/**
 * Progress is never lost: concurrent writers (two labs on one home) keep both lessons, an unreadable
 * progress file is never overwritten, and a save that fails is reported when it happens.
 */
import {tempDir} from '../helpers/temp.js';
import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {buildSync} from 'esbuild';
import {describe, expect, it} from 'vitest';
import {loadProgress, updateProgressFile, withProgressLock} from '../../source/scenario/progress/progress.js';
import {scenarioApi} from '../../source/lab/scenario-api.js';
import {builtinScenarios} from '../../source/scenario/index.js';
import {runCommand} from '../../source/lab/model/lab.js';
import {loadRunner} from '../../source/lab/model/runner.js';

const here = path.dirname(new URL(import.meta.url).pathname);

function runChild(script: string, args: string[]): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], {stdio: ['ignore', 'ignore', 'inherit']});
		child.on('error', reject);
		child.on('exit', code => resolve(code ?? -1));
	});
}

describe('concurrent writers', () => {
	it('four processes saving different lessons 40 times each keep every line', async () => {
		const dir = tempDir('layerlab-concurrent-');
		const file = path.join(dir, 'state', 'progress.json');
		writeFileSync(
			path.join(dir, 'child.ts'),
			`import {recordLine, updateProgressFile} from ${JSON.stringify(path.resolve(here, '../../source/scenario/progress/progress.ts'))};
const [file, id] = [process.argv[2]!, process.argv[3]!];
for (let i = 0; i < 40; i++) updateProgressFile(file, progress => recordLine(progress, id, 'line ' + i), {warn: () => {}});
`,
		);
		buildSync({entryPoints: [path.join(dir, 'child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: path.join(dir, 'child.mjs'), logLevel: 'silent'});
		const ids = ['one', 'two', 'three', 'four'];
		const codes = await Promise.all(ids.map(id => runChild(path.join(dir, 'child.mjs'), [file, id])));
		expect(codes).toEqual([0, 0, 0, 0]);
		const progress = loadProgress(file);
		expect(Object.keys(progress.scenarios).sort()).toEqual([...ids].sort());
		for (const id of ids) expect(progress.scenarios[id]!.lines).toHaveLength(40);
	});

	it('a lock left by a process that died is taken over', () => {
		const dir = tempDir('layerlab-lock-');
		const file = path.join(dir, 'progress.json');
		writeFileSync(`${file}.lock`, '999999999');
		expect(withProgressLock(file, () => 'ran')).toBe('ran');
	});

	it('two labs on one home keep both lessons', async () => {
		const home = tempDir('layerlab-twolabs-');
		const options = {progressFile: path.join(home, 'progress.json'), preload: false, env: {HOME: home}, cacheFile: false as const};
		const [a, b] = await Promise.all([scenarioApi(options), scenarioApi(options)]);
		await loadRunner();
		const [first, second] = builtinScenarios();
		const labA = runCommand(await a.open(first!, 80), 'docker ps', {evaluate: a.evaluate, columns: 80});
		const labB = runCommand(await b.open(second!, 80), 'docker image ls', {evaluate: b.evaluate, columns: 80});
		a.save(labA);
		b.save(labB);
		await Promise.all([a.flushed!(), b.flushed!()]);
		const saved = loadProgress(options.progressFile);
		expect(saved.scenarios[first!.id]!.lines).toEqual(['docker ps']);
		expect(saved.scenarios[second!.id]!.lines).toEqual(['docker image ls']);
	});
});

// Permissions do not stop root (CI runs as root): a folder where the file should be cannot be read by
// anyone, and a file where the state folder should be makes every save fail.
describe('unreadable and unwritable state', () => {
	it('an unreadable progress file is never overwritten, and the lab says so at once', async () => {
		const home = tempDir('layerlab-unreadable-');
		const file = path.join(home, 'progress.json');
		mkdirSync(file);
		writeFileSync(path.join(file, 'keep'), 'mine');
		const api = await scenarioApi({progressFile: file, preload: false, env: {HOME: home}, cacheFile: false});
		await loadRunner();
		const heard: string[] = [];
		api.onSaveProblem!(message => heard.push(message));
		expect(heard).toHaveLength(1);
		expect(heard[0]).toMatch(/cannot read progress file .* \(EISDIR\); your progress will not be saved this time/);
		const lab = await api.open(builtinScenarios()[0]!, 80);
		expect(lab.terminal.at(-1)).toMatchObject({kind: 'note', tone: 'error'});
		api.save(runCommand(lab, 'docker ps', {evaluate: api.evaluate, columns: 80}));
		await api.flushed!();
		expect(heard).toHaveLength(1);
		expect(() => updateProgressFile(file, progress => progress, {warn: () => {}})).toThrow(/not overwritten/);
		expect(readFileSync(path.join(file, 'keep'), 'utf8')).toBe('mine');
	});

	it('a failed save is reported when it happens', async () => {
		const home = tempDir('layerlab-readonly-');
		writeFileSync(path.join(home, 'state'), 'a file, not a folder');
		const api = await scenarioApi({progressFile: path.join(home, 'state', 'layerlab', 'progress.json'), preload: false, env: {HOME: home}, cacheFile: false});
		await loadRunner();
		const heard: string[] = [];
		api.onSaveProblem!(message => heard.push(message));
		expect(heard).toEqual([]);
		const lab = await api.open(builtinScenarios()[0]!, 80);
		api.save(runCommand(lab, 'docker ps', {evaluate: api.evaluate, columns: 80}));
		await api.flushed!();
		expect(heard).toHaveLength(1);
		expect(heard[0]).toMatch(/^layerlab: could not save progress to .*ENOTDIR/);
	});
});

describe('the lab shows a save problem', () => {
	it('as an error note in the terminal when it happens', async () => {
		const {initialState, reduce} = await import('../../source/ui/state.js');
		const api = await scenarioApi({progressFile: path.join(tempDir('layerlab-note-'), 'p.json'), preload: false, env: {}, cacheFile: false});
		const state = initialState(await api.open(builtinScenarios()[0]!, 80));
		const after = reduce(state, {type: 'notice', text: 'layerlab: could not save progress to /x: EROFS'});
		expect(after.lab!.terminal.at(-1)).toMatchObject({kind: 'note', tone: 'error', text: 'could not save progress to /x: EROFS'});
	});
});

describe('the notices after leaving the lab, in Korean', () => {
	it('says an unreadable progress file, a failed save and broken scenario files in Korean', async () => {
		const home = tempDir('layerlab-ko-');
		const file = path.join(home, 'progress.json');
		mkdirSync(file);
		const extra = tempDir('layerlab-ko-scenarios-');
		writeFileSync(path.join(extra, 'broken.yaml'), 'id: broken\ntitle: x\n');
		const api = await scenarioApi({progressFile: file, preload: false, env: {HOME: home}, cacheFile: false, extra: [extra], lang: 'ko'});
		expect(api.notices[0]).toBe(`layerlab: 진행 기록 파일 ${file}을 읽을 수 없다(EISDIR). 이번에는 진행 기록을 저장하지 않는다(파일은 그대로 둔다)`);
		expect(api.notices[1]).toBe('layerlab: 시나리오 파일에 문제가 2개 있다(그 시나리오는 빼고 열었다):');
		expect(api.notices.slice(2).every(line => line.startsWith(`  ${path.join(extra, 'broken.yaml')}:1:1: `))).toBe(true);

		const readonly = tempDir('layerlab-ko-readonly-');
		writeFileSync(path.join(readonly, 'state'), 'a file, not a folder');
		const saving = await scenarioApi({progressFile: path.join(readonly, 'state', 'progress.json'), preload: false, env: {HOME: readonly}, cacheFile: false, lang: 'ko'});
		await loadRunner();
		const lab = await saving.open(builtinScenarios()[0]!, 80);
		saving.save(runCommand(lab, 'docker ps', {evaluate: saving.evaluate, columns: 80}));
		await saving.flushed!();
		expect(saving.notices).toHaveLength(1);
		expect(saving.notices[0]).toMatch(/^layerlab: 진행 기록을 .* 저장하지 못했다: E[A-Z]+: /);
	});
});
