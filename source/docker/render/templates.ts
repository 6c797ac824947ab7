/**
 * The Docker CLI's templates (docker/cli templates/templates.go and cli/command/inspect/inspector.go)
 * on top of Go's text/template from `go/`: the extra functions every `--format` can call (json,
 * split, join, title, lower, upper, pad, truncate), parsing with them, and the inspect flow.
 *
 * Every command's template executions share one budget (go/'s DEFAULT_LIMITS): a format that would
 * run away (`{{range 100000000}}…`) stops with one error line and prints nothing else.
 */
import {
	type ExecResult,
	type FuncMap,
	type GoValue,
	type Template,
	Budget,
	FuncError,
	execute,
	goJson,
	jsonIndent,
	jsonInterfaceValue,
	parseTemplate,
	str,
	strings as stringSlice,
	title,
} from '../../go/index.js';

const sv = (v: GoValue | undefined): string => (v as {v: string}).v;
const nv = (v: GoValue | undefined): number => (v as {v: number}).v;

/** templates.basicFunctions */
const DOCKER_FUNCS: FuncMap = {
	json: {
		// json.NewEncoder + SetEscapeHTML(false) + Encode, newline trimmed; an encoding error gives "".
		params: ['any'],
		fn: ([v]) => {
			try {
				return str(v === undefined ? 'null' : goJson(v, {escapeHTML: false}));
			} catch {
				return str('');
			}
		},
	},
	split: {
		params: ['string', 'string'],
		fn: ([s, sep], ctx) => {
			ctx.spendItems(sv(s).length + 1); // at most one item per character, counted before strings.Split builds them
			return stringSlice(sv(sep) === '' ? [...sv(s)] : sv(s).split(sv(sep)));
		},
	},
	join: {params: ['[]string', 'string'], fn: ([a, sep]) => str(a!.t === 'slice' ? a!.items.map(sv).join(sv(sep)) : '')},
	title: {params: ['string'], fn: ([s]) => str(title(sv(s)))},
	lower: {params: ['string'], fn: ([s]) => str(sv(s).toLowerCase())},
	upper: {params: ['string'], fn: ([s]) => str(sv(s).toUpperCase())},
	pad: {
		params: ['string', 'int', 'int'],
		fn: ([s, pre, suf], ctx) => {
			if (sv(s) === '') return str('');
			if (nv(pre) < 0 || nv(suf) < 0) throw new FuncError('strings: negative Repeat count');
			ctx.spendBytes(nv(pre) + nv(suf)); // before strings.Repeat builds it
			return str(' '.repeat(nv(pre)) + sv(s) + ' '.repeat(nv(suf)));
		},
	},
	truncate: {
		params: ['string', 'int'],
		fn: ([s, n]) => {
			const bytes = Buffer.from(sv(s), 'utf8');
			if (bytes.length < nv(n)) return str(sv(s));
			if (nv(n) < 0) throw new FuncError(`runtime error: slice bounds out of range [:${nv(n)}]`);
			return str(bytes.subarray(0, nv(n)).toString('utf8')); // byte-wise, as Go's source[:length]
		},
	},
};

type Parsed = ReturnType<typeof parseTemplate>;
const parsedCache = new Map<string, Parsed>();

/** templates.Parse(format): remembered per text (a list renders the same template for every row). */
export function parseFormat(format: string): Parsed {
	let parsed = parsedCache.get(format);
	if (!parsed) {
		if (parsedCache.size > 500) parsedCache.clear();
		parsed = parseTemplate(format, {funcs: DOCKER_FUNCS});
		if (format.length <= 10_000) parsedCache.set(format, parsed); // a huge one is not kept alive
	}
	return parsed;
}

/**
 * Parse and execute `format` against `dot`, like templates.Parse(format) + Execute in the Docker
 * CLI. Errors are Go's text (parse: `template: :1: ...`; exec: `template: :1:2: executing "" at
 * <.X>: ...`). Pass one Budget for all the rows of one command.
 */
