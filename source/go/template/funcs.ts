/**
 * text/template/funcs.go: the builtin functions (and, or, not, len, index, slice, print, printf,
 * println, html, js, urlquery, call, eq, ne, lt, le, gt, ge), the shape of a function a caller adds
 * with template.Funcs, and the reflect-like view of values both the executor and functions use.
 * `undefined` plays reflect's invalid (zero) Value.
 */
import {type GoValue, bool, compareGoStrings, elemTypeName, goTypeName, int, mapElemZero, slice, str, zeroOfTypeName} from '../values.js';
import {FmtTooLong, goSprint, goSprintf, goSprintln} from '../fmt.js';

export type Val = GoValue | undefined;

type Kind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'ptr' | 'interface';

export function kindOf(v: Val): Kind {
	if (v === undefined) return 'invalid';
	switch (v.t) {
		case 'string':
			return 'string';
		case 'bool':
			return 'bool';
		case 'int':
			return /^uint/.test(v.type ?? '') ? 'uint' : 'int';
		case 'float':
			return 'float';
		case 'nil':
			return v.of === 'interface' ? 'interface' : v.of;
		case 'slice':
			return 'slice';
		case 'map':
			return 'map';
		case 'struct':
		case 'time':
			return 'struct';
		case 'ptr':
			return 'ptr';
		case 'iface':
			return 'interface';
	}
}

const isNilValue = (v: Val): boolean => v === undefined || v.t === 'nil';

/** indirect: through pointers and interfaces, stopping at a nil one. */
export function indirect(v: Val): [Val, boolean] {
	while (v !== undefined && (v.t === 'ptr' || v.t === 'iface' || (v.t === 'nil' && (v.of === 'ptr' || v.of === 'interface')))) {
		if (v.t === 'nil') return [v, true];
		v = v.t === 'ptr' ? v.to : v.v;
	}
	return [v, false];
}

/** indirectInterface: the concrete value in an interface (a nil interface becomes invalid). */
export function indirectInterface(v: Val): Val {
	if (v === undefined) return v;
	if (v.t === 'iface') return v.v;
	if (v.t === 'nil' && v.of === 'interface') return undefined;
	return v;
}

function length(v: GoValue): number | undefined {
	switch (v.t) {
		case 'string':
			return Buffer.byteLength(v.v, 'utf8');
		case 'slice':
			return v.items.length;
		case 'map':
			return v.entries.length;
		case 'nil':
			return v.of === 'slice' || v.of === 'map' ? 0 : undefined;
		default:
			return undefined;
	}
}

export function isTrue(v: Val): boolean {
	if (v === undefined) return false;
	switch (v.t) {
		case 'bool':
			return v.v;
		case 'int':
		case 'float':
			return v.v !== 0;
		case 'string':
		case 'slice':
		case 'map':
			return length(v)! > 0;
		case 'nil':
			return false;
		case 'ptr':
		case 'iface':
		case 'struct':
		case 'time':
			return true;
	}
}

/** A parameter type of a template function, as reflect checks an argument against it. */
export type Param = 'string' | 'int' | 'bool' | '[]string' | 'any' | 'value';

/** What a function may ask of the running template. */
export interface FuncContext {
	/** Counts `n` bytes the function is about to build against the template's byte budget (throws past it). */
	spendBytes(n: number): void;
	/** Counts `n` slice items the function is about to build (each costs ITEM_BYTES of the byte budget). */
	spendItems(n: number): void;
	/** What is left of the byte budget. */
	bytesLeft(): number;
}

export interface FuncDef {
	params: Param[];
	variadic?: Param;
	builtin?: boolean;
	/** Throws FuncError for Go's `error` result (and for panics, which text/template also reports). */
	fn: (args: Val[], ctx: FuncContext) => Val;
}

/** template.FuncMap */
export type FuncMap = Record<string, FuncDef>;

/** A function's error result: exec reports it as `error calling NAME: MESSAGE`. */
export class FuncError extends Error {}

