/**
 * Go's encoding/json over GoValues: Marshal (struct tags, omitempty, sorted map keys, HTML
 * escaping), MarshalIndent and Indent, and what a decode into interface{} with UseNumber gives.
 */
import {type GoField, type GoValue, bool, iface, map, nil, slice, sortedEntries, str} from './values.js';
import {formatFloat} from './strconv.js';
import {goTimeRfc3339Nano} from './time.js';

function jsonFloat(v: number): string {
	if (!Number.isFinite(v)) throw new GoJsonError(`json: unsupported value: ${formatFloat(v, 'g', -1)}`);
	if (Object.is(v, -0)) return '-0';
	return String(v);
}

class GoJsonError extends Error {}

interface JsonOptions {
	/** json.Marshal escapes <, > and & as \u003c, \u003e, \u0026; json.Encoder.SetEscapeHTML(false) does not. */
	escapeHTML?: boolean;
}

/** encoding/json's string encoding. */
function jsonString(s: string, escapeHTML = true): string {
	let out = '"';
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		const ch = s[i]!;
		if (c === 0x22) out += '\\"';
		else if (c === 0x5c) out += '\\\\';
		else if (c < 0x20) {
			// Go 1.22+ writes \b and \f short forms (older Go wrote \u0008 and \u000c).
			const named: Record<number, string> = {8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t'};
			out += named[c] ?? '\\u00' + c.toString(16).padStart(2, '0');
		} else if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) out += '\\u00' + c.toString(16);
		else if (c === 0x2028 || c === 0x2029)
			out += '\\u' + c.toString(16); // always escaped (JSONP safety)
		else if (c >= 0xd800 && c <= 0xdbff) {
			const next = s.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				out += ch + s[i + 1];
				i++;
			} else out += '\\ufffd'; // invalid UTF-8 in Go becomes U+FFFD
		} else if (c >= 0xdc00 && c <= 0xdfff) out += '\\ufffd';
		else out += ch;
	}
	return out + '"';
}

/** encoding/json's isEmptyValue, for omitempty. Structs (and time.Time) are never empty. */
function isEmptyValue(v: GoValue): boolean {
	switch (v.t) {
		case 'string':
			return v.v === '';
		case 'bool':
			return !v.v;
		case 'int':
		case 'float':
			return v.v === 0;
		case 'nil':
			return true;
		case 'slice':
			return v.items.length === 0;
		case 'map':
			return v.entries.length === 0;
		default:
			return false;
	}
}

const isExported = (name: string): boolean => /^\p{Lu}/u.test(name);

/** The fields encoding/json writes for a struct: exported, not tagged '-', omitempty applied. */
function jsonFields(fields: GoField[]): Array<[string, GoValue]> {
	const out: Array<[string, GoValue]> = [];
	for (const f of fields) {
		if (!isExported(f.name) || f.json === '-') continue;
		if (f.omitempty && isEmptyValue(f.value)) continue;
		out.push([f.json || f.name, f.value]);
	}
	return out;
}

/** json.Marshal(v) (throws GoJsonError for NaN/Inf like Go returns an error). */
export function goJson(v: GoValue, opts: JsonOptions = {}): string {
	const html = opts.escapeHTML ?? true;
	const enc = (x: GoValue): string => {
		switch (x.t) {
			case 'string':
				// json.Number (a named string type) is written as the number literal it holds.
				if (x.type === 'json.Number') return x.v === '' ? '0' : x.v;
				return jsonString(x.v, html);
			case 'bool':
				return x.v ? 'true' : 'false';
			case 'int':
				return String(Math.trunc(x.v));
			case 'float':
				return jsonFloat(x.v);
			case 'nil':
				return 'null';
			case 'slice':
				return '[' + x.items.map(enc).join(',') + ']';
			case 'map':
				return (
					'{' +
					sortedEntries(x.entries)
						.map(([k, item]) => jsonString(k, html) + ':' + enc(item))
						.join(',') +
					'}'
				);
			case 'struct':
				return (
					'{' +
					jsonFields(x.fields)
						.map(([k, item]) => jsonString(k, html) + ':' + enc(item))
						.join(',') +
					'}'
				);
			case 'ptr':
				return enc(x.to);
			case 'time':
				return '"' + goTimeRfc3339Nano(x.iso) + '"';
			case 'iface':
				return enc(x.v);
		}
	};
	return enc(v);
}

/** json.MarshalIndent(v, prefix, indent). */
export function goJsonIndent(v: GoValue, prefix: string, indent: string, opts: JsonOptions = {}): string {
	return jsonIndent(goJson(v, opts), prefix, indent);
}

/**
 * json.Indent on compact (or any valid) JSON: insignificant whitespace is dropped, each element goes
 * on its own line starting with prefix + indent×depth, empty [] and {} stay on one line, and the
 * output itself does not begin with the prefix.
 */
export function jsonIndent(src: string, prefix: string, indent: string): string {
	let out = '';
	let depth = 0;
	let needIndent = false;
	let inString = false;
	const newline = () => {
		out += '\n' + prefix + indent.repeat(depth);
	};
	for (let i = 0; i < src.length; i++) {
		const c = src[i]!;
		if (inString) {
			out += c;
			if (c === '\\') out += src[++i] ?? '';
			else if (c === '"') inString = false;
			continue;
		}
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
		if (needIndent && c !== ']' && c !== '}') {
			needIndent = false;
			depth++;
			newline();
		}
		if (c === '"') {
			inString = true;
			out += c;
		} else if (c === '[' || c === '{') {
			out += c;
			needIndent = true;
		} else if (c === ',') {
			out += c;
			newline();
		} else if (c === ':') out += ': ';
		else if (c === ']' || c === '}') {
			if (needIndent)
				needIndent = false; // suppress the indent of an empty [] or {}
			else {
				depth--;
				newline();
			}
			out += c;
		} else out += c;
	}
	return out;
}

/**
 * The value a JSON decode of goJson(v) gives with json.Decoder.UseNumber() into an interface{}:
 * objects become map[string]interface{}, arrays []interface{}, numbers json.Number, null a nil
 * interface. (The Docker CLI re-runs a failing --format template against this.)
 */
export function jsonInterfaceValue(v: GoValue): GoValue {
	const conv = (x: GoValue): GoValue => {
		switch (x.t) {
			case 'string':
				return iface(x.type === 'json.Number' ? x : str(x.v));
			case 'bool':
				return iface(bool(x.v));
			case 'int':
			case 'float':
				return iface(str(goJson(x), 'json.Number'));
			case 'nil':
				return nil('interface');
			case 'slice':
				return iface(slice(x.items.map(conv), '[]interface {}'));
			case 'map':
				return iface(
					map(
						sortedEntries(x.entries).map(([k, item]) => [k, conv(item)] as [string, GoValue]),
						'map[string]interface {}',
					),
				);
			case 'struct':
				return iface(
					map(
						sortedEntries(jsonFields(x.fields)).map(([k, item]) => [k, conv(item)] as [string, GoValue]),
						'map[string]interface {}',
					),
				);
			case 'ptr':
				return conv(x.to);
			case 'time':
				return iface(str(goTimeRfc3339Nano(x.iso)));
			case 'iface':
				return conv(x.v);
		}
	};
	const top = conv(v);
	return top.t === 'iface' ? top.v : top;
}
