/** Image catalog files are validated like scenarios: every problem as file:line:col: message. */
import {tempDir} from '../helpers/temp.js';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadCatalog, loadImageFile} from '../../source/scenario/catalog/catalog.js';
import {formatProblem, LoadError} from '../../source/scenario/load/yaml-load.js';

function catalog(files: Record<string, string>): {root: string; dir: string} {
	const root = tempDir('layerlab-catalog-');
	const dir = path.join(root, 'images');
	mkdirSync(dir);
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
	return {root, dir};
}

function problems(action: () => unknown, dir: string): string[] {
	try {
		action();
	} catch (error) {
		if (error instanceof LoadError) return error.problems.map(problem => formatProblem({...problem, file: path.relative(dir, problem.file)}));
		throw error;
	}
	return [];
}

const HEAD = 'image: diamol/thing\ncreated: 2019-09-19T10:25:00Z\nfrom: diamol/base\n';

describe('image catalog files', () => {
	it('report unknown keys and instructions with a suggestion, wrong types, and bad dates', () => {
		const {root, dir} = catalog({
			'thing.yaml':
				'image: diamol/Thing\ntag: [v1]\ncreated: yesterday\nfrom: diamol/base\nsteps:\n  - wrkdir: /app\n  - workdir: /app\n    cmd: x\n  - expose: true\n  - copy: {src: x, dest: /, prog: todo}\n',
		});
		expect(problems(() => loadImageFile(root, path.join(dir, 'thing.yaml')), dir)).toEqual([
			'thing.yaml:1:8: image: must be a lowercase image name like diamol/ch06-lab',
			'thing.yaml:2:1: unknown key "tag" (did you mean "tags"?)',
			'thing.yaml:3:10: created: must be a date and time like 2019-09-19T10:25:00Z',
			'thing.yaml:6:5: unknown key "wrkdir" (did you mean "workdir"?)',
			'thing.yaml:7:5: a step holds one instruction, not workdir and cmd; split it into 2 steps',
			'thing.yaml:9:13: expose: expected a port (80 or "80/tcp") or a list of ports, got true',
			'thing.yaml:10:29: unknown key "prog" (did you mean "program"?)',
		]);
	});

	it('keep COPY sources inside the catalog and report missing ones', () => {
		const {root, dir} = catalog({
			'out.yaml': HEAD + 'steps:\n  - copy: {src: ../../../etc/passwd, dest: /}\n',
			'missing.yaml': HEAD + 'steps:\n  - copy: {src: context/nothing.txt, dest: /}\n',
		});
		expect(problems(() => loadImageFile(root, path.join(dir, 'out.yaml')), dir)).toEqual(['out.yaml:5:5: copy source "../../../etc/passwd" is outside the catalog folder']);
		expect(problems(() => loadImageFile(root, path.join(dir, 'missing.yaml')), dir)).toEqual(['missing.yaml:5:5: copy source "context/nothing.txt" does not exist']);
	});

	it('point at from: when a base image is missing or the bases loop', () => {
		const missing = catalog({
			'a.yaml': HEAD.replace('diamol/base', 'diamol/bsae') + 'steps:\n  - workdir: /app\n',
			'base.yaml': 'image: diamol/base\ncreated: 2019-09-19T10:25:00Z\nfrom: scratch\nsteps:\n  - workdir: /\n',
		});
		expect(problems(() => loadCatalog(missing.dir), missing.dir)).toEqual([
			'a.yaml:3:7: base image "diamol/bsae:latest" is not in the catalog (did you mean "diamol/base:latest"?)',
		]);
		const loop = catalog({
			'a.yaml': 'image: diamol/a\ncreated: 2019-09-19T10:25:00Z\nfrom: diamol/b\nsteps:\n  - workdir: /\n',
			'b.yaml': 'image: diamol/b\ncreated: 2019-09-19T10:25:00Z\nfrom: diamol/a\nsteps:\n  - workdir: /\n',
		});
		expect(problems(() => loadCatalog(loop.dir), loop.dir)).toEqual(["a.yaml:3:7: image diamol/a is its own base (the images' from: lines make a loop)"]);
	});

	it('load the shipped catalog without a problem', () => {
		const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'scenarios', 'images');
		expect(loadCatalog(dir).map(definition => definition.repository)).toContain('diamol/ch06-lab');
	});
});
