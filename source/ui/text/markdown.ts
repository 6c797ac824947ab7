/**
 * The lessons' Markdown, rendered simply into rows of a given width: headings, paragraphs, bullet and
 * numbered lists (hanging indent), block quotes, fenced code (never re-wrapped, only cut into
 * pieces), and inline `code`, **bold**, *italic* and [links](url). Everything goes through `seg`, so
 * no control character from a scenario file reaches the terminal.
 */
import {row, seg, type Row, type Segment} from '../rows.js';
import {hardWrap, textWidth} from './width.js';
import {expandTabs} from '../../text/safe.js';

type Style = Omit<Segment, 'text'>;

interface Atom {
	text: string;
	style: Style;
	space: boolean;
}

/** Inline Markdown to styled runs. */
export function parseInline(text: string, base: Style = {}): Array<{text: string; style: Style}> {
	const runs: Array<{text: string; style: Style}> = [];
	const pattern = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|(?<![\w])_([^_\s][^_]*)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/g;
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		const index = match.index ?? 0;
		if (index > last) runs.push({text: text.slice(last, index), style: base});
		if (match[2] !== undefined) runs.push({text: match[2].trim() === '' ? match[2] : match[2].replace(/^ (.*) $/, '$1'), style: {...base, tone: 'code'}});
		else if (match[3] !== undefined || match[4] !== undefined) runs.push(...parseInline(match[3] ?? match[4]!, {...base, bold: true}));
		else if (match[5] !== undefined || match[6] !== undefined) runs.push(...parseInline(match[5] ?? match[6]!, {...base, italic: true}));
		else if (match[7] !== undefined) {
			runs.push(...parseInline(match[7], {...base, underline: true}));
			if (match[8] !== match[7]) runs.push({text: ` (${match[8]})`, style: {...base, tone: 'dim'}});
		}
		last = index + match[0].length;
	}
	if (last < text.length) runs.push({text: text.slice(last), style: base});
	return runs;
}

function atomsOf(runs: Array<{text: string; style: Style}>): Atom[] {
	const atoms: Atom[] = [];
	for (const run of runs) {
		const code = run.style.tone === 'code';
		for (const part of run.text.split(/( +)/)) {
			if (part === '') continue;
			// Spaces inside `code` are kept as part of the code run so it stays one piece where it fits.
			atoms.push({text: part, style: run.style, space: !code && /^ +$/.test(part)});
		}
	}
	return atoms;
}

function pushSegment(segments: Segment[], text: string, style: Style): void {
	const last = segments.at(-1);
	if (last && sameStyle(last, style)) last.text += text;
	else segments.push({...seg(text), ...style});
}

function sameStyle(a: Segment, b: Style): boolean {
	return a.tone === b.tone && a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike && a.inverse === b.inverse;
}

/** Atoms grouped into words: pieces with no space between them (`rn2` + `.`) wrap together. */
function wordsOf(atoms: Atom[]): Array<{pieces: Atom[]; spaceBefore: Atom | undefined}> {
	const words: Array<{pieces: Atom[]; spaceBefore: Atom | undefined}> = [];
	let space: Atom | undefined;
	let current: {pieces: Atom[]; spaceBefore: Atom | undefined} | undefined;
	for (const atom of atoms) {
		if (atom.space) {
			space = atom;
			current = undefined;
			continue;
		}
		if (current) current.pieces.push(atom);
		else {
			current = {pieces: [atom], spaceBefore: space};
			words.push(current);
			space = undefined;
		}
	}
	return words;
}

