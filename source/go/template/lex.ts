/**
 * text/template/parse/lex.go: the template text as a list of items (text, delimiters, fields,
 * identifiers, literals), with Go's error items for what it cannot read.
 */
import {goQuote} from '../strconv.js';

export type ItemType =
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

export interface Item {
	typ: ItemType;
	pos: number;
	val: string;
	line: number;
}

/** item.String(), used in "unexpected X in Y" parse errors. */
export function itemString(i: Item): string {
	if (i.typ === 'eof') return 'EOF';
	if (i.typ === 'error') return i.val;
	if (keywordTypes.has(i.typ)) return `<${i.val}>`;
	const runes = [...i.val];
	if (runes.length > 10) return goQuote(runes.slice(0, 10).join('')) + '...';
	return goQuote(i.val);
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && /^[_\p{L}\p{Nd}]$/u.test(c);
/** A trim marker "- " at `at` in `s` (looked up in place: slicing the rest of a long input per item is quadratic). */
const hasLeftTrimMarker = (s: string, at: number): boolean => s[at] === '-' && isSpace(s[at + 1]);
const hasRightTrimMarker = (s: string, at: number): boolean => isSpace(s[at]) && s[at + 1] === '-';

/** %#U: U+007D '}' */
function hashU(c: string): string {
	const cp = c.codePointAt(0)!;
	const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
	return /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(c) ? `${hex} '${c}'` : hex;
}

/** How many items (text runs, delimiters, words, literals) a template may hold. */
export const MAX_ITEMS = 100_000;

export function lex(input: string, opts: {breakOK: boolean; continueOK: boolean}): Item[] {
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
		if (hasRightTrimMarker(input, pos) && input.startsWith(R, pos + 2)) return {delim: true, trim: true};
		if (input.startsWith(R, pos)) return {delim: true, trim: false};
		return {delim: false, trim: false};
	};
	const atTerminator = (): boolean => {
		const c = peek();
		if (c === undefined || isSpace(c) || '.,|:)('.includes(c)) return true;
		return input.startsWith(R, pos);
	};
	const leftTrimLength = (at: number): number => {
		let n = 0;
		while (isSpace(input[at + n])) n++;
		return n;
	};

	type State = (() => State) | null;

	const lexText = (): State => {
		const x = input.indexOf(L, pos);
		if (x >= 0) {
			if (x > pos) {
				pos = x;
				let trim = 0;
				if (hasLeftTrimMarker(input, pos + L.length)) {
					while (pos - trim > start && isSpace(input[pos - trim - 1])) trim++;
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
		const trim = hasLeftTrimMarker(input, pos);
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
		if (trim) pos += leftTrimLength(pos);
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
			pos += leftTrimLength(pos);
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
	while (state) {
		state = state();
		// A lab limit, not Go's: a template of this many items is no format a learner means.
		if (state && items.length >= MAX_ITEMS) state = fail(`layerlab: template longer than ${MAX_ITEMS.toLocaleString('en-US')} items`);
	}
	return items;
}