/** fmt-style %v of a reflect.Value, as Go's error messages print it. */
const valueString = (v: Val): string => (v === undefined ? '<invalid reflect.Value>' : goSprint([indirectInterface(v)]));

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string' | 'invalid';
function basicKind(v: Val): BasicKind {
	const k = kindOf(v);
	return k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string' ? k : 'invalid';
}
const scalar = (v: Val): number | string | boolean => (v as {v: number | string | boolean}).v;

function comparable(v: GoValue): boolean {
	switch (v.t) {
		case 'slice':
		case 'map':
			return false;
		case 'nil':
			return v.of === 'ptr' || v.of === 'interface';
		case 'struct':
			return v.fields.every(f => comparable(f.value));
		case 'iface':
			return comparable(v.v);
		default:
			return true;
	}
}

function goEqual(a: GoValue, b: GoValue): boolean {
	if (a.t === 'iface') return b.t === 'iface' ? goEqual(a.v, b.v) : false;
	if (goTypeName(a) !== goTypeName(b)) return false;
	switch (a.t) {
		case 'ptr':
			return a === b || (b.t === 'ptr' && a.to === b.to);
		case 'struct':
			return b.t === 'struct' && a.fields.every((f, i) => b.fields[i] !== undefined && goEqual(f.value, b.fields[i]!.value));
		case 'time':
			return b.t === 'time' && a.iso === b.iso;
		case 'nil':
			return b.t === 'nil';
		default:
			return scalar(a) === scalar(b);
	}
}

function eq(args: Val[]): Val {
	const arg1 = indirectInterface(args[0]);
	if (args.length < 2) throw new FuncError('missing argument for comparison');
	const k1 = basicKind(arg1);
	for (const raw of args.slice(1)) {
		const arg = indirectInterface(raw);
		const k2 = basicKind(arg);
		let truth = false;
		if (k1 !== k2) {
			if (k1 === 'int' && k2 === 'uint') truth = (scalar(arg1) as number) >= 0 && scalar(arg1) === scalar(arg);
			else if (k1 === 'uint' && k2 === 'int') truth = (scalar(arg) as number) >= 0 && scalar(arg1) === scalar(arg);
			else if (arg1 !== undefined && arg !== undefined) {
				throw new FuncError(`incompatible types for comparison: ${goTypeName(arg1)} and ${goTypeName(arg)}`);
			}
		} else if (k1 !== 'invalid') truth = scalar(arg1) === scalar(arg);
		else {
			const canCompare = kindOf(arg1) === kindOf(arg) || arg1 === undefined || arg === undefined;
			if (!canCompare) {
				throw new FuncError(`non-comparable types ${valueString(arg1)}: ${goTypeName(arg1!)}, ${goTypeName(arg!)}: ${valueString(arg)}`);
			}
			if (isNilValue(arg1) || isNilValue(arg)) truth = isNilValue(arg1) === isNilValue(arg);
			else if (!comparable(arg!)) throw new FuncError(`non-comparable type ${valueString(arg)}: ${goTypeName(arg!)}`);
			else truth = goEqual(arg1!, arg!);
		}
		if (truth) return bool(true);
	}
	return bool(false);
}

function lt(args: Val[]): Val {
	const a = indirectInterface(args[0]);
	const b = indirectInterface(args[1]);
	const k1 = basicKind(a);
	if (k1 === 'invalid') throw new FuncError('invalid type for comparison');
	const k2 = basicKind(b);
	if (k2 === 'invalid') throw new FuncError('invalid type for comparison');
	if (k1 !== k2) {
		if (k1 === 'int' && k2 === 'uint') return bool((scalar(a) as number) < 0 || (scalar(a) as number) < (scalar(b) as number));
		if (k1 === 'uint' && k2 === 'int') return bool((scalar(b) as number) >= 0 && (scalar(a) as number) < (scalar(b) as number));
		throw new FuncError(`incompatible types for comparison: ${goTypeName(a!)} and ${goTypeName(b!)}`);
	}
	if (k1 === 'bool') throw new FuncError('invalid type for comparison');
	if (k1 === 'string') return bool(compareGoStrings(scalar(a) as string, scalar(b) as string) < 0);
	return bool((scalar(a) as number) < (scalar(b) as number));
}

