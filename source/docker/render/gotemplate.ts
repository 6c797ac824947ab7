/**
 * Go's text/template, as the Docker CLI runs it for `--format`, over GoValues (govalue.ts).
 *
 * This is a port of the parts of text/template (lexer, parser, executor; current Go semantics) that
 * Docker users meet, with Go's own error texts and positions, plus the Docker CLI's extra functions
 * (docker/cli templates/templates.go: json, split, join, title, lower, upper, pad, truncate).
 *
 * Not modelled: methods on values (Go would let `.Created.Year` call time.Time.Year), channels,
 * funcs and complex numbers. Everything else a Docker --format string can contain is: fields,
 * maps, variables, pipelines, parenthesised pipelines, if/else if/with/else with/range (slices,
 * maps, integers)/break/continue, define/template/block, comments and `{{-`/`-}}` trimming.
 *
 * The CLI side is `dockerInspectFormat`: it mirrors cli/command/inspect/inspector.go, including the
 * surprising fallback that re-runs a failing template against the object's JSON decoded into
 * map[string]interface{} with missingkey=error, which is why Docker's error for a bad field reads
 * `map has no entry for key "X"` rather than text/template's "can't evaluate field X".
 */

import {
	type GoValue,
	bool,
	compareGoStrings,
	dockerInspectJson,
	elemTypeName,
	goJson,
	goQuote,
	goSprint,
	goSprintf,
	goSprintln,
	goTypeName,
	int,
	jsonInterfaceValue,
	mapElemZero,
	nil,
	slice,
	sortedEntries,
	str,
	strings as stringSlice,
	zeroOfTypeName,
} from './govalue.js';

// =============================================================================================
// Lexer (text/template/parse/lex.go)

type ItemType =
	| 'error'
	| 'bool'
	| 'char'
	| 'charConstant'
	| 'complex'
	| 'assign'
	| 'declare'
	| 'eof'
	| 'field'
	| 'identifier'
	| 'leftDelim'
	| 'leftParen'
	| 'number'
	| 'pipe'
	| 'rawString'
	| 'rightDelim'
	| 'rightParen'
	| 'space'
	| 'string'
	| 'text'
	| 'variable'
	// keywords
	| 'block'
	| 'break'
	| 'continue'
	| 'dot'
	| 'define'
	| 'else'
	| 'end'
	| 'if'
	| 'nil'
	| 'range'
	| 'template'
	| 'with';

const keywords: Record<string, ItemType> = {
	'.': 'dot',
	block: 'block',
	break: 'break',
	continue: 'continue',
	define: 'define',
	else: 'else',
	end: 'end',
	if: 'if',
	range: 'range',
	nil: 'nil',
	template: 'template',
	with: 'with',
};
const keywordTypes = new Set<ItemType>(Object.values(keywords));

interface Item {
	typ: ItemType;
	pos: number;
	val: string;
	line: number;
}

