/**
 * Budgets and depth limits of go/template: no template text can run away with steps, memory or the
 * stack. Every bound is a count (steps, bytes, nesting levels), never a time.
 */
import {describe, expect, it} from 'vitest';
import {Budget, DEFAULT_LIMITS, MAX_NESTING, execute, goSprintf, int, parseTemplate, str, struct, type GoValue} from '../../source/go/index.js';
import {dockerInspectFormat} from '../../source/docker/render/templates.js';
import {formatRows} from '../../source/docker/render/listformat.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';

function run(text: string, dot: GoValue | undefined, budget: Budget) {
	const parsed = parseTemplate(text);
	if (!parsed.ok) throw new Error(parsed.error);
	return execute(parsed.template, dot, {budget});
}

describe('the step budget', () => {
	it('stops a runaway range at exactly the limit, with one Go-style error', () => {
		const budget = new Budget({steps: 1000, bytes: 1 << 20});
		const r = run('{{range 100000000}}{{range 100}}x{{end}}{{end}}', int(0), budget);
		expect(r).toMatchObject({ok: false, limit: 'steps'});
		expect(!r.ok && r.error).toMatch(/^template: :1:\d+: executing "" at <.*>: layerlab: template stopped after 1,000 steps$/);
		expect(budget.steps).toBe(1001);
	});
	it('counts a range with no output too', () => {
		const budget = new Budget({steps: 500, bytes: 1 << 20});
		expect(run('{{range 100000000}}{{end}}', int(0), budget)).toMatchObject({
			ok: false,
			error: 'template: :1:8: executing "" at <100000000>: layerlab: template stopped after 500 steps',
		});
	});
	it('a normal template spends a few steps per node', () => {
		const budget = new Budget();
		expect(run('{{range .}}{{.}},{{end}}', int(10), budget)).toEqual({ok: true, text: '0,1,2,3,4,5,6,7,8,9,'});
		expect(budget.steps).toBeLessThan(100);
	});
});

describe('the byte budget', () => {
	it('stops output at the limit and keeps what was written before', () => {
		const budget = new Budget({steps: 1_000_000, bytes: 100});
		const r = run('{{range 1000}}0123456789{{end}}', int(0), budget);
		expect(r).toMatchObject({ok: false, limit: 'bytes', partial: '0123456789'.repeat(10)});
		expect(!r.ok && r.error).toMatch(/layerlab: template stopped at 100 bytes$/);
	});
	it('counts strings functions build, before Docker’s pad builds one', () => {
		const budget = new Budget({steps: 1000, bytes: 1000});
		expect(dockerInspectFormat('{{pad "x" 1000000000 0}}', [int(0)])).toMatchObject({stdout: '', exitCode: 1});
		expect(run('{{printf "%999999d" 1 | len}}', int(0), budget)).toMatchObject({ok: false, limit: 'bytes'});
	});
	it('printf stops building once its output passes what is left of the budget', () => {
		const budget = new Budget({steps: 1000, bytes: 1000});
		const r = run('{{printf "%600d%600d%600d" 1 2 3}}', int(0), budget);
		expect(!r.ok && r.error).toBe('template: :1:31: executing "" at <3>: layerlab: template stopped at 1,000 bytes');
		expect(budget.bytes).toBe(1200); // the first two verbs were built, not the third
	});
	it('split counts its items before building them', () => {
		expect(dockerInspectFormat('{{split (printf "%999999d" 1) ""}}', [int(0)])).toMatchObject({stdout: '', exitCode: 1});
		expect(dockerInspectFormat('{{split "a/b" "/"}}', [int(0)])).toEqual({stdout: '[a b]\n', stderr: '', exitCode: 0});
	});
	it('is shared by all the rows of one list command', () => {
		const rows = [{A: 'a'}, {A: 'b'}, {A: 'c'}];
		const each = Math.floor(DEFAULT_LIMITS.steps / 2.5);
		const r = formatRows(`{{range ${each}}}{{end}}{{.A}}`, rows);
		expect(r).toMatchObject({ok: false});
		expect(!r.ok && r.error).toMatch(/layerlab: template stopped after 1,000,000 steps$/);
	});
});

