/**
 * What every pane draws: rows of styled segments. Row builders (panes/*-rows.ts) are pure functions
 * from the world and view state to rows; the Ink views only map rows to <Text>. Tones are semantic —
 * theme.ts decides what each looks like, and with colours off only bold/underline/inverse remain.
 */
import {safeText} from '../text/safe.js';
import {textWidth, truncate} from './text/width.js';

export type Tone =
	| 'plain'
	| 'dim'
	| 'title'
	| 'heading'
	| 'accent'
	| 'code'
	| 'key'
	| 'ok'
	| 'fail'
	| 'warn'
	| 'added'
	| 'changed'
	| 'removed'
	| 'running'
	| 'exited'
	| 'created'
	| 'prompt'
	| 'stderr'
	| 'image'
	| 'rw'
	| 'init'
	| 'volume'
	| 'bind';

export interface Segment {
	text: string;
	tone?: Tone;
	bold?: boolean;
	italic?: boolean;
	underline?: boolean;
	strike?: boolean;
	inverse?: boolean;
}

/** What changed in the last command, shown on the row until the next one. */
export type Mark = 'added' | 'changed' | 'removed';

export interface Row {
	segments: Segment[];
	/** Cursor / selection in a list. */
	selected?: boolean;
	mark?: Mark;
}

/** A segment whose text is made safe for the terminal. */
export function seg(text: string, tone?: Tone, style: Omit<Segment, 'text' | 'tone'> = {}): Segment {
	return {text: safeText(text), ...(tone ? {tone} : {}), ...style};
}

export function row(segments: Segment[], extra: Omit<Row, 'segments'> = {}): Row {
	return {segments, ...extra};
}

export function rowText(r: Row): string {
	return r.segments.map(s => s.text).join('');
}

export function rowWidth(r: Row): number {
	return textWidth(rowText(r));
}

/** Cuts a row to `width` cells (the last visible segment gets the `…`). */
export function clipRow(r: Row, width: number): Row {
	if (rowWidth(r) <= width) return r;
	const segments: Segment[] = [];
	let used = 0;
	for (const s of r.segments) {
		const w = textWidth(s.text);
		if (used + w <= width) {
			segments.push(s);
			used += w;
			if (used === width) break;
			continue;
		}
		segments.push({...s, text: truncate(s.text, width - used)});
		break;
	}
	return {...r, segments};
}

/** Keeps `cursor` inside the window [offset, offset+height): the new offset. */
export function scrollToShow(offset: number, cursor: number, height: number, total: number): number {
	let next = offset;
	if (cursor < next) next = cursor;
	if (cursor >= next + height) next = cursor - height + 1;
	return clampOffset(next, height, total);
}

export function clampOffset(offset: number, height: number, total: number): number {
	return Math.max(0, Math.min(offset, Math.max(0, total - height)));
}