/** item.String(), used in "unexpected X in Y" parse errors. */
function itemString(i: Item): string {
	if (i.typ === 'eof') return 'EOF';
	if (i.typ === 'error') return i.val;
	if (keywordTypes.has(i.typ)) return `<${i.val}>`;
	const runes = [...i.val];
	if (runes.length > 10) return goQuote(runes.slice(0, 10).join('')) + '...';
	return goQuote(i.val);
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && /^[_\p{L}\p{Nd}]$/u.test(c);
const hasLeftTrimMarker = (s: string): boolean => s.length >= 2 && s[0] === '-' && isSpace(s[1]);
const hasRightTrimMarker = (s: string): boolean => s.length >= 2 && isSpace(s[0]) && s[1] === '-';

/** %#U: U+007D '}' */
function hashU(c: string): string {
	const cp = c.codePointAt(0)!;
	const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
	return /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(c) ? `${hex} '${c}'` : hex;
}

function lex(input: string, opts: {breakOK: boolean; continueOK: boolean}): Item[] {
	const L = '{{';
	const R = '}}';
	const items: Item[] = [];
	let pos = 0;
	let start = 0;
	let parenDepth = 0;
	// Items are emitted in order, so the line number is counted incrementally.
	let lineScan = 0;
	let lineCount = 1;
	const lineAt = (p: number): number => {
		for (; lineScan < p; lineScan++) if (input.charCodeAt(lineScan) === 10) lineCount++;
		return lineCount;
	};
	const emit = (typ: ItemType): void => {
		items.push({typ, pos: start, val: input.slice(start, pos), line: lineAt(start)});
		start = pos;
	};
	const fail = (msg: string): null => {
		items.push({typ: 'error', pos: start, val: msg, line: lineAt(start)});
		return null;
	};
	const next = (): string | undefined => {
		if (pos >= input.length) return undefined;
		const c = String.fromCodePoint(input.codePointAt(pos)!);
		pos += c.length;
		return c;
	};
	const peek = (): string | undefined => (pos >= input.length ? undefined : String.fromCodePoint(input.codePointAt(pos)!));
	const accept = (valid: string): boolean => {
		const c = peek();
		if (c !== undefined && valid.includes(c)) {
			pos += c.length;
			return true;
		}
		return false;
	};
	const acceptRun = (valid: string): void => {
		while (accept(valid));
	};
	const atRightDelim = (): {delim: boolean; trim: boolean} => {
		const rest = input.slice(pos);
		if (hasRightTrimMarker(rest) && rest.slice(2).startsWith(R)) return {delim: true, trim: true};
		if (rest.startsWith(R)) return {delim: true, trim: false};
		return {delim: false, trim: false};
	};
	const atTerminator = (): boolean => {
		const c = peek();
		if (c === undefined || isSpace(c) || '.,|:)('.includes(c)) return true;
		return input.startsWith(R, pos);
	};
	const leftTrimLength = (s: string) => s.length - s.replace(/^[ \t\r\n]+/, '').length;

	type State = (() => State) | null;

	const lexText = (): State => {
		const x = input.indexOf(L, pos);
		if (x >= 0) {
			if (x > pos) {
				pos = x;
				let trim = 0;
				if (hasLeftTrimMarker(input.slice(pos + L.length))) {
					const text = input.slice(start, pos);
					trim = text.length - text.replace(/[ \t\r\n]+$/, '').length;
				}
				pos -= trim;
				if (pos > start) emit('text');
				pos += trim;
				start = pos;
			}
			return lexLeftDelim;
		}
		pos = input.length;
		if (pos > start) emit('text');
		emit('eof');
		return null;
	};
	const lexLeftDelim = (): State => {
		pos += L.length;
		const trim = hasLeftTrimMarker(input.slice(pos));
		const after = trim ? 2 : 0;
		if (input.startsWith('/*', pos + after)) {
			pos += after;
			start = pos;
			return lexComment;
		}
		emit('leftDelim');
		pos += after;
		start = pos;
		parenDepth = 0;
		return lexInsideAction;
	};
	const lexComment = (): State => {
		pos += 2;
		const x = input.indexOf('*/', pos);
		if (x < 0) return fail('unclosed comment');
		pos = x + 2;
		const {delim, trim} = atRightDelim();
		if (!delim) return fail('comment ends before closing delimiter');
		if (trim) pos += 2;
		pos += R.length;
		if (trim) pos += leftTrimLength(input.slice(pos));
		start = pos;
		return lexText;
	};
	const lexRightDelim = (): State => {
		const {trim} = atRightDelim();
		if (trim) {
			pos += 2;
			start = pos;
		}
		pos += R.length;
		emit('rightDelim');
		if (trim) {
			pos += leftTrimLength(input.slice(pos));
			start = pos;
		}
		return lexText;
	};
	const lexInsideAction = (): State => {
		if (atRightDelim().delim) {
			if (parenDepth === 0) return lexRightDelim;
			return fail('unclosed left paren');
		}
		const r = next();
		if (r === undefined) return fail('unclosed action');
		if (isSpace(r)) {
			pos -= r.length; // put the space back in case we have " -}}"
			return lexSpace;
		}
		if (r === '=') emit('assign');
		else if (r === ':') {
			if (next() !== '=') return fail('expected :=');
			emit('declare');
		} else if (r === '|') emit('pipe');
		else if (r === '"') return lexQuote;
		else if (r === '`') return lexRawQuote;
		else if (r === '$') return lexVariable;
		else if (r === "'") return lexChar;
		else if (r === '.' && !(pos < input.length && input[pos]! >= '0' && input[pos]! <= '9')) return lexField;
		else if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
			pos -= 1;
			return lexNumber;
		} else if (isAlphaNumeric(r)) {
			pos -= r.length;
			return lexIdentifier;
		} else if (r === '(') {
			parenDepth++;
			emit('leftParen');
		} else if (r === ')') {
			parenDepth--;
			if (parenDepth < 0) return fail('unexpected right paren');
			emit('rightParen');
		} else if (r.codePointAt(0)! <= 0x7f && r >= ' ' && r !== '\x7f') emit('char');
		else return fail(`unrecognized character in action: ${hashU(r)}`);
		return lexInsideAction;
	};
	const lexSpace = (): State => {
		let n = 0;
		while (isSpace(peek())) {
			next();
			n++;
		}
		// A trim-marked closing delimiter has a minus after a space.
		if (input.startsWith(' -' + R, pos - 1)) {
			pos -= 1;
			if (n === 1) return lexRightDelim;
		}
		emit('space');
		return lexInsideAction;
	};
	const lexIdentifier = (): State => {
		for (;;) {
			const r = next();
			if (isAlphaNumeric(r)) continue;
			if (r !== undefined) pos -= r.length;
			const word = input.slice(start, pos);
			if (!atTerminator()) return fail(`bad character ${hashU(r ?? '')}`);
			const kw = keywords[word];
			if (kw && kw !== 'dot') {
				if ((kw === 'break' && !opts.breakOK) || (kw === 'continue' && !opts.continueOK)) emit('identifier');
				else emit(kw);
			} else if (word === 'true' || word === 'false') emit('bool');
			else emit('identifier');
			return lexInsideAction;
		}
	};
	const lexFieldOrVariable = (typ: 'field' | 'variable'): State => {
		if (atTerminator()) {
			emit(typ === 'variable' ? 'variable' : 'dot');
			return lexInsideAction;
		}
		let r: string | undefined;
		for (;;) {
			r = next();
			if (!isAlphaNumeric(r)) {
				if (r !== undefined) pos -= r.length;
				break;
			}
		}
		if (!atTerminator()) return fail(`bad character ${hashU(r ?? '')}`);
		emit(typ);
		return lexInsideAction;
	};
	const lexField = (): State => lexFieldOrVariable('field');
	const lexVariable = (): State => {
		if (atTerminator()) {
			emit('variable');
			return lexInsideAction;
		}
		return lexFieldOrVariable('variable');
	};
	const lexQuoted = (quote: string, what: string, typ: ItemType): State => {
		for (;;) {
			const r = next();
			if (r === '\\') {
				const e = next();
				if (e !== undefined && e !== '\n') continue;
				return fail(`unterminated ${what}`);
			}
			if (r === undefined || r === '\n') return fail(`unterminated ${what}`);
			if (r === quote) break;
		}
		emit(typ);
		return lexInsideAction;
	};
	const lexQuote = (): State => lexQuoted('"', 'quoted string', 'string');
	const lexChar = (): State => lexQuoted("'", 'character constant', 'charConstant');
	const lexRawQuote = (): State => {
		const x = input.indexOf('`', pos);
		if (x < 0) return fail('unterminated raw quoted string');
		pos = x + 1;
		emit('rawString');
		return lexInsideAction;
	};
	const scanNumber = (): boolean => {
		accept('+-');
		let digits = '0123456789_';
		if (accept('0')) {
			if (accept('xX')) digits = '0123456789abcdefABCDEF_';
			else if (accept('oO')) digits = '01234567_';
			else if (accept('bB')) digits = '01_';
		}
		acceptRun(digits);
		if (accept('.')) acceptRun(digits);
		if (digits.length === 11 && accept('eE')) {
			accept('+-');
			acceptRun('0123456789_');
		}
		if (digits.length === 23 && accept('pP')) {
			accept('+-');
			acceptRun('0123456789_');
		}
		accept('i');
		if (isAlphaNumeric(peek())) {
			next();
			return false;
		}
		return true;
	};
	const lexNumber = (): State => {
		if (!scanNumber()) return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
		const sign = peek();
		if (sign === '+' || sign === '-') {
			if (!scanNumber() || input[pos - 1] !== 'i') return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
			emit('complex');
		} else emit('number');
		return lexInsideAction;
	};

	let state: State = lexText;
	while (state) state = state();
	return items;
}

// =============================================================================================
// Parse tree (text/template/parse/node.go)

export type Node =
	| {type: 'text'; pos: number; text: string}
	| {type: 'comment'; pos: number; text: string}
	| {type: 'action'; pos: number; line: number; pipe: PipeNode}
	| PipeNode
	| {type: 'command'; pos: number; args: Node[]}
	| {type: 'field'; pos: number; ident: string[]}
	| {type: 'variable'; pos: number; ident: string[]}
	| {type: 'chain'; pos: number; node: Node; field: string[]}
	| {type: 'identifier'; pos: number; ident: string}
	| {type: 'dot'; pos: number}
	| {type: 'nil'; pos: number}
	| {type: 'bool'; pos: number; v: boolean}
	| NumberNode
	| {type: 'string'; pos: number; quoted: string; text: string}
	| BranchNode
	| ListNode
	| {type: 'break'; pos: number; line: number}
	| {type: 'continue'; pos: number; line: number}
	| {type: 'template'; pos: number; line: number; name: string; pipe: PipeNode | null}
	| {type: 'end'; pos: number}
	| {type: 'else'; pos: number; line: number};

export interface PipeNode {
	type: 'pipe';
	pos: number;
	line: number;
	isAssign: boolean;
	decl: Array<{type: 'variable'; pos: number; ident: string[]}>;
	cmds: Array<{type: 'command'; pos: number; args: Node[]}>;
}
interface NumberNode {
	type: 'number';
	pos: number;
	text: string;
	isInt: boolean;
	isFloat: boolean;
	int: number;
	float: number;
}
interface BranchNode {
	type: 'if' | 'range' | 'with';
	pos: number;
	line: number;
	pipe: PipeNode;
	list: ListNode;
	elseList: ListNode | null;
}
interface ListNode {
	type: 'list';
	pos: number;
	nodes: Node[];
}
type CommandNode = PipeNode['cmds'][number];

