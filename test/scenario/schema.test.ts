/**
 * The JSON Schema shipped for editors (scenarios/scenario.schema.json) is generated from the zod
 * schema (`npm run gen`; test/scripts/generated.test.ts proves the shipped copy is current).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {scenarioJsonSchema} from '../../source/scenario/load/schema.js';
import {builtinScenariosDir} from '../../source/scenario/load/paths.js';

describe('scenarios/scenario.schema.json', () => {
	it('describes the format: draft 2020-12, strict maps, every check kind', () => {
		const schema = scenarioJsonSchema() as {$schema: string; required: string[]; additionalProperties: boolean; $defs: Record<string, {anyOf?: Array<{required?: string[]}>}>};
		expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(schema.required).toEqual(['id', 'title', 'summary', 'steps']);
		expect(schema.additionalProperties).toBe(false);
		const kinds = schema.$defs.check!.anyOf!.map(branch => branch.required?.[0]);
		expect(kinds).toEqual(['container', 'file', 'mount', 'count', 'output']);
	});

	it('is shipped in the package (package.json files lists scenarios/)', () => {
		const pkg = JSON.parse(readFileSync(path.join(builtinScenariosDir(), '..', 'package.json'), 'utf8')) as {files: string[]};
		expect(pkg.files).toContain('scenarios');
	});
});
