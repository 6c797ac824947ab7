import {describe, expect, it} from 'vitest';
import {computeLayout, visiblePanes, type LayoutNode} from '../../source/ui/layout.js';

function check(node: LayoutNode): void {
	if (node.kind === 'row') expect(node.children.reduce((sum, child) => sum + child.width, 0)).toBe(node.width);
	if (node.kind === 'column') expect(node.children.reduce((sum, child) => sum + child.height, 0)).toBe(node.height);
	if (node.kind === 'row') for (const child of node.children) expect(child.height).toBe(node.height);
	if (node.kind === 'column') for (const child of node.children) expect(child.width).toBe(node.width);
	if (node.kind === 'row' || node.kind === 'column') node.children.forEach(check);
	else expect(node.height).toBeGreaterThanOrEqual(5);
}

describe('layout', () => {
	it('refuses sizes below 80x24', () => {
		expect(computeLayout(79, 40).kind).toBe('too-small');
		expect(computeLayout(200, 23).kind).toBe('too-small');
	});

	it.each([
		[80, 24, 'compact'],
		[100, 30, 'compact'],
		[120, 24, 'medium'],
		[140, 39, 'medium'],
		[160, 48, 'wide'],
		[200, 60, 'wide'],
		[400, 120, 'wide'],
	])('%ix%i is %s, fills the frame exactly and keeps it one row short of the terminal', (columns, rows, kind) => {
		const layout = computeLayout(columns, rows);
		expect(layout.kind).toBe(kind);
		if (layout.kind === 'too-small') return;
		expect(layout.body.width).toBe(columns);
		expect(layout.body.height + 2).toBe(rows - 1);
		check(layout.body);
	});

	it('always shows the terminal; the compact tab group shows the most recently focused pane', () => {
		const compact = computeLayout(80, 24, ['containers', 'terminal']);
		const panes = visiblePanes(compact).map(pane => pane.pane);
		expect(panes).toEqual(['containers', 'terminal']);
		expect(
			visiblePanes(computeLayout(160, 48))
				.map(pane => pane.pane)
				.sort(),
		).toEqual(['containers', 'images', 'layers', 'step', 'terminal', 'volumes']);
	});
});
