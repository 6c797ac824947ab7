/**
 * Every check kind, passing and failing, with the exact one-line message: what was expected and
 * what the world holds. The world is the chapter's own: seeded, so every run is the same.
 */
import {beforeAll, describe, expect, it} from 'vitest';
import type {World} from '../../source/engine/index.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {describeCheck, evaluateCheck, evaluateStep, parseScenario, stepPasses, type Check} from '../../source/scenario/index.js';

let world: World;
let last = '';

beforeAll(() => {
	world = defaultWorld({seed: 1});
	for (const line of [
		'docker container run --name rn1 diamol/ch06-random-number',
		'docker container run --name rn2 diamol/ch06-random-number',
		'docker container run --name f1 diamol/ch06-file-display',
		'echo "http://eltonstoneman.com" > url.txt',
		'docker container cp url.txt f1:/input.txt',
		'docker volume create todo-list',
		'docker container run --name todo1 -d -p 8010:80 -v todo-list:/data diamol/ch06-todo-list',
		'docker container run --name todo2 -d diamol/ch06-todo-list',
		'curl http://localhost:8010',
		'docker container run --name cfg -d -p 8013:80 --mount type=bind,source=/home/student/diamol/ch06/exercises/todo-list/config,target=/app/config,readonly diamol/ch06-todo-list',
		'docker container ls -a',
	]) {
		last = runLine(world, line)
			.output.map(chunk => chunk.text)
			.join('');
	}
});

function check(c: Check) {
	return evaluateCheck(world, c, last);
}

const CONFIG = '/home/student/diamol/ch06/exercises/todo-list/config';

describe('container checks', () => {
	it('pass and say what the container is', () => {
		expect(check({kind: 'container', name: 'rn1', exists: true})).toEqual({ok: true, message: 'container rn1 is exited with code 0, from diamol/ch06-random-number'});
		expect(check({kind: 'container', name: 'rn1', exists: true, state: 'exited', exitCode: 0, image: 'diamol/ch06-random-number'}).ok).toBe(true);
		expect(check({kind: 'container', name: 'gone', exists: false})).toEqual({ok: true, message: 'there is no container gone'});
	});

	it('fail with what was expected and what the world holds', () => {
		expect(check({kind: 'container', name: 'rn3', exists: true}).message).toBe(
			'container rn3 should exist, but there is no container rn3 (containers: cfg, f1, rn1, rn2 and 2 more)',
		);
		expect(check({kind: 'container', name: 'todo1', exists: true, state: 'exited'}).message).toBe('container todo1 should be exited, but it is running');
		expect(check({kind: 'container', name: 'rn1', exists: true, state: 'exited', exitCode: 1}).message).toBe(
			'container rn1 should be exited with code 1, but it exited with code 0',
		);
		expect(check({kind: 'container', name: 'todo1', exists: true, exitCode: 0}).message).toBe('container todo1 should have exited with code 0, but it is running');
		expect(check({kind: 'container', name: 'rn1', exists: true, image: 'diamol/ch06-file-display'}).message).toBe(
			'container rn1 should run diamol/ch06-file-display, but it runs diamol/ch06-random-number',
		);
		expect(check({kind: 'container', name: 'rn1', exists: false}).message).toBe('container rn1 should not exist, but it does (exited with code 0)');
		for (const c of [
			{kind: 'container', name: 'rn3', exists: true},
			{kind: 'container', name: 'rn1', exists: false},
		] as Check[])
			expect(check(c).ok).toBe(false);
	});

	it('select containers by image, state, port and newest', () => {
		expect(check({kind: 'container', name: 'a running diamol/ch06-todo-list container', exists: true, select: {image: 'diamol/ch06-todo-list', state: 'running'}})).toEqual({
			ok: true,
			message: 'a running diamol/ch06-todo-list container (cfg) is running, from diamol/ch06-todo-list',
		});
		expect(check({kind: 'container', name: 'a container publishing port 8010', exists: true, select: {port: 8010}}).message).toBe(
			'a container publishing port 8010 (todo1) is running, from diamol/ch06-todo-list',
		);
		expect(check({kind: 'container', name: 'the newest diamol/ch06-lab container', exists: true, select: {image: 'diamol/ch06-lab', latest: true}}).message).toBe(
			'the newest diamol/ch06-lab container should exist, but there is no diamol/ch06-lab container',
		);
		expect(
			check({kind: 'container', name: 'the newest diamol/ch06-todo-list container', exists: true, state: 'exited', select: {image: 'diamol/ch06-todo-list', latest: true}}).message,
		).toBe('the newest diamol/ch06-todo-list container should be exited, but cfg is running');
		expect(check({kind: 'container', name: 'a diamol/ch06-lab container', exists: false, select: {image: 'diamol/ch06-lab'}})).toEqual({
			ok: true,
			message: 'there is no diamol/ch06-lab container',
		});
		expect(check({kind: 'container', name: 'a diamol/ch06-file-display container', exists: false, select: {image: 'diamol/ch06-file-display'}}).message).toBe(
			'there should be no diamol/ch06-file-display container, but f1 is exited with code 0',
		);
	});
});

