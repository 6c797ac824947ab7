/**
 * bash's brace expansion (`file{1,2}.txt`, `{1..10}`, `{a..e}`, `{01..10..2}`), done on a word before
 * any other expansion, on its unquoted text only; busybox sh has none. A brace without a top-level
 * comma or a valid sequence stays as written, as in bash. Every word it makes is spent from the
 * step and byte budget, so `{1..100000000}` stops with the budget's line.
 */
import {spend, spendBytes} from '../budget.js';
import type {Part, Word} from './syntax.js';

/** A word as a sequence of atoms: one unquoted character, or a part that brace expansion does not look into. */
type Atom = string | Part;

function atoms(word: Word): Atom[] {
	const list: Atom[] = [];
	for (const part of word) {
		if (part.t === 'lit' && !part.quoted) list.push(...part.v);
		else list.push(part);
	}
	return list;
}

function toWord(list: readonly Atom[]): Word {
	const word: Word = [];
	let text = '';
	const flush = () => {
		if (text) word.push({t: 'lit', v: text, quoted: false});
		text = '';
	};
	for (const atom of list) {
		if (typeof atom === 'string') text += atom;
		else {
			flush();
			word.push(atom);
		}
	}
	flush();
	return word;
}

/** The word cost of making one expanded word, in steps (its atoms are copied). */
const STEPS_PER_WORD = 8;

function sequence(body: readonly Atom[]): string[] | undefined {
	if (!body.every(atom => typeof atom === 'string')) return undefined;
	const text = body.join('');
	const numeric = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/.exec(text);
	const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/.exec(text);
	const match = numeric ?? letters;
	if (!match) return undefined;
	const step = Math.abs(Number(match[3] ?? 1)) || 1;
	if (letters) {
		const from = match[1]!.charCodeAt(0);
		const to = match[2]!.charCodeAt(0);
		const out: string[] = [];
		for (let code = from; from <= to ? code <= to : code >= to; code += from <= to ? step : -step) {
			spend(STEPS_PER_WORD);
			out.push(String.fromCharCode(code));
		}
		return out;
	}
	const from = Number(match[1]);
	const to = Number(match[2]);
	const padded = (value: string) => /^[-+]?0\d/.test(value);
	const width = padded(match[1]!) || padded(match[2]!) ? Math.max(match[1]!.length, match[2]!.length) : 0;
	const out: string[] = [];
	for (let value = from; from <= to ? value <= to : value >= to; value += from <= to ? step : -step) {
		spend(STEPS_PER_WORD);
		const digits = String(Math.abs(value));
		const sign = value < 0 ? '-' : '';
		const text = width ? sign + digits.padStart(width - sign.length, '0') : sign + digits;
		spendBytes(text.length);
		out.push(text);
	}
	return out;
}

/** The alternatives of the brace opening at `open`, and where it closes; undefined when it does not expand. */
function alternatives(list: readonly Atom[], open: number): {items: Atom[][]; close: number} | undefined {
	let depth = 0;
	const commas: number[] = [];
	for (let i = open + 1; i < list.length; i++) {
		const atom = list[i];
		if (atom === '\\') {
			i++;
			continue;
		}
		if (atom === '{') depth++;
		else if (atom === '}') {
			if (depth > 0) {
				depth--;
				continue;
			}
			const body = list.slice(open + 1, i);
			if (commas.length > 0) {
				const items: Atom[][] = [];
				let from = open + 1;
				for (const comma of [...commas, i]) {
					items.push(list.slice(from, comma));
					from = comma + 1;
				}
				return {items, close: i};
			}
			const seq = sequence(body);
			return seq ? {items: seq.map(text => [...text]), close: i} : undefined;
		} else if (atom === ',' && depth === 0) commas.push(i);
	}
	return undefined;
}

function expandAtoms(list: readonly Atom[], out: Atom[][]): void {
	for (let open = 0; open < list.length; open++) {
		const atom = list[open];
		if (atom === '\\') {
			open++;
			continue;
		}
		if (atom !== '{' || list[open - 1] === '$') continue;
		const found = alternatives(list, open);
		if (!found) continue;
		const prefix = list.slice(0, open);
		const suffix = list.slice(found.close + 1);
		for (const item of found.items) {
			spend(STEPS_PER_WORD);
			expandAtoms([...prefix, ...item, ...suffix], out);
		}
		return;
	}
	out.push([...list]);
}

/** The words a word brace-expands to (the word itself when it has no expandable brace). */
export function braceExpand(word: Word): Word[] {
	if (!word.some(part => part.t === 'lit' && !part.quoted && part.v.includes('{'))) return [word];
	const out: Atom[][] = [];
	expandAtoms(atoms(word), out);
	return out.map(toWord);
}
