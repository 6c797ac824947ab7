/** What the host's programs reach through their shell: the world and the learner's terminal. */
import type {World, Limits, Proc} from '../engine/index.js';

export interface TerminalOptions {
	columns: number;
	/** Whether the learner's stdout is a terminal (it is, in the lab and in `script` transcripts). */
	tty: boolean;
	/** Polled while a command runs: true stops it as Ctrl+C does (`^C`, status 130). */
	interrupted?: () => boolean;
	/** Limits for this command (steps, bytes); the defaults otherwise. */
	limits?: Partial<Limits>;
	/**
	 * On a draft: the caller can take back the whole draft, so the line does not snapshot it first
	 * (`current`, which copies every record the draft changed); a line that is stopped throws
	 * LineStopped and leaves the draft as it is, to be thrown away.
	 */
	unguarded?: boolean;
}

export interface HostContext {
	world: World;
	terminal: TerminalOptions;
}

export function hostContext(proc: Proc): HostContext {
	return proc.shell.context as HostContext;
}
