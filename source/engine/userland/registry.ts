/**
 * THE programs registry: every shell builtin and program the lab simulates, declared once with where
 * it exists and its implementation. The host is Debian 12's bash 5.2 with GNU coreutils 9; containers
 * are the book's alpine images' busybox (their applets are reached through PATH, /bin/ls → busybox).
 * The host's PATH lookup, the container's busybox, tab completion and the "not simulated" line all
 * read this table. Adding a program: one module, one row here, its test and a golden.
 *
 * Programs the host layer supplies itself (docker, curl, clear: they reach the docker CLI and the
 * simulated network, which the engine must not import) have rows without `make`; the host passes
 * their implementations in (`host/programs.ts`), and a test checks the two agree.
 */
import type {Program} from '../shell/interpreter.js';
import {BUILTINS} from '../shell/builtins.js';
import {utilities, type Flavor} from './coreutils.js';
import {shProgram} from './sh.js';
import {psApplet} from './ps.js';
import {textUtilities} from './text.js';
import {fileUtilities} from './files.js';
import {hostHostname, hostnameApplet, hostWhoami, sleepApplet, wgetApplet, whoamiApplet} from './container.js';

export type Where = 'host' | 'container';

export interface ProgramRow {
	name: string;
	kind: 'builtin' | 'program';
	/** Where it exists: on the host (bash + coreutils), in containers (busybox), or both. */
	on: readonly Where[];
	/** The implementation, given whose messages to print; absent when the host layer supplies it. */
	make?: (flavor: Flavor) => Program;
}

const BOTH = ['host', 'container'] as const;
const HOST = ['host'] as const;
const CONTAINER = ['container'] as const;

const builtin = (name: string, on: readonly Where[] = BOTH): ProgramRow => ({name, kind: 'builtin', on, make: () => BUILTINS[name]!});
const util = (name: string, on: readonly Where[] = BOTH): ProgramRow => ({name, kind: 'program', on, make: flavor => utilities(flavor)[name]!});
const text = (name: string, on: readonly Where[] = BOTH): ProgramRow => ({name, kind: 'program', on, make: flavor => textUtilities(flavor)[name]!});
const fixed = (name: string, on: readonly Where[], program: Program): ProgramRow => ({name, kind: 'program', on, make: () => program});
const supplied = (name: string): ProgramRow => ({name, kind: 'program', on: HOST});

export const PROGRAMS: readonly ProgramRow[] = [
	...Object.keys(BUILTINS).map(name => builtin(name)),
	...Object.keys(utilities('bash'))
		.filter(name => name !== 'sleep')
		.map(name => util(name)),
	util('sleep', HOST),
	...Object.keys(textUtilities('bash')).map(name => text(name)),
	...Object.keys(fileUtilities('bash')).map(name => ({name, kind: 'program', on: BOTH, make: (flavor: Flavor) => fileUtilities(flavor)[name]!}) satisfies ProgramRow),
	fixed('whoami', HOST, hostWhoami),
	fixed('hostname', HOST, hostHostname),
	fixed('sh', HOST, shProgram),
	fixed('bash', HOST, shProgram),
	fixed('sleep', CONTAINER, sleepApplet),
	fixed('sh', CONTAINER, shProgram),
	fixed('ash', CONTAINER, shProgram),
	fixed('hostname', CONTAINER, hostnameApplet),
	fixed('whoami', CONTAINER, whoamiApplet),
	fixed('wget', CONTAINER, wgetApplet),
	fixed('ps', CONTAINER, psApplet),
	supplied('docker'),
	supplied('curl'),
	supplied('clear'),
];

type Instead = string | Readonly<Record<Where, string>>;

const EDIT = "write files with cat > file <<'EOF' … EOF, or echo text > file";
const PAGE = 'use cat, head or tail';
const INSTALL = "images come from the lab catalog; the lab installs no packages (an image's Dockerfile is where packages go)";
const ROOT = {host: 'the lab runs every command as your user already', container: 'containers in the lab run as root already'};
const ENGINE = 'the Docker engine is always running in the lab';
const PROCESSES = {host: 'use docker container ls, or docker container top NAME', container: 'use docker container top NAME on the host'};
const NETWORK = {host: 'use curl to reach a published port on localhost', container: 'use wget to reach another container'};

/** Programs a learner may reach for that the lab does not have, and what to use instead (on the host, in a container). */
export const NOT_SIMULATED: Readonly<Record<string, Instead>> = {
	vi: EDIT,
	vim: EDIT,
	nano: EDIT,
	emacs: EDIT,
	ed: EDIT,
	less: PAGE,
	more: PAGE,
	man: 'use docker COMMAND --help',
	sudo: ROOT,
	su: ROOT,
	apt: INSTALL,
	'apt-get': INSTALL,
	apk: INSTALL,
	yum: INSTALL,
	dnf: INSTALL,
	pip: INSTALL,
	npm: INSTALL,
	ssh: {
		host: 'use docker container exec -it NAME sh to get a shell in a container',
		container: 'leave with exit, then docker container exec -it NAME sh reaches another container',
	},
	systemctl: ENGINE,
	service: ENGINE,
	dockerd: ENGINE,
	ps: PROCESSES,
	top: PROCESSES,
	htop: PROCESSES,
	awk: 'use grep and sed',
	tr: 'use sed',
	cut: 'use sed',
	xargs: 'use a for loop: for f in $(…); do …; done',
	ping: NETWORK,
	nc: NETWORK,
	telnet: NETWORK,
};

export function isNotSimulated(name: string): boolean {
	return Object.hasOwn(NOT_SIMULATED, name);
}

/** The one line the lab prints for a program it does not simulate, in the voice of the docker commands' line. */
export function notSimulatedLine(name: string, where: Where = 'host'): string {
	const entry = Object.hasOwn(NOT_SIMULATED, name) ? NOT_SIMULATED[name] : undefined;
	const instead = typeof entry === 'string' ? entry : entry?.[where];
	return instead ? `layerlab: \`${name}\` is not simulated here: ${instead}.\n` : `layerlab: \`${name}\` is not simulated here.\n`;
}

const FLAVOR: Record<Where, Flavor> = {host: 'bash', container: 'busybox'};

function table(where: Where, kind: ProgramRow['kind']): Map<string, Program | undefined> {
	const map = new Map<string, Program | undefined>();
	for (const row of PROGRAMS) if (row.kind === kind && row.on.includes(where)) map.set(row.name, row.make?.(FLAVOR[where]));
	return map;
}

const tables = {
	host: {builtin: table('host', 'builtin'), program: table('host', 'program')},
	container: {builtin: table('container', 'builtin'), program: table('container', 'program')},
};

export function builtinFor(name: string, where: Where): Program | undefined {
	return tables[where].builtin.get(name);
}

/** The implementation of a program where it exists (undefined for host-supplied rows). */
export function programFor(name: string, where: Where): Program | undefined {
	return tables[where].program.get(name);
}

/** Every name a learner can type at the host prompt (builtins and programs), for completion. */
export function commandNames(where: Where): string[] {
	return PROGRAMS.filter(row => row.on.includes(where)).map(row => row.name);
}

/** The shell's builtins where a shell runs (from the same table): they run no program and read no file operands. */
export function builtinNames(where: Where): string[] {
	return PROGRAMS.filter(row => row.kind === 'builtin' && row.on.includes(where)).map(row => row.name);
}
