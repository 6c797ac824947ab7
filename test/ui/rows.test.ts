import {describe, expect, it} from 'vitest';
import {createLab, gotoStep, answerPrediction, runCommand, type LabModel} from '../../source/lab/model/lab.js';
import {containerItems, containerRows, containersHeader, selectedIndex} from '../../source/ui/panes/containers/rows.js';
import {volumeLines, volumeRows} from '../../source/ui/panes/volumes/rows.js';
import {filesIndex, folderAt, instructionOf, layerItems, layerRows, parentIndex} from '../../source/ui/panes/layers/rows.js';
import {blockRows, promptRow, scrollbackWindow} from '../../source/ui/panes/terminal/rows.js';
import {predictionChoices, stepRows} from '../../source/ui/panes/step/rows.js';
import {rowText, type Row} from '../../source/ui/rows.js';
import {textWidth} from '../../source/ui/text/width.js';
import {evaluate, freshWorld, testScenario} from './helpers/fixtures.js';

const context = {evaluate, columns: 80};
const RN1 = 'docker container run --name rn1 diamol/ch06-random-number';
const RN2 = 'docker container run --name rn2 diamol/ch06-random-number';

function run(...lines: string[]): LabModel {
	return lines.reduce((model, line) => runCommand(model, line, context), createLab(testScenario(), freshWorld(), context));
}

const texts = (rows: Row[]) => rows.map(rowText);
function fits(rows: Row[], width: number): void {
	for (const r of rows) expect(textWidth(rowText(r)), rowText(r)).toBeLessThanOrEqual(width);
}

describe('containers rows', () => {
	it('lists containers newest first with state and marks what the last command did', () => {
		const model = run(RN1, RN2);
		const items = containerItems(model.world.containers, model.changes);
		const rows = containerRows(items, model.changes, 78, 0, 0, 10);
		expect(texts(rows)).toEqual([
			expect.stringMatching(/^\+ rn2 +diamol\/ch06-random-number +Exited \(0\) +—/),
			expect.stringMatching(/^ {2}rn1 +diamol\/ch06-random-number +Exited \(0\)/),
		]);
		expect(rows[0]!.selected).toBe(true);
		expect(rowText(containersHeader(78))).toMatch(/NAME +IMAGE +STATE +MOUNTS/);
		fits(rows, 78);
	});

	it('shows paused, renamed and killed containers as docker leaves them', () => {
		const model = run(
			'docker container run -d --name s1 alpine:3.9 sleep 1000',
			'docker container run -d --name s2 alpine:3.9 sleep 1000',
			'docker container pause s1',
			'docker container rename s2 s3',
			'docker container kill s3',
		);
		const items = containerItems(model.world.containers, model.changes);
		expect(texts(containerRows(items, model.changes, 78, -1, 0, 10))).toEqual([
			expect.stringMatching(/^. s3 +alpine:3\.9 +Exited \(137\)/),
			expect.stringMatching(/^ {2}s1 +alpine:3\.9 +Paused/),
		]);
	});

	it('shows a removed container until the next command', () => {
		const model = run(RN1, 'docker container rm rn1');
		const items = containerItems(model.world.containers, model.changes);
		expect(texts(containerRows(items, model.changes, 78, -1, 0, 10))).toEqual([expect.stringMatching(/^− rn1 .* removed +writable layer gone/)]);
		const later = runCommand(model, 'docker container ls', context);
		expect(containerItems(later.world.containers, later.changes)).toHaveLength(0);
	});

	it('renders only the window and finds the selection by id', () => {
		let model = run();
		for (let i = 0; i < 30; i++) model = runCommand(model, `docker container create --name c${i} diamol/ch06-random-number`, context);
		const items = containerItems(model.world.containers, model.changes);
		expect(items).toHaveLength(30);
		const id = items[12]!.kind === 'container' ? items[12]!.container.id : '';
		expect(selectedIndex(items, id)).toBe(12);
		const rows = containerRows(items, model.changes, 100, 12, 10, 5);
		expect(rows).toHaveLength(5);
		expect(rows.findIndex(r => r.selected)).toBe(2);
		expect(rowText(rows[0]!)).toContain('c19');
	});

	it('summarises mounts', () => {
		const model = run('docker container create --name vv -v data:/data -v /home/student/diamol:/host:ro diamol/ch06-random-number');
		const items = containerItems(model.world.containers, model.changes);
		expect(rowText(containerRows(items, model.changes, 140, 0, 0, 1)[0]!)).toContain('vol data:/data, bind /home/student/diamol:/host ro');
	});
});

