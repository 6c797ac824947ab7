/** Every generated file is current: when this fails, run `npm run gen` and commit the result. */
import {describe, expect, it} from 'vitest';
import {GENERATED, current} from '../../scripts/generated.js';

describe('generated files', () => {
	it.each(GENERATED.map(entry => [entry.file, entry] as const))('%s is what `npm run gen` writes', (_file, entry) => {
		const now = current(entry);
		expect(now).toBe(entry.make(now));
	});

	it('a stale generated part is noticed', () => {
		const readme = GENERATED.find(entry => entry.file === 'README.md')!;
		const now = current(readme);
		const stale = now.replace('<!-- keys:end -->', '| Ctrl+Q | an old row |\n<!-- keys:end -->');
		expect(readme.make(stale)).toBe(now);
		expect(readme.make(stale)).not.toBe(stale);
	});
});
