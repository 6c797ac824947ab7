/**
 * The simulated world: images and their layers, containers with their writable layers, volumes,
 * the learner's host filesystem and shell, a seeded random source and a virtual clock.
 * Plain data only (no classes, no functions), so immer can draft it and tests can compare it.
 */

/** A filesystem entry. Paths are keys of a Tree; '/' itself is never stored. */
export type Entry =
	/**
	 * `size` stands in for the byte count of binaries whose bytes the lab does not keep; `program`
	 * names the simulated program that runs when the file is executed (see engine/apps). `mtime` is the
	 * modification time in ms from the world's clock; absent, the entry has the catalog images' time
	 * (fsapi.ts `mtimeOf`).
	 */
	| {kind: 'file'; mode: number; content: string; size?: number; program?: string; mtime?: number}
	| {kind: 'dir'; mode: number; opaque?: boolean; mtime?: number}
	| {kind: 'symlink'; target: string; mtime?: number}
	/** Deletion marker in a writable layer (overlayfs whiteout). */
	| {kind: 'whiteout'};

/** Absolute path → entry. */
export type Tree = Record<string, Entry>;

export interface Layer {
	/** Content digest of the uncompressed layer ("diff id"), `sha256:<64 hex>`. */
	digest: string;
	/** Digest of the compressed blob, as a registry names it (pull output shows its first 12 hex). */
	blob: string;
	entries: Tree;
	/** Bytes, as Docker counts a layer's size. */
	size: number;
}

export interface ImageConfig {
	env: string[];
	cmd: string[] | null;
	entrypoint: string[] | null;
	workingDir: string;
	volumes: string[];
	exposedPorts: string[];
	user: string;
	/** Shell-form CMD/ENTRYPOINT were written as `/bin/sh -c …` by the builder. */
	argsEscaped: boolean;
	labels: Record<string, string>;
	/** STOPSIGNAL and HEALTHCHECK of a built image (absent: not set). */
	stopSignal?: string;
	healthcheck?: {test: string[]; interval: number; timeout: number; startPeriod: number; retries: number};
}

export interface HistoryEntry {
	created: number;
	createdBy: string;
	emptyLayer: boolean;
	comment: string;
}

export interface Image {
	/** `sha256:<64 hex>` of the image config. */
	id: string;
	repoTags: string[];
	repoDigests: string[];
	/** Layer digests, bottom to top. */
	layers: string[];
	config: ImageConfig;
	history: HistoryEntry[];
	created: number;
	parent: string;
	comment: string;
	/** How it got here: pulled from the registry, loaded at start, committed from a container, or built. */
	source: 'pull' | 'preloaded' | 'commit' | 'build';
	/** A built step's cache key (parent + instruction + copied content): the legacy builder's cache. */
	buildKey?: string;
}

/** An image available in the simulated registry. */
export interface RemoteImage {
	/** `name:tag` as Docker normalises it (no `docker.io/` prefix, `library/` dropped). */
	ref: string;
	image: Image;
	/** `sha256:` digest of the manifest; what `Digest:` prints on pull. */
	manifestDigest: string;
}

export type MountType = 'volume' | 'bind';

export interface Mount {
	type: MountType;
	/** Volume name (volumes only). */
	name: string;
	/** Host path for binds; the volume's data path for volumes. */
	source: string;
	destination: string;
	driver: string;
	mode: string;
	rw: boolean;
	propagation: string;
	/** True for a volume the engine created for this container (image VOLUME or `-v /path`). */
	anonymous: boolean;
	/** How it was asked for: `-v`, `--mount`, `--volumes-from` or the image's VOLUME. */
	origin: 'bind-flag' | 'mount-flag' | 'volumes-from' | 'image';
}

export type ContainerStatus = 'created' | 'running' | 'exited';

export interface PortBinding {
	containerPort: number;
	protocol: 'tcp' | 'udp';
	hostIp: string;
	hostPort: number;
}

export interface ContainerConfig {
	hostname: string;
	/** The image as the user named it (`diamol/ch06-random-number`). */
	image: string;
	cmd: string[] | null;
	entrypoint: string[] | null;
	env: string[];
	workingDir: string;
	user: string;
	tty: boolean;
	openStdin: boolean;
	attachStdout: boolean;
	attachStderr: boolean;
	volumes: string[];
	exposedPorts: string[];
	labels: Record<string, string>;
	argsEscaped: boolean;
}

