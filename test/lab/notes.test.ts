/** The lab's notes printed by the simulated programs, said in Korean in the Terminal pane. */
import {describe, expect, it} from 'vitest';
import {localizeNote} from '../../source/lab/notes.js';
import {NOT_SIMULATED, notSimulatedLine} from '../../source/engine/index.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';

const notes = (text: string) => text.split('\n').filter(line => line.startsWith('layerlab: '));

describe('notes in the learner language', () => {
	it('says every "not simulated" line for a program in Korean, with what to use instead', () => {
		for (const name of Object.keys(NOT_SIMULATED)) {
			for (const where of ['host', 'container'] as const) {
				const line = notSimulatedLine(name, where).trimEnd();
				const ko = localizeNote(line, 'ko');
				expect(ko, `${name} (${where})`).toMatch(/^layerlab: `\S+` 명령은 이 실습에서 시뮬레이션하지 않는다\. \S/);
				expect(ko, `${name} (${where})`).not.toMatch(/is not simulated|images come|use |write files|the lab|containers in|leave with/);
			}
		}
		expect(localizeNote(notSimulatedLine('sudo').trimEnd(), 'ko')).toBe('layerlab: `sudo` 명령은 이 실습에서 시뮬레이션하지 않는다. 실습은 이미 모든 명령을 내 사용자로 실행한다.');
		expect(localizeNote(notSimulatedLine('sudo', 'container').trimEnd(), 'ko')).toBe(
			'layerlab: `sudo` 명령은 이 실습에서 시뮬레이션하지 않는다. 실습의 컨테이너는 이미 root로 실행된다.',
		);
	});

	it('says the docker CLI notes in Korean: did you mean, not simulated here, keeps running', () => {
		const world = defaultWorld({seed: 1});
		const lines = [
			'docker contianer ls',
			'docker checkpoint ls',
			...['compose up', 'stack ls', 'swarm init', 'service ls', 'node ls', 'secret ls', 'config ls', 'buildx ls', 'builder ls', 'login', 'logout', 'push x', 'image push x'].map(
				line => `docker ${line}`,
			),
			...['search x', 'context ls', 'plugin ls', 'trust inspect x', 'manifest inspect x', 'scout quickview', 'image import x'].map(line => `docker ${line}`),
		];
		for (const line of lines) {
			const said = notes(
				runLine(world, line)
					.output.map(chunk => chunk.text)
					.join(''),
			);
			expect(said.length, line).toBeGreaterThan(0);
			for (const note of said) {
				const ko = localizeNote(note, 'ko');
				expect(ko, line).toMatch(/[\uac00-\ud7a3]/);
				expect(ko, line).not.toMatch(/did you mean|is not simulated|The lab simulates|start each|the lab /);
			}
		}
		expect(localizeNote('layerlab: did you mean `docker container ls`?', 'ko')).toBe('layerlab: 혹시 `docker container ls` 명령을 말한 걸까?');
		expect(localizeNote('layerlab: did you mean `docker container ls`?', 'en')).toBe('layerlab: did you mean `docker container ls`?');
		expect(localizeNote('plain output', 'ko')).toBe('plain output');
	});

	it('follows Docker\'s "manifest unknown" with one note naming the tags the lab has (run and pull), in either language', () => {
		const world = defaultWorld({seed: 1});
		for (const line of ['docker run -it alpine sh', 'docker image pull alpine']) {
			const text = runLine(world, line)
				.output.map(chunk => chunk.text)
				.join('');
			expect(text, line).toContain('manifest for alpine:latest not found: manifest unknown');
			expect(notes(text), line).toEqual(['layerlab: the lab has alpine:3.9 (not alpine:latest).']);
			expect(localizeNote(notes(text)[0]!, 'ko')).toBe('layerlab: 실습에는 alpine:latest가 없고 alpine:3.9가 있다.');
		}
	});
});

describe('build, stats and terminal notes in the learner language', () => {
	const said = (world: ReturnType<typeof defaultWorld>, line: string) =>
		notes(
			runLine(world, line)
				.output.map(chunk => chunk.text)
				.join(''),
		);
	const ENGLISH =
		/\b(is not simulated|the lab|cannot write|what you type|a real terminal|has a terminal|attached to|gives the host|ends the attach|passes SIGINT|without -i|not from stdin)\b/;

	it('says every note a build, docker stats and a terminal without input print in Korean, leaving no English sentence', () => {
		const world = defaultWorld({seed: 1});
		const lines: Array<[string, number]> = [
			["mkdir -p a b && printf 'FROM alpine:3.9\\nONBUILD RUN true\\n' > a/Dockerfile && printf 'FROM alpine:3.9\\nRUN touch /f\\nWORKDIR /f\\n' > b/Dockerfile", 0],
			['docker build -t x a', 1],
			['docker build -t y b', 1],
			['docker build -t z - < a/Dockerfile', 1],
			['docker stats', 1],
			['docker run -t --name held alpine:3.9 sh', 1],
		];
		const all: string[] = [];
		for (const [line, count] of lines) {
			const found = said(world, line);
			expect(found.length, line).toBe(count);
			all.push(...found);
		}
		for (const note of all) {
			const ko = localizeNote(note, 'ko');
			expect(ko, note).toMatch(/[\uac00-\ud7a3]/);
			expect(ko, note).not.toMatch(ENGLISH);
			expect(localizeNote(note, 'en')).toBe(note);
		}
		expect(localizeNote(all[1]!, 'ko')).toBe('layerlab: 3단계(WORKDIR)는 그 자리에 쓸 수 없다: File exists');
	});

	it('says each way a terminal can be held without input in Korean', () => {
		const cases = [
			'layerlab: web has a terminal but not your input (-t without -i): what you type reaches nothing; Ctrl+C gives the host prompt back.',
			'layerlab: web has a terminal but not your input (-t without -i): what you type reaches nothing; Ctrl+C three times gives the host prompt back (docker run passes the first two to the container).',
			'layerlab: web has a terminal but not your input (--no-stdin): what you type reaches nothing; Ctrl+C three times ends the attach.',
			'layerlab: web has a terminal but not your input (it was started without -i): what you type reaches nothing; Ctrl+C three times ends the attach.',
			"layerlab: attached to web's output; what you type reaches nothing; Ctrl+C passes SIGINT on to it (it stops) and ends the attach.",
			"layerlab: attached to web's output; what you type reaches nothing; Ctrl+C three times ends the attach (it keeps running).",
		];
		for (const note of cases) {
			const ko = localizeNote(note, 'ko');
			expect(ko, note).toMatch(/^layerlab: web /);
			expect(ko, note).not.toMatch(ENGLISH);
		}
	});
});
