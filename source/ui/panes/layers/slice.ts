/** The Layers pane's view state. */
export interface LayersSlice {
	cursor: number;
	/** Per container id: folders explicitly opened or closed in the file tree. */
	tree: Record<string, Record<string, boolean>>;
}
