/** The Images pane's view state. */
export interface ImagesSlice {
	cursor: number;
}
