/**
 * text/template/exec.go: walking a parsed template over a GoValue, with Go's error texts and
 * positions (`template: NAME:LINE:COL: executing "NAME" at <NODE>: …`).
 *
 * Budgets: an execution counts its steps (every node walked, every range iteration, every command)
 * and the bytes it writes or has functions build (a slice item counts 16) against a Budget:
 * DEFAULT_LIMITS unless the caller passes its own, which several executions may share. Past a limit
 * it stops with an error in Go's style whose message is `layerlab: template stopped after N steps`
 * or `layerlab: template stopped at N bytes`. Recursion through {{template}} stops at a fixed depth
 * with Go's own message.
 */
import {type GoValue, bool, elemTypeName, goTypeName, int, mapElemZero, nil, sortedEntries, str, zeroOfTypeName} from '../values.js';
import {goSprint} from '../fmt.js';
import {goQuote} from '../strconv.js';
import {type BranchNode, type CommandNode, type Node, type NumberNode, type ParsedTemplate, type PipeNode, nodeString} from './parse.js';
import {type FuncContext, type FuncDef, type FuncMap, type Param, type Val, FuncError, indirect, indirectInterface, isTrue, kindOf} from './funcs.js';

const MISSING = Symbol('missing'); // "no final value from a previous pipeline stage"
type Final = Val | typeof MISSING;

/** A parsed template with the functions in scope (builtins plus the caller's). */
export interface Template extends ParsedTemplate {
	funcs: FuncMap;
}

interface Limits {
	/** Nodes walked, range iterations and commands evaluated. */
	steps: number;
	/** Bytes written to the output or built by functions. */
	bytes: number;
}

export const DEFAULT_LIMITS: Limits = {steps: 1_000_000, bytes: 16 * 1024 * 1024};

/** What executions have spent; pass one Budget to several executions to bound them together. */
export class Budget {
	steps = 0;
	bytes = 0;
	constructor(readonly limits: Limits = DEFAULT_LIMITS) {}
}

/** What one slice item a function builds costs of the byte budget (an object, not a byte). */
const ITEM_BYTES = 16;

class ExecError extends Error {
	constructor(
		message: string,
		readonly partial: string,
		readonly limit?: keyof Limits,
	) {
		super(message);
	}
}

/**
 * How deep {{template}} calls, and walk() through nested blocks, may recurse. Go allows 100000
 * template calls and says so in its error; a JS stack holds fewer frames, so the same error comes
 * sooner (a recursive template reaches ~250 calls). Blocks nest at most MAX_NESTING (100) deep.
 */
const MAX_TEMPLATE_DEPTH = 1000;
const MAX_WALK_DEPTH = 500;

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

type MissingKey = 'default' | 'invalid' | 'zero' | 'error';

interface ExecOptions {
	/** Option("missingkey=..."): what a missing map key gives. Docker's fallback uses 'error'. */
	missingKey?: MissingKey;
	/** The budget this execution spends (a fresh one with DEFAULT_LIMITS if absent). */
	budget?: Budget;
}

class State implements FuncContext {
	out = '';
	node: Node | null = null;
	vars: Array<{name: string; value: Val}>;
	depth = 0;
	walkDepth = 0;
	private readonly budget: Budget;

	constructor(
		private readonly tmpl: Template,
		private name: string,
		private readonly opts: ExecOptions,
		dot: Val,
	) {
		this.vars = [{name: '$', value: dot}];
		this.budget = opts.budget ?? new Budget();
	}

	// --- budget
	step(): void {
		if (++this.budget.steps > this.budget.limits.steps) this.limitHit('steps');
	}
	spendBytes(n: number): void {
		this.budget.bytes += n;
		if (this.budget.bytes > this.budget.limits.bytes) this.limitHit('bytes');
	}
	bytesLeft(): number {
		return Math.max(0, this.budget.limits.bytes - this.budget.bytes);
	}
	spendItems(n: number): void {
		this.spendBytes(n * ITEM_BYTES);
	}
	write(s: string): void {
		this.spendBytes(s.length);
		this.out += s;
	}
	limitHit(kind: keyof Limits): never {
		const n = this.budget.limits[kind].toLocaleString('en-US');
		this.errorf(kind === 'steps' ? `layerlab: template stopped after ${n} steps` : `layerlab: template stopped at ${n} bytes`, kind);
	}

	at(node: Node): void {
		this.node = node;
	}

	errorf(msg: string, limit?: keyof Limits): never {
		const name = this.name;
		if (!this.node) throw new ExecError(`template: ${name}: ${msg}`, this.out, limit);
		const pos = this.node.pos;
		const before = this.tmpl.text.slice(0, pos);
		const lastNl = before.lastIndexOf('\n');
		// Go counts columns in bytes from 0 on the first line (and after a newline on later ones).
		const col = lastNl === -1 ? Buffer.byteLength(before) : Buffer.byteLength(before.slice(lastNl + 1));
		const line = 1 + (before.match(/\n/g)?.length ?? 0);
		throw new ExecError(`template: ${this.tmpl.name}:${line}:${col}: executing ${goQuote(name)} at <${nodeString(this.node)}>: ${msg}`, this.out, limit);
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
		this.step();
		this.at(node);
		if (++this.walkDepth > MAX_WALK_DEPTH) this.errorf('exceeded maximum template depth (100000)');
		try {
			this.walkNode(dot, node);
		} finally {
			this.walkDepth--;
		}
	}

	walkNode(dot: Val, node: Node): void {
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
				this.write(node.text);
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
				this.at(r.pipe);
				this.step();
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
		if (this.depth >= MAX_TEMPLATE_DEPTH) this.errorf('exceeded maximum template depth (100000)');
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
		this.step();
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
		const def = this.tmpl.funcs[node.ident];
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
			const result = def.fn(passed, this);
			// What a function built counts against the byte budget (a string's length, a slice's items).
			if (result !== undefined && result.t === 'string') this.spendBytes(result.v.length);
			if (result !== undefined && result.t === 'slice') this.spendItems(result.items.length);
			return result;
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
		this.write(printable(v));
	}
}

/** How an action prints a value: pointers are dereferenced first (so {{.State}} prints {...}, not &{...}). */
function printable(v: Val): string {
	if (v !== undefined && v.t === 'ptr') [v] = indirect(v);
	if (v === undefined) return '<no value>';
	return goSprint([indirectInterface(v)]);
}

export type ExecResult = {ok: true; text: string} | {ok: false; error: string; partial: string; limit?: keyof Limits};

/** template.Execute: runs `tmpl` against `dot`; an error keeps the output written before it (`partial`). */
export function execute(tmpl: Template, dot: GoValue | undefined, opts: ExecOptions = {}): ExecResult {
	const root = tmpl.trees.get(tmpl.name);
	const state: State = new State(tmpl, tmpl.name, opts, dot);
	try {
		if (!root) return state.errorf(`${goQuote(tmpl.name)} is an incomplete or empty template`);
		state.walk(dot, root);
		return {ok: true, text: state.out};
	} catch (e) {
		const error = e instanceof RangeError && /call stack/.test(e.message) ? stackError(state) : e;
		if (error instanceof ExecError)
			return error.limit ? {ok: false, error: error.message, partial: error.partial, limit: error.limit} : {ok: false, error: error.message, partial: error.partial};
		throw error;
	}
}

/** The last line of defence if the JS stack overflows anyway (it should not, given the depth limits). */
function stackError(state: State): unknown {
	try {
		return state.errorf('exceeded maximum template depth (100000)');
	} catch (e) {
		return e;
	}
}
