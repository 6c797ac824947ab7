/**
 * The Terminal pane's scrollback: each command with its prompt, then what it printed (stderr in its
 * own tone), and the lab's own notes. Blocks are wrapped per width once (cached on the block object)
 * and only the rows of the visible window, counted from the bottom, are assembled.
 */
import {localizeNote} from '../../../lab/notes.js';
import type {TermBlock} from '../../../lab/model/lab.js';
import {row, seg, type Row, type Tone} from '../../rows.js';
import {t} from '../../../lab/messages.js';
import {outputLines, safeText} from '../../../text/safe.js';
import {isKeyLine} from '../../../host/screen.js';
import {charWidth, hardWrap, textWidth} from '../../text/width.js';

const NOTE_TONE: Record<'info' | 'ok' | 'warn' | 'error', Tone> = {info: 'dim', ok: 'ok', warn: 'warn', error: 'fail'};

/** The lab's own voice, the one the simulated shell already uses for the lab's notes. */
export const NOTE_PREFIX = 'layerlab: ';

const cache = new WeakMap<TermBlock, {width: number; lang: string; rows: Row[]}>();

function wrapTone(text: string, width: number, tone?: Tone): Row[] {
	return hardWrap(text, width).map(piece => row([seg(piece, tone)]));
}

/** A block as rows of at most `width` cells. */
export function blockRows(block: TermBlock, width: number, lang = 'en'): Row[] {
	const cached = cache.get(block);
	if (cached && cached.width === width && cached.lang === lang) return cached.rows;
	const rows: Row[] = [];
	if (block.kind === 'note') {
		const text = block.message ? t(lang, block.message.key, block.message.vars) : block.text;
		for (const line of outputLines(text)) rows.push(...wrapTone(NOTE_PREFIX + line, width, NOTE_TONE[block.tone]));
	} else if (isKeyLine(block.line)) {
		// keys pressed (a key line) show only what they made, after the prompt, as in a terminal
		const text = block.prompt + block.output.map(chunk => chunk.text).join('');
		for (const line of outputLines(text)) rows.push(...wrapTone(line, width, undefined));
	} else {
		const prompt = safeText(block.prompt);
		const line = safeText(block.line);
		const pieces = hardWrap(prompt + line, width);
		pieces.forEach((piece, index) => {
			if (index === 0 && piece.length >= prompt.length) rows.push(row([seg(prompt, 'prompt'), seg(piece.slice(prompt.length), undefined, {bold: true})]));
			else rows.push(row([seg(piece, undefined, {bold: true})]));
		});
		for (const chunk of block.output) {
			for (const text of outputLines(chunk.text))
				rows.push(...wrapTone(chunk.stream === 'stderr' ? localizeNote(text, lang) : text, width, chunk.stream === 'stderr' ? 'stderr' : undefined));
		}
	}
	cache.set(block, {width, lang, rows});
	return rows;
}

/**
 * The rows of the window that ends `scroll` rows above the bottom: `height` rows (fewer when the
 * scrollback is short), and whether there is more above.
 */
export function scrollbackWindow(blocks: readonly TermBlock[], width: number, height: number, scroll: number, lang = 'en'): {rows: Row[]; above: boolean; maxScroll: number} {
	const needed = height + scroll;
	// Blocks from the newest back until there are enough rows; each block's rows stay in their array
	// (a block may hold hundreds of thousands of lines: no spreading them into a call).
	const parts: Row[][] = [];
	let total = 0;
	let index = blocks.length - 1;
	for (; index >= 0 && total < needed + 1; index--) {
		const rows = blockRows(blocks[index]!, width, lang);
		parts.push(rows);
		total += rows.length;
	}
	const complete = index < 0;
	const maxScroll = complete ? Math.max(0, total - height) : Math.max(scroll, total - height);
	const clamped = Math.min(scroll, maxScroll);
	const end = total - clamped;
	const start = Math.max(0, end - height);
	// Rows start..end of the blocks in order (parts holds them newest first).
	const window: Row[] = [];
	let offset = total;
	for (const rows of parts) {
		offset -= rows.length;
		const from = Math.max(start, offset);
		const to = Math.min(end, offset + rows.length);
		if (from < to) window.unshift(...rows.slice(from - offset, to - offset));
	}
	return {rows: window, above: start > 0 || !complete, maxScroll};
}

/**
 * The prompt line with the cursor shown as an inverse cell. When the line is wider than the pane,
 * it scrolls sideways so the cursor stays visible.
 */
export function promptRow(prompt: string, text: string, cursor: number, width: number, focused: boolean): Row {
	const safePrompt = safeText(prompt);
	const chars = [...safeText(text)];
	const before = chars.slice(0, cursor).join('');
	const at = chars[cursor] ?? ' ';
	const after = chars.slice(cursor + 1).join('');
	const promptWidth = textWidth(safePrompt);
	// The prompt keeps all but 24 columns (or half the line, if more), cut from the left like a deep path.
	const promptRoom = Math.max(Math.floor(width / 2), width - 24);
	const room = Math.max(4, width - Math.min(promptWidth, promptRoom) - 1);
	let shownBefore = before;
	if (textWidth(before) > room - 1) {
		const list = [...before];
		let used = 1;
		let start = list.length;
		while (start > 0 && used + charWidth(list[start - 1]!) <= room - 1) used += charWidth(list[--start]!);
		shownBefore = '…' + list.slice(start).join('');
	}
	const shownPrompt = promptWidth > promptRoom ? '…' + [...safePrompt].slice(-(promptRoom - 1)).join('') : safePrompt;
	const restRoom = Math.max(0, width - textWidth(shownPrompt) - textWidth(shownBefore) - 1);
	const shownAfter = textWidth(after) > restRoom ? [...after].slice(0, Math.max(0, restRoom - 1)).join('') + '…' : after;
	return row([seg(shownPrompt, 'prompt'), seg(shownBefore), focused ? seg(at, undefined, {inverse: true}) : seg(at === ' ' ? '' : at), seg(shownAfter)]);
}

/**
 * Tab's candidates in columns, as bash lists them: as many rows as they need, up to `max` (the last
 * one then says how many more there are).
 */
export function candidateRows(candidates: readonly string[], width: number, max = 5): Row[] {
	if (candidates.length === 0) return [];
	const names = candidates.map(name => safeText(name));
	const column = Math.min(width, Math.max(...names.map(name => textWidth(name))) + 2);
	const perRow = Math.max(1, Math.floor((width + 2) / column));
	const rows: Row[] = [];
	for (let i = 0; i < names.length; i += perRow) {
		const line = names.slice(i, i + perRow);
		rows.push(row([seg(line.map((name, index) => (index === line.length - 1 ? name : name + ' '.repeat(Math.max(1, column - textWidth(name))))).join(''), 'accent')]));
	}
	if (rows.length <= max) return rows;
	const shown = rows.slice(0, max - 1);
	const rest = names.length - (max - 1) * perRow;
	return [...shown, row([seg(`… and ${rest} more (type more letters, then Tab)`, 'dim')])];
}
