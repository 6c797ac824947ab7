/**
 * The Dockerfile reader: lines → instructions, as Docker's parser reads them (comments, `\` line
 * continuations, JSON and shell forms, `--flag=value` options), and the word processing the builder
 * applies to arguments (quotes, backslashes, `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR:+word}`).
 * Pure: text in, data out.
 */

export interface Instruction {
	/** Upper-case keyword: FROM, RUN, COPY… */
	keyword: string;
	/** The arguments as written (after the keyword and its flags, continuation lines joined). */
	rest: string;
	/** `--name=value` options before the arguments (`--from=builder`, `--chown=1000:1000`). */
	flags: Record<string, string>;
	/** The JSON array form (`["dotnet", "ToDoList.dll"]`), when the arguments are one. */
	json: string[] | null;
	/** The instruction's text as `Step N/M :` prints it (keyword as written, continuations joined). */
	original: string;
	/** 1-based line where the instruction starts. */
	line: number;
}

const KEYWORDS = [
	'FROM',
	'RUN',
	'CMD',
	'LABEL',
	'MAINTAINER',
	'EXPOSE',
	'ENV',
	'ADD',
	'COPY',
	'ENTRYPOINT',
	'VOLUME',
	'USER',
	'WORKDIR',
	'ARG',
	'ONBUILD',
	'STOPSIGNAL',
	'HEALTHCHECK',
	'SHELL',
] as const;

/** What the daemon answers for a Dockerfile it cannot parse (`dockerfile parse error line N: …`). */
export class DockerfileError extends Error {}