const truthOf = (v: Val): boolean => (v !== undefined && v.t === 'bool' ? v.v : false);

/** indexArg: an integer index within [0, cap]. */
function indexArg(index: Val, cap: number): number {
	const k = kindOf(index);
	if (k === 'invalid') throw new FuncError('cannot index slice/array with nil');
	if (k !== 'int' && k !== 'uint') throw new FuncError(`cannot index slice/array with type ${goTypeName(index!)}`);
	const x = (index as {v: number}).v;
	if (x < 0 || x > cap) throw new FuncError(`index out of range: ${x}`);
	return x;
}

function index(args: Val[]): Val {
	let item = indirectInterface(args[0]);
	if (item === undefined) throw new FuncError('index of untyped nil');
	for (const raw of args.slice(1)) {
		const idx = indirectInterface(raw);
		const [it, isNil] = indirect(item);
		if (isNil) throw new FuncError('index of nil pointer');
		item = it!;
		if (item.t === 'slice' || item.t === 'string' || (item.t === 'nil' && item.of === 'slice')) {
			const len = length(item)!;
			const x = indexArg(idx, len);
			// x == len passes indexArg; reflect then panics, and text/template reports the panic.
			if (x === len) throw new FuncError(`reflect: ${item.t === 'string' ? 'string' : 'slice'} index out of range`);
			item = item.t === 'string' ? int(Buffer.from(item.v, 'utf8')[x]!, 'uint8') : (item as GoValue & {t: 'slice'}).items[x]!;
		} else if (item.t === 'map' || (item.t === 'nil' && item.of === 'map')) {
			let key: string;
			if (idx === undefined) key = '';
			else if (idx.t === 'string' && (idx.type === undefined || idx.type === 'string')) key = idx.v;
			else throw new FuncError(`value has type ${goTypeName(idx)}; should be string`);
			const hit = item.t === 'map' ? item.entries.find(([k]) => k === key) : undefined;
			item = hit ? hit[1] : item.t === 'map' ? mapElemZero(item) : zeroOfTypeName(elemTypeName(goTypeName(item)));
		} else throw new FuncError(`can't index item of type ${goTypeName(item)}`);
	}
	return item;
}

function sliceFn(args: Val[]): Val {
	const item = indirectInterface(args[0]);
	if (item === undefined) throw new FuncError('slice of untyped nil');
	const idxs = args.slice(1);
	if (idxs.length > 3) throw new FuncError(`too many slice indexes: ${idxs.length}`);
	let cap: number;
	if (item.t === 'string') {
		if (idxs.length === 3) throw new FuncError('cannot 3-index slice a string');
		cap = length(item)!;
	} else if (item.t === 'slice' || (item.t === 'nil' && item.of === 'slice')) cap = length(item)!;
	else throw new FuncError(`can't slice item of type ${goTypeName(item)}`);
	const idx = [0, length(item)!, 0];
	idxs.forEach((v, i) => (idx[i] = indexArg(indirectInterface(v), cap)));
	if (idx[0]! > idx[1]!) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
	if (idxs.length === 3 && idx[1]! > idx[2]!) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
	if (item.t === 'string') return str(Buffer.from(item.v, 'utf8').subarray(idx[0], idx[1]).toString('utf8'), item.type);
	if (item.t === 'nil') return item;
	return slice(item.items.slice(idx[0], idx[1]), goTypeName(item));
}

/** evalArgs for html/js/urlquery: fmt.Sprint of the arguments, pointers dereferenced. */
function evalArgs(args: Val[]): string {
	const [only] = args;
	if (args.length === 1 && only !== undefined && only.t === 'string' && only.type === undefined) return only.v;
	return goSprint(args.map(a => (a === undefined ? str('<no value>') : a.t === 'ptr' ? indirect(a)[0] : a)));
}

