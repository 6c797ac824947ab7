/**
 * A real terminal for end-to-end tests: tmux on a private socket (never the user's server), a clean
 * bash, the size we ask for, and CI unset (when CI is set, Ink writes no frames until it
 * unmounts, and then only the last). Captures are
 * plain text of what is on screen; waits poll the screen, they never sleep a fixed time.
 */
import {HANG_GUARD_MS} from '../helpers/hang-guard.js';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function hasTmux(): boolean {
	return spawnSync('tmux', ['-V'], {stdio: 'ignore'}).status === 0;
}

export interface TerminalOptions {
	columns: number;
	rows: number;
	cwd: string;
	/** Added to the environment (CI is always removed). */
	env?: Record<string, string>;
}

export class TmuxTerminal {
	readonly socket = `layerlab-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	readonly session = 'lab';
	readonly stateDir = mkdtempSync(path.join(os.tmpdir(), 'layerlab-e2e-'));
	private started = false;

	constructor(readonly options: TerminalOptions) {}

	private env(): NodeJS.ProcessEnv {
		const env: NodeJS.ProcessEnv = {...process.env, ...this.options.env};
		delete env.CI;
		delete env.TMUX;
		delete env.NO_COLOR;
		env.COLUMNS = String(this.options.columns);
		env.LINES = String(this.options.rows);
		env.XDG_STATE_HOME = this.stateDir;
		env.PS1 = '$ ';
		env.TERM = 'xterm-256color';
		return env;
	}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {cwd: this.options.cwd, env: this.env(), encoding: 'utf8'});
	}

	start(): void {
		this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', this.session, '-x', String(this.options.columns), '-y', String(this.options.rows), 'bash --norc --noprofile');
		this.started = true;
		this.tmux('set-option', '-t', this.session, 'status', 'off');
	}

	/** Types text literally (no key names). */
	type(text: string): void {
		this.tmux('send-keys', '-t', this.session, '-l', text);
	}

	/** Presses keys by tmux name: Enter, Escape, Down, C-c… */
	press(...keys: string[]): void {
		for (const key of keys) this.tmux('send-keys', '-t', this.session, key);
	}

	/** Resizes the window (the program gets SIGWINCH, as when a learner drags the window). */
	resize(columns: number, rows: number): void {
		this.tmux('resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows));
	}

	capture(): string {
		return this.tmux('capture-pane', '-p', '-t', this.session);
	}

	/** The screen with its styles, as tmux's own SGR sequences (capture-pane -e). */
	captureStyled(): string {
		return this.tmux('capture-pane', '-p', '-e', '-t', this.session);
	}

	/** tmux's view of the pane: is the alternate screen on, is the cursor visible. */
	state(): {alternate: boolean; cursor: boolean} {
		const [alternate, cursor] = this.tmux('display-message', '-p', '-t', this.session, '#{alternate_on} #{cursor_flag}').trim().split(' ');
		return {alternate: alternate === '1', cursor: cursor === '1'};
	}

	/** Processes started by the pane's shell (the program being tested). */
	children(): number[] {
		const pane = this.tmux('display-message', '-p', '-t', this.session, '#{pane_pid}').trim();
		const result = spawnSync('ps', ['-o', 'pid=', '--ppid', pane], {encoding: 'utf8'});
		return result.stdout
			.split('\n')
			.map(line => Number(line.trim()))
			.filter(pid => pid > 0);
	}

	async waitFor(test: (screen: string) => boolean, what: string, timeout = HANG_GUARD_MS): Promise<string> {
		const started = Date.now();
		for (;;) {
			const screen = this.capture();
			if (test(screen)) return screen;
			if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
			await new Promise(resolve => setTimeout(resolve, 50));
		}
	}

	waitForText(text: string, timeout?: number): Promise<string> {
		return this.waitFor(screen => screen.includes(text), JSON.stringify(text), timeout);
	}

	/** Waits until the screen stops changing (the app has drawn everything after a key). */
	async settle(quiet = 300, timeout = 10_000): Promise<string> {
		const started = Date.now();
		let last = this.capture();
		let since = Date.now();
		for (;;) {
			await new Promise(resolve => setTimeout(resolve, 50));
			const screen = this.capture();
			if (screen !== last) {
				last = screen;
				since = Date.now();
			} else if (Date.now() - since >= quiet) return screen;
			if (Date.now() - started > timeout) return screen;
		}
	}

	/** Ends the tmux server (and with it every process in it) and removes the state folder. */
	stop(): void {
		if (this.started) spawnSync('tmux', ['-L', this.socket, 'kill-server'], {stdio: 'ignore'});
		this.started = false;
		rmSync(this.stateDir, {recursive: true, force: true});
	}
}

/**
 * Opens the lab in a new terminal: a bash whose prompt is `$ ` prints `SHELL BEFORE THE LAB`, runs
 * `command` followed by `echo "EXIT=$?"`, and waits until the screen shows `ready`. The terminal is
 * stopped if it never does.
 */
export async function openLab(options: TerminalOptions & {command: string; ready: string}): Promise<TmuxTerminal> {
	const lab = new TmuxTerminal(options);
	try {
		lab.start();
		lab.type("PS1='$ '; clear; echo 'SHELL BEFORE THE LAB'");
		lab.press('Enter');
		await lab.waitForText('SHELL BEFORE THE LAB\n$');
		lab.type(`${options.command}; echo "EXIT=$?"`);
		lab.press('Enter');
		await lab.waitForText(options.ready);
		return lab;
	} catch (error) {
		lab.stop();
		throw error;
	}
}

/** The rows of a pane: the lines between the border line holding `title` and the pane's bottom border. */
export function paneText(screen: string, title: string): string {
	const lines = screen.split('\n');
	const top = lines.findIndex(line => line.includes(title));
	if (top < 0) return '';
	const column = lines[top]!.lastIndexOf('╭', lines[top]!.indexOf(title));
	const out: string[] = [];
	for (let i = top + 1; i < lines.length; i++) {
		const line = [...lines[i]!];
		if (line[column] === '╰') break;
		const end = line.indexOf('│', column + 1);
		out.push(line.slice(column + 1, end < 0 ? undefined : end).join(''));
	}
	return out.join('\n');
}