export function renderTemplate(format: string, dot: GoValue | undefined, budget = new Budget()): ExecResult {
	const parsed = parseFormat(format);
	if (!parsed.ok) return {ok: false, error: parsed.error, partial: ''};
	return execute(parsed.template, dot, {budget});
}

export interface CliOutput {
	stdout: string;
	stderr: string;
	exitCode: number;
}

/**
 * What `docker inspect`, `docker container inspect`, `docker volume inspect` print without
 * --format (the trailing newline included). The CLI does not re-encode the objects: it takes the
 * daemon's raw response bodies, joins them as `[a,b]` and runs json.Indent(…, "", "    ") over
 * them. The daemon writes with json.Encoder + SetEscapeHTML(false), so <, >, & stay literal.
 * No objects prints `[]`. `{format: 'json'}` is `--format json`: json.Compact instead of Indent.
 */
export function dockerInspectJson(values: GoValue[], opts: {format?: 'indent' | 'json'} = {}): string {
	if (values.length === 0) return '[]\n';
	const raw = '[' + values.map(v => goJson(v, {escapeHTML: false})).join(',') + ']';
	return (opts.format === 'json' ? raw : jsonIndent(raw, '', '    ')) + '\n';
}

/**
 * `docker inspect [--format F] X...` as the CLI's inspect.Inspect prints it. Each element is the
 * typed object, or an Error for a reference the daemon could not find (its message is reported,
 * e.g. "Error response from daemon: No such container: x").
 *
 *  - no format: indented JSON (dockerInspectJson); `json`: compact JSON;
 *  - otherwise the template runs on each object; one line per object. If it fails on the typed
 *    object, the CLI re-runs it on the object's JSON decoded into map[string]interface{} with
 *    missingkey=error, and only that second error is shown ("template parsing error: ...").
 *    This is why Docker's error for a bad field reads `map has no entry for key "X"` rather than
 *    text/template's "can't evaluate field X".
 *  - a template that does not parse: exit status 64; any other error: exit status 1.
 *  - a template that runs out of budget: only its error line, exit status 1 (nothing is re-run).
 */
export function dockerInspectFormat(format: string, elements: Array<GoValue | Error>): CliOutput {
	if (format === '' || format === 'json') {
		const values = elements.filter((e): e is GoValue => !(e instanceof Error));
		const errors = elements.filter((e): e is Error => e instanceof Error).map(e => e.message);
		const stdout = dockerInspectJson(values, {format: format === 'json' ? 'json' : 'indent'});
		return errors.length ? {stdout, stderr: errors.join('\n') + '\n', exitCode: 1} : {stdout, stderr: '', exitCode: 0};
	}
	const parsed = parseFormat(format);
	if (!parsed.ok) return {stdout: '', stderr: `template parsing error: ${parsed.error}\n`, exitCode: 64};
	const template: Template = parsed.template;
	const budget = new Budget();
	let buffer = '';
	// Errors are collected in reference order, interleaved as the CLI meets them.
	const errors: string[] = [];
	for (const e of elements) {
		if (e instanceof Error) {
			errors.push(e.message);
			continue;
		}
		let r = execute(template, e, {budget});
		if (!r.ok && r.limit) return {stdout: '', stderr: `template parsing error: ${r.error}\n`, exitCode: 1};
		if (!r.ok) r = execute(template, jsonInterfaceValue(e), {missingKey: 'error', budget});
		if (!r.ok && r.limit) return {stdout: '', stderr: `template parsing error: ${r.error}\n`, exitCode: 1};
		if (r.ok) buffer += r.text + '\n';
		else errors.push(`template parsing error: ${r.error}`);
	}
	const stdout = buffer === '' ? '\n' : buffer;
	return errors.length ? {stdout, stderr: errors.join('\n') + '\n', exitCode: 1} : {stdout, stderr: '', exitCode: 0};
}
