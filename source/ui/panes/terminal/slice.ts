/** The Terminal pane's view state: rows scrolled up from the bottom. */
export interface TerminalSlice {
	scroll: number;
}
