/**
 * Go's text/template over GoValues: lex.ts, parse.ts, exec.ts and funcs.ts as Go splits the package.
 *
 * Not modelled: methods on values (Go would let `.Created.Year` call time.Time.Year), channels,
 * funcs and complex numbers. Everything else a Docker --format string can contain is: fields,
 * maps, variables, pipelines, parenthesised pipelines, if/else if/with/else with/range (slices,
 * maps, integers)/break/continue, define/template/block, comments and `{{-`/`-}}` trimming.
 */
import {parse} from './parse.js';
import {BUILTINS, type FuncMap} from './funcs.js';
import type {Template} from './exec.js';

export {MAX_NESTING} from './parse.js';
export {type ExecResult, type Template, Budget, DEFAULT_LIMITS, execute} from './exec.js';
export {type FuncMap, FuncError} from './funcs.js';

interface ParseOptions {
	/** The template's name (Docker's is ""), shown in every error. */
	name?: string;
	/** template.Funcs: functions added to the builtins (a name here replaces a builtin). */
	funcs?: FuncMap;
}

/** template.New(name).Funcs(funcs).Parse(text): Go's parse error text when it does not parse. */
export function parseTemplate(text: string, opts: ParseOptions = {}): {ok: true; template: Template} | {ok: false; error: string} {
	const funcs: FuncMap = {...BUILTINS, ...opts.funcs};
	const parsed = parse(text, opts.name ?? '', new Set(Object.keys(funcs)));
	return parsed.ok ? {ok: true, template: {...parsed.template, funcs}} : parsed;
}
