/**
 * text/template/parse: the parse tree (node.go) and the parser (parse.go), with Go's error texts and
 * line numbers. A template's function names are known at parse time (template.Funcs before Parse), so
 * the parser takes the set of names; their definitions are used only by exec.
 *
 * Nesting is bounded (MAX_NESTING: parenthesised pipelines, if/range/with/block/define inside each
 * other), so no template text can overflow the stack of the parser, the executor or nodeString.
 */
import {goQuote, hexFloat, isGoError, unquote as strconvUnquote} from '../strconv.js';
import {type Item, type ItemType, itemString, lex} from './lex.js';

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
export interface NumberNode {
	type: 'number';
	pos: number;
	text: string;
	isInt: boolean;
	isFloat: boolean;
	int: number;
	float: number;
}
export interface BranchNode {
	type: 'if' | 'range' | 'with';
	pos: number;
	line: number;
	pipe: PipeNode;
	list: ListNode;
	elseList: ListNode | null;
}
export interface ListNode {
	type: 'list';
	pos: number;
	nodes: Node[];
}
export type CommandNode = PipeNode['cmds'][number];

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

/** How deeply parentheses and {{if}}/{{range}}/{{with}}/{{block}}/{{define}} may nest (a limit of the lab's). */
export const MAX_NESTING = 100;

export interface ParsedTemplate {
	name: string;
	text: string;
	/** All trees, the top-level one under `name`, plus {{define}}d ones. */
	trees: Map<string, ListNode>;
}

/** strconv.Unquote, an error thrown as the parser reports it. */
function unquote(s: string): string {
	const r = strconvUnquote(s);
	if (isGoError(r)) throw new TemplateError(r.error);
	return r;
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

class Parser {
	private items: Item[];
	private i = 0;
	private maxLine = 1; // line of the furthest token read: Go reports parse errors at t.token[0].line
	private vars: string[] = ['$'];
	private rangeDepth = 0;
	private actionLine = 0;
	private nesting = 0;

	constructor(
		private readonly name: string,
		text: string,
		private readonly funcs: Set<string>,
		private readonly trees: Map<string, ListNode>,
	) {
		this.items = lex(text, {breakOK: !funcs.has('break'), continueOK: !funcs.has('continue')});
	}

	/** Runs one nested construct, refusing nesting deeper than MAX_NESTING. */
	private nested<T>(f: () => T): T {
		if (this.nesting >= MAX_NESTING) this.errorf(`layerlab: template nested more than ${MAX_NESTING} levels deep`);
		this.nesting++;
		try {
			return f();
		} finally {
			this.nesting--;
		}
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
					this.nested(() => this.parseDefinition());
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
		this.definitionBody(name, context);
	}

	/** The body of a define or block up to its {{end}}, in a scope of its own (only `$`), added as template `name`. */
	private definitionBody(name: string, context: string): void {
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
				return this.nested(() => this.blockControl());
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
				return this.nested(() => this.branch(token.typ as 'if' | 'range' | 'with'));
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
			const at = this.i;
			this.nextNonSpace();
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
				this.i = at;
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
					elseList = {type: 'list', pos: next.pos, nodes: [this.nested(() => this.branch(context))]};
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
		this.definitionBody(name, context);
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
				return this.nested(() => this.pipeline('parenthesized pipeline', 'rightParen'));
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

/**
 * Parses `text` as template `name` (template.New(name).Funcs(…).Parse(text)): the top-level tree
 * under `name` plus every {{define}}d and {{block}} tree. `funcNames` are the functions in scope.
 */
export function parse(text: string, name: string, funcNames: Set<string>): {ok: true; template: ParsedTemplate} | {ok: false; error: string} {
	const trees = new Map<string, ListNode>();
	try {
		const root = new Parser(name, text, funcNames, trees).parse();
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
