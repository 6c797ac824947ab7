import {describe, expect, it} from 'vitest';
import {setAutoFreeze} from 'immer';
import {
	answerPrediction,
	awaitingPrediction,
	createLab,
	gotoStep,
	redo,
	resetStep,
	resumeLab,
	revealHint,
	runCommand,
	savedState,
	undo,
	type LabModel,
} from '../../source/lab/model/lab.js';
import {diffWorlds, isEmpty, summarize} from '../../source/lab/model/changes.js';
import {evaluate, freshWorld, testScenario} from './helpers/fixtures.js';

// Keep immer's freezing on in tests: a UI that mutated the world would throw here.
setAutoFreeze(true);

const context = {evaluate, columns: 80};
const RN1 = 'docker container run --name rn1 diamol/ch06-random-number';
const RN2 = 'docker container run --name rn2 diamol/ch06-random-number';

function lab(): LabModel {
	return createLab(testScenario(), freshWorld(), context);
}

function run(model: LabModel, ...lines: string[]): LabModel {
	return lines.reduce((current, line) => runCommand(current, line, context), model);
}

describe('lab model', () => {
	it('runs lines against the world and records what changed', () => {
		const model = run(lab(), RN1);
		const rn1 = Object.values(model.world.containers).find(container => container.name === 'rn1')!;
		expect(rn1.status).toBe('exited');
		expect(model.changes.containersAdded.has(rn1.id)).toBe(true);
		expect([...model.changes.writable.get(rn1.id)!]).toContain('/random/number.txt');
		expect(model.changes.imagesAdded.size).toBe(1);
		expect(model.terminal.at(-1)).toMatchObject({kind: 'command', line: RN1});
		expect(summarize(model.changes, model.previous, model.world)).toContain('+ container rn1');
	});

	it('completes a step when every check passes, once, with a note in the terminal', () => {
		const first = run(lab(), RN1);
		expect(first.completed).toEqual([]);
		expect(first.checks.filter(check => check.ok)).toHaveLength(2);
		const done = run(first, RN2);
		expect(done.completed).toEqual(['rn']);
		expect(done.celebrate).toBe(true);
		expect(done.terminal.at(-1)).toMatchObject({kind: 'note', tone: 'ok'});
		const again = run(done, 'docker container ls');
		expect(again.completed).toEqual(['rn']);
		expect(again.celebrate).toBe(false);
	});

	it('undoes and redoes the whole world exactly', () => {
		const start = lab();
		const one = run(start, RN1);
		const two = run(one, RN2);
		const back = undo(two, context);
		expect(JSON.stringify(back.world)).toBe(JSON.stringify(one.world));
		expect(back.position).toBe(1);
		expect(back.changes.containersRemoved.map(gone => gone.name)).toEqual(['rn2']);
		const all = undo(back, context);
		expect(JSON.stringify(all.world)).toBe(JSON.stringify(start.world));
		expect(undo(all, context).terminal.at(-1)).toMatchObject({kind: 'note', tone: 'warn'});
		const forward = redo(redo(all, context), context);
		expect(JSON.stringify(forward.world)).toBe(JSON.stringify(two.world));
		// A new command after an undo drops what could have been redone.
		const branched = run(undo(forward, context), 'docker volume create v1');
		expect(branched.history.map(entry => entry.line)).toEqual([RN1, 'docker volume create v1']);
		expect(redo(branched, context).terminal.at(-1)).toMatchObject({text: 'Nothing to redo.'});
	});

	it('resets a step to the world it started with', () => {
		const step1 = run(lab(), RN1, RN2);
		const step2 = gotoStep(step1, 1, context);
		const predicted = answerPrediction(step2, 1);
		const worked = run(predicted, 'docker container cp rn1:/random/number.txt number1.txt', 'docker container rm rn2');
		const reset = resetStep(worked, context);
		expect(JSON.stringify(reset.world)).toBe(JSON.stringify(step1.world));
		expect(reset.position).toBe(2);
		expect(reset.changes.containersAdded.size).toBe(1);
	});

	it('holds commands until the prediction is answered, and scores it', () => {
		const atPredict = gotoStep(run(lab(), RN1, RN2), 1, context);
		expect(awaitingPrediction(atPredict)).toBe(true);
		const refused = run(atPredict, 'docker container ls');
		expect(refused.position).toBe(atPredict.position);
		expect(refused.terminal.at(-1)).toMatchObject({kind: 'note', tone: 'warn'});
		const wrong = answerPrediction(atPredict, 0);
		expect(wrong.predictions.predict).toEqual({choice: 0, correct: false});
		expect(answerPrediction(wrong, 1)).toBe(wrong);
		expect(run(wrong, 'docker container ls').position).toBe(atPredict.position + 1);
	});

	it('reveals hints one at a time', () => {
		const one = revealHint(lab());
		expect(one.hints.rn).toBe(1);
		const two = revealHint(one);
		expect(two.hints.rn).toBe(2);
		expect(revealHint(two).terminal.at(-1)).toMatchObject({kind: 'note'});
	});

	it('resumes from saved progress by replaying the lines (undo still reaches the start)', () => {
		const worked = gotoStep(run(lab(), RN1, RN2), 1, context);
		const saved = savedState(worked);
		expect(saved.lines).toEqual([RN1, RN2]);
		const resumed = resumeLab(testScenario(), freshWorld(), saved, context);
		expect(JSON.stringify(resumed.world)).toBe(JSON.stringify(worked.world));
		expect(resumed.step).toBe(1);
		expect(resumed.completed).toEqual(['rn']);
		expect(resumed.typed).toEqual([RN1, RN2]);
		expect(undo(undo(resumed, context), context).position).toBe(0);
	});

	it('keeps the world unchanged when a line makes the engine throw', () => {
		const model = lab();
		const broken = runCommand(model, RN1, {evaluate, columns: 80});
		expect(broken.position).toBe(1);
		const failing = runCommand(model, RN1, {
			evaluate: () => {
				throw new Error('boom');
			},
			columns: 80,
		});
		expect(failing.checks[0]).toMatchObject({ok: false});
	});
});

describe('changes', () => {
	it('is empty between identical worlds and finds removed volumes', () => {
		const world = freshWorld();
		expect(isEmpty(diffWorlds(world, world))).toBe(true);
		const withVolume = run(lab(), 'docker volume create data');
		const removed = run(withVolume, 'docker volume rm data');
		expect(removed.changes.volumesRemoved).toEqual([{name: 'data', anonymous: false}]);
		expect(withVolume.changes.volumesAdded.has('data')).toBe(true);
	});

	it('finds volumes named like members every object has (constructor, toString)', () => {
		const added = run(lab(), 'docker volume create constructor', 'docker volume create toString');
		expect(run(lab(), 'docker volume create constructor').changes.volumesAdded).toEqual(new Set(['constructor']));
		expect(added.changes.volumesAdded).toEqual(new Set(['toString']));
		expect(run(added, 'docker volume rm constructor toString').changes.volumesRemoved).toEqual([
			{name: 'constructor', anonymous: false},
			{name: 'toString', anonymous: false},
		]);
	});
});
