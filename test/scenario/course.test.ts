/**
 * The shipped chapter-6 course: valid, in course order, written in English and Korean, and every
 * step proven solvable by `check` (checks fail before the solution, pass after; mistakes fail;
 * predictions agree with the world).
 */
import {describe, expect, it} from 'vitest';
import {builtinScenarios, checkScenario, localize, type Text} from '../../source/scenario/index.js';

const scenarios = builtinScenarios();

function texts(scenario: (typeof scenarios)[number]): Array<{where: string; text: Text}> {
	const list: Array<{where: string; text: Text}> = [
		{where: 'title', text: scenario.title},
		{where: 'summary', text: scenario.summary},
	];
	for (const step of scenario.steps) {
		list.push({where: `${step.id}.title`, text: step.title}, {where: `${step.id}.text`, text: step.text});
		step.hints.forEach((hint, index) => list.push({where: `${step.id}.hints[${index}]`, text: hint}));
		if (step.predict) {
			list.push({where: `${step.id}.predict.question`, text: step.predict.question}, {where: `${step.id}.predict.explain`, text: step.predict.explain});
			step.predict.choices.forEach((choice, index) => list.push({where: `${step.id}.predict.choices[${index}]`, text: choice.label}));
		}
	}
	return list;
}

describe('the chapter-6 course', () => {
	it('has the eight lessons of the chapter, in order, then the extras', () => {
		expect(scenarios.map(scenario => scenario.id)).toEqual([
			'writable-layer',
			'copy-on-write',
			'image-volumes',
			'named-volume',
			'bind-mounts',
			'mount-limits',
			'filesystem-build',
			'lab',
			'image-build',
		]);
		expect(scenarios.map(scenario => localize(scenario.title, 'en').slice(0, 3))).toEqual(['6.1', '6.1', '6.2', '6.2', '6.3', '6.4', '6.5', '6.6', 'Ext']);
	});

	it('is written in English and Korean, every text', () => {
		for (const scenario of scenarios) {
			expect(scenario.languages).toEqual(['en', 'ko']);
			for (const {where, text} of texts(scenario)) {
				expect(typeof text, `${scenario.id} ${where}`).toBe('object');
				const map = text as Record<string, string>;
				expect(map.en?.trim(), `${scenario.id} ${where} (en)`).toBeTruthy();
				expect(map.ko?.trim(), `${scenario.id} ${where} (ko)`).toBeTruthy();
				expect(/[\uac00-\ud7a3]/.test(map.ko ?? ''), `${scenario.id} ${where} has Hangul`).toBe(true);
			}
		}
	});

	it('gives every step a hint, a solution and at least one check that is not a guard', () => {
		for (const scenario of scenarios) {
			for (const step of scenario.steps) {
				expect(step.hints.length, `${scenario.id}/${step.id}`).toBeGreaterThan(0);
				expect(step.solution.length).toBeGreaterThan(0);
				expect(step.checks.some(check => !check.guard)).toBe(true);
			}
		}
	});

	it('asks for a prediction in 6.5, proved against the world', () => {
		const build = scenarios.find(scenario => scenario.id === 'filesystem-build')!;
		const predicted = build.steps.filter(step => step.predict);
		expect(predicted.length).toBeGreaterThanOrEqual(1);
		expect(predicted.some(step => step.predict?.reveal && step.predict.choices.some(choice => choice.origin))).toBe(true);
	});

	it.each(scenarios.map(scenario => [scenario.id, scenario] as const))('%s passes check', (_id, scenario) => {
		const report = checkScenario(scenario);
		const failures = [...report.problems, ...report.steps.flatMap(step => step.problems.map(problem => `${step.id}: ${problem}`))];
		expect(failures).toEqual([]);
		expect(report.ok).toBe(true);
	});
});
