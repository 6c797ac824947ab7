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
}

export interface HostContext {
	world: World;
	terminal: TerminalOptions;
}

export function hostContext(proc: Proc): HostContext {
	return proc.shell.context as HostContext;
}
