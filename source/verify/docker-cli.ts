/**
 * The real Docker CLI, run as a child process against the engine at DOCKER_HOST. Always the CLI the
 * simulator imitates (/usr/local/bin/docker, 28.x) unless LAYERLAB_DOCKER names another one.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';

export const DEFAULT_DOCKER_CLI = '/usr/local/bin/docker';

export interface CliResult {
	stdout: string;
	stderr: string;
	code: number;
}

export interface DockerCli {
	/** The CLI binary. */
	readonly binary: string;
	/** The environment every call gets (DOCKER_HOST included when set). */
	readonly env: NodeJS.ProcessEnv;
	run(args: string[], options?: {input?: Buffer; timeoutMs?: number; env?: NodeJS.ProcessEnv}): Promise<CliResult>;
	/** Like run, but throws with the command's stderr when it fails. */
	ok(args: string[], options?: {input?: Buffer; timeoutMs?: number; env?: NodeJS.ProcessEnv}): Promise<string>;
	/**
	 * Ends the docker commands this CLI started that still run (when verify is interrupted). Only
	 * this CLI's: two verify runs side by side, each against its own engine, each end their own.
	 */
	killActive(): void;
}

export function dockerBinary(env: NodeJS.ProcessEnv = process.env): string {
	if (env.LAYERLAB_DOCKER) return env.LAYERLAB_DOCKER;
	return existsSync(DEFAULT_DOCKER_CLI) ? DEFAULT_DOCKER_CLI : 'docker';
}

export function dockerCli(env: NodeJS.ProcessEnv = process.env): DockerCli {
	const binary = dockerBinary(env);
	const base: NodeJS.ProcessEnv = {...env, DOCKER_CLI_HINTS: 'false'};
	const active = new Set<ChildProcess>();
	const run: DockerCli['run'] = (args, options = {}) =>
		new Promise(resolve => {
			const child = spawn(binary, args, {env: {...base, ...options.env}, stdio: ['pipe', 'pipe', 'pipe']});
			active.add(child);
			const out: Buffer[] = [];
			const err: Buffer[] = [];
			let timer: NodeJS.Timeout | undefined;
			if (options.timeoutMs) timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
			child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
			child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
			child.on('error', error => {
				active.delete(child);
				if (timer) clearTimeout(timer);
				resolve({stdout: '', stderr: `${binary}: ${error.message}\n`, code: 127});
			});
			child.on('close', (code, signal) => {
				active.delete(child);
				if (timer) clearTimeout(timer);
				const stderr = Buffer.concat(err).toString('utf8') + (signal ? `(killed by ${signal} after ${options.timeoutMs} ms)\n` : '');
				resolve({stdout: Buffer.concat(out).toString('utf8'), stderr, code: code ?? 128});
			});
			child.stdin.on('error', () => undefined);
			child.stdin.end(options.input ?? Buffer.alloc(0));
		});
	return {
		binary,
		env: base,
		run,
		async ok(args, options) {
			const result = await run(args, options);
			if (result.code !== 0) throw new Error(`docker ${args.join(' ')}: ${(result.stderr || result.stdout).trim() || `exit ${result.code}`}`);
			return result.stdout;
		},
		killActive() {
			for (const child of active) child.kill('SIGTERM');
		},
	};
}

/** Non-empty lines of a command's output. */
export function lines(text: string): string[] {
	return text
		.split('\n')
		.map(line => line.trim())
		.filter(line => line !== '');
}
