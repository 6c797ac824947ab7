/**
 * Shell arithmetic (`$((…))`): 64-bit signed integers with C's operators, as bash and busybox ash
 * evaluate them. The text has already had its `$…` expansions done; bare names read variables.
 */
import {spend} from '../budget.js';

export class ArithError extends Error {
	constructor(
		message: string,
		/** bash's "(error token is …)" part. */
		readonly token: string,
	) {
		super(message);
	}
}

export interface ArithScope {
	get(name: string): string | undefined;
	set(name: string, value: string): void;
}

const BINARY: Array<{ops: string[]; right?: boolean}> = [
	{ops: ['||']},
	{ops: ['&&']},
	{ops: ['|']},
	{ops: ['^']},
	{ops: ['&']},
	{ops: ['==', '!=']},
	{ops: ['<=', '>=', '<', '>']},
	{ops: ['<<', '>>']},
	{ops: ['+', '-']},
	{ops: ['*', '/', '%']},
	{ops: ['**'], right: true},
];

const ASSIGN_OPS = ['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|='];

type Tok = {kind: 'num'; value: bigint; text: string} | {kind: 'name'; text: string} | {kind: 'op'; text: string};

const OPS = [
	'<<=',
	'>>=',
	'**',
	'++',
	'--',
	'<<',
	'>>',
	'<=',
	'>=',
	'==',
	'!=',
	'&&',
	'||',
	'*=',
	'/=',
	'%=',
	'+=',
	'-=',
	'&=',
	'^=',
	'|=',
	'+',
	'-',
	'*',
	'/',
	'%',
	'<',
	'>',
	'=',
	'!',
	'~',
	'&',
	'^',
	'|',
	'(',
	')',
	'?',
	':',
	',',
];

function lex(text: string): Tok[] {
	const tokens: Tok[] = [];
	let i = 0;
	while (i < text.length) {
		const ch = text[i]!;
		if (/\s/.test(ch)) {
			i++;
			continue;
		}
		const number = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(text.slice(i));
		if (number) {
			const raw = number[0];
			if (/[A-Za-z_]/.test(text[i + raw.length] ?? '')) throw new ArithError('value too great for base', text.slice(i));
			let value: bigint;
			if (/^0[xX]/.test(raw)) value = BigInt(raw);
			else if (raw.length > 1 && raw.startsWith('0')) {
				if (/[89]/.test(raw)) throw new ArithError('value too great for base', raw);
				value = BigInt('0o' + raw.slice(1));
			} else value = BigInt(raw);
			tokens.push({kind: 'num', value: BigInt.asIntN(64, value), text: raw});
			i += raw.length;
			continue;
		}
		const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
		if (name) {
			tokens.push({kind: 'name', text: name[0]});
			i += name[0].length;
			continue;
		}
		const op = OPS.find(candidate => text.startsWith(candidate, i));
		if (!op) throw new ArithError('syntax error: invalid arithmetic operator', text.slice(i));
		tokens.push({kind: 'op', text: op});
		i += op.length;
	}
	return tokens;
}

const wrap = (value: bigint) => BigInt.asIntN(64, value);