function htmlEscape(s: string): string {
	const map: Record<string, string> = {'\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;'};
	return s.replace(/[\0"'&<>]/g, c => map[c]!);
}

function jsEscape(s: string): string {
	let out = '';
	for (const ch of s) {
		const c = ch.codePointAt(0)!;
		const named: Record<string, string> = {'\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D'};
		if (named[ch]) out += named[ch];
		else if (c < 0x20) out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
		else if (c < 0x80 || /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(ch)) out += ch;
		else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
	}
	return out;
}

function queryEscape(s: string): string {
	let out = '';
	for (const b of Buffer.from(s, 'utf8')) {
		const c = String.fromCharCode(b);
		if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
		else if (c === ' ') out += '+';
		else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
	}
	return out;
}

const sv = (v: Val): string => (v as {v: string}).v;

/** Runs an fmt call that may not outgrow what is left of the byte budget (past it, the budget error). */
function bounded(ctx: FuncContext, sprint: (maxLength: number) => string): string {
	try {
		return sprint(ctx.bytesLeft());
	} catch (e) {
		if (e instanceof FmtTooLong) ctx.spendBytes(e.length);
		throw e;
	}
}

/** text/template's builtin functions (funcs.go builtins()). */
export const BUILTINS: FuncMap = {
	and: {params: ['value'], variadic: 'value', builtin: true, fn: () => undefined},
	or: {params: ['value'], variadic: 'value', builtin: true, fn: () => undefined},
	not: {params: ['value'], builtin: true, fn: ([a]) => bool(!isTrue(indirectInterface(a)))},
	len: {
		params: ['value'],
		builtin: true,
		fn: ([a]) => {
			const [item, isNil] = indirect(a);
			if (isNil) throw new FuncError('len of nil pointer');
			if (item === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
			const n = length(item);
			if (n === undefined) throw new FuncError(`len of type ${goTypeName(item)}`);
			return int(n);
		},
	},
	index: {params: ['value'], variadic: 'value', builtin: true, fn: index},
	slice: {params: ['value'], variadic: 'value', builtin: true, fn: sliceFn},
	print: {params: [], variadic: 'any', builtin: true, fn: (args, ctx) => str(bounded(ctx, max => goSprint(args, max)))},
	printf: {params: ['string'], variadic: 'any', builtin: true, fn: ([f, ...args], ctx) => str(bounded(ctx, max => goSprintf(sv(f), args, max)))},
	println: {params: [], variadic: 'any', builtin: true, fn: (args, ctx) => str(bounded(ctx, max => goSprintln(args, max)))},
	html: {params: [], variadic: 'any', builtin: true, fn: args => str(htmlEscape(evalArgs(args)))},
	js: {params: [], variadic: 'any', builtin: true, fn: args => str(jsEscape(evalArgs(args)))},
	urlquery: {params: [], variadic: 'any', builtin: true, fn: args => str(queryEscape(evalArgs(args)))},
	call: {
		params: ['value'],
		variadic: 'value',
		builtin: true,
		fn: ([name, fn]) => {
			const f = indirectInterface(fn);
			if (f === undefined) throw new FuncError('call of nil');
			throw new FuncError(`non-function ${sv(name)} of type ${goTypeName(f)}`);
		},
	},
	eq: {params: ['value'], variadic: 'value', builtin: true, fn: eq},
	ne: {params: ['value', 'value'], builtin: true, fn: args => bool(!truthOf(eq(args)))},
	lt: {params: ['value', 'value'], builtin: true, fn: lt},
	le: {params: ['value', 'value'], builtin: true, fn: args => (truthOf(lt(args)) ? bool(true) : eq(args))},
	gt: {params: ['value', 'value'], builtin: true, fn: args => bool(!(truthOf(lt(args)) || truthOf(eq(args))))},
	ge: {params: ['value', 'value'], builtin: true, fn: args => bool(!truthOf(lt(args)))},
};
