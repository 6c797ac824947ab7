/**
 * A list pane's content: a header row, then the window of rows that keeps the cursor in view. The
 * pane supplies its items and the two pure builders of its rows.ts; the window's offset is view state
 * kept in the pane (useWindow). A hook rather than a component of its own, so a list pane drawn again
 * is one component to run: its lines are elements by what they show (rowLine), which React passes
 * over where they did not change.
 */
import type React from 'react';
import {createElement, Fragment, memo, useMemo} from 'react';
import type {Changes} from '../../lab/model/changes.js';
import type {Row} from '../rows.js';
import type {Theme} from '../theme.js';
import {useWindow, windowOffset} from '../hooks/use-window.js';
import {paintRows, rowLine, rowsBox} from './RowView.js';
import {memoSlots} from '../panes/common.js';
import {preparable, type Preparable} from '../panes/types.js';

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

/** The header's line and the list's column, as the pane's content (two children of its frame). `last` keeps the window's offset for prepareListView. */
export function useListView<T>(
	{items, changes, cursor, header, rows: toRows, width, height, theme, lang, showSelection = true}: ListViewProps<T>,
	last?: {offset: number},
): React.ReactNode[] {
	const listHeight = Math.max(0, height - 1);
	const offset = useWindow(cursor, listHeight, items.length, last);
	const rows = windowRows(toRows)(items, changes, width, cursor, offset, listHeight, lang);
	const headerRow = useMemo(() => header(width), [header, width]);
	return [rowLine(headerRow, width, theme), rowsBox(rows, width, listHeight, theme, showSelection)];
}

type RowsBuilder<T> = ListViewProps<T>['rows'];

/**
 * A list's rows builder, remembered for its last two sets of arguments (the frame on screen and the
 * one the pause makes ahead), in the module rather than in a hook: the Enter's frame then draws the
 * very rows the pause made and painted.
 */
function windowRows<T>(toRows: RowsBuilder<T>): RowsBuilder<T> {
	let remembered = builders.get(toRows) as RowsBuilder<T> | undefined;
	if (remembered === undefined) builders.set(toRows, (remembered = memoSlots(2, toRows)));
	return remembered;
}

const builders = new WeakMap<object, unknown>();

/**
 * Works out and paints, ahead of its frame, the rows useListView will draw for these props (the pause
 * before an Enter): the rows builders keep each item's row and paintRows its text, so the frame finds
 * them made. From the window's last offset, as useWindow moves it.
 */
export function prepareListView<T>({items, changes, cursor, rows: toRows, width, height, theme, lang, showSelection = true}: ListViewProps<T>, last: {offset: number}): void {
	const listHeight = Math.max(0, height - 1);
	const offset = windowOffset(last.offset, cursor, listHeight, items.length);
	paintRows(windowRows(toRows)(items, changes, width, cursor, offset, listHeight, lang), width, theme, showSelection);
}

/**
 * A list pane's content component: memoised on its props (shallowly: they should be what it shows,
 * its items, not the world's slices they are made from), drawn by useListView and prepared ahead by
 * prepareListView, with the window's offset kept between the two.
 */
export function listPane<P extends object, T>(name: string, toList: (props: P) => ListViewProps<T>): Preparable<P> {
	const last = {offset: 0};
	function ListPane(props: P) {
		return createElement(Fragment, null, ...useListView(toList(props), last));
	}
	ListPane.displayName = name;
	return preparable(memo(ListPane), props => prepareListView(toList(props), last));
}
