/**
 * A list window that follows a cursor and stays put otherwise (scrolls only when the cursor would
 * leave it). The offset is view state local to the pane.
 */
import {useRef} from 'react';
import {scrollToShow} from '../rows.js';

export function useWindow(cursor: number, height: number, total: number): number {
	const offset = useRef(0);
	offset.current = cursor < 0 ? Math.max(0, Math.min(offset.current, total - height)) : scrollToShow(offset.current, cursor, height, total);
	return offset.current;
}
