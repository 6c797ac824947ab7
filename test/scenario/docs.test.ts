/** docs/SCENARIOS.md: its complete example validates and passes check, and every check kind is documented. */
import {tempDir} from '../helpers/temp.js';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkScenario, loadScenarioFile} from '../../source/scenario/index.js';
import {CHECK_KINDS} from '../../source/scenario/load/schema.js';

const doc = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'docs', 'SCENARIOS.md'), 'utf8');

function example(): string {
	const section = doc.slice(doc.indexOf('## A complete example'));
	const match = /```yaml\n([\s\S]*?)```/.exec(section);
	if (!match) throw new Error('no example in docs/SCENARIOS.md');
	return match[1]!;
}

describe('docs/SCENARIOS.md', () => {
	it('has a complete example that validates and passes check', () => {
		const file = path.join(tempDir('layerlab-docs-'), 'volume.yaml');
		writeFileSync(file, example());
		const scenario = loadScenarioFile(file);
		expect(scenario.steps.map(step => step.id)).toEqual(['write', 'remove']);
		const report = checkScenario(scenario);
		expect([...report.problems, ...report.steps.flatMap(step => step.problems)]).toEqual([]);
		expect(report.ok).toBe(true);
	});

	it('documents every check kind', () => {
		for (const kind of CHECK_KINDS) expect(doc).toContain(`### ${kind}`);
	});
});
