/**
 * A real Docker engine as one side of a comparison. Lines are typed into bash inside a 400x50 tmux
 * window (like test/real-docker/record.sh), so everything a terminal shows appears: pull progress
 * rendered to its final state, TTY-only output, a missing final newline. The screen is read back with
 * `capture-pane -J` and cut at each `$ <line>` prompt.
 *
 * The learner's host folder is a temporary folder, ROOT/home/student/..., laid out from the
 * simulator's starting world (so both sides start from one definition). Lines are typed with the
 * simulated home (/home/student) rewritten to ROOT/home/student, and everything read back (screen
 * text, changed paths) has ROOT removed again, so the real side reads as if it ran at /home/student
 * without touching the machine's own /home (see docs/FIDELITY.md).
 */
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, existsSync, lchownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import type {World} from '../engine/index.js';
import {mapHostFolder} from '../lab/normalise.js';
import type {DockerCli} from './docker-cli.js';
import {lines} from './docker-cli.js';
import {formatVolumeFiles, snapshotChanges, volumeProbeCommand, type Block, type HostSnapshot, type Side, type SideContainer, type VolumeFile} from './side.js';

const exec = promisify(execFile);

/** util-linux's setpriv, and the uid/gid of `nobody`/`nogroup` on Debian. */
const SETPRIV = '/usr/bin/setpriv';
const NOBODY = 65534;
/** util-linux's nsenter: runs the lesson's bash in the engine's network namespace, when it has one. */
const NSENTER = '/usr/bin/nsenter';

export interface RealSideOptions {
	docker: DockerCli;
	/** The simulator's starting world: host folder, home and working directory are laid out from it. */
	world: World;
	label: string;
	/** Seconds per line before Ctrl+C is sent (default 60). */
	lineTimeout?: number;
	/** Seconds to wait after a line that starts a container in the background (default 1). */
	settle?: number;
	/** Called with the temporary folder as soon as it exists (for cleanup when interrupted). */
	onTempDir?: (dir: string) => void;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lines after which a container keeps running in the background: its app needs a moment to start. */
export function startsBackground(line: string): boolean {
	const padded = ` ${line} `;
	return /\srun\s(.*\s)?(-d|--detach|-[a-zA-Z]*d[a-zA-Z]*)\s/.test(padded) || /\s(start|restart)\s/.test(padded);
}

export class RealSide implements Side {
	readonly label: string;
	/** ROOT: the temporary folder that stands for `/`'s /home. */
	readonly root: string;
	private readonly home: string;
	private readonly socket: string;
	private readonly docker: DockerCli;
	/** Typed lines, and probe blocks recorded between them. */
	private readonly entries: Array<{line: string; typed: string} | {block: Block}> = [];
	private readonly promptsFile: string;
	private readonly lineTimeout: number;
	private readonly settle: number;
	private snapshot: HostSnapshot = new Map();
	private closed = false;

	private constructor(options: RealSideOptions, root: string) {
		this.label = options.label;
		this.docker = options.docker;
		this.root = root;
		this.home = options.world.host.home;
		this.socket = `layerlab-verify-${process.pid}-${path.basename(root)}`;
		this.promptsFile = path.join(root, '.prompts');
		this.lineTimeout = options.lineTimeout ?? 60;
		this.settle = options.settle ?? 1;
	}

	static async start(options: RealSideOptions): Promise<RealSide> {
		const root = mkdtempSync('/tmp/layerlab-verify-');
		options.onTempDir?.(root);
		const side = new RealSide(options, root);
		try {
			side.layOut(options.world);
			side.snapshot = side.hostSnapshot();
			await side.startShell(options.world);
		} catch (error) {
			await side.close();
			throw error;
		}
		return side;
	}

	/** Simulated path → real path. */
	toReal(text: string): string {
		return text.replace(new RegExp(`(?<![\\w.-])${escapeRegExp(this.home)}(?![\\w.-])`, 'g'), this.root + this.home);
	}

	/** Real text → as the simulator would spell it. */
	fromReal(text: string): string {
		return mapHostFolder(text, this.root, this.home);
	}

