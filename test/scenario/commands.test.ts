/**
 * The subcommands as a learner or instructor runs them: list, validate, check, progress, and
 * script --scenario. Output goes through an injected io; the progress file lives in a temp folder.
 */
import {tempDir} from '../helpers/temp.js';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkCommand, listCommand, progressCommand, validateCommand} from '../../source/scenario/commands.js';
import {recordLine, recordStep, saveProgress, emptyProgress, progressPath} from '../../source/scenario/progress/progress.js';
import {builtinScenariosDir} from '../../source/scenario/load/paths.js';

const here = path.dirname(new URL(import.meta.url).pathname);

function io(env: NodeJS.ProcessEnv = {}) {
	const state = tempDir('layerlab-state-');
	const out: string[] = [];
	const err: string[] = [];
	return {
		out: (text: string) => void out.push(text),
		err: (text: string) => void err.push(text),
		env: {HOME: state, XDG_STATE_HOME: state, ...env},
		stdout: () => out.join(''),
		stderr: () => err.join(''),
	};
}

const TINY = `id: tiny
title: {en: Tiny, ko: 작은 시나리오}
summary: {en: One step., ko: 한 단계.}
images: [diamol/ch06-random-number]
steps:
  - id: run
    title: {en: Run rn1, ko: rn1 실행}
    text: {en: Run it., ko: 실행한다.}
    checks:
      - container: rn1
        state: exited
    hints: [{en: Use --name., ko: --name을 쓴다.}]
    solution: [docker container run --name rn1 diamol/ch06-random-number]
`;

function folderWith(files: Record<string, string>): string {
	const dir = tempDir('layerlab-scenarios-');
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
	return dir;
}

describe('layerlab validate', () => {
	it('exits 0 and says ok for valid scenario and image files', async () => {
		const dir = folderWith({'tiny.yaml': TINY});
		const t = io();
		expect(await validateCommand([path.join(dir, 'tiny.yaml'), path.join(builtinScenariosDir(), 'images', 'ch06-lab.yaml')], {}, t)).toBe(0);
		expect(t.stdout()).toBe(
			`${path.join(dir, 'tiny.yaml')}: ok (scenario tiny, 1 step)\n${path.join(builtinScenariosDir(), 'images', 'ch06-lab.yaml')}: ok (image diamol/ch06-lab)\n`,
		);
	});

	it('exits 1 with every problem as file:line:col: message', async () => {
		const file = path.join(here, 'malformed', 'many-problems.yaml');
		const t = io();
		expect(await validateCommand([file], {}, t)).toBe(1);
		const expected = readExpected('many-problems').map(line => line.replace(/^many-problems\.yaml/, file));
		expect(t.stdout().trimEnd().split('\n')).toEqual(expected);
		expect(t.stderr()).toBe('11 problems in 1 file\n');
		expect(t.stdout()).not.toMatch(/\bat .*:\d+:\d+\)/);
	});

	it('validates a whole folder and reports duplicate ids between files', async () => {
		const dir = folderWith({'a.yaml': TINY, 'b.yaml': TINY});
		const t = io();
		expect(await validateCommand([dir], {}, t)).toBe(1);
		expect(t.stdout()).toBe(`${path.join(dir, 'b.yaml')}:1:5: duplicate scenario id "tiny" (also in ${path.join(dir, 'a.yaml')})\n`);
	});

	it('validates image catalog files the same way', async () => {
		const root = tempDir('layerlab-catalog-');
		mkdirSync(path.join(root, 'images'));
		const file = path.join(root, 'images', 'bad.yaml');
		writeFileSync(file, 'image: diamol/bad\ncreated: 2019-09-19T10:25:00Z\nfrom: diamol/base\nsteps:\n  - wrkdir: /app\n  - cmd: 3\n');
		const t = io();
		expect(await validateCommand([file], {}, t)).toBe(1);
		expect(t.stdout()).toBe(
			`${file}:5:5: unknown key "wrkdir" (did you mean "workdir"?)\n${file}:6:10: cmd: expected a command (a string, or a list of strings), got a number (3)\n`,
		);
		const base = path.join(root, 'images', 'base.yaml');
		writeFileSync(base, 'image: diamol/other\ncreated: 2019-09-19T10:25:00Z\nfrom: diamol/bsae\nsteps:\n  - workdir: /app\n');
		const t2 = io();
		expect(await validateCommand([base], {}, t2)).toBe(1);
		expect(t2.stdout()).toBe(`${base}:3:7: base image "diamol/bsae:latest" is not in the catalog (did you mean "diamol/base:latest"?)\n`);
	});

	it('validates the built-in course when given nothing', async () => {
		const t = io();
		expect(await validateCommand([], {}, t)).toBe(0);
		expect(t.stdout().trimEnd().split('\n')).toHaveLength(9);
	});

	it('prints JSON with --json', async () => {
		const t = io();
		expect(await validateCommand([path.join(here, 'malformed', 'unknown-key-hint.yaml')], {json: true}, t)).toBe(1);
		const result = JSON.parse(t.stdout()) as {ok: boolean; problems: Array<{line: number; col: number; message: string}>};
		expect(result.ok).toBe(false);
		expect(result.problems.map(problem => `${problem.line}:${problem.col}: ${problem.message}`)).toEqual(['11:5: unknown key "hint" (did you mean "hints"?)']);
	});
});

