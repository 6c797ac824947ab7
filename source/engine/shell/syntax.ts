/**
 * Parser for the POSIX shell subset the lab needs: lists (`;` `&&` `||`), pipelines, simple commands
 * with assignments and redirections, quoting, `$VAR`/`${VAR:-x}`/`$?`/`$RANDOM`, `$(…)` and backticks.
 * Hand-written because command substitution inside double quotes ("$(pwd)/databases") and
 * knowing which parts were quoted (for field splitting) are exactly what the lab must get right,
 * and shell-quote, the common library, handles neither.
 */

export type Part =
	{t: 'lit'; v: string; quoted: boolean} | {t: 'var'; name: string; op?: ':-' | '-' | ':=' | ':+' | '#'; arg?: Word; quoted: boolean} | {t: 'cmd'; source: string; quoted: boolean};

export type Word = Part[];

export interface Redirect {
	fd: number;
	op: '>' | '>>' | '<' | '>&';
	target: Word;
}

export interface SimpleCommand {
	assigns: Array<{name: string; value: Word}>;
	words: Word[];
	redirects: Redirect[];
}

export interface Pipeline {
	negate: boolean;
	commands: SimpleCommand[];
}

export interface AndOr {
	first: Pipeline;
	rest: Array<{op: '&&' | '||'; pipeline: Pipeline}>;
}

export type Script = AndOr[];

export class SyntaxError extends Error {}

type Token = {kind: 'word'; word: Word; raw: string} | {kind: 'op'; op: string; fd?: number} | {kind: 'newline'};

const OPERATOR_START = new Set([';', '&', '|', '<', '>', '(', ')']);

function isSpace(ch: string): boolean {
	return ch === ' ' || ch === '\t';
}

/** Scans to the `)` closing a `$(`, honouring quotes and nesting. Returns the index after it. */
function scanCommandSubstitution(src: string, start: number): number {
	let depth = 1;
	let i = start;
	while (i < src.length) {
		const ch = src[i]!;
		if (ch === '\\') i += 2;
		else if (ch === "'") {
			const end = src.indexOf("'", i + 1);
			if (end < 0) throw new SyntaxError("unexpected EOF while looking for matching `''");
			i = end + 1;
		} else if (ch === '"') {
			i = scanDoubleQuoted(src, i + 1);
		} else if (ch === '(') {
			depth++;
			i++;
		} else if (ch === ')') {
			depth--;
			i++;
			if (depth === 0) return i;
		} else i++;
	}
	throw new SyntaxError("unexpected EOF while looking for matching `)'");
}

