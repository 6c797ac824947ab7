/**
 * How long a test may wait for something before it is taken as hung. Not a speed bound: it is far
 * above what any wait takes on a slow, shared machine, so a failure means "never happened", not
 * "too slow". No assertion in test/ depends on how fast the machine is (timings live in bench/).
 */
export const HANG_GUARD_MS = 120_000;

/** Per test and per hook (vitest.config.ts): several waits in a row each stay under HANG_GUARD_MS. */
export const TEST_GUARD_MS = 5 * 60_000;
