/** `docker image build`: the Dockerfile reader, the legacy builder's cache and layers, the CLI's context. */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {findImage} from '../../source/engine/images.js';
import {parseDockerfile, processWords, keyValues, DockerfileError} from '../../source/engine/dockerfile.js';
import {contextTarSize, ignoreMatcher, isLegacyBuild} from '../../source/docker/commands/build.js';
import type {World} from '../../source/engine/world.js';
import {TEN_INSTRUCTIONS, writeDockerfileLine} from '../helpers/dockerfiles.js';

function session(world: World = defaultWorld({seed: 3})) {
	const run = (line: string) =>
		runLine(world, line, {columns: 400, tty: true})
			.output.map(chunk => chunk.text)
			.join('');
	return {world, run};
}

describe('the Dockerfile reader', () => {
	it('joins continuation lines, skips comments and blank lines, and keeps each instruction’s line', () => {
		const instructions = parseDockerfile('# comment\nFROM alpine:3.9 AS base\n\nRUN echo a \\\n  # inside\n  && echo b\ncmd ["sh", "-c", "x"]\n');
		expect(instructions.map(i => [i.keyword, i.line])).toEqual([
			['FROM', 2],
			['RUN', 4],
			['CMD', 7],
		]);
		expect(instructions[1]!.rest).toBe('echo a   && echo b');
		expect(instructions[2]!.json).toEqual(['sh', '-c', 'x']);
		expect(instructions[2]!.original).toBe('cmd ["sh", "-c", "x"]');
	});

	it('reads --flags before the arguments and refuses an unknown instruction with its line', () => {
		const [copy] = parseDockerfile('COPY --from=builder --chown=1000:1000 /out/ .\n');
		expect(copy!.flags).toEqual({from: 'builder', chown: '1000:1000'});
		expect(copy!.rest).toBe('/out/ .');
		expect(() => parseDockerfile('FROM alpine:3.9\nCOPPY x .\n')).toThrow(new DockerfileError('dockerfile parse error line 2: unknown instruction: COPPY'));
	});

	it('processes words like the builder’s shell lexer: quotes, escapes, $VAR, ${VAR:-default}', () => {
		const env = {WHO: 'you', EMPTY: ''};
		expect(processWords(`"hello $WHO" 'not $WHO' a\\ b \${EMPTY:-dflt} \${WHO:+set}`, env)).toEqual(['hello you', 'not $WHO', 'a b', 'dflt', 'set']);
		expect(keyValues('GREETING="hello $WHO" N=1', env, 'ENV')).toEqual([
			['GREETING', 'hello you'],
			['N', '1'],
		]);
		expect(keyValues('OLD form with spaces', env, 'ENV')).toEqual([['OLD', 'form with spaces']]);
	});
});

describe('the CLI side of a build', () => {
	it('prints the deprecation notice for every spelling of the build command', () => {
		expect(['build', 'image build', 'builder build', '-D build'].map(line => isLegacyBuild(line.split(' ')))).toEqual([true, true, true, true]);
		expect(isLegacyBuild(['image', 'ls'])).toBe(false);
	});

	it('applies .dockerignore patterns in order, with ! re-including', () => {
		const ignored = ignoreMatcher('# logs\n*.log\n!keep.log\ntmp/**\n');
		expect(['a.log', 'keep.log', 'sub/a.log', 'tmp/x/y.txt', 'src/a.txt'].filter(ignored)).toEqual(['a.log', 'tmp/x/y.txt']);
	});

	it('matches patterns without regular expressions, so a pattern of many stars stays fast', () => {
		const ignored = ignoreMatcher('*a*a*a*a*a*a*a*a*a*a*a*a*b\n');
		expect(ignored('a'.repeat(200))).toBe(false);
		expect(ignored('a'.repeat(20) + 'b')).toBe(true);
	});

	it('counts the context as the tar the CLI sends: 512-byte headers and blocks, two zero blocks', () => {
		expect(contextTarSize({'/Dockerfile': {kind: 'file', mode: 0o644, content: 'FROM alpine:3.9\n'}})).toBe(2048);
		expect(contextTarSize({'/d': {kind: 'dir', mode: 0o755}, '/d/big': {kind: 'file', mode: 0o644, content: 'x'.repeat(513)}})).toBe(1024 + 512 + 512 + 1024);
	});
});

