/**
 * A list window that follows a cursor and stays put otherwise (scrolls only when the cursor would
 * leave it). The offset is view state local to the pane.
 */
import {useRef} from 'react';
import {scrollToShow} from '../rows.js';

/** Where a window at `offset` goes for a cursor (-1: none, the window only kept within the list). */
export function windowOffset(offset: number, cursor: number, height: number, total: number): number {
	return cursor < 0 ? Math.max(0, Math.min(offset, total - height)) : scrollToShow(offset, cursor, height, total);
}

/** The window's offset; `last`, when given, is told it too (a pane's `prepare` starts from it to work out the next frame's rows). */
export function useWindow(cursor: number, height: number, total: number, last?: {offset: number}): number {
	const offset = useRef(0);
	offset.current = windowOffset(offset.current, cursor, height, total);
	if (last) last.offset = offset.current;
	return offset.current;
}
