/** What a docker command writes to, and the CLI's standard error shapes. */
import type {World} from '../engine/index.js';
import {USE_LINE} from './recorded/cli-text.js';
import type {GoValue} from '../go/index.js';
import {dockerInspectFormat} from './render/templates.js';

export interface DockerIo {
	out(text: string): void;
	err(text: string): void;
	/** stdout is a terminal: the CLI prints `Successfully copied …` and pull progress only then. */
	tty: boolean;
	columns: number;
	/** The learner's working directory on the host (for relative paths in `cp` and `-v`). */
	cwd: string;
	/** Host environment (for `-e NAME` without a value). */
	env: Record<string, string>;
	/** What the shell feeds the command (`docker load < file`); absent or '' on a terminal. */
	stdin?: string;
}

export interface DockerContext {
	world: World;
	io: DockerIo;
}

/** `Error response from daemon: …` (exit 1), the shape most commands use. */
export function daemonError(io: DockerIo, message: string): number {
	io.err(`Error response from daemon: ${message}\n`);
	return 1;
}

/** After Docker's `manifest … not found` (a tag the registry lacks): one lab note naming the tags it has, so it does not read as "no such image". */
export function missingTagNote(io: DockerIo, registry: Readonly<Record<string, unknown>>, message: string): void {
	const match = /^manifest for (\S+):([^:\s]+) not found: manifest unknown/.exec(message);
	if (!match) return;
	const tags = Object.keys(registry)
		.filter(key => key.startsWith(match[1]! + ':'))
		.sort();
	if (tags.length > 0) io.err(`layerlab: the lab has ${tags.join(', ')} (not ${match[1]}:${match[2]}).\n`);
}

/** `docker run`/`create` failures: `docker: Error response from daemon: …` plus the help hint. */
export function runDaemonError(io: DockerIo, message: string, command = 'docker run'): number {
	io.err(`docker: Error response from daemon: ${message}\n\nRun '${command} --help' for more information\n`);
	return 125;
}

/** A flag value the CLI rejects while parsing (`invalid argument "…" for "--mount" flag: …`). */
export function flagValueError(io: DockerIo, commandPath: string[], value: string, flag: string, message: string): number {
	const path = commandPath.join(' ');
	const usage = USE_LINE[path] ?? '';
	io.err(`invalid argument "${value}" for "${flag}" flag: ${message}\n\nUsage:  ${usage}\n\nRun 'docker ${path} --help' for more information\n`);
	return 125;
}

/** What `docker … inspect` prints for the objects found (and the errors for those not found). */
export function printInspect(io: DockerIo, format: string, elements: Array<GoValue | Error>): number {
	const result = dockerInspectFormat(format, elements);
	io.out(result.stdout);
	io.err(result.stderr);
	return result.exitCode;
}
