/**
 * Budgets: every command a learner types runs under limits it cannot exceed, by accident or on
 * purpose. The host's reducer opens a budget around each command line (`withBudget`); every loop or
 * recursion in the engine that can run long calls `spend()` (and `spendBytes()` where it builds large
 * strings or files). When a limit is hit, `BudgetExceeded` is thrown; the caller turns it into one
 * clear line and leaves the world as it was before the command.
 *
 * Counts, not time: the same command hits the same limit on every machine. Outside `withBudget` (tests
 * that call engine functions directly) the default limits apply.
 */

export interface Limits {
	/** Interpreter, matcher and copy steps one command may take. */
	steps: number;
	/** Bytes one command may produce (output, strings, files written). */
	bytes: number;
}

export const DEFAULT_LIMITS: Limits = {steps: 5_000_000, bytes: 64 * 1024 * 1024};

export type BudgetKind = keyof Limits;

export class BudgetExceeded extends Error {
	constructor(
		readonly kind: BudgetKind,
		readonly limit: number,
	) {
		super(kind === 'steps' ? `stopped after ${limit.toLocaleString('en-US')} steps` : `stopped after ${limit.toLocaleString('en-US')} bytes`);
		this.name = 'BudgetExceeded';
	}
}

/** Thrown by `spend()` when the caller's `interrupted` check says the learner pressed Ctrl+C. */
export class Interrupted extends Error {
	constructor() {
		super('interrupted');
		this.name = 'Interrupted';
	}
}

export interface BudgetHooks {
	/** Asked every INTERRUPT_EVERY steps: true stops the command (the lab's Ctrl+C). */
	interrupted?: () => boolean;
}

/** How many steps pass between two `interrupted` checks. */
export const INTERRUPT_EVERY = 4096;

interface Budget {
	limits: Limits;
	steps: number;
	bytes: number;
	hooks: BudgetHooks;
}

let current: Budget = {limits: DEFAULT_LIMITS, steps: 0, bytes: 0, hooks: {}};

/** Runs `body` under fresh counters with the given limits; the previous budget is restored after. */
export function withBudget<T>(limits: Partial<Limits>, body: () => T, hooks: BudgetHooks = {}): T {
	const saved = current;
	current = {limits: {...DEFAULT_LIMITS, ...limits}, steps: 0, bytes: 0, hooks};
	try {
		return body();
	} finally {
		current = saved;
	}
}

/** Counts `n` steps of work; throws BudgetExceeded past the limit. */
export function spend(n = 1): void {
	const before = current.steps;
	current.steps += n;
	if (current.steps > current.limits.steps) throw new BudgetExceeded('steps', current.limits.steps);
	if (current.hooks.interrupted && Math.floor(before / INTERRUPT_EVERY) !== Math.floor(current.steps / INTERRUPT_EVERY) && current.hooks.interrupted()) throw new Interrupted();
}

/** Counts `n` bytes produced; throws BudgetExceeded past the limit. */
export function spendBytes(n: number): void {
	current.bytes += n;
	if (current.bytes > current.limits.bytes) throw new BudgetExceeded('bytes', current.limits.bytes);
}

/** What the current command has spent so far (for tests and the lab's status line). */
export function spent(): {steps: number; bytes: number} {
	return {steps: current.steps, bytes: current.bytes};
}