describe('docker image build', () => {
	it('builds the book’s random-number Dockerfile into the catalog image’s layers', () => {
		const {world, run} = session();
		expect(run('docker image build -t rn ch06/exercises/random-number')).toContain('Successfully tagged rn:latest\n');
		const built = findImage(world, 'rn')!;
		run('docker image pull diamol/ch06-random-number');
		const catalog = findImage(world, 'diamol/ch06-random-number')!;
		expect(built.layers).toEqual(catalog.layers);
		expect(built.config.cmd).toEqual(catalog.config.cmd);
		expect(built.config.workingDir).toBe('/random');
		expect(built.id).not.toBe(catalog.id);
	});

	it('builds the to-do app in two stages: the app stage copies what the SDK stage published', () => {
		const {world, run} = session();
		const output = run('cd ch06/exercises/todo-list && docker image build -t todo .');
		expect(output).toContain('Step 12/12 : COPY --from=builder /out/ .');
		expect(output).toContain('  ToDoList -> /out/\n');
		run('docker image pull diamol/ch06-todo-list');
		expect(findImage(world, 'todo')!.layers).toEqual(findImage(world, 'diamol/ch06-todo-list')!.layers);
	});

	it('uses the cache until a copied file changes, then rebuilds that step and every later one', () => {
		const {world, run} = session();
		run('docker build -t rn ch06/exercises/random-number');
		run('docker build -t rn ch06/exercises/random-number');
		expect(world.lastBuild!.steps.map(step => step.cached)).toEqual([true, true, true, true, true]);
		run("echo 'echo changed' >> ch06/exercises/random-number/random.sh");
		run('docker build -t rn ch06/exercises/random-number');
		expect(world.lastBuild!.steps.map(step => step.cached)).toEqual([true, true, false, false, false]);
		run('docker build --no-cache -t rn ch06/exercises/random-number');
		expect(world.lastBuild!.steps.slice(1).some(step => step.cached)).toBe(false);
	});

	it('records each step’s layer and size for the Layers pane; metadata steps make no layer', () => {
		const {world, run} = session();
		run('docker build -t rn ch06/exercises/random-number');
		const steps = world.lastBuild!.steps;
		expect(steps.map(step => [step.text, step.layer !== null, step.size])).toEqual([
			['FROM alpine:3.9', false, 0],
			['WORKDIR /random', true, 0],
			['COPY random.sh .', true, 37],
			['RUN chmod +x random.sh', true, 37],
			['CMD ./random.sh', false, 0],
		]);
	});

	it('keeps a failed RUN’s container and the steps before it, as the legacy builder does', () => {
		const {world, run} = session();
		run("mkdir t && cd t && echo 'FROM alpine:3.9' > Dockerfile && echo 'WORKDIR /w' >> Dockerfile && echo 'RUN exit 3' >> Dockerfile");
		const output = run('docker build .; echo "exit $?"');
		expect(output).toContain("The command '/bin/sh -c exit 3' returned a non-zero code: 3\nexit 3\n");
		expect(Object.values(world.containers).map(container => [container.status, container.exitCode])).toEqual([['exited', 3]]);
		expect(run('docker image ls -q')).toMatch(/^[0-9a-f]{12}\n/);
	});

	it('deletes an untagged parent chain with the image, stopping at what another image needs', () => {
		const {run} = session();
		run('docker build -t rn ch06/exercises/random-number');
		run("echo 'echo changed' >> ch06/exercises/random-number/random.sh");
		run('docker build -t rn2 ch06/exercises/random-number');
		const deleted = run('docker image rm rn2').match(/^Deleted: /gm) ?? [];
		// CMD image; RUN image + its layer; COPY image + its layer. WORKDIR is rn's too.
		expect(deleted.length).toBe(5);
	});

	it('answers in one line, and leaves no container, when a step cannot write where it is told to', () => {
		const {world, run} = session();
		run("mkdir n && cd n && echo a > a.txt && echo 'FROM alpine:3.9' > Dockerfile && echo 'WORKDIR /bin/sh' >> Dockerfile");
		const output = run('docker build .; echo "exit $?"');
		expect(output).toContain('layerlab: step 2 (WORKDIR) cannot write there: File exists\nexit 1\n');
		expect(output).not.toContain('internal error');
		expect(Object.keys(world.containers)).toEqual([]);
		run("echo 'FROM alpine:3.9' > Dockerfile && echo 'COPY a.txt' >> Dockerfile");
		expect(run('docker build .')).toMatch(
			/Sending build context to Docker daemon {2}3\.072kB\nError response from daemon: dockerfile parse error line 2: COPY requires at least two arguments\n$/,
		);
	});

	it('runs a 10-instruction build in a bounded number of engine steps', () => {
		const {world, run} = session();
		run(writeDockerfileLine('ten', TEN_INSTRUCTIONS));
		const imagesBefore = Object.keys(world.images).length;
		expect(run('docker build -t ten .')).toContain('Successfully tagged ten:latest');
		expect(Object.keys(world.images).length - imagesBefore).toBe(9);
		expect(run('docker run --rm ten')).toBe('1 2\n');
	});
});