/** Node.String(): how Go prints a node in "executing ... at <node>". */
export function nodeString(n: Node): string {
	switch (n.type) {
		case 'text':
			return n.text;
		case 'comment':
			return '{{' + n.text + '}}';
		case 'action':
			return '{{' + nodeString(n.pipe) + '}}';
		case 'pipe': {
			let s = '';
			if (n.decl.length > 0) s += n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ');
			return s + n.cmds.map(nodeString).join(' | ');
		}
		case 'command':
			return n.args.map(a => (a.type === 'pipe' ? '(' + nodeString(a) + ')' : nodeString(a))).join(' ');
		case 'field':
			return n.ident.map(i => '.' + i).join('');
		case 'variable':
			return n.ident.join('.');
		case 'chain':
			return (n.node.type === 'pipe' ? '(' + nodeString(n.node) + ')' : nodeString(n.node)) + n.field.map(f => '.' + f).join('');
		case 'identifier':
			return n.ident;
		case 'dot':
			return '.';
		case 'nil':
			return 'nil';
		case 'bool':
			return n.v ? 'true' : 'false';
		case 'number':
			return n.text;
		case 'string':
			return n.quoted;
		case 'if':
		case 'range':
		case 'with':
			return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${n.elseList ? '{{else}}' + nodeString(n.elseList) : ''}{{end}}`;
		case 'list':
			return n.nodes.map(nodeString).join('');
		case 'break':
			return '{{break}}';
		case 'continue':
			return '{{continue}}';
		case 'template':
			return `{{template ${goQuote(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
		case 'end':
			return '{{end}}';
		case 'else':
			return '{{else}}';
	}
}

// =============================================================================================
// Parser (text/template/parse/parse.go)

class TemplateError extends Error {}

export interface ParsedTemplate {
	name: string;
	text: string;
	/** All trees, the top-level one under `name`, plus {{define}}d ones. */
	trees: Map<string, ListNode>;
}

/** strconv.Unquote for "..." , `...` and '...' literals. */
function unquote(s: string): string {
	const q = s[0];
	if (q === '`') {
		if (s.length < 2 || !s.endsWith('`')) throw new TemplateError('invalid syntax');
		return s.slice(1, -1).replace(/\r/g, '');
	}
	if (s.length < 2 || s[s.length - 1] !== q) throw new TemplateError('invalid syntax');
	const body = s.slice(1, -1);
	let out = '';
	for (let i = 0; i < body.length;) {
		const c = String.fromCodePoint(body.codePointAt(i)!);
		if (c === q || c === '\n') throw new TemplateError('invalid syntax');
		if (c !== '\\') {
			out += c;
			i += c.length;
			continue;
		}
		const e = body[i + 1];
		i += 2;
		const simple: Record<string, string> = {a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\'};
		if (e !== undefined && simple[e] !== undefined) out += simple[e];
		else if (e === q) out += q;
		else if (e === 'x' || e === 'u' || e === 'U') {
			const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
			const hex = body.slice(i, i + n);
			if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new TemplateError('invalid syntax');
			const cp = parseInt(hex, 16);
			if (e === 'x')
				out += Buffer.from([cp]).toString('latin1'); // a raw byte; approximated as that code point
			else {
				if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new TemplateError('invalid syntax');
				out += String.fromCodePoint(cp);
			}
			i += n;
		} else if (e !== undefined && e >= '0' && e <= '7') {
			const oct = body.slice(i - 1, i + 2);
			if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) throw new TemplateError('invalid syntax');
			out += String.fromCharCode(parseInt(oct, 8));
			i += 2;
		} else throw new TemplateError('invalid syntax');
	}
	if (q === "'" && [...out].length !== 1) throw new TemplateError('invalid syntax');
	return out;
}

/** parse.NumberNode construction: which of int/float a literal can be. */
function newNumber(pos: number, text: string, typ: ItemType): NumberNode {
	const n: NumberNode = {type: 'number', pos, text, isInt: false, isFloat: false, int: 0, float: 0};
	if (typ === 'charConstant') {
		let r: number;
		try {
			r = unquote(text).codePointAt(0)!;
		} catch (e) {
			// strconv.UnquoteChar read one character; anything left before the quote is "malformed".
			if (e instanceof TemplateError && /^'(\\.[^']*|[^\\'][^']+)'$/u.test(text) && [...text].length > 3) {
				throw new TemplateError(`malformed character constant: ${text}`);
			}
			throw e;
		}
		return {...n, isInt: true, isFloat: true, int: r, float: r};
	}
	if (typ === 'complex' || text.endsWith('i')) throw new TemplateError(`complex constants are not supported: ${goQuote(text)}`);
	const clean = text.replace(/_/g, '');
	const intMatch = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(clean);
	if (intMatch) {
		const sign = intMatch[1] === '-' ? -1n : 1n;
		const body = intMatch[2]!;
		const big = sign * (/^0[oO]/.test(body) ? BigInt('0o' + body.slice(2)) : /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body));
		if (big >= -(2n ** 63n) && big < 2n ** 63n) return {...n, isInt: true, isFloat: true, int: Number(big), float: Number(big)};
		if (big >= 0n && big < 2n ** 64n) return {...n, isFloat: true, float: Number(big)};
		throw new TemplateError(`integer overflow: ${goQuote(text)}`);
	}
	const f = /^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.test(clean) ? Number(clean) : hexFloat(clean);
	if (Number.isNaN(f)) throw new TemplateError(`illegal number syntax: ${goQuote(text)}`);
	if (!/[.eEpP]/.test(text)) throw new TemplateError(`integer overflow: ${goQuote(text)}`);
	const asInt = Number.isInteger(f) && Math.abs(f) < 2 ** 63;
	return {...n, isFloat: true, float: f, isInt: asInt, int: asInt ? f : 0};
}

/** strconv.ParseFloat for hexadecimal floats: 0x1.8p1 = 3. NaN when not one. */
function hexFloat(text: string): number {
	const m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(text);
	if (!m || (m[2] === '' && !m[3])) return NaN;
	const frac = m[3] ?? '';
	const mant = parseInt((m[2] || '0') + frac, 16);
	return (m[1] === '-' ? -1 : 1) * mant * 2 ** (Number(m[4]) - 4 * frac.length);
}

class Parser {
	private items: Item[];
	private i = 0;
	private maxLine = 1; // line of the furthest token read: Go reports parse errors at t.token[0].line
	private vars: string[] = ['$'];
	private rangeDepth = 0;
	private actionLine = 0;

	constructor(
		private readonly name: string,
		text: string,
		private readonly funcs: Set<string>,
		private readonly trees: Map<string, ListNode>,
	) {
		this.items = lex(text, {breakOK: !funcs.has('break'), continueOK: !funcs.has('continue')});
	}

	private errorf(msg: string): never {
		throw new TemplateError(`template: ${this.name}:${this.maxLine}: ${msg}`);
	}
	private next(): Item {
		const item = this.items[this.i] ?? this.items[this.items.length - 1]!;
		if (this.i < this.items.length) this.i++;
		this.maxLine = Math.max(this.maxLine, item.line);
		return item;
	}
	private backup(n = 1): void {
		this.i -= n;
	}
	private peek(): Item {
		const item = this.next();
		this.backup();
		return item;
	}
	private nextNonSpace(): Item {
		let item: Item;
		do item = this.next();
		while (item.typ === 'space');
		return item;
	}
	private peekNonSpace(): Item {
		const item = this.nextNonSpace();
		this.backup();
		return item;
	}
	private expect(typ: ItemType, context: string): Item {
		const token = this.nextNonSpace();
		if (token.typ !== typ) this.unexpected(token, context);
		return token;
	}
	private unexpected(token: Item, context: string): never {
		if (token.typ === 'error') {
			let extra = '';
			if (this.actionLine !== 0 && this.actionLine !== token.line) {
				extra = ` in action started at ${this.name}:${this.actionLine}`;
				if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
			}
			this.errorf(token.val + extra);
		}
		this.errorf(`unexpected ${itemString(token)} in ${context}`);
	}
	private guard<T>(f: () => T): T {
		try {
			return f();
		} catch (e) {
			if (e instanceof TemplateError && !e.message.startsWith('template: ')) this.errorf(e.message);
			throw e;
		}
	}

	parse(): ListNode {
		const root: ListNode = {type: 'list', pos: this.peek().pos, nodes: []};
		while (this.peek().typ !== 'eof') {
			if (this.peek().typ === 'leftDelim') {
				const mark = this.i;
				this.next();
				if (this.nextNonSpace().typ === 'define') {
					this.parseDefinition();
					continue;
				}
				this.i = mark;
			}
			const n = this.textOrAction();
			if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
			root.nodes.push(n);
		}
		return root;
	}

	private parseDefinition(): void {
		const context = 'define clause';
		const nameItem = this.nextNonSpace();
		if (nameItem.typ !== 'string' && nameItem.typ !== 'rawString') this.unexpected(nameItem, context);
		const name = this.guard(() => unquote(nameItem.val));
		this.expect('rightDelim', context);
		const savedVars = this.vars;
		this.vars = ['$'];
		const [list, end] = this.itemList();
		this.vars = savedVars;
		if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
		this.addTree(name, list);
	}

	private addTree(name: string, list: ListNode): void {
		const existing = this.trees.get(name);
		if (existing && !isEmptyTree(existing) && !isEmptyTree(list)) this.errorf(`template: multiple definition of template ${goQuote(name)}`);
		if (!existing || isEmptyTree(existing)) this.trees.set(name, list);
	}

	private itemList(): [ListNode, Node] {
		const list: ListNode = {type: 'list', pos: this.peekNonSpace().pos, nodes: []};
		while (this.peekNonSpace().typ !== 'eof') {
			const n = this.textOrAction();
			if (n.type === 'end' || n.type === 'else') return [list, n];
			list.nodes.push(n);
		}
		this.errorf('unexpected EOF');
	}

	private textOrAction(): Node {
		const token = this.nextNonSpace();
		switch (token.typ) {
			case 'text':
				return {type: 'text', pos: token.pos, text: token.val};
			case 'leftDelim': {
				this.actionLine = token.line;
				try {
					return this.action();
				} finally {
					this.actionLine = 0;
				}
			}
			default:
				this.unexpected(token, 'input');
		}
	}

	private action(): Node {
		const token = this.nextNonSpace();
		switch (token.typ) {
			case 'block':
				return this.blockControl();
			case 'break':
			case 'continue': {
				const t = this.nextNonSpace();
				if (t.typ !== 'rightDelim') this.unexpected(t, `{{${token.typ}}}`);
				if (this.rangeDepth === 0) this.errorf(`{{${token.typ}}} outside {{range}}`);
				return {type: token.typ, pos: token.pos, line: token.line};
			}
			case 'else':
				return this.elseControl();
			case 'end':
				return {type: 'end', pos: this.expect('rightDelim', 'end').pos};
			case 'if':
			case 'range':
			case 'with':
				return this.branch(token.typ);
			case 'template':
				return this.templateControl();
		}
		this.backup();
		const first = this.peek();
		return {type: 'action', pos: first.pos, line: first.line, pipe: this.pipeline('command', 'rightDelim')};
	}

	private pipeline(context: string, end: ItemType): PipeNode {
		const token = this.peekNonSpace();
		const pipe: PipeNode = {type: 'pipe', pos: token.pos, line: token.line, isAssign: false, decl: [], cmds: []};
		decls: for (;;) {
			const v = this.peekNonSpace();
			if (v.typ !== 'variable') break;
			this.nextNonSpace();
			const afterVar = this.peek();
			const next = this.peekNonSpace();
			if (next.typ === 'assign' || next.typ === 'declare') {
				pipe.isAssign = next.typ === 'assign';
				this.nextNonSpace();
				pipe.decl.push({type: 'variable', pos: v.pos, ident: v.val.split('.')});
				this.vars.push(v.val);
			} else if (next.typ === 'char' && next.val === ',') {
				this.nextNonSpace();
				pipe.decl.push({type: 'variable', pos: v.pos, ident: v.val.split('.')});
				this.vars.push(v.val);
				if (context === 'range' && pipe.decl.length < 2) {
					const t = this.peekNonSpace().typ;
					if (t === 'variable' || t === 'rightDelim' || t === 'rightParen') continue decls; // second variable
					this.errorf('range can only initialize variables');
				}
				this.errorf(`too many declarations in ${context}`);
			} else {
				// Not a declaration: push the variable (and the space after it) back.
				this.i = this.items.indexOf(v);
				void afterVar;
			}
			break;
		}
		for (;;) {
			const token = this.nextNonSpace();
			if (token.typ === end) {
				this.checkPipeline(pipe, context);
				return pipe;
			}
			switch (token.typ) {
				case 'bool':
				case 'charConstant':
				case 'complex':
				case 'dot':
				case 'field':
				case 'identifier':
				case 'number':
				case 'nil':
				case 'rawString':
				case 'string':
				case 'variable':
				case 'leftParen':
					this.backup();
					pipe.cmds.push(this.command());
					break;
				default:
					this.unexpected(token, context);
			}
		}
	}

	private checkPipeline(pipe: PipeNode, context: string): void {
		if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
		pipe.cmds.slice(1).forEach((c, i) => {
			const t = c.args[0]!.type;
			if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
				this.errorf(`non executable command in pipeline stage ${i + 2}`);
			}
		});
	}

	private branch(context: 'if' | 'range' | 'with'): BranchNode {
		const mark = this.vars.length;
		try {
			const pipe = this.pipeline(context, 'rightDelim');
			if (context === 'range') this.rangeDepth++;
			let [list, next] = this.itemList();
			if (context === 'range') this.rangeDepth--;
			let elseList: ListNode | null = null;
			if (next.type === 'else') {
				// {{else if ...}} / {{else with ...}} are {{else}}{{if ...}}...{{end}}{{end}}.
				if ((context === 'if' && this.peek().typ === 'if') || (context === 'with' && this.peek().typ === 'with')) {
					this.next();
					elseList = {type: 'list', pos: next.pos, nodes: [this.branch(context)]};
				} else {
					[elseList, next] = this.itemList();
					if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
				}
			}
			return {type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList};
		} finally {
			this.vars.length = mark;
		}
	}

	private elseControl(): Node {
		const peek = this.peekNonSpace();
		if (peek.typ === 'if' || peek.typ === 'with') return {type: 'else', pos: peek.pos, line: peek.line};
		const token = this.expect('rightDelim', 'else');
		return {type: 'else', pos: token.pos, line: token.line};
	}

	private templateName(token: Item, context: string): string {
		if (token.typ !== 'string' && token.typ !== 'rawString') this.unexpected(token, context);
		return this.guard(() => unquote(token.val));
	}

	private templateControl(): Node {
		const context = 'template clause';
		const token = this.nextNonSpace();
		const name = this.templateName(token, context);
		let pipe: PipeNode | null = null;
		if (this.nextNonSpace().typ !== 'rightDelim') {
			this.backup();
			pipe = this.pipeline(context, 'rightDelim');
		}
		return {type: 'template', pos: token.pos, line: token.line, name, pipe};
	}

	private blockControl(): Node {
		const context = 'block clause';
		const token = this.nextNonSpace();
		const name = this.templateName(token, context);
		const pipe = this.pipeline(context, 'rightDelim');
		const savedVars = this.vars;
		this.vars = ['$'];
		const [list, end] = this.itemList();
		this.vars = savedVars;
		if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
		this.addTree(name, list);
		return {type: 'template', pos: token.pos, line: token.line, name, pipe};
	}

	private command(): CommandNode {
		const cmd: CommandNode = {type: 'command', pos: this.peekNonSpace().pos, args: []};
		for (;;) {
			this.peekNonSpace();
			const operand = this.operand();
			if (operand) cmd.args.push(operand);
			const token = this.next();
			if (token.typ === 'space') continue;
			if (token.typ === 'rightDelim' || token.typ === 'rightParen') this.backup();
			else if (token.typ !== 'pipe') this.unexpected(token, 'operand');
			break;
		}
		if (cmd.args.length === 0) this.errorf('empty command');
		return cmd;
	}

	private operand(): Node | null {
		const node = this.term();
		if (!node) return null;
		if (this.peek().typ !== 'field') return node;
		const chainPos = this.peek().pos;
		const fields: string[] = [];
		while (this.peek().typ === 'field') fields.push(this.next().val.slice(1));
		switch (node.type) {
			case 'field':
				return {type: 'field', pos: chainPos, ident: [...node.ident, ...fields]};
			case 'variable':
				return {type: 'variable', pos: chainPos, ident: [...node.ident, ...fields]};
			case 'bool':
			case 'string':
			case 'number':
			case 'nil':
			case 'dot':
				this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
			default:
				return {type: 'chain', pos: chainPos, node, field: fields};
		}
	}

	private term(): Node | null {
		const token = this.nextNonSpace();
		switch (token.typ) {
			case 'identifier':
				if (!this.funcs.has(token.val)) this.errorf(`function ${goQuote(token.val)} not defined`);
				return {type: 'identifier', pos: token.pos, ident: token.val};
			case 'dot':
				return {type: 'dot', pos: token.pos};
			case 'nil':
				return {type: 'nil', pos: token.pos};
			case 'variable': {
				const ident = token.val.split('.');
				if (!this.vars.includes(ident[0]!)) this.errorf(`undefined variable ${goQuote(ident[0]!)}`);
				return {type: 'variable', pos: token.pos, ident};
			}
			case 'field':
				return {type: 'field', pos: token.pos, ident: [token.val.slice(1)]};
			case 'bool':
				return {type: 'bool', pos: token.pos, v: token.val === 'true'};
			case 'charConstant':
			case 'complex':
			case 'number':
				return this.guard(() => newNumber(token.pos, token.val, token.typ));
			case 'leftParen':
				return this.pipeline('parenthesized pipeline', 'rightParen');
			case 'string':
			case 'rawString':
				return {type: 'string', pos: token.pos, quoted: token.val, text: this.guard(() => unquote(token.val))};
		}
		this.backup();
		return null;
	}
}