describe('file checks', () => {
	it('name the origin: writable layer, image layer, volume, bind mount', () => {
		expect(check({kind: 'file', place: {container: 'rn1'}, path: '/random/number.txt', exists: true, origin: 'rw'})).toEqual({
			ok: true,
			message: '/random/number.txt in rn1 comes from the writable layer',
		});
		expect(check({kind: 'file', place: {container: 'rn1'}, path: '/random/number.txt', exists: true, origin: 'image'}).message).toBe(
			'/random/number.txt in rn1 should come from an image layer, but it comes from the writable layer',
		);
		expect(check({kind: 'file', place: {container: 'rn1'}, path: '/random/random.sh', exists: true, origin: 'rw'}).message).toBe(
			'/random/random.sh in rn1 should come from the writable layer, but it comes from image layer 4',
		);
		expect(check({kind: 'file', place: {container: 'todo1'}, path: '/data/todo-list.db', exists: true, origin: 'volume'})).toEqual({
			ok: true,
			message: '/data/todo-list.db in todo1 comes from volume todo-list',
		});
		expect(check({kind: 'file', place: {container: 'cfg'}, path: '/app/config/config.json', exists: true, origin: 'volume'}).message).toBe(
			`/app/config/config.json in cfg should come from a volume, but it comes from a bind mount of ${CONFIG}/config.json`,
		);
		expect(check({kind: 'file', place: {container: 'todo2'}, path: '/data', exists: true, origin: 'rw'}).message).toMatch(
			/^\/data in todo2 should come from the writable layer, but it comes from anonymous volume [0-9a-f]{12}$/,
		);
	});

	it('see what a copy hides (copy-on-write)', () => {
		expect(check({kind: 'file', place: {container: 'f1'}, path: '/input.txt', exists: true, origin: 'rw', hides: 'image', content: 'http://eltonstoneman.com\n'})).toEqual({
			ok: true,
			message: '/input.txt in f1 comes from the writable layer, hiding a copy in image layer 3, with the expected content',
		});
		expect(check({kind: 'file', place: {container: 'rn1'}, path: '/random/number.txt', exists: true, hides: 'image'}).message).toBe(
			'/random/number.txt in rn1 should hide a copy from an image layer, but it hides nothing',
		);
		expect(check({kind: 'file', place: {container: 'rn1'}, path: '/random/random.sh', exists: true, hides: 'rw'}).message).toBe(
			'/random/random.sh in rn1 should hide a copy from the writable layer, but it hides a copy from image layer 3',
		);
	});

	it('compare content exactly or with a regular expression', () => {
		expect(check({kind: 'file', place: {container: 'f1'}, path: '/input.txt', exists: true, content: 'https://example.com\n'}).message).toBe(
			'/input.txt in f1 should contain "https://example.com\\n", but it contains "http://eltonstoneman.com\\n"',
		);
		expect(check({kind: 'file', place: {container: 'rn1'}, path: '/random/number.txt', exists: true, matches: '^[0-9]+$'}).ok).toBe(true);
		expect(check({kind: 'file', place: {volume: 'todo-list'}, path: '/todo-list.db', exists: true, matches: '^1\\|'}).message).toBe(
			'/todo-list.db in volume todo-list should have a line starting with “1|”, but it is empty',
		);
		expect(check({kind: 'file', place: {container: 'rn1'}, path: '/random', exists: true, matches: 'x'}).message).toBe(
			'/random in rn1 should have a line with “x”, but it is a folder',
		);
	});

	it('look in containers, volumes and on the host', () => {
		expect(check({kind: 'file', place: {volume: 'todo-list'}, path: '/todo-list.db', exists: true})).toEqual({ok: true, message: '/todo-list.db in volume todo-list exists'});
		expect(check({kind: 'file', place: {volume: 'nope'}, path: '/todo-list.db', exists: true}).message).toBe(
			'/todo-list.db in volume nope should exist, but there is no volume nope',
		);
		expect(check({kind: 'file', place: {host: true}, path: '/home/student/diamol/url.txt', exists: true, content: 'http://eltonstoneman.com\n'})).toEqual({
			ok: true,
			message: '/home/student/diamol/url.txt on the host exists, with the expected content',
		});
		expect(check({kind: 'file', place: {host: true}, path: '/home/student/diamol/number1.txt', exists: true}).message).toBe(
			'/home/student/diamol/number1.txt on the host should exist, but it does not',
		);
		expect(check({kind: 'file', place: {container: 'rn2'}, path: '/input.txt', exists: true}).message).toBe('/input.txt in rn2 should exist, but it does not');
		expect(check({kind: 'file', place: {container: 'rn9'}, path: '/x', exists: true}).message).toBe(
			'/x in rn9 should exist, but there is no container rn9 (containers: cfg, f1, rn1, rn2 and 2 more)',
		);
		expect(check({kind: 'file', place: {container: 'rn1'}, path: '/random/number.txt', exists: false}).message).toBe(
			'/random/number.txt in rn1 should not exist, but it does (from the writable layer)',
		);
		expect(check({kind: 'file', place: {container: 'rn1'}, path: '/nothing.txt', exists: false})).toEqual({ok: true, message: '/nothing.txt in rn1 does not exist'});
	});

	it('with a selector, pass when any matching container has the file', () => {
		expect(
			check({
				kind: 'file',
				place: {container: 'a diamol/ch06-todo-list container', select: {image: 'diamol/ch06-todo-list'}},
				path: '/app/config/config.json',
				exists: true,
				origin: 'bind',
			}),
		).toEqual({
			ok: true,
			message: `/app/config/config.json in a diamol/ch06-todo-list container (cfg) comes from a bind mount of ${CONFIG}/config.json`,
		});
		expect(
			check({
				kind: 'file',
				place: {container: 'the newest diamol/ch06-todo-list container', select: {image: 'diamol/ch06-todo-list', latest: true}},
				path: '/data/todo-list.db',
				exists: true,
			}).message,
		).toBe('/data/todo-list.db in the newest diamol/ch06-todo-list container should exist, but in cfg it does not');
	});
});

