/** The simulator as one side of a comparison: the lab's own session, at the recorder's terminal size. */
import {createHash} from 'node:crypto';
import type {World} from '../engine/index.js';
import {runLine, type TerminalOptions} from '../host/index.js';
import {formatVolumeFiles, snapshotChanges, volumeProbeCommand, type Block, type HostSnapshot, type Side, type SideContainer, type VolumeFile} from './side.js';

/** The terminal both sides use: 400 columns (tmux on the real side), a TTY. */
export const VERIFY_TERMINAL: TerminalOptions = {columns: 400, tty: true};

function hostSnapshot(world: World): HostSnapshot {
	const home = world.host.home;
	const snapshot: HostSnapshot = new Map();
	for (const [path, entry] of Object.entries(world.host.files)) {
		if (path !== home && !path.startsWith(home + '/')) continue;
		if (entry.kind === 'dir') snapshot.set(path, 'dir');
		else if (entry.kind === 'symlink') snapshot.set(path, `link:${entry.target}`);
		else if (entry.kind === 'file') snapshot.set(path, `file:${createHash('sha256').update(entry.content).digest('hex')}`);
	}
	return snapshot;
}

export interface SimSideOptions {
	/** Rewrites a line's output before it is recorded (tests use it to plant a divergence). */
	tamper?: (line: string, output: string) => string;
	label?: string;
}

export class SimSide implements Side {
	readonly label: string;
	private readonly recorded: Block[] = [];
	private snapshot: HostSnapshot;

	constructor(
		private readonly world: World,
		private readonly options: SimSideOptions = {},
	) {
		this.label = options.label ?? 'layerlab';
		this.snapshot = hostSnapshot(world);
	}

	async run(line: string): Promise<void> {
		const result = runLine(this.world, line, VERIFY_TERMINAL);
		const output = result.output.map(chunk => chunk.text).join('');
		this.recorded.push({command: line, output: this.options.tamper ? this.options.tamper(line, output) : output});
	}

	async containers(): Promise<SideContainer[]> {
		return Object.values(this.world.containers)
			.sort((a, b) => b.created - a.created)
			.map(container => ({
				name: container.name.replace(/^\//, ''),
				running: container.status === 'running',
				mounts: container.mounts.map(mount => ({type: mount.type, name: mount.name, destination: mount.destination})),
			}));
	}

	async hostChanges() {
		const next = hostSnapshot(this.world);
		const changes = snapshotChanges(this.snapshot, next);
		this.snapshot = next;
		return changes;
	}

	async volumes(): Promise<string[]> {
		return Object.keys(this.world.volumes).sort();
	}

	async probeVolume(name: string): Promise<void> {
		const volume = this.world.volumes[name];
		let files: VolumeFile[] | string = `(no volume ${name})\n`;
		if (volume) {
			files = [];
			for (const [path, entry] of Object.entries(volume.files)) {
				if (entry.kind === 'dir') files.push({path, kind: 'dir'});
				else if (entry.kind === 'symlink') files.push({path, kind: 'symlink', target: entry.target});
				else if (entry.kind === 'file') files.push({path, kind: 'file', content: Buffer.from(entry.content, 'utf8')});
			}
		}
		this.recorded.push({command: volumeProbeCommand(name), output: formatVolumeFiles(files)});
	}

	async blocks(): Promise<Block[]> {
		return [...this.recorded];
	}

	async close(): Promise<void> {}
}