function isEmptyTree(n: Node): boolean {
	switch (n.type) {
		case 'comment':
			return true;
		case 'list':
			return n.nodes.every(isEmptyTree);
		case 'text':
			return n.text.trim() === '';
		default:
			return false;
	}
}

/** template.New(name).Funcs(docker funcs).Parse(text). */
export function parseTemplate(text: string, opts: {name?: string} = {}): {ok: true; template: ParsedTemplate} | {ok: false; error: string} {
	const name = opts.name ?? '';
	const trees = new Map<string, ListNode>();
	try {
		const root = new Parser(name, text, new Set(Object.keys(funcs)), trees).parse();
		const existing = trees.get(name);
		if (existing && !isEmptyTree(existing) && !isEmptyTree(root)) {
			throw new TemplateError(`template: ${name}:1: template: multiple definition of template ${goQuote(name)}`);
		}
		if (!existing || !isEmptyTree(root)) trees.set(name, root);
		return {ok: true, template: {name, text, trees}};
	} catch (e) {
		if (e instanceof TemplateError) return {ok: false, error: e.message};
		throw e;
	}
}

// =============================================================================================
// Executor (text/template/exec.go). `undefined` plays reflect's invalid (zero) Value.

type Val = GoValue | undefined;
const MISSING = Symbol('missing'); // "no final value from a previous pipeline stage"
type Final = Val | typeof MISSING;

