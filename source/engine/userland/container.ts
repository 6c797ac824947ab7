/**
 * Busybox applets whose behaviour depends on the container they run in (its hostname, whether its
 * main process may keep running).
 */
import {contextOf} from '../context.js';
import {BlockSignal, type Program} from '../shell/interpreter.js';
import {utilities} from './coreutils.js';

export const hostnameApplet: Program = proc => {
	proc.out(contextOf(proc).container.config.hostname + '\n');
	return 0;
};

/** `sleep` in a detached container's main process keeps it running; elsewhere time moves on. */
export const sleepApplet: Program = proc => {
	const seconds = Number.parseFloat(proc.argv[1] ?? '');
	if (!Number.isFinite(seconds)) return utilities('busybox').sleep!(proc);
	const context = contextOf(proc);
	if (context.canBlock && seconds >= 1) throw new BlockSignal('sleep');
	context.world.clock += Math.min(seconds, 3600) * 1000;
	return 0;
};

export const whoamiApplet: Program = proc => {
	proc.out('root\n');
	return 0;
};

/** The learner's user on the host. */
export const hostWhoami: Program = proc => {
	proc.out(`${(proc.shell.context as {world?: {host: {user: string}}}).world?.host.user ?? 'student'}\n`);
	return 0;
};

/** The learner's machine is called layerlab (the prompt says student@layerlab). */
export const hostHostname: Program = proc => {
	proc.out('layerlab\n');
	return 0;
};
