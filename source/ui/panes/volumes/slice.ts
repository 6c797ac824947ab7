/** The Volumes pane's view state. */
export interface VolumesSlice {
	cursor: number;
}