describe('docker inspect with a runaway template', () => {
	it('prints one line, exits 1 and leaves the world as any failed inspect would', () => {
		const a = defaultWorld({seed: 9, preload: true});
		const b = defaultWorld({seed: 9, preload: true});
		runLine(a, 'docker volume create t1');
		runLine(b, 'docker volume create t1');
		const result = runLine(a, "docker inspect -f '{{range 100000000}}{{range 100}}x{{end}}{{end}}' t1");
		expect(runLine(b, "docker inspect -f '{{.Nope}}' t1").status).toBe(1);
		expect(result.status).toBe(1);
		expect(result.output).toEqual([{stream: 'stderr', text: expect.stringMatching(/^template parsing error: template: .*: layerlab: template stopped after 1,000,000 steps\n$/)}]);
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
	});
});

describe('depth limits: no template can overflow the stack', () => {
	it.each([
		['parentheses', (n: number) => '{{' + '('.repeat(n) + '1' + ')'.repeat(n) + '}}'],
		['if blocks', (n: number) => '{{if true}}'.repeat(n) + 'x' + '{{end}}'.repeat(n)],
		['range blocks', (n: number) => '{{range 1}}'.repeat(n) + 'x' + '{{end}}'.repeat(n)],
		['else if chains', (n: number) => '{{if false}}' + '{{else if false}}'.repeat(n) + '{{end}}'],
	])('%s: up to MAX_NESTING parse, deeper is one error, even 20,000 deep', (_name, make) => {
		expect(parseTemplate(make(MAX_NESTING - 1)).ok).toBe(true);
		const deep = 'template: :1: layerlab: template nested more than 100 levels deep';
		expect(parseTemplate(make(MAX_NESTING + 1))).toEqual({ok: false, error: deep});
		expect(parseTemplate(make(20_000))).toEqual({ok: false, error: deep});
	});
	it('a template of more than 100,000 items is refused while lexing; long text is fine', () => {
		expect(parseTemplate('{{.A}}x'.repeat(30_000))).toEqual({ok: false, error: 'template: :1: layerlab: template longer than 100,000 items'});
		expect(parseTemplate('{{.A}}x'.repeat(20_000)).ok).toBe(true);
		expect(parseTemplate('x'.repeat(1_000_000)).ok).toBe(true);
	});
	it('unclosed nesting is bounded the same way', () => {
		expect(parseTemplate('{{' + '('.repeat(20_000))).toMatchObject({ok: false});
		expect(parseTemplate('{{if true}}'.repeat(20_000))).toMatchObject({ok: false});
	});
	it('a recursive template stops with Go’s depth error, however much it nests inside', () => {
		for (const k of [0, 1, 10, MAX_NESTING - 2]) {
			const text = `{{define "a"}}${'{{range 1}}'.repeat(k)}{{template "a"}}${'{{end}}'.repeat(k)}{{end}}{{template "a"}}`;
			const r = run(text, int(0), new Budget());
			expect(r).toMatchObject({ok: false});
			expect(!r.ok && r.error).toMatch(/: exceeded maximum template depth \(100000\)$/);
		}
	});
});

describe("fmt's bounds on widths and precisions (tooLarge: a million or more)", () => {
	it('a literal width of eight digits ends the format', () => {
		expect(goSprintf('%10000000d', [int(1)])).toBe('%!(NOVERB)%!(EXTRA int=1)');
		expect(goSprintf('%.10000000f', [int(1)])).toBe('%!(NOVERB)%!(EXTRA int=1)');
	});
	it('a * width or precision out of range is BADWIDTH / BADPREC, and its argument is used up', () => {
		expect(goSprintf('%*d', [int(1_000_000), int(7)])).toBe('%!(BADWIDTH)7');
		expect(goSprintf('%.*d', [int(99_999_999), int(7)])).toBe('%!(BADPREC)7');
		expect(goSprintf('%*d', [str('x'), int(7)])).toBe('%!(BADWIDTH)7');
	});
	it('seven digits still pad', () => {
		expect(goSprintf('%1000000d', [int(1)]).length).toBe(1_000_000);
	});
	it('struct fields print inside a bounded template', () => {
		expect(run('{{printf "%5s|" .A}}', struct({A: str('ab')}), new Budget())).toEqual({ok: true, text: '   ab|'});
	});
});
