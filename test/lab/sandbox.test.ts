/** The sandbox: offered in the list and by id, a lab with no checks, its own saved progress, resettable. */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {scenarioApi} from '../../source/lab/scenario-api.js';
import {SANDBOX_ID} from '../../source/scenario/sandbox.js';
import {resetStep, runCommand} from '../../source/lab/model/lab.js';
import {loadRunner} from '../../source/lab/model/runner.js';
import {evaluateStep} from '../../source/scenario/index.js';
import {tempDir} from '../helpers/temp.js';

await loadRunner();
const context = {evaluate: evaluateStep, columns: 100};

describe('the sandbox', () => {
	it('is listed last, found by id, opens with no checks, keeps its own progress and resets', async () => {
		const dir = tempDir('layerlab-sandbox-');
		const options = {progressFile: path.join(dir, 'progress.json'), preload: false, cacheFile: false as const, env: {}};
		const api = await scenarioApi(options);
		expect(api.scenarios().at(-1)?.id).toBe(SANDBOX_ID);
		const sandbox = await api.find('sandbox');
		let lab = await api.open(sandbox, 100);
		expect(lab.checks).toEqual([]);
		lab = runCommand(lab, 'docker container run --name rn1 diamol/ch06-random-number', context);
		expect(Object.values(lab.world.containers).map(container => container.name)).toEqual(['rn1']);
		expect(lab.completed).toEqual([]);
		api.save(lab);
		await api.flushed?.();

		const again = await scenarioApi(options);
		expect(again.progress(sandbox)).toMatchObject({started: true});
		const resumed = await again.open(await again.find('sandbox'), 100);
		expect(resumed.history.map(entry => entry.line)).toEqual(['docker container run --name rn1 diamol/ch06-random-number']);
		const reset = resetStep(resumed, context);
		expect(Object.keys(reset.world.containers)).toEqual([]);
	});
});
