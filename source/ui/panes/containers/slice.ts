/** The Containers pane's view state: the selected container id (null: the newest). */
export interface ContainersSlice {
	selected: string | null;
}
