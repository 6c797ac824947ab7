/** What a program running inside a container can reach, kept apart so programs and the process
 * runner can both import it without a cycle. */
import type {Container, World} from './world.js';
import type {Proc} from './shell/interpreter.js';

export interface ContainerContext {
	world: World;
	container: Container;
	/** The main process of a detached container may keep running (servers, long sleeps). */
	canBlock: boolean;
}

export function contextOf(proc: Proc): ContainerContext {
	return proc.shell.context as ContainerContext;
}