/** Word-wraps styled runs to `width`; continuation lines start with `indent`. */
export function wrapRuns(runs: Array<{text: string; style: Style}>, width: number, first: Segment[] = [], indent = 0): Row[] {
	const rows: Row[] = [];
	const firstWidth = first.reduce((sum, s) => sum + textWidth(s.text), 0);
	let segments: Segment[] = first.map(s => ({...s}));
	let used = firstWidth;
	const newLine = () => {
		rows.push(row(segments));
		segments = indent > 0 ? [{text: ' '.repeat(indent)}] : [];
		used = indent;
	};
	const lineStart = () => used === (rows.length === 0 ? firstWidth : indent);
	for (const word of wordsOf(atomsOf(runs))) {
		const w = word.pieces.reduce((sum, piece) => sum + textWidth(piece.text), 0);
		const spaceWidth = word.spaceBefore && !lineStart() ? 1 : 0;
		if (used + spaceWidth + w > width && !lineStart()) newLine();
		if (word.spaceBefore && !lineStart()) {
			pushSegment(segments, ' ', word.spaceBefore.style.underline ? word.spaceBefore.style : {});
			used += 1;
		}
		for (const piece of word.pieces) {
			const pw = textWidth(piece.text);
			if (used + pw <= width) {
				pushSegment(segments, piece.text, piece.style);
				used += pw;
				continue;
			}
			// Longer than a line: cut it where the line ends.
			for (const part of hardWrap(piece.text, Math.max(1, width - used))) {
				if (used + textWidth(part) > width && !lineStart()) newLine();
				for (const sub of hardWrap(part, Math.max(1, width - used))) {
					if (used + textWidth(sub) > width && !lineStart()) newLine();
					pushSegment(segments, sub, piece.style);
					used += textWidth(sub);
				}
			}
		}
	}
	if (segments.length > 0 || rows.length === 0) rows.push(row(segments));
	return rows;
}

/** Markdown text to rows of at most `width` cells. */
export function markdownRows(markdown: string, width: number): Row[] {
	const w = Math.max(8, width);
	const rows: Row[] = [];
	const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
	let paragraph: string[] = [];
	let blankPending = false;
	let lastBlock: 'list' | 'other' = 'other';
	const gap = () => {
		if (rows.length > 0 && blankPending) rows.push(row([]));
		blankPending = false;
		lastBlock = 'other';
	};
	const flush = () => {
		if (paragraph.length === 0) return;
		gap();
		rows.push(...wrapRuns(parseInline(paragraph.join(' ')), w));
		paragraph = [];
		blankPending = true;
	};
	for (let i = 0; i < lines.length; i++) {
		const line = expandTabs(lines[i]!);
		const fence = /^\s*(```|~~~)/.exec(line);
		if (fence) {
			flush();
			gap();
			const close = fence[1]!;
			for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(close); i++) {
				for (const piece of hardWrap(expandTabs(lines[i]!), w - 2)) rows.push(row([seg('  '), seg(piece, 'code')]));
			}
			blankPending = true;
			continue;
		}
		if (line.trim() === '') {
			flush();
			continue;
		}
		const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading) {
			flush();
			gap();
			rows.push(...wrapRuns(parseInline(heading[2]!, {tone: 'heading', bold: true}), w));
			blankPending = true;
			continue;
		}
		const item = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(line);
		if (item) {
			flush();
			if (rows.length > 0 && blankPending && lastBlock !== 'list') rows.push(row([]));
			blankPending = false;
			const depth = Math.min(3, Math.floor(item[1]!.length / 2));
			const bullet = /\d/.test(item[2]!) ? item[2]! : '•';
			const lead = ' '.repeat(depth * 2) + bullet + ' ';
			let text = item[3]!;
			while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]!) && !/^\s*([-*+]|\d+[.)])\s+/.test(lines[i + 1]!)) text += ' ' + lines[++i]!.trim();
			rows.push(...wrapRuns(parseInline(text), w, [{text: lead, tone: 'accent'}], textWidth(lead)));
			blankPending = true;
			lastBlock = 'list';
			continue;
		}
		const quote = /^\s*>\s?(.*)$/.exec(line);
		if (quote) {
			flush();
			gap();
			rows.push(
				...wrapRuns(parseInline(quote[1]!, {italic: true}), w, [{text: '│ ', tone: 'dim'}], 2).map((r, index) =>
					index === 0 ? r : {...r, segments: [{text: '│ ', tone: 'dim' as const}, ...r.segments.slice(1)]},
				),
			);
			blankPending = true;
			continue;
		}
		paragraph.push(line.trim());
	}
	flush();
	return rows;
}
