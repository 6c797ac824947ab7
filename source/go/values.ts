/**
 * Go values, modelled in TypeScript: what reflect would see of a Go value (its kind, its type name,
 * struct fields with their json tags, nil-ness). fmt.ts prints them, json.ts encodes them and
 * template/ executes templates over them. Expected outputs in the tests come from real Go programs
 * (test/go/fixtures/goref/main.go), not from this code.
 *
 * Every variant may carry an optional Go type name (`type`), e.g. `str('volume', 'mount.Type')`.
 * It only matters where Go shows or checks types: template error messages ("can't evaluate field X
 * in type T"), `%T`, and assignability of template function arguments (a named string type such as
 * mount.Type is NOT assignable to a `string` parameter, so `{{upper .Type}}` fails in Go).
 */

import {goQuote} from './strconv.js';

export type GoValue =
	| {t: 'string'; v: string; type?: string}
	| {t: 'bool'; v: boolean; type?: string}
	| {t: 'int'; v: number; type?: string} // all integer kinds; `type` names the kind ('int64', 'uint32', ...)
	| {t: 'float'; v: number; type?: string}
	| {t: 'nil'; of: 'ptr' | 'slice' | 'map' | 'interface'; type?: string} // typed nils print differently in fmt and json
	| {t: 'slice'; items: GoValue[]; type?: string}
	| {t: 'map'; entries: Array<[string, GoValue]>; type?: string} // string keys; fmt and json sort keys
	| {t: 'struct'; fields: GoField[]; type?: string} // fmt %v prints {a b c}
	| {t: 'ptr'; to: GoValue; type?: string; addr?: string} // see goFormat for how pointers print
	| {t: 'time'; iso: string} // time.Time (UTC)
	| {t: 'iface'; v: GoValue}; // interface{} holding a value (e.g. the values of map[string]interface{})

export interface GoField {
	name: string;
	/** json tag name: undefined or '' = the Go field name, '-' = skipped by encoding/json. */
	json?: string;
	omitempty?: boolean;
	value: GoValue;
}

// ---------------------------------------------------------------------------------------------
// Constructors

export const str = (v: string, type?: string): GoValue => (type ? {t: 'string', v, type} : {t: 'string', v});
export const bool = (v: boolean, type?: string): GoValue => (type ? {t: 'bool', v, type} : {t: 'bool', v});
export const int = (v: number, type?: string): GoValue => (type ? {t: 'int', v, type} : {t: 'int', v});
export const float = (v: number, type?: string): GoValue => (type ? {t: 'float', v, type} : {t: 'float', v});
export const nil = (of: 'ptr' | 'slice' | 'map' | 'interface', type?: string): GoValue => (type ? {t: 'nil', of, type} : {t: 'nil', of});
export const slice = (items: GoValue[], type?: string): GoValue => (type ? {t: 'slice', items, type} : {t: 'slice', items});
/** A []string. */
export const strings = (items: string[], type?: string): GoValue =>
	slice(
		items.map(s => str(s)),
		type ?? '[]string',
	);
export function map(entries: Array<[string, GoValue]> | Record<string, GoValue>, type?: string): GoValue {
	const list = Array.isArray(entries) ? entries : Object.entries(entries);
	return type ? {t: 'map', entries: list, type} : {t: 'map', entries: list};
}
export function field(name: string, value: GoValue, opts: {json?: string; omitempty?: boolean} = {}): GoField {
	const f: GoField = {name, value};
	if (opts.json !== undefined) f.json = opts.json;
	if (opts.omitempty) f.omitempty = true;
	return f;
}
/** A struct from GoFields, or from a plain record (field name = json name, no omitempty). */
export function struct(fields: GoField[] | Record<string, GoValue>, type?: string): GoValue {
	const list = Array.isArray(fields) ? fields : Object.entries(fields).map(([name, value]) => field(name, value));
	return type ? {t: 'struct', fields: list, type} : {t: 'struct', fields: list};
}
export const ptr = (to: GoValue, type?: string): GoValue => (type ? {t: 'ptr', to, type} : {t: 'ptr', to});
export const time = (iso: string): GoValue => ({t: 'time', iso});
export const iface = (v: GoValue): GoValue => ({t: 'iface', v});
/** The zero time.Time, printed by Go as 0001-01-01 00:00:00 +0000 UTC. */
const zeroTime = (): GoValue => time('0001-01-01T00:00:00Z');

// ---------------------------------------------------------------------------------------------
// Types

