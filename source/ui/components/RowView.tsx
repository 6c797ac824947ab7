/** Draws Rows: each one line, never wrapped, cut to the pane's width; a selected row is inverse. */
import React, {memo} from 'react';
import {box, boxStyle, line, styledBox, type NodeStyle} from './host.js';
import {clipRow, rowWidth, type Row, type Segment} from '../rows.js';
import type {TextStyle, Theme} from '../theme.js';
import {safeText} from '../../text/safe.js';
import {paint} from '../text/paint.js';

/**
 * The segment's text props. Bold and dim share one reset code (SGR 22). When Ink cut every line to
 * its box (horizontal clipping, slice-ansi), a line that *starts* bold and dim came out dim only
 * (the styles open at the cut are re-emitted, one per reset code); rows are cut to width before
 * they reach Ink, so Ink no longer cuts them, and the first segment asks for what the screen has
 * always shown. Everywhere else in a row bold and dim pass through as they always did.
 */
function textStyle(theme: Theme, segment: Segment, first: boolean, selected: boolean): Readonly<TextStyle> {
	const style = theme.style(segment);
	const variant = (first && style.bold && style.dimColor ? 1 : 0) | (selected ? 2 : 0);
	if (variant === 0) return style;
	let known = variants.get(style);
	if (known === undefined) variants.set(style, (known = []));
	let made = known[variant];
	if (made === undefined) {
		const {bold: _bold, ...dim} = style;
		made = known[variant] = {...(variant & 1 ? dim : style), ...(variant & 2 ? {inverse: true} : {})};
	}
	return made;
}

/** The theme's styles as the first segment (bold taken away) and a selected row (inverse added) draw them, each made once. */
const variants = new WeakMap<Readonly<TextStyle>, Array<Readonly<TextStyle> | undefined>>();

function sameSegment(a: Segment, b: Segment): boolean {
	return (
		a === b ||
		(a.text === b.text && a.tone === b.tone && a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike && a.inverse === b.inverse)
	);
}

/** Whether two rows draw the same: row builders make new rows for unchanged lines, so views compare by value. */
export function sameRow(a: Row, b: Row): boolean {
	if (a === b) return true;
	if (Boolean(a.selected) !== Boolean(b.selected) || a.segments.length !== b.segments.length) return false;
	for (let i = 0; i < a.segments.length; i++) if (!sameSegment(a.segments[i]!, b.segments[i]!)) return false;
	return true;
}

/**
 * A row's line element, one per painted text: a row that shows what the row before it at that place
 * showed is the same element, which React passes over without a component to run (a screen's rows
 * are drawn by `rowsBox`, not by a RowView each).
 */
export function rowLine(row: Row, width: number, theme: Theme, showSelection = true): React.ReactNode {
	const text = paintedRow(row, width, theme, showSelection);
	let made = lineElements.get(text);
	if (made === undefined) {
		if (lineElements.size >= MAX_LINES) lineElements.clear();
		lineElements.set(text, (made = line(text)));
	}
	return made;
}

/** More lines than a few screens hold (bounded: a long session paints many). */
const MAX_LINES = 4096;
const lineElements = new Map<string, React.ReactNode>();

/**
 * A row's painted text, remembered per row object: rows are never changed once built, and a block's
 * rows stay the same objects while they scroll up the Terminal pane, so a command's Enter paints
 * only the rows it adds.
 */
const painted = new WeakMap<Row, {width: number; theme: Theme; showSelection: boolean; text: string}>();

/** Paints rows ahead of their frame (a pane's `prepare`): their RowViews then find the text painted. */
export function paintRows(rows: readonly Row[], width: number, theme: Theme, showSelection: boolean): void {
	for (const row of rows) paintedRow(row, width, theme, showSelection);
}

function paintedRow(row: Row, width: number, theme: Theme, showSelection: boolean): string {
	const known = painted.get(row);
	if (known && known.width === width && known.theme === theme && known.showSelection === showSelection) return known.text;
	const clipped = clipRow(row, width);
	const selected = Boolean(row.selected && showSelection);
	const pad = selected ? Math.max(0, width - rowWidth(clipped)) : 0;
	const first = clipped.segments.findIndex(segment => segment.text.length > 0);
	let text = '';
	clipped.segments.forEach((segment, index) => {
		text += paint(safeText(segment.text), textStyle(theme, segment, index === first, selected));
	});
	if (pad > 0) text += paint(' '.repeat(pad), {inverse: true});
	if (rowWidth(clipped) === 0 && pad === 0) text += ' ';
	painted.set(row, {width, theme, showSelection, text});
	return text;
}

export interface RowsProps {
	rows: readonly Row[];
	width: number;
	height: number;
	theme: Theme;
	showSelection?: boolean;
}

/**
 * Exactly `height` lines: the rows given, blank ones as empty one-line boxes (no text to measure),
 * and nothing after the last row (the pane's fixed height keeps the frame the same size). The lines
 * are children by place (no keys): each is the element of what it shows (rowLine), so a line that
 * shows what it showed is passed over, and only the lines that changed are drawn.
 */
export function rowsBox(rows: readonly Row[], width: number, height: number, theme: Theme, showSelection = true): React.ReactNode {
	const lines: React.ReactNode[] = [];
	let last = Math.min(rows.length, height) - 1;
	while (last >= 0 && rows[last]!.segments.length === 0 && !rows[last]!.selected) last--;
	for (let i = 0; i <= last; i++) {
		const row = rows[i]!;
		lines.push(row.segments.length === 0 && !(row.selected && showSelection) ? BLANK_ROW : rowLine(row, width, theme, showSelection));
	}
	let style = columnStyles.get(height);
	if (style === undefined) columnStyles.set(height, (style = boxStyle({flexDirection: 'column', height, flexShrink: 0, overflowY: 'hidden'})));
	return styledBox(style, ...lines);
}

/** The same as a component, memoised on the rows it draws (by value), for panes that draw rows beside other content. */
export const Rows = memo(function Rows({rows, width, height, theme, showSelection}: RowsProps) {
	return rowsBox(rows, width, height, theme, showSelection);
}, sameRows);

/** The column's box styles per height. */
const columnStyles = new Map<number, NodeStyle>();

/** A blank row: an empty one-line box, the same element everywhere (React passes it over). */
const BLANK_ROW = box({height: 1, flexShrink: 0});

function sameRows(a: RowsProps, b: RowsProps): boolean {
	if (a.width !== b.width || a.height !== b.height || a.theme !== b.theme || a.showSelection !== b.showSelection) return false;
	if (a.rows === b.rows) return true;
	// Only the rows that are drawn count.
	const shown = Math.min(a.height, Math.max(a.rows.length, b.rows.length));
	for (let i = 0; i < shown; i++) {
		const x = a.rows[i];
		const y = b.rows[i];
		if (x === y) continue;
		if (!x || !y || !sameRow(x, y)) return false;
	}
	return true;
}