export interface HostConfig {
	binds: string[] | null;
	/** `--mount` options as given (HostConfig.Mounts). */
	mounts: Array<{type: 'bind' | 'volume' | 'tmpfs'; source: string; target: string; readonly: boolean}>;
	portBindings: PortBinding[];
	autoRemove: boolean;
	volumesFrom: string[];
}

export interface LogLine {
	stream: 'stdout' | 'stderr';
	text: string;
}

/** The running state of a long-lived simulated application (see engine/apps). */
export interface AppState {
	/** A name in engine/apps' APPS table. */
	program: string;
	port: number;
	dbPath: string;
	debug: boolean;
}

export interface Container {
	id: string;
	name: string;
	imageId: string;
	created: number;
	/** argv[0] and the rest, as Docker reports Path and Args. */
	path: string;
	args: string[];
	config: ContainerConfig;
	hostConfig: HostConfig;
	mounts: Mount[];
	/** The writable layer: created with the container, removed with it. */
	rw: Tree;
	status: ContainerStatus;
	exitCode: number;
	startedAt: number;
	finishedAt: number;
	pid: number;
	restartCount: number;
	logs: LogLine[];
	app: AppState | null;
	/** `docker container pause`: its processes are frozen; the status stays 'running'. */
	paused?: boolean;
	/** `--restart` / `docker container update --restart` (absent: `no`). */
	restartPolicy?: RestartPolicy;
	/** `--network` (HostConfig.NetworkMode; absent: `default`, the bridge). */
	networkMode?: string;
	/** Characters its writable layer holds on the simulated disk (engine/disk.ts; absent: not counted yet). */
	used?: number;
	/** User networks joined with `docker network connect`, by name. */
	networks?: string[];
	/** Its main process is an interactive shell (`run -dit IMAGE sh`): its state, for `docker attach`. */
	shell?: ShellSession;
}

export interface RestartPolicy {
	name: 'no' | 'always' | 'unless-stopped' | 'on-failure';
	maximumRetryCount: number;
}

/** A network: the three every engine has (bridge, host, none) and the learner's, as metadata. */
export interface Network {
	id: string;
	name: string;
	driver: string;
	scope: 'local';
	created: number;
	internal: boolean;
	/** bridge, host, none: created with the engine, never removed. */
	builtin: boolean;
	labels: Record<string, string>;
	/** The subnet it hands out addresses from (172.17.0.0/16 for the default bridge). */
	subnet: string;
}

export interface Volume {
	name: string;
	anonymous: boolean;
	created: number;
	/** Paths relative to the volume root, written as absolute paths ('/todo-list.db'). */
	files: Tree;
	labels: Record<string, string>;
	/** Characters its files hold on the simulated disk (engine/disk.ts; absent: not counted yet). */
	used?: number;
}

export interface HostState {
	cwd: string;
	home: string;
	user: string;
	files: Tree;
	vars: Record<string, string>;
	/** Variables exported to programs (the rest are shell-only, like `target='/data'`). */
	exported: string[];
	lastStatus: number;
	/** Shell functions defined at the prompt, as the text of their definitions. */
	functions?: Record<string, string>;
	/** While the learner's terminal is in a container's shell (`run -it IMAGE sh`, `exec -it NAME sh`). */
	session?: ShellSession | null;
	/** Characters the host's files hold on the simulated disk (engine/disk.ts; absent: not counted yet). */
	used?: number;
}

/** An interactive shell in a container that the learner's lines go to until `exit`. */
export interface ShellSession {
	/** Container id. */
	container: string;
	/** `run`: the container's main process (exit stops the container); `exec`: an extra process. */
	kind: 'run' | 'exec';
	/** `-t`: the shell shows its prompt (`/ # `); `-i` alone reads lines without one. */
	tty: boolean;
	cwd: string;
	vars: Record<string, string>;
	exported: string[];
	functions: Record<string, string>;
	lastStatus: number;
	/**
	 * The learner's lines do not reach the container: `-t` without `-i` (the terminal echoes them and
	 * nothing reads them), `--no-stdin`, or an attach to a program that reads no lines. Ctrl+C ends it.
	 */
	deaf?: boolean;
	/** No shell in the container takes lines: the terminal streams a program's output (`docker attach` to it). */
	program?: boolean;
	/** Lines typed into a deaf session (its prompt shows only before the first). */
	typed?: number;
	/** `docker attach` opened it: detaching prints `read escape sequence`. */
	attached?: boolean;
	/** `--detach-keys`, as Docker spells them (absent: `ctrl-p,ctrl-q`). */
	detachKeys?: string;
	/** The docker command ignores Ctrl+C until the third (`run` and `attach` without sig-proxy). */
	stubborn?: boolean;
	/** Ctrl+C pressed so far in a stubborn session. */
	interrupts?: number;
	/** Ctrl+C is sent to the container (the CLI's sig-proxy, only without a tty) instead of ending the docker command. */
	sigProxy?: boolean;
}