function readExpected(name: string): string[] {
	return readFileSync(path.join(here, 'malformed', `${name}.expected`), 'utf8')
		.trimEnd()
		.split('\n');
}

describe('layerlab check', () => {
	it('prints a line per step and exits 0 when every step passes', async () => {
		const t = io();
		expect(await checkCommand(['writable-layer'], {}, t)).toBe(0);
		expect(t.stdout()).toBe(
			[
				'ok   writable-layer (scenarios/01-writable-layer.yaml)',
				'  ok    1 run-two      4 checks',
				'  ok    2 list-exited  2 checks',
				'  ok    3 copy-out     3 checks',
				'1 scenario, 3 steps: all pass',
				'',
			].join('\n'),
		);
	});

	it('fails a check that passes before its step (vacuous), and a mistake that passes', async () => {
		const dir = folderWith({
			'vacuous.yaml': TINY.replace('id: tiny', 'id: vacuous')
				.replace('    solution:', '    mistakes:\n      - [docker container run --name rn1 diamol/ch06-random-number]\n    solution:')
				.replace('steps:\n', 'world:\n  setup: [docker container run --name rn0 diamol/ch06-random-number]\nsteps:\n')
				.replace('      - container: rn1\n        state: exited\n', '      - container: rn1\n        state: exited\n      - container: rn0\n'),
		});
		const t = io();
		expect(await checkCommand([path.join(dir, 'vacuous.yaml')], {}, t)).toBe(1);
		const lines = t.stdout().split('\n');
		expect(lines).toContain('  FAIL  1 run  2 checks');
		expect(lines).toContain(
			'         check 2 already passes before the solution (a vacuous check; mark it guard: true if it guards something): container rn0 is exited with code 0, from diamol/ch06-random-number',
		);
		expect(lines).toContain('         mistake 1 passes every check, so the checks are too lenient: docker container run --name rn1 diamol/ch06-random-number');
		expect(lines.at(-2)).toBe('1 scenario, 1 step: 1 step failed');
	});

	it('fails a check that does not pass after the solution, and a wrong prediction', async () => {
		const dir = folderWith({
			'wrong.yaml': TINY.replace('id: tiny', 'id: wrong')
				.replace('        state: exited\n', '        state: running\n')
				.replace(
					'    solution:',
					`    predict:
      question: {en: Where is number.txt?, ko: number.txt는 어디에?}
      choices:
        - label: {en: Image, ko: 이미지}
          origin: image
          correct: true
        - label: {en: Writable layer, ko: 기록 가능 레이어}
          origin: rw
      explain: {en: It is written at run time., ko: 실행할 때 쓴다.}
      reveal: {file: /random/number.txt, in: {container: rn1}}
    solution:`,
				),
		});
		const t = io();
		expect(await checkCommand([path.join(dir, 'wrong.yaml')], {}, t)).toBe(1);
		const lines = t.stdout().split('\n');
		expect(lines).toContain('         check 1 fails after the solution: container rn1 should be running, but it is exited with code 0');
		expect(lines).toContain('         predict: choice 1 is marked correct and claims an image layer, but /random/number.txt in rn1 comes from the writable layer');
		expect(lines).toContain('         predict: choice 2 claims the writable layer, which is where /random/number.txt really comes from, but it is not marked correct');
	});

	it('requires setup lines to succeed and solutions to use only listed images', async () => {
		const dir = folderWith({
			'setup.yaml': TINY.replace('id: tiny', 'id: setup')
				.replace('images: [diamol/ch06-random-number]\n', '')
				.replace('steps:\n', 'world:\n  setup: [docker container rm nothing-here]\nsteps:\n'),
		});
		const t = io();
		expect(await checkCommand([path.join(dir, 'setup.yaml')], {}, t)).toBe(1);
		expect(t.stdout()).toContain('       setup line fails (exit 1): docker container rm nothing-here: Error response from daemon: No such container: nothing-here\n');
		expect(t.stdout()).toContain('       the solutions use diamol/ch06-random-number, which images: does not list\n');
	});

	it('says which ids exist when asked for an unknown one, and exits 2', async () => {
		const t = io();
		expect(await checkCommand(['writable-layr'], {}, t)).toBe(2);
		expect(t.stderr()).toBe(
			'layerlab check: no scenario "writable-layr" (did you mean "writable-layer"?); the scenarios are writable-layer, copy-on-write, image-volumes, named-volume, bind-mounts, mount-limits, filesystem-build, lab, image-build\n',
		);
	});

	it('prints the load problems of a broken file and fails', async () => {
		const t = io();
		expect(await checkCommand([path.join(here, 'malformed', 'bad-state-value.yaml')], {}, t)).toBe(1);
		expect(t.stdout()).toContain('bad-state-value.yaml:10:16: state: must be one of created, running, exited, not "exitted" (did you mean "exited"?)\n');
	});
});

