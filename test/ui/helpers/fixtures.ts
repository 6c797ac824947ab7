/**
 * A small scenario and an in-memory LabApi for the UI tests (the real scenario loader is not needed:
 * these tests are about the screen). The world is the learner's default one.
 */
import {defaultWorld} from '../../../source/scenario/catalog/default-world.js';
import {findContainer, lookupIn, type World} from '../../../source/engine/index.js';
import type {Check, CheckResult, Scenario, Step} from '../../../source/scenario/types.js';
import type {LabApi} from '../../../source/lab/api.js';
import {createLab, resumeLab, savedState, type LabModel, type SavedLab} from '../../../source/lab/model/lab.js';
import {loadRunner} from '../../../source/lab/model/runner.js';

// The lab loads the shell and docker CLI after its first frame; tests have them from the start.
await loadRunner();

/** The two lines that solve RN_STEP. */
export const RN1 = 'docker container run --name rn1 diamol/ch06-random-number';
export const RN2 = 'docker container run --name rn2 diamol/ch06-random-number';

export const RN_STEP: Step = {
	id: 'rn',
	title: 'Two containers, two writable layers',
	text: 'Run **two** containers from `diamol/ch06-random-number`:\n\n- `rn1`\n- `rn2`\n\nEach writes a random number to `/random/number.txt` in *its own* writable layer.',
	commands: [RN1, RN2],
	checks: [
		{kind: 'container', name: 'rn1', exists: true, state: 'exited'},
		{kind: 'container', name: 'rn2', exists: true, state: 'exited'},
		{kind: 'file', place: {container: 'rn1'}, path: '/random/number.txt', exists: true, origin: 'rw'},
	],
	hints: ['Use `--name rn1` to name the container.', 'The image is `diamol/ch06-random-number`.'],
	solution: [RN1, RN2],
};

export const PREDICT_STEP: Step = {
	id: 'predict',
	title: 'Where does the file come from?',
	text: 'Think before you run `docker container cp`.',
	commands: ['docker container cp rn1:/random/number.txt number1.txt'],
	checks: [{kind: 'file', place: {host: true}, path: '/home/student/diamol/number1.txt', exists: true}],
	hints: [],
	solution: ['docker container cp rn1:/random/number.txt number1.txt'],
	predict: {
		question: 'Where does `/random/number.txt` in rn1 come from?',
		choices: [
			{label: 'An image layer', correct: false},
			{label: "rn1's writable layer", correct: true},
			{label: 'A volume', correct: false},
		],
		explain: 'The container wrote it, so it lives in the writable layer.',
		reveal: {place: {container: 'rn1'}, path: '/random/number.txt'},
	},
};

export function testScenario(overrides: Partial<Scenario> = {}): Scenario {
	return {
		id: 'test-rn',
		title: 'The writable layer',
		summary: 'Containers write to their **own** layer.',
		file: '/dev/null',
		images: ['diamol/ch06-random-number'],
		world: {seed: 1, pulled: [], hostFiles: {}, cwd: '/home/student/diamol', setup: []},
		steps: [RN_STEP, PREDICT_STEP],
		...overrides,
	};
}

/** Enough of the real checks for these tests. */
export function evaluate(world: World, step: Step, lastOutput: string): CheckResult[] {
	return step.checks.map(check => evaluateOne(world, check, lastOutput));
}

function evaluateOne(world: World, check: Check, lastOutput: string): CheckResult {
	switch (check.kind) {
		case 'container': {
			const container = findContainer(world, check.name);
			const ok = check.exists ? Boolean(container && (!check.state || container.status === check.state)) : !container;
			return {ok, message: `container ${check.name} ${check.state ?? 'exists'} (now: ${container?.status ?? 'missing'})`};
		}
		case 'file': {
			if ('host' in check.place) {
				const ok = Boolean(world.host.files[check.path]) === check.exists;
				return {ok, message: `${check.path} on the host`};
			}
			if ('container' in check.place) {
				const container = findContainer(world, check.place.container);
				const found = container ? lookupIn(world, container, check.path) : undefined;
				const ok = Boolean(found) === check.exists && (!check.origin || found?.origin.kind === check.origin);
				return {ok, message: `${check.path} in ${check.place.container}${check.origin ? ` from ${check.origin}` : ''}`};
			}
			return {ok: false, message: 'volume checks are not in the fake'};
		}
		case 'output':
			return {ok: check.contains ? lastOutput.includes(check.contains) : true, message: 'output'};
		default:
			return {ok: false, message: check.kind};
	}
}

let baseWorld: World | undefined;
/**
 * One cycle of a long lab session: it leaves the world as it found it (the container is removed), so
 * every batch of whole cycles does the same work. test/ui/long-session.test.ts counts it; bench/session.ts times it.
 */
export const SESSION_CYCLE = [
	'docker container run --name rn1 diamol/ch06-random-number',
	'docker container diff rn1',
	'docker container cp rn1:/random/number.txt number1.txt',
	'docker container ls -a',
	'docker container rm rn1',
	'docker volume ls',
];

export function freshWorld(): World {
	baseWorld ??= defaultWorld({seed: 1});
	return structuredClone(baseWorld);
}

export interface FakeApi extends LabApi {
	saved: Map<string, SavedLab>;
	saves: number;
}

export function fakeApi(scenarios: Scenario[] = [testScenario()]): FakeApi {
	const api: FakeApi = {
		saved: new Map(),
		saves: 0,
		scenarios: () => scenarios,
		evaluate,
		async open(scenario, columns): Promise<LabModel> {
			const saved = api.saved.get(scenario.id);
			const context = {evaluate, columns};
			return saved ? resumeLab(scenario, freshWorld(), saved, context) : createLab(scenario, freshWorld(), context);
		},
		save(lab) {
			api.saves++;
			api.saved.set(lab.scenario.id, savedState(lab));
		},
		progress(scenario) {
			const saved = api.saved.get(scenario.id);
			return saved ? {done: saved.completed.length, current: saved.step, started: true} : undefined;
		},
	};
	return api;
}
