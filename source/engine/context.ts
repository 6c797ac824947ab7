/** What a program running inside a container can reach, kept apart so programs and the process
 * runner can both import it without a cycle. */
import type {Container, World} from './world.js';
import type {Proc} from './shell/interpreter.js';

export interface ContainerContext {
	world: World;
	container: Container;
	/** The main process of a detached container may keep running (servers, long sleeps). */
	canBlock: boolean;
	/** What runc started for this run (the main process's argv, or `docker exec`'s): what `ps` shows. */
	argv?: readonly string[];
	/** This run is a `docker exec` beside the main process (not the main process itself). */
	exec?: boolean;
}

export function contextOf(proc: Proc): ContainerContext {
	return proc.shell.context as ContainerContext;
}