/** Splits a Dockerfile into instructions. Throws DockerfileError for an unknown instruction. */
export function parseDockerfile(text: string): Instruction[] {
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	const instructions: Instruction[] = [];
	let i = 0;
	while (i < lines.length) {
		const first = lines[i]!;
		const start = i + 1;
		i++;
		if (/^\s*(#|$)/.test(first)) continue;
		let joined = first;
		// A line ending in `\` continues on the next one; comment lines inside are dropped.
		while (/\\\s*$/.test(joined) && i < lines.length) {
			joined = joined.replace(/\\\s*$/, '');
			const next = lines[i]!;
			i++;
			if (/^\s*#/.test(next)) {
				joined += '\\';
				continue;
			}
			joined += next;
		}
		joined = joined.replace(/\\\s*$/, '').trim();
		const match = /^(\S+)\s*([\s\S]*)$/.exec(joined)!;
		const word = match[1]!;
		const keyword = word.toUpperCase();
		if (!(KEYWORDS as readonly string[]).includes(keyword)) throw new DockerfileError(`dockerfile parse error line ${start}: unknown instruction: ${keyword}`);
		let rest = match[2]!;
		const flags: Record<string, string> = {};
		if (keyword !== 'RUN' || !rest.startsWith('[')) {
			for (;;) {
				const flag = /^--([A-Za-z][\w-]*)(?:=(\S*))?\s*/.exec(rest);
				if (!flag || !['COPY', 'ADD', 'FROM', 'HEALTHCHECK', 'RUN'].includes(keyword)) break;
				flags[flag[1]!] = flag[2] ?? 'true';
				rest = rest.slice(flag[0].length);
			}
		}
		instructions.push({keyword, rest, flags, json: jsonForm(rest), original: `${word} ${match[2]!}`.trimEnd(), line: start});
	}
	return instructions;
}

/** `["a", "b"]`: a JSON array of strings, or null (then the shell form applies). */
function jsonForm(rest: string): string[] | null {
	if (!rest.startsWith('[')) return null;
	try {
		const value: unknown = JSON.parse(rest);
		if (Array.isArray(value) && value.every(item => typeof item === 'string')) return value as string[];
	} catch {
		// not JSON: the shell form
	}
	return null;
}

/**
 * Docker's word processing (its shell lexer): splits on unquoted blanks, removes quotes and
 * backslashes, and replaces variables from `env` (not inside single quotes).
 */
export function processWords(text: string, env: Record<string, string>): string[] {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let i = 0;
	const expand = (): string => {
		// at `$`
		const braced = /^\$\{([A-Za-z_]\w*)(?::([-+])([^}]*))?\}/.exec(text.slice(i));
		if (braced) {
			i += braced[0].length;
			const value = Object.hasOwn(env, braced[1]!) ? env[braced[1]!]! : undefined;
			if (braced[2] === '-') return value ? value : processWords(braced[3]!, env).join(' ');
			if (braced[2] === '+') return value ? processWords(braced[3]!, env).join(' ') : '';
			return value ?? '';
		}
		const plain = /^\$([A-Za-z_]\w*)/.exec(text.slice(i));
		if (plain) {
			i += plain[0].length;
			return Object.hasOwn(env, plain[1]!) ? env[plain[1]!]! : '';
		}
		i++;
		return '$';
	};
	while (i < text.length) {
		const c = text[i]!;
		if (c === ' ' || c === '\t' || c === '\n') {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
			i++;
			continue;
		}
		inWord = true;
		if (c === "'") {
			const end = text.indexOf("'", i + 1);
			const stop = end < 0 ? text.length : end;
			word += text.slice(i + 1, stop);
			i = stop + 1;
		} else if (c === '"') {
			i++;
			while (i < text.length && text[i] !== '"') {
				if (text[i] === '\\' && i + 1 < text.length && '"\\$'.includes(text[i + 1]!)) {
					word += text[i + 1];
					i += 2;
				} else if (text[i] === '$') word += expand();
				else word += text[i++];
			}
			i++;
		} else if (c === '\\' && i + 1 < text.length) {
			word += text[i + 1];
			i += 2;
		} else if (c === '$') word += expand();
		else {
			word += c;
			i++;
		}
	}
	if (inWord) words.push(word);
	return words;
}

/** `key=value` pairs (ENV, LABEL, ARG), or ENV's old `key value` form. */
export function keyValues(rest: string, env: Record<string, string>, keyword: string): Array<[string, string]> {
	const firstWord = /^\S+/.exec(rest)?.[0] ?? '';
	if (keyword === 'ENV' && !firstWord.includes('=')) {
		const value = rest.slice(firstWord.length).trim();
		return [[firstWord, processWords(value, env).join(' ')]];
	}
	// split on unquoted blanks first, then process each `key=value` word
	const raw: string[] = [];
	let current = '';
	let quote = '';
	for (let i = 0; i < rest.length; i++) {
		const c = rest[i]!;
		if (quote) {
			if (c === '\\' && quote === '"' && i + 1 < rest.length) {
				current += c + rest[++i];
				continue;
			}
			if (c === quote) quote = '';
			current += c;
		} else if (c === '"' || c === "'") {
			quote = c;
			current += c;
		} else if (c === '\\' && i + 1 < rest.length) current += c + rest[++i];
		else if (/\s/.test(c)) {
			if (current) raw.push(current);
			current = '';
		} else current += c;
	}
	if (current) raw.push(current);
	return raw.map(item => {
		const eq = item.indexOf('=');
		if (eq < 0) return [processWords(item, env).join(' '), ''] as [string, string];
		return [item.slice(0, eq), processWords(item.slice(eq + 1), env).join(' ')] as [string, string];
	});
}

/** One path segment against a pattern with `*` and `?` (no regular expression: linear-time backtracking). */
function segmentMatch(pattern: string, text: string): boolean {
	let p = 0;
	let t = 0;
	let star = -1;
	let mark = 0;
	while (t < text.length) {
		if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
			p++;
			t++;
		} else if (p < pattern.length && pattern[p] === '*') {
			star = p++;
			mark = t;
		} else if (star >= 0) {
			p = star + 1;
			t = ++mark;
		} else return false;
	}
	while (p < pattern.length && pattern[p] === '*') p++;
	return p === pattern.length;
}

/**
 * A slash-separated path against a pattern like Go's filepath.Match per segment, `**` matching any number
 * of segments; `prefix` also accepts paths below a match (a matched folder covers its contents).
 */
export function pathMatch(pattern: string, path: string, prefix = false): boolean {
	const want = pattern.split('/').filter(Boolean);
	const have = path.split('/').filter(Boolean);
	const memo = new Map<number, boolean>();
	const match = (i: number, j: number): boolean => {
		const key = i * (have.length + 1) + j;
		const known = memo.get(key);
		if (known !== undefined) return known;
		let result: boolean;
		if (i === want.length) result = j === have.length || prefix;
		else if (want[i] === '**') result = match(i + 1, j) || (j < have.length && match(i, j + 1));
		else result = j < have.length && segmentMatch(want[i]!, have[j]!) && match(i + 1, j + 1);
		memo.set(key, result);
		return result;
	};
	return match(0, 0);
}
