import {defineConfig} from 'vitest/config';
import {TEST_GUARD_MS} from './test/helpers/hang-guard.js';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		// A hang guard, not a speed bound: no test asserts how fast the machine is.
		testTimeout: TEST_GUARD_MS,
		hookTimeout: TEST_GUARD_MS,
		setupFiles: ['test/helpers/cleanup.ts'],
	},
});