type Kind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'slice' | 'map' | 'struct' | 'ptr' | 'interface';

function kindOf(v: Val): Kind {
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
function indirect(v: Val): [Val, boolean] {
	while (v !== undefined && (v.t === 'ptr' || v.t === 'iface' || (v.t === 'nil' && (v.of === 'ptr' || v.of === 'interface')))) {
		if (v.t === 'nil') return [v, true];
		v = v.t === 'ptr' ? v.to : v.v;
	}
	return [v, false];
}

/** indirectInterface: the concrete value in an interface (a nil interface becomes invalid). */
function indirectInterface(v: Val): Val {
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

function isTrue(v: Val): boolean {
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

type Param = 'string' | 'int' | 'bool' | '[]string' | 'any' | 'value';

interface FuncDef {
	params: Param[];
	variadic?: Param;
	builtin?: boolean;
	/** Throws FuncError for Go's `error` result (and for panics, which text/template also reports). */
	fn: (args: Val[]) => Val;
}

class FuncError extends Error {}
class ExecError extends Error {
	constructor(
		message: string,
		readonly partial: string,
	) {
		super(message);
	}
}
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

const paramTypeName = (p: Param): string => (p === 'any' ? 'interface {}' : p === 'value' ? 'reflect.Value' : p);

function assignable(v: GoValue, p: Param): boolean {
	switch (p) {
		case 'any':
		case 'value':
			return true;
		case 'string':
		case 'int':
		case 'bool':
			return v.t === p && (v.type === undefined || v.type === p);
		case '[]string': {
			const name = goTypeName(v);
			if (v.t === 'nil') return v.of === 'slice' && (name === '[]string' || !name.startsWith('['));
			if (v.t !== 'slice') return false;
			if (name.startsWith('[')) return name === '[]string';
			// A named slice type (e.g. strslice.StrSlice) is assignable when its underlying type is []string.
			return v.items.every(i => i.t === 'string' && i.type === undefined);
		}
	}
}

/** What a function with an interface{} parameter receives: the dynamic value, or nil. */
const asInterfaceArg = (v: Val): Val => indirectInterface(v);

export type MissingKey = 'default' | 'invalid' | 'zero' | 'error';

export interface ExecOptions {
	/** Option("missingkey=..."): what a missing map key gives. Docker's fallback uses 'error'. */
	missingKey?: MissingKey;
}

class State {
	out = '';
	node: Node | null = null;
	vars: Array<{name: string; value: Val}>;
	depth = 0;

	constructor(
		private readonly tmpl: ParsedTemplate,
		private name: string,
		private readonly opts: ExecOptions,
		dot: Val,
	) {
		this.vars = [{name: '$', value: dot}];
	}

	at(node: Node): void {
		this.node = node;
	}

	errorf(msg: string): never {
		const name = this.name;
		if (!this.node) throw new ExecError(`template: ${name}: ${msg}`, this.out);
		const pos = this.node.pos;
		const before = this.tmpl.text.slice(0, pos);
		const lastNl = before.lastIndexOf('\n');
		// Go counts columns in bytes from 0 on the first line (and after a newline on later ones).
		const col = lastNl === -1 ? Buffer.byteLength(before) : Buffer.byteLength(before.slice(lastNl + 1));
		const line = 1 + (before.match(/\n/g)?.length ?? 0);
		throw new ExecError(`template: ${this.tmpl.name}:${line}:${col}: executing ${goQuote(name)} at <${nodeString(this.node)}>: ${msg}`, this.out);
	}

	// --- variables
	mark(): number {
		return this.vars.length;
	}
	pop(mark: number): void {
		this.vars.length = mark;
	}
	push(name: string, value: Val): void {
		this.vars.push({name, value});
	}
	setVar(name: string, value: Val): void {
		for (let i = this.vars.length - 1; i >= 0; i--) {
			if (this.vars[i]!.name === name) {
				this.vars[i]!.value = value;
				return;
			}
		}
		this.errorf(`undefined variable: ${name}`);
	}
	setTopVar(n: number, value: Val): void {
		this.vars[this.vars.length - n]!.value = value;
	}
	varValue(name: string): Val {
		for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]!.name === name) return this.vars[i]!.value;
		this.errorf(`undefined variable: ${name}`);
	}

	// --- walk
	walk(dot: Val, node: Node): void {
		this.at(node);
		switch (node.type) {
			case 'action': {
				// Variables declared by an action persist until the enclosing {{end}}.
				const val = this.evalPipeline(dot, node.pipe);
				if (node.pipe.decl.length === 0) this.printValue(node, val);
				return;
			}
			case 'break':
				throw BREAK;
			case 'continue':
				throw CONTINUE;
			case 'comment':
				return;
			case 'if':
			case 'with':
				this.walkIfOrWith(node, dot);
				return;
			case 'list':
				for (const n of node.nodes) this.walk(dot, n);
				return;
			case 'range':
				this.walkRange(dot, node);
				return;
			case 'template':
				this.walkTemplate(dot, node);
				return;
			case 'text':
				this.out += node.text;
				return;
			default:
				this.errorf(`unknown node: ${nodeString(node)}`);
		}
	}

	walkIfOrWith(node: BranchNode, dot: Val): void {
		const mark = this.mark();
		try {
			const val = this.evalPipeline(dot, node.pipe);
			if (isTrue(indirectInterface(val))) this.walk(node.type === 'with' ? val : dot, node.list);
			else if (node.elseList) this.walk(dot, node.elseList);
		} finally {
			this.pop(mark);
		}
	}

	walkRange(dot: Val, r: BranchNode): void {
		this.at(r);
		const outer = this.mark();
		try {
			const [val] = indirect(this.evalPipeline(dot, r.pipe));
			const mark = this.mark();
			const decl = r.pipe.decl;
			const oneIteration = (index: Val, elem: Val): void => {
				if (decl.length > 0) {
					if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
					else this.setTopVar(1, elem);
				}
				if (decl.length > 1) {
					if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
					else this.setTopVar(2, index);
				}
				try {
					this.walk(elem, r.list);
				} catch (e) {
					if (e !== CONTINUE) throw e;
				} finally {
					this.pop(mark);
				}
			};
			const iterate = (): boolean => {
				switch (kindOf(val)) {
					case 'slice': {
						const items = val!.t === 'slice' ? val!.items : [];
						items.forEach((item, i) => oneIteration(int(i), item));
						return items.length > 0;
					}
					case 'map': {
						const entries = val!.t === 'map' ? sortedEntries(val!.entries) : [];
						for (const [k, item] of entries) oneIteration(str(k), item);
						return entries.length > 0;
					}
					case 'int':
					case 'uint': {
						// Newer Go: range over an integer yields 0..n-1 (one variable at most).
						if (decl.length > 1) this.errorf(`can't use ${goSprint([val])} to iterate over more than one variable`);
						const n = (val as GoValue & {t: 'int'}).v;
						const type = (val as GoValue & {t: 'int'}).type;
						for (let i = 0; i < n; i++) oneIteration(int(i, type), int(i, type));
						return n > 0;
					}
					case 'invalid':
						return false; // e.g. a missing map key: acts like an empty map
					default:
						this.errorf(`range can't iterate over ${goSprint([val])}`);
				}
			};
			if (!iterate() && r.elseList) this.walk(dot, r.elseList);
		} catch (e) {
			if (e !== BREAK) throw e;
		} finally {
			this.pop(outer);
		}
	}

	walkTemplate(dot: Val, t: Node & {type: 'template'}): void {
		this.at(t);
		const tree = this.tmpl.trees.get(t.name);
		if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
		if (this.depth >= 1000) this.errorf('exceeded maximum template depth (100000)');
		const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : undefined;
		const saved = {vars: this.vars, name: this.name};
		this.vars = [{name: '$', value: newDot}];
		this.name = t.name;
		this.depth++;
		try {
			this.walk(newDot, tree);
		} finally {
			this.depth--;
			this.vars = saved.vars;
			this.name = saved.name;
		}
	}

	// --- eval
	evalPipeline(dot: Val, pipe: PipeNode): Val {
		this.at(pipe);
		let value: Final = MISSING;
		for (const cmd of pipe.cmds) {
			value = this.evalCommand(dot, cmd, value);
			// An interface{} result is replaced by the value inside it.
			if (value !== undefined && kindOf(value) === 'interface') value = indirectInterface(value);
		}
		const result = value as Val;
		for (const v of pipe.decl) {
			if (pipe.isAssign) this.setVar(v.ident[0]!, result);
			else this.push(v.ident[0]!, result);
		}
		return result;
	}

	notAFunction(args: Node[], final: Final): void {
		if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
	}

	evalCommand(dot: Val, cmd: CommandNode, final: Final): Val {
		const first = cmd.args[0]!;
		switch (first.type) {
			case 'field':
				return this.evalFieldNode(dot, first, cmd.args, final);
			case 'chain':
				return this.evalChainNode(dot, first, cmd.args, final);
			case 'identifier':
				return this.evalFunction(dot, first, cmd, cmd.args, final);
			case 'pipe':
				this.notAFunction(cmd.args, final);
				return this.evalPipeline(dot, first);
			case 'variable':
				return this.evalVariableNode(dot, first, cmd.args, final);
		}
		this.at(first);
		this.notAFunction(cmd.args, final);
		switch (first.type) {
			case 'bool':
				return bool(first.v);
			case 'dot':
				return dot;
			case 'nil':
				this.errorf('nil is not a command');
			case 'number':
				return this.idealConstant(first);
			case 'string':
				return str(first.text);
		}
		this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
	}

	/** A number literal with no type context: float64 if it is spelled like one, else int. */
	idealConstant(n: NumberNode): Val {
		this.at(n);
		const hexInt = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
		if (n.isFloat && !hexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return {t: 'float', v: n.float};
		if (n.isInt) return int(n.int);
		this.errorf(`${n.text} overflows int`);
	}

	evalFieldNode(dot: Val, field: Node & {type: 'field'}, args: Node[] | null, final: Final): Val {
		this.at(field);
		return this.evalFieldChain(dot, dot, field, field.ident, args, final);
	}

	evalChainNode(dot: Val, chain: Node & {type: 'chain'}, args: Node[] | null, final: Final): Val {
		this.at(chain);
		if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
		const pipe = this.evalArg(dot, null, chain.node);
		return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
	}

	evalVariableNode(dot: Val, v: Node & {type: 'variable'}, args: Node[] | null, final: Final): Val {
		this.at(v);
		const value = this.varValue(v.ident[0]!);
		if (v.ident.length === 1) {
			this.notAFunction(args ?? [v], final);
			return value;
		}
		return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
	}

	evalFieldChain(dot: Val, receiver: Val, node: Node, ident: string[], args: Node[] | null, final: Final): Val {
		const n = ident.length;
		for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i]!, node, null, MISSING, receiver);
		return this.evalField(dot, ident[n - 1]!, node, args, final, receiver);
	}

	evalField(_dot: Val, fieldName: string, _node: Node, args: Node[] | null, final: Final, receiver: Val): Val {
		if (receiver === undefined) {
			if (this.opts.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
			return undefined;
		}
		const typ = goTypeName(receiver);
		const [r, isNil] = indirect(receiver);
		if (isNil && kindOf(r) === 'interface') this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
		const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
		if (r !== undefined && r.t === 'struct') {
			const f = r.fields.find(x => x.name === fieldName);
			if (f) {
				if (!/^\p{Lu}/u.test(fieldName)) this.errorf(`${fieldName} is an unexported field of struct type ${typ}`);
				if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
				return f.value;
			}
		} else if (r !== undefined && (r.t === 'map' || (r.t === 'nil' && r.of === 'map'))) {
			if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
			const hit = r.t === 'map' ? r.entries.find(([k]) => k === fieldName) : undefined;
			if (hit) return hit[1];
			switch (this.opts.missingKey ?? 'default') {
				case 'zero':
					return r.t === 'map' ? mapElemZero(r) : zeroOfTypeName(elemTypeName(goTypeName(r)));
				case 'error':
					this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
				default:
					return undefined;
			}
		} else if (isNil && kindOf(r) === 'ptr') {
			// (Go says "can't evaluate field" instead when the pointed-to struct lacks the field;
			// a typed nil here does not record the struct's fields.)
			this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
		}
		this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
	}

	evalFunction(dot: Val, node: Node & {type: 'identifier'}, cmd: Node, args: Node[] | null, final: Final): Val {
		this.at(node);
		const def = funcs[node.ident];
		if (!def) this.errorf(`${goQuote(node.ident)} is not a defined function`);
		return this.evalCall(dot, def, cmd, node.ident, args, final);
	}

	evalCall(dot: Val, def: FuncDef, node: Node, name: string, allArgs: Node[] | null, final: Final): Val {
		const args = allArgs ? allArgs.slice(1) : [];
		const numParams = def.params.length + (def.variadic ? 1 : 0);
		let numIn = args.length;
		if (final !== MISSING) numIn++;
		let numFixed = args.length;
		if (def.variadic) {
			numFixed = def.params.length;
			if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
		} else if (numIn !== numParams) this.errorf(`wrong number of args for ${name}: want ${numParams} got ${numIn}`);

		// and/or short-circuit.
		if (def.builtin && (name === 'and' || name === 'or')) {
			let v: Val;
			for (const arg of args) {
				v = this.evalArg(dot, 'value', arg);
				if (isTrue(indirectInterface(v)) === (name === 'or')) return v;
			}
			if (final !== MISSING) v = this.validateType(final, 'value');
			return v;
		}

		const argv: Val[] = [];
		let i = 0;
		for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, def.params[i]!, args[i]!));
		if (def.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, def.variadic, args[i]!));
		if (final !== MISSING) {
			const t = def.variadic && numIn - 1 >= numFixed ? def.variadic : (def.params[numIn - 1] ?? def.variadic!);
			argv.push(this.validateType(final, t));
		}
		// `call` needs the callee's name as written.
		if (def.builtin && name === 'call') argv.unshift(str(args[0] ? nodeString(args[0]) : ''));
		const types = [...def.params, ...argv.map(() => def.variadic ?? 'value')];
		const passed = argv.map((a, k) => (types[k] === 'any' ? asInterfaceArg(a) : a));
		try {
			return def.fn(passed);
		} catch (e) {
			if (e instanceof FuncError) {
				this.at(node);
				this.errorf(`error calling ${name}: ${e.message}`);
			}
			throw e;
		}
	}

	validateType(value: Val, typ: Param | null): Val {
		if (value === undefined) {
			if (typ === null) return undefined;
			if (typ === 'any') return nil('interface');
			if (typ === '[]string') return nil('slice', '[]string');
			if (typ === 'value') return undefined;
			this.errorf(`invalid value; expected ${paramTypeName(typ)}`);
		}
		if (typ === null || typ === 'value' || assignable(value, typ)) return value;
		if (value.t === 'iface') {
			value = value.v;
			if (assignable(value, typ)) return value;
		}
		if (value.t === 'ptr' && assignable(value.to, typ)) return value.to;
		if (value.t === 'nil' && value.of === 'ptr' && goTypeName(value) === '*' + paramTypeName(typ)) {
			this.errorf(`dereference of nil pointer of type ${paramTypeName(typ)}`);
		}
		this.errorf(`wrong type for value; expected ${paramTypeName(typ)}; got ${goTypeName(value)}`);
	}

	evalArg(dot: Val, typ: Param | null, n: Node): Val {
		this.at(n);
		switch (n.type) {
			case 'dot':
				return this.validateType(dot, typ);
			case 'nil':
				if (typ === 'any' || typ === '[]string' || typ === 'value' || typ === null) return this.validateType(undefined, typ);
				this.errorf(`cannot assign nil to ${paramTypeName(typ)}`);
			case 'field':
				return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
			case 'variable':
				return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
			case 'pipe':
				return this.validateType(this.evalPipeline(dot, n), typ);
			case 'identifier':
				return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
			case 'chain':
				return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
		}
		switch (typ) {
			case 'bool':
				if (n.type === 'bool') return bool(n.v);
				this.errorf(`expected bool; found ${nodeString(n)}`);
			case 'int':
				if (n.type === 'number' && n.isInt) return int(n.int);
				this.errorf(`expected integer; found ${nodeString(n)}`);
			case 'string':
				if (n.type === 'string') return str(n.text);
				this.errorf(`expected string; found ${nodeString(n)}`);
			case 'any':
			case 'value':
				return this.evalEmptyInterface(dot, n);
		}
		this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ === null ? '<nil>' : paramTypeName(typ)}`);
	}

	evalEmptyInterface(dot: Val, n: Node): Val {
		this.at(n);
		switch (n.type) {
			case 'bool':
				return bool(n.v);
			case 'dot':
				return dot;
			case 'number':
				return this.idealConstant(n);
			case 'string':
				return str(n.text);
		}
		this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
	}

	printValue(n: Node, v: Val): void {
		this.at(n);
		this.out += printable(v);
	}
}

/** How an action prints a value: pointers are dereferenced first (so {{.State}} prints {...}, not &{...}). */
function printable(v: Val): string {
	if (v !== undefined && v.t === 'ptr') [v] = indirect(v);
	if (v === undefined) return '<no value>';
	return goSprint([indirectInterface(v)]);
}

// =============================================================================================
// Functions: text/template builtins and the Docker CLI's (templates/templates.go)

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

/** strings.Title: upper-case the first letter of each word (word = after a separator). */
function title(s: string): string {
	const isSeparator = (r: string): boolean => {
		if (r.codePointAt(0)! <= 0x7f) return !/[0-9a-zA-Z_]/.test(r);
		if (/[\p{L}\p{Nd}]/u.test(r)) return false;
		return /\s/u.test(r);
	};
	let prev = ' ';
	let out = '';
	for (const r of s) {
		out += isSeparator(prev) ? r.toUpperCase() : r;
		prev = r;
	}
	return out;
}

const sv = (v: Val): string => (v as {v: string}).v;
const nv = (v: Val): number => (v as {v: number}).v;

const funcs: Record<string, FuncDef> = {
	// text/template builtins
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
	print: {params: [], variadic: 'any', builtin: true, fn: args => str(goSprint(args))},
	printf: {params: ['string'], variadic: 'any', builtin: true, fn: ([f, ...args]) => str(goSprintf(sv(f), args))},
	println: {params: [], variadic: 'any', builtin: true, fn: args => str(goSprintln(args))},
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

	// Docker CLI (templates.basicFunctions)
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
		fn: ([s, sep]) => stringSlice(sv(sep) === '' ? [...sv(s)] : sv(s).split(sv(sep))),
	},
	join: {params: ['[]string', 'string'], fn: ([a, sep]) => str(a!.t === 'slice' ? a!.items.map(sv).join(sv(sep)) : '')},
	title: {params: ['string'], fn: ([s]) => str(title(sv(s)))},
	lower: {params: ['string'], fn: ([s]) => str(sv(s).toLowerCase())},
	upper: {params: ['string'], fn: ([s]) => str(sv(s).toUpperCase())},
	pad: {
		params: ['string', 'int', 'int'],
		fn: ([s, pre, suf]) => {
			if (sv(s) === '') return str('');
			if (nv(pre) < 0 || nv(suf) < 0) throw new FuncError('strings: negative Repeat count');
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

// =============================================================================================
// Entry points

export type RenderResult = {ok: true; text: string} | {ok: false; error: string; partial: string};

/** Execute a parsed template against `dot`. */
export function executeTemplate(tmpl: ParsedTemplate, dot: GoValue | undefined, opts: ExecOptions = {}): RenderResult {
	const root = tmpl.trees.get(tmpl.name);
	const state: State = new State(tmpl, tmpl.name, opts, dot);
	try {
		if (!root) return state.errorf(`${goQuote(tmpl.name)} is an incomplete or empty template`);
		state.walk(dot, root);
		return {ok: true, text: state.out};
	} catch (e) {
		if (e instanceof ExecError) return {ok: false, error: e.message, partial: e.partial};
		throw e;
	}
}

/**
 * Parse and execute `template` against `dot`, like templates.Parse(format) + Execute in the
 * Docker CLI. Errors are Go's text (parse: `template: :1: ...`; exec: `template: :1:2: executing
 * "" at <.X>: ...`); the CLI adds "template parsing error: " in front of both.
 */
const parsedCache = new Map<string, ReturnType<typeof parseTemplate>>();

/** parseTemplate, remembered per template text (a list renders the same template for every row). */
function parseCached(template: string): ReturnType<typeof parseTemplate> {
	let parsed = parsedCache.get(template);
	if (!parsed) {
		if (parsedCache.size > 500) parsedCache.clear();
		parsed = parseTemplate(template);
		parsedCache.set(template, parsed);
	}
	return parsed;
}

export function renderTemplate(template: string, dot: GoValue | undefined, opts: ExecOptions = {}): RenderResult {
	const parsed = parseCached(template);
	if (!parsed.ok) return {ok: false, error: parsed.error, partial: ''};
	return executeTemplate(parsed.template, dot, opts);
}

export interface CliOutput {
	stdout: string;
	stderr: string;
	exitCode: number;
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
 *  - a template that does not parse: exit status 64; any other error: exit status 1.
 */
export function dockerInspectFormat(format: string, elements: Array<GoValue | Error>): CliOutput {
	const errors: string[] = [];
	const values: GoValue[] = [];
	for (const e of elements) {
		if (e instanceof Error) errors.push(e.message);
		else values.push(e);
	}
	let stdout: string;
	if (format === '' || format === 'json') {
		stdout = dockerInspectJson(values, {format: format === 'json' ? 'json' : 'indent'});
	} else {
		const parsed = parseCached(format);
		if (!parsed.ok) return {stdout: '', stderr: `template parsing error: ${parsed.error}\n`, exitCode: 64};
		let buffer = '';
		// Errors are collected in reference order, interleaved as the CLI meets them.
		const ordered: string[] = [];
		for (const e of elements) {
			if (e instanceof Error) {
				ordered.push(e.message);
				continue;
			}
			let r = executeTemplate(parsed.template, e);
			if (!r.ok) r = executeTemplate(parsed.template, jsonInterfaceValue(e), {missingKey: 'error'});
			if (r.ok) buffer += r.text + '\n';
			else ordered.push(`template parsing error: ${r.error}`);
		}
		errors.length = 0;
		errors.push(...ordered);
		stdout = buffer === '' ? '\n' : buffer;
	}
	return errors.length ? {stdout, stderr: errors.join('\n') + '\n', exitCode: 1} : {stdout, stderr: '', exitCode: 0};
}
