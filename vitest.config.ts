import {availableParallelism} from 'node:os';
import {defineConfig} from 'vitest/config';
import {BaseSequencer, type TestSpecification} from 'vitest/node';
import {TEST_GUARD_MS} from './test/helpers/hang-guard.js';

/**
 * The real-engine conformance run is most of the suite's time, and most of that is waiting on the
 * engines. It starts first, and the other files run beside it on the other workers (docs/CI.md).
 */
class ConformanceFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const first = (spec: TestSpecification) => spec.moduleId.endsWith('/test/conformance/verify.test.ts');
		return [...sorted.filter(first), ...sorted.filter(spec => !first(spec))];
	}
}

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// A hang guard, not a speed bound: no test asserts how fast the machine is.
		testTimeout: TEST_GUARD_MS,
		hookTimeout: TEST_GUARD_MS,
		setupFiles: ['test/helpers/cleanup.ts'],
		// Vitest's default is one worker fewer than the cores: one on a 2-core machine, where the
		// conformance run would wait on the engine with nothing beside it. Its worker mostly waits (its
		// CPU time is the engines' and the programs it starts), so the other files get the cores' worth
		// of workers beside it: on a machine other programs keep busy they then still get their share.
		maxWorkers: availableParallelism() + 1,
		sequence: {sequencer: ConformanceFirst},
	},
});
