/**
 * What the App needs from outside Ink: the scenarios, a lab for one (a fresh world, or the saved one
 * replayed), the checks, and a place to keep progress. main.tsx wires it to source/scenario; tests
 * pass small fakes.
 */
import type {Scenario} from '../scenario/types.js';
import type {Evaluate, LabModel} from './model/lab.js';

export interface ScenarioProgress {
	/** Steps completed. */
	done: number;
	/** Index of the step the learner is on. */
	current: number;
	/** Anything saved at all (a command typed, a step done or visited). */
	started: boolean;
}

export interface LabApi {
	scenarios(): Scenario[];
	/** The scenario's lab, resumed from saved progress when there is some. */
	open(scenario: Scenario, columns: number): Promise<LabModel>;
	evaluate: Evaluate;
	save(lab: LabModel): void;
	/**
	 * Problems with saving progress as they happen (a read-only folder, an unreadable progress file):
	 * the listener is called with each one-line message, and at once with those already known.
	 * Returns the unsubscribe function.
	 */
	onSaveProblem?(listener: (message: string) => void): () => void;
	/** Settles when every save asked for so far is on disk (main.tsx waits for it before exiting). */
	flushed?(): Promise<void>;
	progress(scenario: Scenario): ScenarioProgress | undefined;
}
