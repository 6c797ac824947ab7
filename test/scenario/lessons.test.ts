/**
 * Lessons say what their checks check: a learner who does what the text asks (in their own words)
 * completes the step, one who stops short does not, and a prediction's text never gives its answer.
 */
import {describe, expect, it} from 'vitest';
import {builtinScenarios, evaluateStep, localize, scenarioWorld} from '../../source/scenario/index.js';
import {createLab, runCommand, type LabModel} from '../../source/lab/model/lab.js';
import {loadRunner} from '../../source/lab/model/runner.js';

await loadRunner();
const scenarios = builtinScenarios();
const context = {evaluate: evaluateStep, columns: 100};

/** Runs the solutions of the steps before `step`, then `lines`; returns whether the step completed. */
function completes(id: string, step: number, lines: string[]): boolean {
	const scenario = scenarios.find(entry => entry.id === id)!;
	let lab: LabModel = createLab(scenario, scenarioWorld(scenario), context);
	for (let index = 0; index < step; index++) {
		lab = {...lab, step: index};
		for (const line of scenario.steps[index]!.solution) lab = runCommand(lab, line, context);
	}
	lab = {...lab, step, completed: []};
	for (const line of lines) lab = runCommand(lab, line, context);
	return lab.completed.includes(scenario.steps[step]!.id);
}

describe('lessons whose text and checks agree', () => {
	it('6.1 copy-on-write: any new URL completes "write a new URL", not only the book\'s', () => {
		const lines = (url: string) => [`echo "${url}" > url.txt`, 'docker container cp url.txt f1:/input.txt', 'docker container start --attach f1'];
		expect(completes('copy-on-write', 1, lines('https://example.org'))).toBe(true);
		expect(completes('copy-on-write', 1, lines('http://eltonstoneman.com'))).toBe(true);
		expect(completes('copy-on-write', 1, lines('https://example.org').slice(0, 2))).toBe(false);
	});

	it('6.1 writable layer: "print both" is not done after printing one', () => {
		const copy = ['docker container cp rn1:/random/number.txt number1.txt', 'docker container cp rn2:/random/number.txt number2.txt'];
		expect(completes('writable-layer', 2, [...copy, 'cat number1.txt'])).toBe(false);
		expect(completes('writable-layer', 2, [...copy, 'cat number1.txt number2.txt'])).toBe(true);
	});

	it("no prediction's text above the choices states the right answer", () => {
		for (const scenario of scenarios) {
			for (const step of scenario.steps) {
				if (!step.predict) continue;
				for (const lang of ['en', 'ko']) {
					const text = localize(step.text, lang) + '\n' + localize(step.predict.question, lang);
					const explain = localize(step.predict.explain, lang);
					// The explanation is shown only after the answer: its sentences must not be in the text.
					for (const sentence of explain.split(/(?<=[.!?])\s+/).filter(part => part.length > 30)) {
						expect(text, `${scenario.id}/${step.id} (${lang}) gives away: ${sentence}`).not.toContain(sentence.slice(0, 30));
					}
				}
			}
		}
		const step = scenarios.find(entry => entry.id === 'filesystem-build')!.steps.find(entry => entry.id === 'what-survives')!;
		expect(localize(step.text, 'en')).not.toMatch(/remain|is gone/);
	});
});
