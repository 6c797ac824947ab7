/**
 * The programs only the host has, which the programs registry declares without an implementation
 * (engine/userland/registry.ts): the docker CLI, curl on the simulated network, clear.
 */
import type {Program} from '../engine/index.js';
import {runDocker} from '../docker/dispatch.js';
import {hostContext} from './context.js';
import {curl} from './network.js';

const docker: Program = proc => {
	const {world, terminal} = hostContext(proc);
	return runDocker(
		{
			world,
			io: {out: proc.out, err: proc.err, tty: terminal.tty && proc.stdoutIsTty, columns: terminal.columns, cwd: proc.shell.cwd, env: proc.env, stdin: proc.stdin},
		},
		proc.argv.slice(1),
	);
};

const clear: Program = () => 0;

export const HOST_SUPPLIED: Record<string, Program> = {docker, curl, clear};
