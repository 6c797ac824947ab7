/** The Step pane's view state. */
export interface StepScroll {
	anchor: 'top' | 'bottom';
	offset: number;
}

export interface StepSlice {
	/** Text rows from its top, or from its bottom (where new hints, answers and "complete" appear). */
	scroll: StepScroll;
	/** The prediction's answer under the cursor. */
	choice: number;
}
