import {describe, expect, it} from 'vitest';
import {BudgetExceeded, spend, spendBytes, spent, withBudget} from '../../source/engine/budget.js';

describe('budgets', () => {
	it('throw BudgetExceeded at the step limit and restore the outer budget after', () => {
		withBudget({steps: 100}, () => {
			spend(60);
			expect(() => withBudget({steps: 10}, () => spend(11))).toThrow(BudgetExceeded);
			expect(spent().steps).toBe(60);
			expect(() => spend(41)).toThrow(/stopped after 100 steps/);
		});
	});

	it('count bytes separately from steps', () => {
		const error = (() => {
			try {
				withBudget({bytes: 1000}, () => {
					spend(5000);
					spendBytes(1001);
				});
			} catch (caught) {
				return caught;
			}
			return undefined;
		})();
		expect(error).toBeInstanceOf(BudgetExceeded);
		expect((error as BudgetExceeded).kind).toBe('bytes');
	});
});