describe('layerlab list and progress', () => {
	it('lists the course with progress, and extra scenarios from $LAYERLAB_SCENARIOS', async () => {
		const dir = folderWith({'tiny.yaml': TINY});
		const t = io({LAYERLAB_SCENARIOS: `${dir}:`});
		let progress = recordStep(recordLine(emptyProgress(), 'writable-layer', 'docker ps'), 'writable-layer', 'run-two', 'list-exited');
		progress = recordStep(progress, 'tiny', 'run', null);
		saveProgress(progressPath(t.env), progress);
		expect(await listCommand([], {lang: 'en'}, t)).toBe(0);
		const lines = t.stdout().split('\n');
		expect(lines[0]).toBe('    ID                TITLE                                      STEPS  PROGRESS');
		expect(lines[1]).toBe(' 1  writable-layer    6.1 The writable layer                         3  1/3');
		expect(lines[2]).toBe(' 2  copy-on-write     6.1 Copy-on-write                              4  -');
		expect(lines[9]).toBe(' 9  image-build       Extra: build an image, layer by layer          5  -');
		expect(lines[10]).toBe('10  tiny              Tiny                                           1  done');
	});

	it('lists titles in Korean with --lang ko, padding wide characters', async () => {
		const t = io();
		expect(await listCommand([], {lang: 'ko'}, t)).toBe(0);
		const lines = t.stdout().split('\n');
		expect(lines[0]).toBe('   ID                제목                                        단계  진행');
		expect(lines[1]).toBe('1  writable-layer    6.1 기록 가능 레이어                           3  -');
	});

	it('prints progress as JSON for an instructor', async () => {
		const t = io();
		saveProgress(
			progressPath(t.env),
			recordStep(recordLine(emptyProgress(), 'lab', 'docker ps', new Date('2026-01-05T09:00:00Z')), 'lab', 'explore', 'new-storage', new Date('2026-01-05T09:00:00Z')),
		);
		expect(await progressCommand([], {json: true}, t)).toBe(0);
		expect(JSON.parse(t.stdout())).toEqual({
			file: progressPath(t.env),
			version: 1,
			scenarios: {
				lab: {
					completed: ['explore'],
					current: 'new-storage',
					lines: ['docker ps'],
					updatedAt: '2026-01-05T09:00:00.000Z',
					summary: {done: 1, total: 3, finished: false, current: 'new-storage'},
				},
			},
		});
	});

	it('survives a corrupt progress file with one warning', async () => {
		const t = io();
		mkdirSync(path.dirname(progressPath(t.env)), {recursive: true});
		writeFileSync(progressPath(t.env), '{not json');
		expect(await progressCommand([], {}, t)).toBe(0);
		expect(t.stderr()).toBe(`layerlab: progress file ${progressPath(t.env)} was corrupt; moved it to ${progressPath(t.env)}.corrupt-1 and started afresh\n`);
		expect(t.stdout()).toBe(`Progress in ${progressPath(t.env)}\nNo progress saved yet.\n`);
	});
});

