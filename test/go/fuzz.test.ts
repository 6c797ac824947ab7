/**
 * Fuzzing go/template: random templates built from the pieces that make runaway or broken ones
 * (nested ranges over big integers, deep parentheses, huge widths, recursion, unclosed actions)
 * always give a result or Go's error, never an exception, and never spend past the budget.
 */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {Budget, execute, int, parseTemplate, str, strings, struct} from '../../source/go/index.js';
import {renderTemplate} from '../../source/docker/render/templates.js';

const piece = fc.constantFrom(
	'{{range 100000000}}',
	'{{range 100}}',
	'{{range .L}}',
	'{{range $i, $e := .L}}',
	'{{if .A}}',
	'{{with .M}}',
	'{{else}}',
	'{{end}}',
	'{{break}}',
	'{{.}}',
	'{{.A}}',
	'{{.M.k}}',
	'{{(((((1)))))}}',
	'{{' + '('.repeat(150),
	')'.repeat(150) + '}}',
	'{{printf "%999999d" 1}}',
	'{{printf "%*d" 1000000 1}}',
	'{{printf "%.*f" 999999 1.5}}',
	'{{pad .A 9999999 0}}',
	'{{split (printf "%99999d" 1) ""}}',
	'{{json .}}',
	'{{define "r"}}{{template "r" .}}{{end}}',
	'{{template "r" .}}',
	'{{block "b" .}}x{{end}}',
	'{{$x := 1}}{{$x = 2}}',
	'{{len .L}}',
	'{{index .L 5}}',
	'x',
	'{{',
	'}}',
	'{{/* c */}}',
	'{{- .A -}}',
);

const dot = struct({A: str('a'), L: strings(['p', 'q', 'r']), M: struct({k: int(1)})});

describe('fuzzing templates', () => {
	it('random templates never throw and never spend past their budget', () => {
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 12}), pieces => {
				const text = pieces.join('');
				const limits = {steps: 20_000, bytes: 200_000};
				const budget = new Budget(limits);
				const parsed = parseTemplate(text);
				if (!parsed.ok) {
					expect(parsed.error).toMatch(/^template: /);
					return;
				}
				const r = execute(parsed.template, dot, {budget});
				expect(budget.steps).toBeLessThanOrEqual(limits.steps + 1);
				if (r.ok) expect(r.text.length).toBeLessThanOrEqual(limits.bytes);
				else {
					expect(r.error).toMatch(/^template: /);
					expect(r.partial.length).toBeLessThanOrEqual(limits.bytes);
				}
			}),
			{numRuns: 300},
		);
	});
	it('with the Docker CLI functions too', () => {
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 8}), pieces => {
				const r = renderTemplate(pieces.join(''), dot, new Budget({steps: 20_000, bytes: 200_000}));
				expect(typeof r.ok).toBe('boolean');
			}),
			{numRuns: 200},
		);
	});
});