describe('mount checks', () => {
	it('pass with the mount described', () => {
		expect(check({kind: 'mount', container: 'cfg', type: 'bind', target: '/app/config', readonly: true, source: CONFIG})).toEqual({
			ok: true,
			message: `container cfg has a read-only bind mount of ${CONFIG} at /app/config`,
		});
		expect(check({kind: 'mount', container: 'todo1', type: 'volume', target: '/data', named: true, source: 'todo-list'})).toEqual({
			ok: true,
			message: 'container todo1 has a read-write mount of volume todo-list at /data',
		});
	});

	it('fail on type, read-only, source, named and missing mounts', () => {
		expect(check({kind: 'mount', container: 'cfg', type: 'bind', target: '/app/config', readonly: false}).message).toBe(
			'container cfg should have a read-write bind mount at /app/config, but it is read-only',
		);
		expect(check({kind: 'mount', container: 'cfg', type: 'volume', target: '/app/config'}).message).toBe(
			`container cfg should have a volume mount at /app/config, but the mount there is a bind mount of ${CONFIG}`,
		);
		expect(check({kind: 'mount', container: 'cfg', type: 'bind', target: '/app/config', source: '/home/student/diamol/config'}).message).toBe(
			`container cfg should have a bind mount of /home/student/diamol/config at /app/config, but its source is ${CONFIG}`,
		);
		expect(check({kind: 'mount', container: 'rn1', type: 'bind', target: '/init'}).message).toBe(
			'container rn1 should have a bind mount at /init, but it has no mount at /init (it has no mounts)',
		);
		expect(check({kind: 'mount', container: 'todo1', type: 'volume', target: '/new-data'}).message).toBe(
			'container todo1 should have a volume mount at /new-data, but it has no mount at /new-data (its mounts: /data)',
		);
		expect(check({kind: 'mount', container: 'todo2', type: 'volume', target: '/data', named: true}).message).toMatch(
			/^container todo2 should have a named volume at \/data, but the volume there is anonymous \([0-9a-f]{12}\)$/,
		);
		expect(check({kind: 'mount', container: 'todo1', type: 'volume', target: '/data', named: false}).message).toBe(
			'container todo1 should have an anonymous volume at /data, but the volume there is named todo-list',
		);
		expect(check({kind: 'mount', container: 'todo1', type: 'volume', target: '/data', source: 'other'}).message).toBe(
			'container todo1 should have volume other at /data, but it mounts volume todo-list',
		);
		expect(check({kind: 'mount', container: 'zzz', type: 'volume', target: '/data'}).message).toBe(
			'container zzz should have a volume mount at /data, but there is no container zzz (containers: cfg, f1, rn1, rn2 and 2 more)',
		);
	});
});