/** The Go type of a value, as reflect.Type.String() prints it (best effort when `type` is absent). */
export function goTypeName(v: GoValue): string {
	switch (v.t) {
		case 'string':
			return v.type ?? 'string';
		case 'bool':
			return v.type ?? 'bool';
		case 'int':
			return v.type ?? 'int';
		case 'float':
			return v.type ?? 'float64';
		case 'nil':
			return v.type ?? {ptr: '*struct {}', slice: '[]interface {}', map: 'map[string]interface {}', interface: 'interface {}'}[v.of];
		case 'slice':
			return v.type ?? '[]' + (v.items[0] ? goTypeName(v.items[0]) : 'interface {}');
		case 'map':
			return v.type ?? 'map[string]' + (v.entries[0] ? goTypeName(v.entries[0][1]) : 'interface {}');
		case 'struct':
			return v.type ?? anonymousStructType(v.fields);
		case 'ptr':
			return v.type ?? '*' + goTypeName(v.to);
		case 'time':
			return 'time.Time';
		case 'iface':
			return 'interface {}';
	}
}

/** reflect's spelling of an unnamed struct type: struct { A string "json:\"a\"" }. */
function anonymousStructType(fields: GoField[]): string {
	if (fields.length === 0) return 'struct {}';
	const parts = fields.map(f => {
		const tag = f.json !== undefined || f.omitempty ? `json:"${f.json ?? ''}${f.omitempty ? ',omitempty' : ''}"` : '';
		return `${f.name} ${goTypeName(f.value)}${tag ? ' ' + goQuote(tag) : ''}`;
	});
	return `struct { ${parts.join('; ')} }`;
}

/** The zero value of the type of `sample` (used for missing map keys, like reflect.Zero). */
function zeroLike(sample: GoValue): GoValue {
	const keepType = (z: GoValue, type: string | undefined): GoValue => (type ? ({...z, type} as GoValue) : z);
	switch (sample.t) {
		case 'string':
			return keepType({t: 'string', v: ''}, sample.type);
		case 'bool':
			return keepType({t: 'bool', v: false}, sample.type);
		case 'int':
			return keepType({t: 'int', v: 0}, sample.type);
		case 'float':
			return keepType({t: 'float', v: 0}, sample.type);
		case 'nil':
			return sample;
		case 'slice':
			return {t: 'nil', of: 'slice', type: goTypeName(sample)};
		case 'map':
			return {t: 'nil', of: 'map', type: goTypeName(sample)};
		case 'struct':
			return keepType({t: 'struct', fields: sample.fields.map(f => ({...f, value: zeroLike(f.value)}))}, sample.type);
		case 'ptr':
			return {t: 'nil', of: 'ptr', type: goTypeName(sample)};
		case 'time':
			return zeroTime();
		case 'iface':
			return {t: 'nil', of: 'interface'};
	}
}

/** Zero value of a map's element type: from an entry, or from a `map[string]T` type name. */
export function mapElemZero(m: GoValue & {t: 'map'}): GoValue {
	const first = m.entries[0];
	if (first) return zeroLike(first[1]);
	return zeroOfTypeName(elemTypeName(goTypeName(m)));
}

/** Element type spelled inside a map or slice type name (`map[string]T` / `[]T`), if recognisable. */
export function elemTypeName(typeName: string): string {
	if (typeName.startsWith('[]')) return typeName.slice(2);
	if (typeName.startsWith('map[string]')) return typeName.slice('map[string]'.length);
	return 'interface {}';
}

export function zeroOfTypeName(typeName: string): GoValue {
	if (/^u?int(8|16|32|64)?$/.test(typeName) || typeName === 'uintptr') return int(0, typeName === 'int' ? undefined : typeName);
	if (typeName === 'float64' || typeName === 'float32') return float(0, typeName === 'float64' ? undefined : typeName);
	if (typeName === 'string') return str('');
	if (typeName === 'bool') return bool(false);
	if (typeName === 'time.Time') return zeroTime();
	if (typeName.startsWith('[]')) return nil('slice', typeName);
	if (typeName.startsWith('map[')) return nil('map', typeName);
	if (typeName.startsWith('*')) return nil('ptr', typeName);
	if (typeName === 'interface {}' || typeName === 'any') return nil('interface');
	if (typeName === 'struct {}') return struct([]);
	return nil('interface'); // unknown named type: the best we can do without its definition
}

// ---------------------------------------------------------------------------------------------
// Map keys

/** Map entries sorted as Go sorts string keys (byte-wise, i.e. by UTF-8). */
export function sortedEntries<T>(entries: Array<[string, T]>): Array<[string, T]> {
	return [...entries].sort(([a], [b]) => compareGoStrings(a, b));
}

export function compareGoStrings(a: string, b: string): number {
	if (a === b) return 0;
	return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