/** Evaluates `text`; throws ArithError with bash's message. */
export function evaluateArithmetic(text: string, scope: ArithScope, depth = 0): bigint {
	if (depth > 64) throw new ArithError('expression recursion level exceeded', text);
	const tokens = lex(text);
	let pos = 0;
	const rest = () =>
		tokens
			.slice(pos)
			.map(token => token.text)
			.join(' ');
	const peekOp = (): string | undefined => {
		const token = tokens[pos];
		return token?.kind === 'op' ? token.text : undefined;
	};
	const readName = (name: string): bigint => {
		const value = scope.get(name);
		if (value === undefined || value.trim() === '') return 0n;
		return evaluateArithmetic(value, scope, depth + 1);
	};

	const primary = (): bigint => {
		spend();
		const token = tokens[pos];
		if (!token) throw new ArithError('syntax error: operand expected', rest());
		if (token.kind === 'num') {
			pos++;
			return token.value;
		}
		if (token.kind === 'name') {
			pos++;
			const op = peekOp();
			if (op === '++' || op === '--') {
				pos++;
				const old = readName(token.text);
				scope.set(token.text, String(wrap(old + (op === '++' ? 1n : -1n))));
				return old;
			}
			if (op && ASSIGN_OPS.includes(op)) {
				pos++;
				const right = assignment();
				const old = op === '=' ? 0n : readName(token.text);
				const value = op === '=' ? right : binary(op.slice(0, -1), old, right, token.text);
				scope.set(token.text, String(value));
				return value;
			}
			return readName(token.text);
		}
		switch (token.text) {
			case '(': {
				pos++;
				const value = comma();
				if (peekOp() !== ')') throw new ArithError("missing `)'", rest());
				pos++;
				return value;
			}
			case '-':
				pos++;
				return wrap(-primary());
			case '+':
				pos++;
				return primary();
			case '!':
				pos++;
				return primary() === 0n ? 1n : 0n;
			case '~':
				pos++;
				return wrap(~primary());
			case '++':
			case '--': {
				pos++;
				const name = tokens[pos];
				if (name?.kind !== 'name') throw new ArithError('syntax error: operand expected', rest());
				pos++;
				const value = wrap(readName(name.text) + (token.text === '++' ? 1n : -1n));
				scope.set(name.text, String(value));
				return value;
			}
		}
		throw new ArithError('syntax error: operand expected', rest());
	};

	const binary = (op: string, left: bigint, right: bigint, errorToken: string): bigint => {
		switch (op) {
			case '||':
				return left !== 0n || right !== 0n ? 1n : 0n;
			case '&&':
				return left !== 0n && right !== 0n ? 1n : 0n;
			case '|':
				return wrap(left | right);
			case '^':
				return wrap(left ^ right);
			case '&':
				return wrap(left & right);
			case '==':
				return left === right ? 1n : 0n;
			case '!=':
				return left !== right ? 1n : 0n;
			case '<=':
				return left <= right ? 1n : 0n;
			case '>=':
				return left >= right ? 1n : 0n;
			case '<':
				return left < right ? 1n : 0n;
			case '>':
				return left > right ? 1n : 0n;
			case '<<':
				return wrap(left << (right & 63n));
			case '>>':
				return wrap(left >> (right & 63n));
			case '+':
				return wrap(left + right);
			case '-':
				return wrap(left - right);
			case '*':
				return wrap(left * right);
			case '/':
			case '%':
				if (right === 0n) throw new ArithError('division by 0', errorToken);
				return wrap(op === '/' ? left / right : left % right);
			case '**':
				if (right < 0n) throw new ArithError('exponent less than 0', errorToken);
				if (right > 64n && (left > 1n || left < -1n)) return 0n;
				return wrap(left ** right);
		}
		throw new ArithError('syntax error: invalid arithmetic operator', op);
	};

	const level = (index: number): bigint => {
		if (index >= BINARY.length) return primary();
		const {ops, right} = BINARY[index]!;
		let left = level(index + 1);
		for (;;) {
			const op = peekOp();
			if (!op || !ops.includes(op)) return left;
			pos++;
			const errorToken = rest();
			const value = right ? level(index) : level(index + 1);
			left = binary(op, left, value, errorToken);
			if (right) return left;
		}
	};

	const ternary = (): bigint => {
		const cond = level(0);
		if (peekOp() !== '?') return cond;
		pos++;
		const yes = assignment();
		if (peekOp() !== ':') throw new ArithError("expected `:' for conditional expression", rest());
		pos++;
		const no = assignment();
		return cond !== 0n ? yes : no;
	};

	const assignment = (): bigint => ternary();

	const comma = (): bigint => {
		let value = assignment();
		while (peekOp() === ',') {
			pos++;
			value = assignment();
		}
		return value;
	};

	if (tokens.length === 0) return 0n;
	const value = comma();
	if (pos < tokens.length) throw new ArithError('syntax error in expression', rest());
	return value;
}