describe('count checks', () => {
	it('count containers, volumes and images with filters', () => {
		expect(check({kind: 'count', of: 'containers', equals: 6})).toEqual({ok: true, message: 'there are 6 containers (rn1, rn2, f1, todo1 and 2 more)'});
		expect(check({kind: 'count', of: 'volumes', equals: 1, filter: {name: 'todo-list'}})).toEqual({ok: true, message: 'there is 1 volume named todo-list'});
		expect(check({kind: 'count', of: 'volumes', equals: 2, filter: {anonymous: true}}).ok).toBe(true);
		expect(check({kind: 'count', of: 'images', atLeast: 1, filter: {image: 'diamol/ch06-todo-list'}}).ok).toBe(true);
	});

	it('fail with how many there are', () => {
		expect(check({kind: 'count', of: 'containers', equals: 2, filter: {state: 'running'}}).message).toBe(
			'there should be 2 running containers, but there are 3 (todo1, todo2, cfg)',
		);
		expect(check({kind: 'count', of: 'containers', atLeast: 3, filter: {image: 'diamol/ch06-random-number'}}).message).toBe(
			'there should be at least 3 containers from diamol/ch06-random-number, but there are 2 (rn1, rn2)',
		);
		expect(check({kind: 'count', of: 'volumes', atMost: 0, filter: {anonymous: false}}).message).toBe('there should be at most 0 named volumes, but there is 1 (todo-list)');
		expect(check({kind: 'count', of: 'images', atLeast: 1, atMost: 1, filter: {image: 'diamol/ch06-lab'}}).message).toBe(
			'there should be 1 image named diamol/ch06-lab, but there are 0',
		);
		expect(check({kind: 'count', of: 'volumes', atLeast: 4, atMost: 5}).message).toMatch(
			/^there should be between 4 and 5 volumes, but there are 3 \(todo-list, [0-9a-f]{12}, [0-9a-f]{12}\)$/,
		);
	});
});