export interface World {
	seed: number;
	/** xorshift128 state: the only source of randomness. */
	rng: [number, number, number, number];
	/** Virtual time, milliseconds since the epoch. Advances per command. */
	clock: number;
	layers: Record<string, Layer>;
	images: Record<string, Image>;
	registry: Record<string, RemoteImage>;
	containers: Record<string, Container>;
	volumes: Record<string, Volume>;
	/** The learner's networks (absent or missing a default: the engine's bridge, host and none still exist). */
	networks?: Record<string, Network>;
	host: HostState;
	nextPid: number;
	/** Monotonic counter used to order objects created in the same instant. */
	serial: number;
	/** The last `docker image build`: its steps, for the Layers pane. */
	lastBuild?: BuildRecord | null;
	/**
	 * Container name → id, kept by createContainer and removeContainer (built on first use when
	 * missing), so that naming a new container does not scan every container: 20,000 `docker run`
	 * lines take ~10x what 2,000 take, not ~100x.
	 */
	containerNames?: Record<string, string>;
}

/**
 * A deep copy of plain world data. JSON round-trip rather than structuredClone because the value may
 * be an immer draft (a Proxy), which structuredClone refuses; world data is JSON by construction.
 */
export function clonePlain<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** `record[key]` only when the record itself has that key: user-typed names like "constructor" or
 * "toString" must not find Object.prototype's members. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * World data to read, not change. Under an immer draft (the lab's undo history), reading through the
 * draft makes a proxy for every object touched, so scanning 1,000 containers costs 100x more than on
 * plain data. Mutations must still go through the draft itself: find with `readonly`, then change
 * `world.containers[id]`.
 *
 * Not immer's `current`: it copies every object under a changed draft that is not frozen, and the
 * shipped lab does not freeze worlds, so `current` of a changed world copied all of it (10,000 files
 * of the large world: ~100 ms). This copies only the drafts that changed (their own keys, once each)
 * and shares everything else: a draft nothing changed under is its base object.
 */
export function readonly<T>(value: T): T {
	return isDraft(value) ? (peek(value) as T) : value;
}

/** immer's state on a draft (`Symbol.for('immer-state')`; immer 11's DRAFT_STATE): what `current` reads too. */
interface DraftState {
	modified_: boolean;
	base_: object;
	copy_: object | null;
}
const DRAFT_STATE = Symbol.for('immer-state');

/**
 * immer's `isDraft`, as immer defines it (a value whose DRAFT_STATE is set), without importing immer:
 * the first frame's modules read worlds through `readonly`, and immer is loaded after that frame.
 */
function isDraft(value: unknown): boolean {
	return !!value && !!(value as {[DRAFT_STATE]?: DraftState})[DRAFT_STATE];
}

function peek(draft: unknown): unknown {
	const state = (draft as {[DRAFT_STATE]: DraftState})[DRAFT_STATE];
	// immer marks every draft above a change as modified: a draft not modified has its base's values.
	if (!state.modified_ || !state.copy_) return state.base_;
	const source = state.copy_ as Record<string, unknown>;
	const copy = (Array.isArray(source) ? [...(source as unknown[])] : Object.assign(Object.create(Object.getPrototypeOf(source) as object) as object, source)) as Record<
		string,
		unknown
	>;
	for (const key of Object.keys(copy)) {
		const child = copy[key];
		if (isDraft(child)) copy[key] = peek(child);
	}
	return copy;
}

/** One step of the last build, for the Layers pane. */
export interface BuildStepRecord {
	step: number;
	/** The instruction as the Dockerfile has it. */
	text: string;
	imageId: string;
	/** Digest of the layer the step made, or null for a metadata-only step (or FROM). */
	layer: string | null;
	size: number;
	cached: boolean;
	/** The step starts a stage (FROM). */
	from: boolean;
}

export interface BuildRecord {
	/** The world's clock when it ran: the Layers pane shows the build right after it. */
	at: number;
	imageId: string | null;
	tags: string[];
	steps: BuildStepRecord[];
	status: number;
}