describe('volumes rows', () => {
	it('names volumes, shortens anonymous ones, lists users and files', () => {
		const model = run(
			'docker volume create data',
			'docker container run --name ww -v data:/data diamol/base sh -c "echo hi > /data/a.txt"',
			'docker container create --name anon -v /cache diamol/ch06-random-number',
		);
		const lines = volumeLines(model.world.volumes, model.world.containers, model.changes);
		const rows = texts(volumeRows(lines, model.changes, 78, -1, 0, 20));
		expect(rows[0]).toMatch(/^ {2}data +ww +1$/);
		expect(rows[1]).toBe('      a.txt');
		expect(rows[2]).toMatch(/^\+ [0-9a-f]{12}… \(anon\) +anon +0$/);
	});

	it('says a volume is still there when no container uses it', () => {
		const model = run('docker volume create data', 'docker container run --name ww -v data:/data diamol/base sh -c "echo hi > /data/a.txt"', 'docker container rm ww');
		const lines = volumeLines(model.world.volumes, model.world.containers, model.changes);
		expect(texts(volumeRows(lines, model.changes, 78, -1, 0, 5))[0]).toContain('no container — still here');
	});
});

describe('layers rows', () => {
	it("shows rn1's stack: no mounts, its writable layer with A/C, the image layers, then the merged tree", () => {
		const model = run(RN1, RN2);
		const rn1 = Object.values(model.world.containers).find(container => container.name === 'rn1')!;
		const items = layerItems(model.world, rn1.id, {}, model.changes);
		const rows = texts(layerRows(model.world, rn1.id, items, 78, -1, 0, 200));
		expect(rows[0]).toBe('rn1 · diamol/ch06-random-number · Exited (0)');
		expect(rows).toContain('▌MOUNTS none');
		const writable = rows.findIndex(line => line.startsWith('▌WRITABLE LAYER rn1 only · 2 changes'));
		expect(rows[writable + 1]).toMatch(/^ {2}C \/random +changed \(copied up\)/);
		expect(rows[writable + 2]).toMatch(/^ {2}A \/random\/number\.txt +added/);
		const layers = rows.findIndex(line => line.startsWith('▌IMAGE LAYERS'));
		expect(rows[layers + 1]).toMatch(/^ {2}L4 [0-9a-f]{12} RUN chmod \+x random\.sh +37B$/);
		expect(rows.find(line => line.includes(' L1 '))).toMatch(/ADD file:[0-9a-f]{12}… in \/ .*shared: /);
		// The tree opens down to what the container wrote, and names each file's origin.
		expect(rows.find(line => line.includes('number.txt') && !line.includes('/random/'))).toMatch(/^ +number\.txt +rw$/);
		expect(rows.find(line => /^ +random\.sh/.test(line))).toMatch(/random\.sh +L4 hides L3$/);
		expect(rows.find(line => line.includes('bin/'))).toMatch(/▸ bin\/ +L1$/);
		fits(layerRows(model.world, rn1.id, items, 78, -1, 0, 200), 78);
	});

	it('marks fresh writable-layer changes and shows deleted files with what they hide', () => {
		const model = run('docker container run --name dd diamol/ch06-random-number sh -c "rm /random/random.sh"');
		const d = Object.values(model.world.containers)[0]!;
		const items = layerItems(model.world, d.id, {}, model.changes);
		const rows = texts(layerRows(model.world, d.id, items, 78, -1, 0, 200));
		expect(rows).toContainEqual(expect.stringMatching(/^\+ D \/random\/random\.sh +deleted \(whiteout\)$/));
		expect(rows).toContainEqual(expect.stringMatching(/^\+ {4}random\.sh +deleted hides L4,L3$/));
	});

	it('shows mounts on top and what a mount hides', () => {
		const model = run('docker volume create data', 'docker container create --name mm -v data:/random diamol/ch06-random-number');
		const m = Object.values(model.world.containers)[0]!;
		const items = layerItems(model.world, m.id, {}, model.changes);
		const rows = texts(layerRows(model.world, m.id, items, 90, -1, 0, 200));
		expect(rows).toContainEqual(expect.stringMatching(/^ {2}volume \/random {2}← {2}data +rw · -v$/));
		// The empty volume was filled from the image on first mount, so random.sh now comes from the volume.
		expect(rows.find(line => /^ +random\.sh/.test(line))).toMatch(/random\.sh +vol data hides L4,L3$/);
	});

	it('opens and closes folders, and finds parents', () => {
		const model = run(RN1);
		const rn1 = Object.values(model.world.containers)[0]!;
		const items = layerItems(model.world, rn1.id, {}, model.changes);
		const bin = items.findIndex(item => item.kind === 'tree' && item.path === '/bin');
		expect(folderAt(items, bin)).toEqual({path: '/bin', open: false});
		const opened = layerItems(model.world, rn1.id, {'/bin': true}, model.changes);
		expect(opened.length).toBeGreaterThan(items.length);
		const child = bin + 1;
		expect(opened[child]).toMatchObject({kind: 'tree', depth: 1});
		expect(parentIndex(opened, child)).toBe(bin);
		expect(filesIndex(items)).toBeGreaterThan(0);
	});

	it('explains a removed container', () => {
		const model = run(RN1, 'docker container rm rn1');
		const id = model.changes.containersRemoved[0]!.id;
		expect(texts(layerRows(model.world, id, layerItems(model.world, id, {}, model.changes), 200, -1, 0, 5))[0]).toContain('rn1 was removed: its writable layer went with it');
	});

	it('turns history into Dockerfile instructions', () => {
		expect(instructionOf('/bin/sh -c #(nop) WORKDIR /random')).toBe('WORKDIR /random');
		expect(instructionOf('/bin/sh -c chmod +x random.sh')).toBe('RUN chmod +x random.sh');
		expect(instructionOf(`/bin/sh -c #(nop) COPY file:${'a'.repeat(64)} in . `)).toBe('COPY file:aaaaaaaaaaaa… in .');
	});
});