describe('output checks', () => {
	it('match the last output, line by line', () => {
		expect(check({kind: 'output', matches: '^CONTAINER ID'})).toEqual({
			ok: true,
			message: 'the last output has a line starting with “CONTAINER ID” ("CONTAINER ID   IMAGE                       COMMAND       …")',
		});
		expect(check({kind: 'output', matches: 'rn1$'}).ok).toBe(true);
		expect(check({kind: 'output', contains: 'rn9'}).message).toBe(
			'the last output should contain "rn9", but it was "CONTAINER ID   IMAGE                       COMMAND       …" and 6 more lines',
		);
		expect(check({kind: 'output', contains: 'Exited (0)', not: true}).message).toMatch(/^the last output should not contain "Exited \(0\)", but it does \("/);
		expect(check({kind: 'output', matches: '^nope$', not: true})).toEqual({ok: true, message: 'the last output does not have a line that is exactly “nope”'});
	});

	it('treat CRLF as LF and say when there was no output', () => {
		expect(evaluateCheck(world, {kind: 'output', matches: '^HTTP/1.1 200 OK$'}, 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n').ok).toBe(true);
		expect(evaluateCheck(world, {kind: 'output', contains: 'x'}, '').message).toBe('the last output should contain "x", but it was empty');
	});
});

describe('steps and descriptions', () => {
	it('evaluate every check of a step, in order', () => {
		const {scenario} = parseScenario(
			'/virtual/step.yaml',
			`id: s
title: S
summary: S
steps:
  - id: run
    title: Run
    text: Run.
    checks:
      - container: rn1
        state: exited
      - file: /random/number.txt
        in: {container: rn1}
        origin: rw
      - output: {contains: nothing-like-this}
    solution: [docker container run --name rn1 diamol/ch06-random-number]
`,
		);
		const results = evaluateStep(world, scenario.steps[0]!, last);
		expect(results.map(result => result.ok)).toEqual([true, true, false]);
		expect(stepPasses(results)).toBe(false);
		expect(stepPasses(results.slice(0, 2))).toBe(true);
		expect(stepPasses([])).toBe(false);
	});

	it('describe what each check asks, without a world', () => {
		expect(describeCheck({kind: 'container', name: 'rn1', exists: true, state: 'exited', exitCode: 0})).toBe('container rn1 is exited with code 0');
		expect(describeCheck({kind: 'container', name: 'todo-v2', exists: true, image: 'diamol/ch06-todo-list:v2'})).toBe('container todo-v2 runs diamol/ch06-todo-list:v2');
		expect(describeCheck({kind: 'container', name: 'f1', exists: false})).toBe('no container f1');
		expect(describeCheck({kind: 'file', place: {container: 'f1'}, path: '/input.txt', exists: true, origin: 'rw', hides: 'image'})).toBe(
			'/input.txt in f1 should come from the writable layer and hide a copy from an image layer',
		);
		expect(describeCheck({kind: 'file', place: {volume: 'todo-list'}, path: '/todo-list.db', exists: true})).toBe('/todo-list.db in volume todo-list should exist');
		expect(describeCheck({kind: 'mount', container: 'todo-configured', type: 'bind', target: '/app/config', readonly: true})).toBe(
			'container todo-configured has a read-only bind mount at /app/config',
		);
		expect(describeCheck({kind: 'count', of: 'volumes', equals: 2, filter: {anonymous: true}})).toBe('2 anonymous volumes');
		expect(describeCheck({kind: 'output', matches: '^todo-list\\.db$'})).toBe('the last output has a line that is exactly “todo-list.db”');
		expect(describeCheck({kind: 'output', contains: 'abc', not: true})).toBe('the last output does not contain "abc"');
	});

	it('never change the world', () => {
		const before = JSON.stringify(world);
		check({kind: 'file', place: {container: 'f1'}, path: '/input.txt', exists: true, origin: 'rw'});
		check({kind: 'mount', container: 'cfg', type: 'bind', target: '/app/config'});
		check({kind: 'count', of: 'images', atLeast: 1});
		expect(JSON.stringify(world)).toBe(before);
	});
});

describe('YAML checks become Check values', () => {
	it('maps every kind, resolving host paths against the starting directory', () => {
		const {scenario} = parseScenario(
			'/virtual/map.yaml',
			`id: map
title: Map
summary: Map
steps:
  - id: all
    title: All
    text: All kinds.
    checks:
      - container: rn1
        state: exited
        exitCode: 0
      - container: {image: diamol/ch06-lab, latest: true}
        exists: false
        guard: true
      - file: number1.txt
        in: host
        matches: "^[0-9]+$"
      - file: /todo-list.db
        in: {volume: todo-list}
      - file: /input.txt
        in: {container: rn1}
        origin: rw
        hides: image
      - mount: {container: todo-configured, type: bind, target: /app/config/, readonly: true, source: ch06/exercises/todo-list/config}
      - count: volumes
        equals: 2
        anonymous: true
      - output: {matches: "^todo-list.db$"}
    solution:
      - docker volume create todo-list
      - docker container run --name rn1 diamol/ch06-random-number
      - docker container run --name todo-configured -d diamol/ch06-todo-list
`,
		);
		expect(scenario.steps[0]!.checks).toEqual([
			{kind: 'container', name: 'rn1', exists: true, state: 'exited', exitCode: 0},
			{kind: 'container', name: 'the newest diamol/ch06-lab container', exists: false, select: {image: 'diamol/ch06-lab', latest: true}, guard: true},
			{kind: 'file', place: {host: true}, path: '/home/student/diamol/number1.txt', exists: true, matches: '^[0-9]+$'},
			{kind: 'file', place: {volume: 'todo-list'}, path: '/todo-list.db', exists: true},
			{kind: 'file', place: {container: 'rn1'}, path: '/input.txt', exists: true, origin: 'rw', hides: 'image'},
			{kind: 'mount', container: 'todo-configured', type: 'bind', target: '/app/config', readonly: true, source: '/home/student/diamol/ch06/exercises/todo-list/config'},
			{kind: 'count', of: 'volumes', equals: 2, filter: {anonymous: true}},
			{kind: 'output', matches: '^todo-list.db$'},
		]);
		expect(scenario.steps[0]!.commands).toEqual([]);
		expect(scenario.steps[0]!.hints).toEqual([]);
		expect(scenario.world).toEqual({seed: 1, pulled: [], hostFiles: {}, cwd: '/home/student/diamol', setup: []});
		expect(scenario.languages).toEqual(['en']);
	});
});

describe('checks in words', () => {
	it('says what a regular expression asks for, and shows the expression only when it cannot', async () => {
		const {regexPhrase} = await import('../../source/scenario/checks/checks.js');
		expect(regexPhrase('Exited \\(0\\).*rn1$')).toBe('a line with “Exited (0)” … “rn1” at its end');
		expect(regexPhrase('^1\\|')).toBe('a line starting with “1|”');
		expect(regexPhrase('^[0-9]+$')).toBe('a line that is exactly a number');
		expect(regexPhrase('^local +[0-9a-f]{64}$')).toBe('a line that is exactly “local”, spaces, an id of 64 hex digits');
		expect(regexPhrase('^abc\\.txt\\ndef\\.txt$')).toBe('the lines “abc.txt”, then “def.txt”');
		expect(regexPhrase('(a|b)')).toBe('text matching /(a|b)/');
	});

	it('no lesson shows a raw regular expression to the learner', async () => {
		const {builtinScenarios, describeCheck} = await import('../../source/scenario/index.js');
		const scenarios = builtinScenarios();
		const raw = scenarios.flatMap(scenario => scenario.steps.flatMap(step => step.checks.map(describeCheck))).filter(text => text.includes('matching /'));
		expect(raw).toEqual([]);
	});
});

describe('checks in Korean', () => {
	it('says what was expected and what the world holds, in Korean', () => {
		const ko = (c: Check) => evaluateCheck(world, c, last, 'ko').message;
		expect(ko({kind: 'container', name: 'rn1', exists: true})).toBe('rn1 컨테이너: 종료된 상태(종료 코드 0), diamol/ch06-random-number 이미지');
		expect(ko({kind: 'container', name: 'todo1', exists: true, state: 'exited'})).toBe('todo1 컨테이너: 종료된 상태여야 하는데, 지금은 실행 중이다');
		expect(ko({kind: 'container', name: 'rn1', exists: true, state: 'exited', exitCode: 1})).toBe('rn1 컨테이너: 종료 코드 1인 종료 상태여야 하는데, 지금은 종료 코드가 0이다');
		expect(ko({kind: 'file', place: {container: 'f1'}, path: '/input.txt', exists: true, origin: 'rw', hides: 'image'})).toBe(
			'f1의 /input.txt: 기록 가능 레이어에서 왔다 (이미지 레이어 3의 사본을 가린다)',
		);
		expect(ko({kind: 'file', place: {container: 'rn1'}, path: '/random/number.txt', exists: true, matches: '^1\\|'})).toMatch(
			/^rn1의 \/random\/number\.txt: 맨 앞이 “1\|”인 줄이 있어야 하는데, 실제 내용은 "\d+\\n"이다$/,
		);
		expect(ko({kind: 'mount', container: 'todo1', type: 'volume', target: '/data', readonly: true})).toBe(
			'todo1 컨테이너: /data에 읽기 전용 볼륨 마운트가 있어야 하는데, 지금은 읽기-쓰기로 마운트되어 있다',
		);
		expect(ko({kind: 'count', of: 'containers', equals: 2, filter: {state: 'running'}})).toBe('실행 중인 컨테이너: 2개 있어야 하는데, 지금은 3개다 (todo1, todo2, cfg)');
		expect(ko({kind: 'output', contains: 'hello'})).toMatch(/^마지막 출력에 "hello" 문자열이 있어야 하는데, 실제 출력은 "CONTAINER ID .*" 외 6줄$/);
	});

	it('leaves no English word in any lesson check, before or after its solution', async () => {
		const {builtinScenarios} = await import('../../source/scenario/index.js');
		const {scenarioWorld} = await import('../../source/scenario/catalog/scenario-world.js');
		// Words of the lab's English phrasing; names, paths, images and quoted text are the world's and stay.
		const english =
			/\b(should|but|there|is|are|the|container|containers|volume|volumes|image|layer|writable|exists?|from|with|line|lines|output|mount|read|only|named|anonymous|running|exited|created|hides?|copy|folder|empty|contains?|matching|number|spaces|code|not|has|have)\b/;
		const leftovers: string[] = [];
		for (const scenario of builtinScenarios()) {
			const scenarioWorldNow = scenarioWorld(scenario, {});
			let output = '';
			for (const step of scenario.steps) {
				const said = () => evaluateStep(scenarioWorldNow, step, output, 'ko').map(result => result.message.replace(/\(".*"\)|"(?:[^"\\]|\\.)*"|“[^”]*”|\S*[/.:]\S*/g, ''));
				const before = said();
				for (const line of step.solution)
					output = runLine(scenarioWorldNow, line)
						.output.map(chunk => chunk.text)
						.join('');
				for (const message of [...before, ...said()]) if (english.test(message)) leftovers.push(`${scenario.id}/${step.id}: ${message}`);
			}
		}
		expect(leftovers).toEqual([]);
	});
});
