/**
 * One side of a comparison: the simulator or a real engine, each running a scenario in its own clean
 * world. The replay (replay.ts) drives both sides line by line and asks each what to probe.
 */

/** A command line and what the terminal showed after it, up to the next prompt. */
export interface Block {
	command: string;
	output: string;
}

export interface SideMount {
	type: string;
	/** The volume's name (volumes only). */
	name: string;
	destination: string;
}

export interface SideContainer {
	/** The name as `docker container ls -a` shows it. */
	name: string;
	running: boolean;
	mounts: SideMount[];
}

/** One entry of a volume's files, path relative to the volume (`/todo-list.db`). */
export type VolumeFile = {path: string; kind: 'dir'} | {path: string; kind: 'file'; content: Buffer} | {path: string; kind: 'symlink'; target: string};

/** A host path (as the simulator spells it) that appeared, changed or went away since the last look. */
export interface HostChange {
	path: string;
	kind: 'file' | 'dir';
}

export interface Side {
	/** For reports: `layerlab` or `docker 20.10.24`. */
	readonly label: string;
	/** Types one command line at the prompt. */
	run(line: string): Promise<void>;
	/** Containers in `docker container ls -a` order (newest first). */
	containers(): Promise<SideContainer[]>;
	/** Host files and folders under the learner's home that changed since the previous call. */
	hostChanges(): Promise<HostChange[]>;
	/** Names of the volumes, as `docker volume ls -q` lists them. */
	volumes(): Promise<string[]>;
	/**
	 * Records a block `# files in volume NAME` (typed nowhere) with the volume's files, read from
	 * the engine's storage: state no command line prints.
	 */
	probeVolume(name: string): Promise<void>;
	/** Everything typed so far, one block per line, host paths as the simulator spells them. */
	blocks(): Promise<Block[]>;
	close(): Promise<void>;
}

/** A side-independent fingerprint of a tree of host entries, to tell what changed. */
export type HostSnapshot = Map<string, string>;

export function snapshotChanges(before: HostSnapshot, after: HostSnapshot): HostChange[] {
	const changes: HostChange[] = [];
	const kindOf = (signature: string): HostChange['kind'] => (signature === 'dir' ? 'dir' : 'file');
	for (const [path, signature] of after) {
		const old = before.get(path);
		if (old === signature) continue;
		// a folder only counts when it is new: its listing changes with every file, which is probed anyway
		if (signature === 'dir' && old === 'dir') continue;
		changes.push({path, kind: kindOf(signature)});
	}
	for (const [path, signature] of before) if (!after.has(path)) changes.push({path, kind: kindOf(signature)});
	return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The command line a volume-files probe is reported under. */
export function volumeProbeCommand(name: string): string {
	return `# files in volume ${name}`;
}

/** A volume's files as a probe shows them: folders with a slash, each file's content under a header. */
export function formatVolumeFiles(files: VolumeFile[] | string): string {
	if (typeof files === 'string') return files;
	if (files.length === 0) return '(empty)\n';
	let out = '';
	for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		if (file.kind === 'dir') out += `${file.path}/\n`;
		else if (file.kind === 'symlink') out += `${file.path} -> ${file.target}\n`;
		else {
			const text = file.content.toString('utf8');
			out += `==> ${file.path} <==\n${text}${text === '' || text.endsWith('\n') ? '' : '\n'}`;
		}
	}
	return out;
}