function scanDoubleQuoted(src: string, start: number): number {
	let i = start;
	while (i < src.length) {
		const ch = src[i]!;
		if (ch === '\\') i += 2;
		else if (ch === '"') return i + 1;
		else if (ch === '$' && src[i + 1] === '(') i = scanCommandSubstitution(src, i + 2);
		else i++;
	}
	throw new SyntaxError('unexpected EOF while looking for matching `"\'');
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Reads a `$…` expansion at `i` (pointing at `$`). */
function readDollar(src: string, i: number, quoted: boolean): {part: Part; next: number} {
	const next = src[i + 1];
	if (next === '(') {
		const end = scanCommandSubstitution(src, i + 2);
		return {part: {t: 'cmd', source: src.slice(i + 2, end - 1), quoted}, next: end};
	}
	if (next === '{') {
		const close = src.indexOf('}', i + 2);
		if (close < 0) throw new SyntaxError("unexpected EOF while looking for matching `}'");
		const body = src.slice(i + 2, close);
		if (body.startsWith('#') && NAME.test(body.slice(1))) {
			return {part: {t: 'var', name: body.slice(1), op: '#', quoted}, next: close + 1};
		}
		const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#@*$!])/.exec(body)?.[0];
		if (!name) throw new SyntaxError(`\${${body}}: bad substitution`);
		const rest = body.slice(name.length);
		if (rest === '') return {part: {t: 'var', name, quoted}, next: close + 1};
		const realOp = ([':-', ':=', ':+', '-'] as const).find(candidate => rest.startsWith(candidate));
		if (!realOp) throw new SyntaxError(`\${${body}}: bad substitution`);
		const arg = lexWord(rest.slice(realOp.length), quoted);
		return {part: {t: 'var', name, op: realOp, arg, quoted}, next: close + 1};
	}
	const special = /^[?#@*$!0-9]/.exec(src.slice(i + 1))?.[0];
	if (special) return {part: {t: 'var', name: special, quoted}, next: i + 2};
	const name = NAME.exec(src.slice(i + 1))?.[0];
	if (name) return {part: {t: 'var', name, quoted}, next: i + 1 + name.length};
	return {part: {t: 'lit', v: '$', quoted}, next: i + 1};
}

/** Lexes a whole string as one word's parts (used for `${x:-default}` arguments). */
function lexWord(src: string, quoted: boolean): Word {
	const parts: Word = [];
	let i = 0;
	let lit = '';
	while (i < src.length) {
		const ch = src[i]!;
		if (ch === '$') {
			if (lit) parts.push({t: 'lit', v: lit, quoted});
			lit = '';
			const {part, next} = readDollar(src, i, quoted);
			parts.push(part);
			i = next;
		} else {
			lit += ch;
			i++;
		}
	}
	if (lit) parts.push({t: 'lit', v: lit, quoted});
	return parts;
}

function tokenize(src: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < src.length) {
		const ch = src[i]!;
		if (isSpace(ch)) {
			i++;
			continue;
		}
		if (ch === '\n') {
			tokens.push({kind: 'newline'});
			i++;
			continue;
		}
		if (ch === '#') {
			while (i < src.length && src[i] !== '\n') i++;
			continue;
		}
		const fdMatch = ch >= '0' && ch <= '9' && (src[i + 1] === '>' || src[i + 1] === '<') ? /^([0-9])(>>|>&|>|<)/.exec(src.slice(i, i + 3)) : null;
		if (fdMatch) {
			tokens.push({kind: 'op', op: fdMatch[2]!, fd: Number(fdMatch[1])});
			i += fdMatch[0].length;
			continue;
		}
		if (OPERATOR_START.has(ch)) {
			const two = src.slice(i, i + 2);
			if (['&&', '||', '>>', '>&', ';;'].includes(two)) {
				tokens.push({kind: 'op', op: two});
				i += 2;
			} else {
				tokens.push({kind: 'op', op: ch});
				i++;
			}
			continue;
		}
		const start = i;
		const parts: Word = [];
		let lit = '';
		const flush = (quoted: boolean) => {
			if (lit) parts.push({t: 'lit', v: lit, quoted});
			lit = '';
		};
		while (i < src.length) {
			const c = src[i]!;
			if (isSpace(c) || c === '\n' || OPERATOR_START.has(c)) break;
			if (c === '\\') {
				flush(false);
				if (i + 1 < src.length && src[i + 1] !== '\n') parts.push({t: 'lit', v: src[i + 1]!, quoted: true});
				i += 2;
			} else if (c === "'") {
				flush(false);
				const end = src.indexOf("'", i + 1);
				if (end < 0) throw new SyntaxError("unexpected EOF while looking for matching `''");
				parts.push({t: 'lit', v: src.slice(i + 1, end), quoted: true});
				i = end + 1;
			} else if (c === '"') {
				flush(false);
				const end = scanDoubleQuoted(src, i + 1);
				parts.push(...lexDoubleQuoted(src.slice(i + 1, end - 1)));
				i = end;
			} else if (c === '$') {
				flush(false);
				const {part, next} = readDollar(src, i, false);
				parts.push(part);
				i = next;
			} else if (c === '`') {
				flush(false);
				const end = src.indexOf('`', i + 1);
				if (end < 0) throw new SyntaxError("unexpected EOF while looking for matching ``'");
				parts.push({t: 'cmd', source: src.slice(i + 1, end), quoted: false});
				i = end + 1;
			} else {
				lit += c;
				i++;
			}
		}
		flush(false);
		tokens.push({kind: 'word', word: parts, raw: src.slice(start, i)});
	}
	return tokens;
}

function lexDoubleQuoted(body: string): Word {
	const parts: Word = [];
	let lit = '';
	let i = 0;
	const flush = () => {
		if (lit) parts.push({t: 'lit', v: lit, quoted: true});
		lit = '';
	};
	while (i < body.length) {
		const ch = body[i]!;
		if (ch === '\\' && i + 1 < body.length && '$`"\\\n'.includes(body[i + 1]!)) {
			if (body[i + 1] !== '\n') lit += body[i + 1];
			i += 2;
		} else if (ch === '$') {
			flush();
			const {part, next} = readDollar(body, i, true);
			parts.push(part);
			i = next;
		} else if (ch === '`') {
			flush();
			const end = body.indexOf('`', i + 1);
			parts.push({t: 'cmd', source: body.slice(i + 1, end < 0 ? body.length : end), quoted: true});
			i = end < 0 ? body.length : end + 1;
		} else {
			lit += ch;
			i++;
		}
	}
	flush();
	// An empty "" is still a (quoted, empty) word.
	if (parts.length === 0) parts.push({t: 'lit', v: '', quoted: true});
	return parts;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

function nearToken(token: Token | undefined): string {
	if (!token || token.kind === 'newline') return 'newline';
	return token.kind === 'op' ? token.op : token.raw;
}

/** Parses a command line into a script; throws SyntaxError with bash's wording. */
export function parseScript(src: string): Script {
	const tokens = tokenize(src);
	let pos = 0;
	const peek = () => tokens[pos];
	const unexpected = (token: Token | undefined): never => {
		if (!token) throw new SyntaxError('syntax error: unexpected end of file');
		throw new SyntaxError(`syntax error near unexpected token \`${nearToken(token)}'`);
	};

	const parseCommand = (): SimpleCommand => {
		const command: SimpleCommand = {assigns: [], words: [], redirects: []};
		for (;;) {
			const token = peek();
			if (!token || token.kind === 'newline') break;
			if (token.kind === 'op') {
				if (['>', '>>', '<', '>&'].includes(token.op)) {
					pos++;
					const target = peek();
					if (!target || target.kind !== 'word') unexpected(target);
					pos++;
					const fd = token.fd ?? (token.op === '<' ? 0 : 1);
					command.redirects.push({fd, op: token.op as Redirect['op'], target: (target as {word: Word}).word});
					continue;
				}
				break;
			}
			pos++;
			const first = token.word[0];
			const match = command.words.length === 0 && first?.t === 'lit' && !first.quoted ? ASSIGNMENT.exec(first.v) : null;
			if (match) {
				const rest = first!.t === 'lit' ? first!.v.slice(match[0].length) : '';
				const value: Word = [...(rest ? [{t: 'lit' as const, v: rest, quoted: false}] : []), ...token.word.slice(1)];
				command.assigns.push({name: match[1]!, value});
			} else command.words.push(token.word);
		}
		if (command.words.length === 0 && command.assigns.length === 0 && command.redirects.length === 0) unexpected(peek());
		return command;
	};

	const parsePipeline = (): Pipeline => {
		let negate = false;
		const first = peek();
		if (first?.kind === 'word' && first.raw === '!') {
			negate = true;
			pos++;
		}
		const commands = [parseCommand()];
		while (peek()?.kind === 'op' && (peek() as {op: string}).op === '|') {
			pos++;
			while (peek()?.kind === 'newline') pos++;
			commands.push(parseCommand());
		}
		return {negate, commands};
	};

	const script: Script = [];
	while (pos < tokens.length) {
		const token = peek()!;
		if (token.kind === 'newline') {
			pos++;
			continue;
		}
		if (token.kind === 'op' && [';', '&', ')', '(', '&&', '||', '|', ';;'].includes(token.op)) unexpected(token);
		const andOr: AndOr = {first: parsePipeline(), rest: []};
		for (;;) {
			const next = peek();
			if (next?.kind === 'op' && (next.op === '&&' || next.op === '||')) {
				pos++;
				while (peek()?.kind === 'newline') pos++;
				if (!peek()) unexpected(undefined);
				andOr.rest.push({op: next.op, pipeline: parsePipeline()});
			} else break;
		}
		script.push(andOr);
		const separator = peek();
		if (!separator) break;
		if (separator.kind === 'newline' || (separator.kind === 'op' && (separator.op === ';' || separator.op === '&'))) {
			pos++;
			continue;
		}
		unexpected(separator);
	}
	return script;
}
