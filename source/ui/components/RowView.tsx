/** Draws one Row: one line, never wrapped, cut to the pane's width; a selected row is inverse. */
import React, {memo} from 'react';
import {Box, Text} from 'ink';
import {clipRow, rowWidth, type Row} from '../rows.js';
import type {Theme} from '../theme.js';
import {safeText} from '../../text/safe.js';

export interface RowViewProps {
	row: Row;
	width: number;
	theme: Theme;
	/** Show the selection (only in the focused pane). */
	showSelection?: boolean;
}

export const RowView = memo(function RowView({row, width, theme, showSelection = true}: RowViewProps) {
	const clipped = clipRow(row, width);
	const selected = Boolean(row.selected && showSelection);
	const pad = selected ? Math.max(0, width - rowWidth(clipped)) : 0;
	return (
		<Text wrap="truncate-end">
			{clipped.segments.map((segment, index) => (
				<Text key={index} {...theme.style(segment)} {...(selected ? {inverse: true} : {})}>
					{safeText(segment.text)}
				</Text>
			))}
			{pad > 0 ? <Text inverse>{' '.repeat(pad)}</Text> : null}
			{rowWidth(clipped) === 0 && pad === 0 ? ' ' : null}
		</Text>
	);
});

export interface RowsProps {
	rows: readonly Row[];
	width: number;
	height: number;
	theme: Theme;
	showSelection?: boolean;
}

/**
 * Exactly `height` lines: the rows given, blank ones as empty one-line boxes (no text to measure),
 * and nothing after the last row (the pane's fixed height keeps the frame the same size).
 */
export function Rows({rows, width, height, theme, showSelection}: RowsProps) {
	const lines: React.ReactNode[] = [];
	let last = Math.min(rows.length, height) - 1;
	while (last >= 0 && rows[last]!.segments.length === 0 && !rows[last]!.selected) last--;
	for (let i = 0; i <= last; i++) {
		const row = rows[i]!;
		lines.push(
			row.segments.length === 0 && !(row.selected && showSelection) ? (
				<Box key={i} height={1} flexShrink={0} />
			) : (
				<RowView key={i} row={row} width={width} theme={theme} showSelection={showSelection} />
			),
		);
	}
	return (
		<Box flexDirection="column" height={height} flexShrink={0} overflow="hidden">
			{lines}
		</Box>
	);
}
