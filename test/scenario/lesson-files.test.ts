/**
 * A lesson file cannot reach outside its folder: symlinks inside `from:` folders and image copy
 * sources, devices, FIFOs, sockets, symlink loops, YAML aliases that expand to megabytes, rootfs
 * files that are not JSON. Each is one `file:line:col: message`, and nothing is read that should not be.
 */
import {tempDir} from '../helpers/temp.js';
import {VALID} from '../helpers/lessons.js';
import {execFileSync} from 'node:child_process';
import {mkdirSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatProblem, loadScenarioFile, LoadError, type Problem} from '../../source/scenario/index.js';
import {loadImageFile} from '../../source/scenario/catalog/catalog.js';
import {validateCommand} from '../../source/scenario/commands.js';
import {scenarioApi} from '../../source/lab/scenario-api.js';

function withHost(host: string): string {
	return VALID.replace('steps:', `world:\n  host:\n${host}steps:`);
}

function problems(load: () => unknown, dir: string): string[] {
	try {
		load();
	} catch (error) {
		if (error instanceof LoadError) return error.problems.map((problem: Problem) => formatProblem({...problem, file: path.relative(dir, problem.file)}));
		throw error;
	}
	return [];
}

function lessonWithFolder(): {dir: string; lab: string; file: string} {
	const dir = tempDir('layerlab-lesson-');
	const lab = path.join(dir, 'files', 'lab');
	mkdirSync(lab, {recursive: true});
	writeFileSync(path.join(lab, 'ok.txt'), 'fine\n');
	const file = path.join(dir, 'lesson.yaml');
	writeFileSync(file, withHost('    lab: {from: files/lab}\n'));
	return {dir, lab, file};
}

describe('from: folders', () => {
	it('refuse a symlink inside the folder that leads to a host file (or /proc/self/environ)', () => {
		for (const target of ['/etc/hostname', '/proc/self/environ']) {
			const {dir, lab, file} = lessonWithFolder();
			symlinkSync(target, path.join(lab, 'leak.txt'));
			expect(problems(() => loadScenarioFile(file), dir)).toEqual([`lesson.yaml:6:17: from: "files/lab/leak.txt" is a symlink that leads outside the scenario's folder`]);
		}
	});

	it('follow a symlink that stays inside the folder', () => {
		const {lab, file} = lessonWithFolder();
		symlinkSync('ok.txt', path.join(lab, 'same.txt'));
		const scenario = loadScenarioFile(file);
		expect(scenario.world.hostFiles['/home/student/diamol/lab/same.txt']).toBe('fine\n');
	});

	it('refuse a link to /dev/zero, a FIFO and a socket with a position, without reading them', async () => {
		const {dir, lab, file} = lessonWithFolder();
		symlinkSync('/dev/zero', path.join(lab, 'zero'));
		expect(problems(() => loadScenarioFile(file), dir)).toEqual([`lesson.yaml:6:17: from: "files/lab/zero" is a symlink that leads outside the scenario's folder`]);

		const fifo = lessonWithFolder();
		execFileSync('mkfifo', [path.join(fifo.lab, 'pipe')]);
		expect(problems(() => loadScenarioFile(fifo.file), fifo.dir)).toEqual([`lesson.yaml:6:17: from: "files/lab/pipe" is a FIFO (named pipe), not a file`]);

		const sock = lessonWithFolder();
		const server = net.createServer();
		await new Promise<void>(resolve => server.listen(path.join(sock.lab, 'sock'), resolve));
		try {
			expect(problems(() => loadScenarioFile(sock.file), sock.dir)).toEqual([`lesson.yaml:6:17: from: "files/lab/sock" is a socket, not a file`]);
		} finally {
			server.close();
		}
	});

	it('report a symlink loop in one line with its position', () => {
		const {dir, lab, file} = lessonWithFolder();
		symlinkSync('b', path.join(lab, 'a'));
		symlinkSync('a', path.join(lab, 'b'));
		const found = problems(() => loadScenarioFile(file), dir);
		expect(found).toEqual([`lesson.yaml:6:17: from: "files/lab/a" is a symlink loop (more than 40 links followed)`]);
		const loop = lessonWithFolder();
		symlinkSync('..', path.join(loop.lab, 'up'));
		expect(problems(() => loadScenarioFile(loop.file), loop.dir)).toEqual([`lesson.yaml:6:17: from: "files/lab/up/lab" is a symlink loop (it leads back to a folder above it)`]);
	});

	it('count the bytes read, not what stat says', () => {
		const {dir, lab, file} = lessonWithFolder();
		writeFileSync(path.join(lab, 'big.txt'), 'x'.repeat(1024 * 1024 + 1));
		expect(problems(() => loadScenarioFile(file), dir)).toEqual([`lesson.yaml:6:17: from: "files/lab/big.txt" holds more than 1024 KiB`]);
	});
});