	private layOut(world: World): void {
		const home = world.host.home;
		const entries = Object.entries(world.host.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		mkdirSync(this.root + home, {recursive: true, mode: 0o755});
		for (const [file, entry] of entries) {
			if (file !== home && !file.startsWith(home + '/')) {
				if (entry.kind !== 'dir') throw new Error(`the scenario's host file ${file} is outside ${home}: verify lays out only the learner's home`);
				continue;
			}
			const real = this.root + file;
			if (entry.kind === 'dir') {
				mkdirSync(real, {recursive: true});
				chmodSync(real, entry.mode);
			} else if (entry.kind === 'file') {
				mkdirSync(path.dirname(real), {recursive: true});
				writeFileSync(real, entry.content);
				chmodSync(real, entry.mode);
			} else if (entry.kind === 'symlink') {
				mkdirSync(path.dirname(real), {recursive: true});
				symlinkSync(this.toReal(entry.target), real);
			}
		}
	}

	private hostSnapshot(): HostSnapshot {
		const snapshot: HostSnapshot = new Map();
		const walk = (real: string, simulated: string) => {
			let stat;
			try {
				stat = lstatSync(real);
			} catch {
				return;
			}
			if (stat.isSymbolicLink()) snapshot.set(simulated, `link:${this.fromReal(readlinkSync(real))}`);
			else if (stat.isDirectory()) {
				snapshot.set(simulated, 'dir');
				for (const name of readdirSync(real)) walk(path.join(real, name), `${simulated}/${name}`);
			} else if (stat.isFile()) {
				snapshot.set(simulated, `file:${createHash('sha256').update(readFileSync(real)).digest('hex')}`);
			}
		};
		walk(this.root + this.home, this.home);
		return snapshot;
	}

	private tmux(...args: string[]): Promise<{stdout: string}> {
		return exec('tmux', ['-L', this.socket, '-f', path.join(this.root, 'tmux.conf'), ...args], {maxBuffer: 256 * 1024 * 1024});
	}

	private prompts(): number {
		try {
			return statSync(this.promptsFile).size;
		} catch {
			return 0;
		}
	}

	/**
	 * Waits for the count-th prompt: PROMPT_COMMAND has counted it and readline shows `$ ` at the
	 * cursor (keys typed before readline owns the terminal would be echoed on a line of their own).
	 */
	private async waitPrompts(count: number, seconds: number): Promise<boolean> {
		const until = Date.now() + seconds * 1000;
		while (this.prompts() < count) {
			if (Date.now() > until) return false;
			await sleep(20);
		}
		while (Date.now() < until) {
			// one tmux call: the cursor, then the visible screen
			const [cursor = '', ...rows] = (await this.tmux('display-message', '-p', '-t', 'verify', '#{cursor_x} #{cursor_y}', ';', 'capture-pane', '-p', '-t', 'verify')).stdout.split(
				'\n',
			);
			const [x = 0, y = 0] = cursor.trim().split(' ').map(Number);
			const row = rows[y] ?? '';
			if (x >= 2 && row.padEnd(x).slice(0, x).endsWith('$ ')) return true;
			await sleep(10);
		}
		return false;
	}

	private async startShell(world: World): Promise<void> {
		writeFileSync(path.join(this.root, 'tmux.conf'), 'set -g history-limit 500000\nset -g default-terminal "screen"\nset -g status off\n');
		const dockerDir = path.dirname(this.docker.binary);
		const env: Record<string, string> = {
			HOME: this.root + world.host.home,
			USER: world.host.user,
			LOGNAME: world.host.user,
			SHELL: '/bin/bash',
			LANG: 'C.UTF-8',
			TERM: 'screen',
			PATH: [...(dockerDir !== '.' ? [dockerDir] : []), '/usr/local/bin', '/usr/local/sbin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].join(':'),
			DOCKER_CONFIG: path.join(this.root, '.docker'),
			DOCKER_CLI_HINTS: 'false',
			HISTFILE: '/dev/null',
			PS1: '$ ',
			PROMPT_COMMAND: `printf . >> ${this.promptsFile}`,
		};
		for (const name of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) {
			const value = this.docker.env[name];
			if (value) env[name] = value;
		}
		const cwd = this.toReal(world.host.cwd);
		const confine = [...this.engineNetwork(), ...this.confinement()];
		await this.tmux(
			'new-session',
			'-d',
			'-s',
			'verify',
			'-x',
			'400',
			'-y',
			'50',
			'-c',
			existsSync(cwd) ? cwd : this.root,
			...confine,
			'env',
			'-i',
			...Object.entries(env).map(([k, v]) => `${k}=${v}`),
			'bash',
			'--norc',
			'--noprofile',
		);
		if (!(await this.waitPrompts(1, 10))) throw new Error('bash did not start in tmux');
	}

	/**
	 * An engine that runs in a network namespace of its own (LAYERLAB_ENGINE_NETNS, as
	 * test/real-docker/engine.sh start-isolated starts one) publishes its ports there: the lesson's
	 * bash runs in it too, so `curl localhost:PORT` reaches that engine's containers.
	 */
	private engineNetwork(): string[] {
		const netns = this.docker.env.LAYERLAB_ENGINE_NETNS;
		if (!netns) return [];
		if (!/^[\w.-]+$/.test(netns)) throw new Error(`LAYERLAB_ENGINE_NETNS: not a network namespace name: ${netns}`);
		return [NSENTER, `--net=/run/netns/${netns}`, '--'];
	}

	/**
	 * Run as root (CI), the lesson's bash gets a user of its own: nobody, with the engine socket's group
	 * and no capabilities, owning only the temporary folder (setpriv, util-linux). As another user it
	 * runs as that user. Either way vet.ts has refused every line that reaches outside the home.
	 */
	private confinement(): string[] {
		if (process.getuid?.() !== 0 || !existsSync(SETPRIV)) return [];
		const groups = [NOBODY];
		const socket = /^unix:\/\/(.+)$/.exec(this.docker.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock')?.[1];
		if (socket) {
			try {
				groups.push(statSync(socket).gid);
			} catch {
				// no socket there: the CLI will say so
			}
		}
		const own = (target: string) => {
			lchownSync(target, NOBODY, NOBODY);
			if (lstatSync(target).isDirectory()) for (const name of readdirSync(target)) own(path.join(target, name));
		};
		own(this.root);
		return [SETPRIV, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, `--groups=${groups.join(',')}`, '--inh-caps=-all', '--no-new-privs', '--'];
	}

	async run(line: string): Promise<void> {
		const typed = this.toReal(line);
		this.entries.push({line, typed});
		const count = this.prompts() + 1;
		// one tmux call types the line and presses Enter; tmux reads an argument that ends in `;` as the
		// end of a command (and `\;` as a `;`), so a final `;` gets a backslash before it
		await this.tmux('send-keys', '-t', 'verify', '-l', '--', typed.endsWith(';') ? `${typed.slice(0, -1)}\\;` : typed, ';', 'send-keys', '-t', 'verify', 'Enter');
		if (!(await this.waitPrompts(count, this.lineTimeout))) {
			await this.tmux('send-keys', '-t', 'verify', 'C-c');
			if (!(await this.waitPrompts(count, 15))) throw new Error(`no prompt after Ctrl+C: ${line}`);
		}
		if (startsBackground(line)) {
			await sleep(this.settle * 1000);
			await this.waitForListeners();
		}
	}

	/**
	 * A container that publishes ports is ready when its program listens inside it (the host side of
	 * a published port accepts connections before that, through docker-proxy). Read from the
	 * container's /proc/net/tcp*, which changes nothing a learner could see; up to 10 s each.
	 */
	private async waitForListeners(): Promise<void> {
		const rows = lines(await this.docker.ok(['container', 'ls', '--format', '{{.Names}}\t{{.Ports}}']));
		for (const row of rows) {
			const [name = '', ports = ''] = row.split('\t');
			const wanted = [...new Set([...ports.matchAll(/->(\d+)\/tcp/g)].map(match => Number(match[1])))];
			if (wanted.length === 0) continue;
			const until = Date.now() + 10_000;
			while (Date.now() < until) {
				const result = await this.docker.run(['container', 'exec', name, 'cat', '/proc/net/tcp', '/proc/net/tcp6']);
				if (result.code !== 0 && !result.stdout) break;
				const listening = new Set(
					result.stdout
						.split('\n')
						.map(entry => entry.trim().split(/\s+/))
						.filter(fields => fields[3] === '0A')
						.map(fields => parseInt(fields[1]?.split(':').at(-1) ?? '', 16)),
				);
				if (wanted.every(port => listening.has(port))) break;
				await sleep(100);
			}
		}
	}

	async containers(): Promise<SideContainer[]> {
		const rows = lines(await this.docker.ok(['container', 'ls', '-a', '--format', '{{.ID}} {{.Names}} {{.State}}']));
		if (rows.length === 0) return [];
		const ids = rows.map(row => row.split(' ')[0]!);
		const mounts = (await this.docker.ok(['container', 'inspect', '--format', '{{range .Mounts}}{{.Type}}\t{{.Name}}\t{{.Destination}}\n{{end}}.', ...ids])).split('.\n');
		return rows.map((row, index) => {
			const [, name = '', state = ''] = row.split(' ');
			const list = (mounts[index] ?? '')
				.split('\n')
				.filter(Boolean)
				.map(mount => {
					const [type = '', volume = '', destination = ''] = mount.split('\t');
					return {type, name: volume, destination};
				});
			return {name, running: state === 'running', mounts: list};
		});
	}

	async hostChanges() {
		const next = this.hostSnapshot();
		const changes = snapshotChanges(this.snapshot, next);
		this.snapshot = next;
		return changes;
	}

	async volumes(): Promise<string[]> {
		return lines(await this.docker.ok(['volume', 'ls', '-q'])).sort();
	}

	/**
	 * Reads the volume's folder on the engine's host (the engine must be local, as ci-engine.sh's is).
	 * An engine whose files live in a mount namespace of its own is read through LAYERLAB_ENGINE_FS
	 * (/proc/PID/root of its dockerd).
	 */
	async probeVolume(name: string): Promise<void> {
		const result = await this.docker.run(['volume', 'inspect', '--format', '{{.Mountpoint}}', name]);
		let files: VolumeFile[] | string;
		if (result.code !== 0) files = `(no volume ${name})\n`;
		else {
			const mountpoint = result.stdout.trim();
			try {
				files = [];
				const walk = (dir: string, prefix: string) => {
					for (const entry of readdirSync(dir, {withFileTypes: true})) {
						const full = path.join(dir, entry.name);
						const rel = `${prefix}/${entry.name}`;
						if (entry.isSymbolicLink()) (files as VolumeFile[]).push({path: rel, kind: 'symlink', target: readlinkSync(full)});
						else if (entry.isDirectory()) {
							(files as VolumeFile[]).push({path: rel, kind: 'dir'});
							walk(full, rel);
						} else (files as VolumeFile[]).push({path: rel, kind: 'file', content: readFileSync(full)});
					}
				};
				walk((this.docker.env.LAYERLAB_ENGINE_FS ?? '') + mountpoint, '');
			} catch (error) {
				files = `(cannot read ${mountpoint} here: ${error instanceof Error ? error.message : String(error)}; verify reads volumes on the engine's own host)\n`;
			}
		}
		this.entries.push({block: {command: volumeProbeCommand(name), output: formatVolumeFiles(files)}});
	}

	async blocks(): Promise<Block[]> {
		const {stdout} = await this.tmux('capture-pane', '-t', 'verify', '-p', '-J', '-S', '-', '-E', '-');
		const typed = this.entries.filter((entry): entry is {line: string; typed: string} => 'line' in entry);
		const screen = splitScreen(
			this.fromReal(stdout),
			typed.map(item => ({line: item.line, typed: this.fromReal(item.typed)})),
		);
		let next = 0;
		return this.entries.map(entry => ('block' in entry ? entry.block : screen[next++]!));
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		await this.tmux('kill-server').catch(() => undefined);
		removeTempDir(this.root);
	}
}

export function removeTempDir(dir: string): void {
	try {
		rmSync(dir, {recursive: true, force: true});
	} catch (error) {
		process.stderr.write(`layerlab: could not remove ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
	}
}

/**
 * Cuts a captured screen into one block per typed line. `typed` is the line as the screen shows it
 * (after the prompt `$ `); an output without a final newline ends on the prompt's line.
 */
export function splitScreen(screen: string, typed: Array<{line: string; typed: string}>): Block[] {
	const rows = screen.split('\n').map(row => row.replace(/\s+$/, ''));
	while (rows.length > 0 && rows.at(-1) === '') rows.pop();
	// the final prompt, after the last line's output (on its own row, or after an unterminated output)
	const last = rows.at(-1);
	let tail = '';
	if (last !== undefined && last.endsWith('$')) {
		rows.pop();
		tail = last.slice(0, -1);
	}
	const blocks: Block[] = [];
	let row = 0;
	// the first prompt line of each typed line
	const starts: Array<{index: number; before: string}> = [];
	for (const item of typed) {
		const prompt = `$ ${item.typed}`;
		let found = -1;
		for (let i = row; i < rows.length; i++) {
			if (rows[i] === prompt || rows[i]!.endsWith(prompt) || (item.typed.trim() === '' && rows[i]!.endsWith('$'))) {
				found = i;
				break;
			}
		}
		if (found < 0) {
			starts.push({index: -1, before: ''});
			continue;
		}
		starts.push({index: found, before: rows[found]!.slice(0, rows[found]!.length - prompt.length)});
		row = found + 1;
	}
	for (let k = 0; k < typed.length; k++) {
		const start = starts[k]!;
		if (start.index < 0) {
			blocks.push({command: typed[k]!.line, output: '(this line was not found on the terminal screen)\n'});
			continue;
		}
		let end = rows.length;
		let unterminated = tail;
		for (let j = k + 1; j < typed.length; j++) {
			if (starts[j]!.index >= 0) {
				end = starts[j]!.index;
				unterminated = starts[j]!.before;
				break;
			}
		}
		const body = rows.slice(start.index + 1, end);
		const output = body.map(text => text + '\n').join('') + unterminated;
		blocks.push({command: typed[k]!.line, output});
	}
	return blocks;
}