describe('terminal rows', () => {
	it('prints the prompt and the line, then the output wrapped to the width, with escapes made visible', () => {
		const model = run('echo "\\033[2J hello"');
		const rows = blockRows(model.terminal.at(-1)!, 30);
		expect(rows[0]!.segments[0]).toMatchObject({text: 'student@layerlab:~/diamol$ ', tone: 'prompt'});
		expect(texts(rows).join('\n')).not.toContain('\x1b');
		fits(rows, 30);
	});

	it('windows the scrollback from the bottom', () => {
		let model = run();
		for (let i = 0; i < 20; i++) model = runCommand(model, `echo line${i}`, context);
		const bottom = scrollbackWindow(model.terminal, 40, 4, 0);
		expect(texts(bottom.rows)).toEqual(['student@layerlab:~/diamol$ echo line18', 'line18', 'student@layerlab:~/diamol$ echo line19', 'line19']);
		expect(bottom.above).toBe(true);
		const up = scrollbackWindow(model.terminal, 40, 4, 2);
		expect(texts(up.rows).at(-1)).toBe('line18');
		const top = scrollbackWindow(model.terminal, 40, 4, 1000);
		expect(texts(top.rows)[0]).toBe('student@layerlab:~/diamol$ echo line0');
		expect(top.above).toBe(false);
	});

	it('keeps the cursor visible on a long line', () => {
		const line = 'docker container run --name a-very-long-name diamol/ch06-random-number';
		const r = promptRow('student@layerlab:~/diamol$ ', line, line.length, 50, true);
		expect(textWidth(rowText(r))).toBeLessThanOrEqual(50);
		expect(r.segments.find(s => s.inverse)?.text).toBe(' ');
		expect(rowText(r)).toContain('random-number');
	});
});

describe('step rows', () => {
	it('shows the text, what to try and live checks', () => {
		const model = run(RN1);
		const view = {
			scenario: model.scenario,
			step: 0,
			lang: 'en',
			checks: model.checks,
			completed: model.completed,
			hintsShown: 1,
			solutionShown: false,
			prediction: undefined,
			celebrate: false,
			world: model.world,
		};
		const rows = texts(stepRows(view, 80));
		expect(rows[0]).toBe('Step 1 of 2');
		expect(rows).toContain('  $ docker container run --name rn1 diamol/ch06-random-number');
		expect(rows).toContain(' ✓ container rn1 exited (now: exited)');
		expect(rows).toContain(' ✗ container rn2 exited (now: missing)');
		expect(rows).toContain('Hint 1/2');
		fits(stepRows(view, 40), 40);
	});

	it('asks the prediction, then scores it and explains from the world', () => {
		const model = gotoStep(run(RN1, RN2), 1, context);
		const base = {
			scenario: model.scenario,
			step: 1,
			lang: 'en',
			checks: model.checks,
			completed: model.completed,
			hintsShown: 0,
			solutionShown: false,
			celebrate: false,
			world: model.world,
		};
		expect(predictionChoices({...base, prediction: undefined})).toEqual(['An image layer', "rn1's writable layer", 'A volume']);
		const answered = answerPrediction(model, 0);
		const rows = texts(stepRows({...base, prediction: answered.predictions.predict}, 70));
		expect(rows).toContain('You said: An image layer');
		expect(rows).toContain("✗ Not quite — it is: rn1's writable layer");
		expect(predictionChoices({...base, prediction: answered.predictions.predict})).toBeUndefined();
	});
});
