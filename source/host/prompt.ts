/**
 * What the learner's prompt shows: bash's on the host (`student@layerlab:~/diamol$ `), busybox sh's
 * while the terminal is in a container's shell (`/ # `, `/app # `; nothing for `-i` without `-t`).
 * Kept apart from run-line.ts so the lab's first frame needs none of the engine.
 */
import type {ShellSession, World} from '../engine/index.js';

/** busybox sh's default prompt for root (PS1 `\\w \\$ `): the working folder, `~` for HOME. */
function sessionPrompt(session: ShellSession): string {
	// No prompt without a terminal, for a program that is not a shell, and after the first line nothing read.
	if (!session.tty || session.program || (session.typed ?? 0) > 0) return '';
	const home = session.vars.HOME ?? '/root';
	const where = session.cwd === home ? '~' : session.cwd.startsWith(home + '/') ? '~' + session.cwd.slice(home.length) : session.cwd;
	return `${where} # `;
}

export function promptText(world: World): string {
	const session = world.host.session;
	if (session) return sessionPrompt(session);
	const {cwd, home, user} = world.host;
	const where = cwd === home ? '~' : cwd.startsWith(home + '/') ? '~' + cwd.slice(home.length) : cwd;
	return `${user}@layerlab:${where}$ `;
}
