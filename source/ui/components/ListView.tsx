/**
 * A list pane's content: a header row, then the window of rows that keeps the cursor in view. The
 * pane supplies its items and the two pure builders of its rows.ts; the window's offset is view state
 * kept in the pane (useWindow). A hook rather than a component of its own, so a list pane drawn again
 * is one component to run: its lines are elements by what they show (rowLine), which React passes
 * over where they did not change.
 */
import type React from 'react';
import {useMemo} from 'react';
import type {Changes} from '../../lab/model/changes.js';
import type {Row} from '../rows.js';
import type {Theme} from '../theme.js';
import {useWindow} from '../hooks/use-window.js';
import {rowLine, rowsBox} from './RowView.js';

export interface ListViewProps<T> {
	items: readonly T[];
	changes: Changes;
	/** The row to show selected, or -1 for none. */
	cursor: number;
	header: (width: number) => Row;
	rows: (items: readonly T[], changes: Changes, width: number, cursor: number, offset: number, height: number, lang: string) => Row[];
	width: number;
	/** The whole content's height: the header line and the list. */
	height: number;
	theme: Theme;
	lang: string;
	showSelection?: boolean;
}

/** The header's line and the list's column, as the pane's content (two children of its frame). */
export function useListView<T>({items, changes, cursor, header, rows: toRows, width, height, theme, lang, showSelection}: ListViewProps<T>): React.ReactNode[] {
	const listHeight = Math.max(0, height - 1);
	const offset = useWindow(cursor, listHeight, items.length);
	const rows = useMemo(() => toRows(items, changes, width, cursor, offset, listHeight, lang), [toRows, items, changes, width, cursor, offset, listHeight, lang]);
	const headerRow = useMemo(() => header(width), [header, width]);
	return [rowLine(headerRow, width, theme), rowsBox(rows, width, listHeight, theme, showSelection)];
}