describe('the lesson file itself', () => {
	it('validate /dev/zero and a FIFO are one line each, not a hang', async () => {
		const dir = tempDir('layerlab-dev-');
		const fifo = path.join(dir, 'pipe.yaml');
		execFileSync('mkfifo', [fifo]);
		for (const file of ['/dev/zero', fifo]) {
			const out: string[] = [];
			const code = await validateCommand([file], {}, {out: text => void out.push(text), err: text => void out.push(text), env: {}});
			expect(code).toBe(1);
			expect(out.join('')).toMatch(/: (is a device|is a FIFO \(named pipe\)), not a file\n/);
		}
	});

	it('a 900 KB anchor aliased 5,000 times is refused by the size it expands to', () => {
		const dir = tempDir('layerlab-alias-');
		const file = path.join(dir, 'bomb.yaml');
		const aliases = Array.from({length: 5000}, () => '*a').join(', ');
		writeFileSync(file, `x: &a "${'y'.repeat(900 * 1024)}"\nbomb: [${aliases}]\n` + VALID);
		const found = problems(() => loadScenarioFile(file), dir);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(/^bomb\.yaml:2:\d+: aliases expand to more than 1024 KiB of text \(alias \*a\)/);
	});
});

describe('image files', () => {
	function catalog(): {root: string; dir: string} {
		const root = tempDir('layerlab-catalog-');
		const dir = path.join(root, 'images');
		mkdirSync(dir);
		return {root, dir};
	}
	const HEAD = 'image: diamol/thing\ncreated: 2019-09-19T10:25:00Z\nfrom: scratch\nsteps:\n';

	it('a rootfs that is not JSON, or outside the folder, is reported with positions; every step is checked', () => {
		const {root, dir} = catalog();
		writeFileSync(path.join(dir, 'rootfs.jsonl'), '{"path": "/a", "type": "dir", "mode": "755"}\nSECRET first bytes\n{"path": "b"}\n');
		writeFileSync(path.join(dir, 'thing.yaml'), HEAD + '  - rootfs: rootfs.jsonl\n  - rootfs: ../../../../etc/passwd\n  - copy: {src: /dev/zero, dest: /}\n');
		const found = problems(() => loadImageFile(root, path.join(dir, 'thing.yaml')), dir);
		expect(found).toEqual([
			'rootfs.jsonl:2:1: not a JSON object: each line of a rootfs file is one {"path", "type", "mode", …} object',
			'rootfs.jsonl:3:1: path: must be an absolute path like /etc/hostname',
			'thing.yaml:6:5: copy source "../../../../etc/passwd" is outside the catalog folder',
			'thing.yaml:7:5: copy source "/dev/zero" is outside the catalog folder',
		]);
		expect(found.join('\n')).not.toContain('SECRET');
	});

	it('a copy source folder with a link out is refused', () => {
		const {root, dir} = catalog();
		mkdirSync(path.join(dir, 'ctx'));
		symlinkSync('/etc/passwd', path.join(dir, 'ctx', 'passwd'));
		writeFileSync(path.join(dir, 'thing.yaml'), HEAD + '  - copy: {src: ctx, dest: /}\n');
		expect(problems(() => loadImageFile(root, path.join(dir, 'thing.yaml')), dir)).toEqual([
			`thing.yaml:5:5: copy source "ctx/passwd" is a symlink that leads outside the catalog folder`,
		]);
	});
});

describe('the start-up cache', () => {
	it('notices an edit to a from: file of a lesson opened before', async () => {
		const home = tempDir('layerlab-home-');
		const {lab, file} = lessonWithFolder();
		const nested = path.join(lab, 'deep');
		mkdirSync(nested);
		writeFileSync(path.join(nested, 'note.txt'), 'old\n');
		const options = {progressFile: path.join(home, 'progress.json'), preload: false, env: {LAYERLAB_SCENARIOS: file, HOME: home}, cacheFile: path.join(home, 'cache.json')};
		const first = await scenarioApi(options);
		await new Promise(resolve => setImmediate(resolve));
		expect(first.scenarios().find(s => s.id === 'fine')!.world.hostFiles['/home/student/diamol/lab/deep/note.txt']).toBe('old\n');
		writeFileSync(path.join(nested, 'note.txt'), 'new!\n');
		utimesSync(path.join(nested, 'note.txt'), new Date(2030, 1, 1), new Date(2030, 1, 1));
		const second = await scenarioApi(options);
		expect(second.scenarios().find(s => s.id === 'fine')!.world.hostFiles['/home/student/diamol/lab/deep/note.txt']).toBe('new!\n');
	});
});