describe("the lab's own commands with --lang ko", () => {
	/** An English sentence of the lab's own: three English words in a row (ids, paths, and Docker's texts aside). */
	const english = (text: string) =>
		text
			.split('\n')
			.map(line => line.replace(/"[^"]*"|\S*\/\S*|\([^)]*\)/g, ''))
			.filter(line => /\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/i.test(line) && !/^\s*(ok|FAIL)\s/.test(line));

	it('says list, check and progress summaries, errors and warnings in Korean', async () => {
		const broken = folderWith({'tiny.yaml': TINY, 'broken.yaml': 'id: broken\ntitle: x\n'});
		const list = io({LAYERLAB_SCENARIOS: `${broken}:`});
		expect(await listCommand([], {lang: 'ko'}, list)).toBe(1);
		expect(list.stderr()).toContain('layerlab: 문제가 있는 시나리오 파일이 있다(layerlab validate FILE로 모두 볼 수 있다):\n');
		expect(list.stderr()).toMatch(/broken\.yaml:\d+:\d+: /);

		const check = io();
		expect(await checkCommand([path.join(broken, 'tiny.yaml')], {lang: 'ko'}, check)).toBe(0);
		expect(check.stdout()).toContain('  ok    1 run  확인 1개\n');
		expect(check.stdout()).toContain('시나리오 1개, 단계 1개: 모두 통과\n');
		const unknown = io();
		expect(await checkCommand(['writable-layr'], {lang: 'ko'}, unknown)).toBe(2);
		expect(unknown.stderr()).toMatch(/^layerlab check: "writable-layr" 시나리오가 없다\(혹시 "writable-layer"\?\)\. 있는 시나리오: writable-layer, /);
		const empty = io();
		expect(await checkCommand([tempDir('layerlab-empty-')], {lang: 'ko'}, empty)).toBe(1);
		expect(empty.stderr()).toMatch(/시나리오를 찾지 못했다\n$/);

		const wrong = folderWith({
			'wrong.yaml': TINY.replace('id: tiny', 'id: wrong').replace('        state: exited\n', '        state: running\n').replace('images: [diamol/ch06-random-number]\n', ''),
		});
		const failing = io();
		expect(await checkCommand([path.join(wrong, 'wrong.yaml')], {lang: 'ko'}, failing)).toBe(1);
		expect(failing.stdout()).toContain('확인 1이 풀이 뒤에 실패한다: rn1 컨테이너: 실행 중이어야 하는데,');
		expect(failing.stdout()).toContain('풀이가 diamol/ch06-random-number 이미지를 쓰는데, images:에 없다');
		expect(failing.stdout()).toContain('시나리오 1개, 단계 1개: 단계 1개 실패, 시나리오 문제는 위에 있다\n');

		const none = io();
		expect(await progressCommand([], {lang: 'ko'}, none)).toBe(0);
		expect(none.stdout()).toBe(`진행 기록 파일: ${progressPath(none.env)}\n아직 저장된 진행 기록이 없다.\n`);
		const corrupt = io();
		mkdirSync(path.dirname(progressPath(corrupt.env)), {recursive: true});
		writeFileSync(progressPath(corrupt.env), '{not json');
		expect(await progressCommand([], {lang: 'ko'}, corrupt)).toBe(0);
		expect(corrupt.stderr()).toBe(`layerlab: 진행 기록 파일 ${progressPath(corrupt.env)}이 손상되어 ${progressPath(corrupt.env)}.corrupt-1로 옮기고 새로 시작했다\n`);
		const some = io();
		saveProgress(progressPath(some.env), recordStep(recordStep(emptyProgress(), 'writable-layer', 'run-two', 'list-exited'), 'gone', 'x', null));
		expect(await progressCommand([], {lang: 'ko'}, some)).toBe(0);
		expect(some.stdout().split('\n')[1]).toMatch(/^ID\s+제목\s+완료\s+현재 단계\s+명령 줄$/);
		expect(some.stdout()).toContain('(불러오지 않은 시나리오)');

		for (const t of [list, check, unknown, empty, failing, none, corrupt, some]) expect(english(t.stdout() + t.stderr())).toEqual([]);
	});
});
