/**
 * The malformed corpus: each test/scenario/malformed/NAME.yaml must fail to load with exactly the
 * problems in NAME.expected (`file:line:col: message`, one a line, file relative to the folder).
 * Plus the cases that need a file system: a huge file, a symlink out of the scenario's folder,
 * duplicate ids across files.
 */
import {tempDir} from '../helpers/temp.js';
import {VALID} from '../helpers/lessons.js';
import {readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatProblem, loadScenarioFile, loadScenarios, LoadError, type Problem} from '../../source/scenario/index.js';
import {MAX_FILE_BYTES} from '../../source/scenario/load/yaml-load.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const corpus = path.join(here, 'malformed');
const cases = readdirSync(corpus)
	.filter(name => name.endsWith('.yaml'))
	.sort();

function problemsOf(file: string): Problem[] {
	try {
		loadScenarioFile(file);
	} catch (error) {
		if (error instanceof LoadError) return error.problems;
		throw error;
	}
	return [];
}

function relative(problems: Problem[], dir: string): string[] {
	return problems.map(problem => formatProblem({...problem, file: path.relative(dir, problem.file)}));
}

describe('the malformed corpus', () => {
	it('has at least 25 cases, each with its expected problems', () => {
		expect(cases.length).toBeGreaterThanOrEqual(25);
		for (const name of cases) expect(readdirSync(corpus)).toContain(name.replace(/\.yaml$/, '.expected'));
	});

	it.each(cases)('%s', name => {
		const expected = readFileSync(path.join(corpus, name.replace(/\.yaml$/, '.expected')), 'utf8')
			.trimEnd()
			.split('\n');
		const problems = problemsOf(path.join(corpus, name));
		expect(problems.length).toBeGreaterThan(0);
		expect(relative(problems, corpus)).toEqual(expected);
		// One line each, no stack traces.
		for (const problem of problems) expect(problem.message).not.toMatch(/\n|\bat .*\.ts:\d+/);
	});
});

describe('problems that need a file system', () => {
	it('refuses a file larger than the limit before parsing it', () => {
		const dir = tempDir('layerlab-huge-');
		const file = path.join(dir, 'huge.yaml');
		writeFileSync(file, VALID + '# ' + 'x'.repeat(MAX_FILE_BYTES) + '\n');
		expect(relative(problemsOf(file), dir)).toEqual(['huge.yaml:1:1: file is 1025 KiB, larger than the 1024 KiB a scenario or image file may be']);
	});

	it('refuses a host file whose symlink leads out of the scenario folder', () => {
		const dir = tempDir('layerlab-link-');
		const outside = tempDir('layerlab-outside-');
		writeFileSync(path.join(outside, 'secret.txt'), 'secret\n');
		symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'notes.txt'));
		const file = path.join(dir, 'linked.yaml');
		writeFileSync(file, VALID.replace('steps:', 'world:\n  host:\n    notes.txt: {from: notes.txt}\nsteps:'));
		expect(relative(problemsOf(file), dir)).toEqual(['linked.yaml:6:23: from: "notes.txt" is a symlink that leads outside the scenario\'s folder']);
	});

	it('reads host files and folders that stay inside the folder', () => {
		const dir = tempDir('layerlab-host-');
		mkdirSync(path.join(dir, 'files', 'config'), {recursive: true});
		writeFileSync(path.join(dir, 'files', 'config', 'config.json'), '{}\n');
		writeFileSync(path.join(dir, 'files', 'notes.txt'), 'notes\n');
		const file = path.join(dir, 'host.yaml');
		writeFileSync(
			file,
			VALID.replace(
				'steps:',
				'world:\n  host:\n    notes.txt: {from: files/notes.txt}\n    lab: {from: files/config}\n    /tmp/empty: {dir: true}\n    ~/readme.txt: "hello\\n"\nsteps:',
			),
		);
		const scenario = loadScenarioFile(file);
		expect(scenario.world.hostFiles).toEqual({
			'/home/student/diamol/notes.txt': 'notes\n',
			'/home/student/diamol/lab/config.json': '{}\n',
			'/home/student/readme.txt': 'hello\n',
		});
		expect(scenario.world.hostDirs).toEqual(['/home/student/diamol/lab', '/tmp/empty']);
	});

	it('reports duplicate scenario ids across files, at the second id', () => {
		const dir = tempDir('layerlab-dup-');
		writeFileSync(path.join(dir, 'a.yaml'), VALID);
		writeFileSync(path.join(dir, 'b.yaml'), '# the same id again\n' + VALID);
		const {scenarios, problems} = loadScenarios([dir]);
		expect(scenarios.map(scenario => scenario.id)).toEqual(['fine']);
		expect(relative(problems, dir)).toEqual([`b.yaml:2:5: duplicate scenario id "fine" (also in ${path.join(dir, 'a.yaml')})`]);
	});

	it('reports a source that does not exist', () => {
		const {problems} = loadScenarios(['/nonexistent/scenarios']);
		expect(problems.map(formatProblem)).toEqual(['/nonexistent/scenarios:1:1: no such file or folder']);
	});
});
