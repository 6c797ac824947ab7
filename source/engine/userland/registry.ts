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
import {textUtilities} from './text.js';
import {hostHostname, hostnameApplet, hostWhoami, sleepApplet, whoamiApplet} from './container.js';

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
	fixed('whoami', HOST, hostWhoami),
	fixed('hostname', HOST, hostHostname),
	fixed('sleep', CONTAINER, sleepApplet),
	fixed('sh', CONTAINER, shProgram),
	fixed('ash', CONTAINER, shProgram),
	fixed('hostname', CONTAINER, hostnameApplet),
	fixed('whoami', CONTAINER, whoamiApplet),
	supplied('docker'),
	supplied('curl'),
	supplied('clear'),
];

/** Programs a learner may reach for that the lab does not have, and what to use instead. */
export const NOT_SIMULATED: Readonly<Record<string, string>> = {
	vi: "write files with cat > file <<'EOF' … EOF, or echo text > file",
	vim: "write files with cat > file <<'EOF' … EOF, or echo text > file",
	nano: "write files with cat > file <<'EOF' … EOF, or echo text > file",
	emacs: "write files with cat > file <<'EOF' … EOF, or echo text > file",
	less: 'use cat, head or tail',
	more: 'use cat, head or tail',
	man: 'use docker COMMAND --help',
	sudo: 'the lab runs every command as your user already',
	su: 'the lab runs every command as your user already',
	apt: 'images come from the lab catalog; the lab installs no packages',
	'apt-get': 'images come from the lab catalog; the lab installs no packages',
	apk: 'images come from the lab catalog; the lab installs no packages',
	yum: 'images come from the lab catalog; the lab installs no packages',
	pip: 'images come from the lab catalog; the lab installs no packages',
	npm: 'images come from the lab catalog; the lab installs no packages',
	ssh: 'use docker container exec -it NAME sh to get a shell in a container',
	systemctl: 'the Docker engine is always running in the lab',
	service: 'the Docker engine is always running in the lab',
	top: 'use docker container ls or ps',
	htop: 'use docker container ls or ps',
};

export function isNotSimulated(name: string): boolean {
	return Object.hasOwn(NOT_SIMULATED, name);
}

/** The one line the lab prints for a program it does not simulate. */
export function notSimulatedLine(name: string): string {
	const instead = Object.hasOwn(NOT_SIMULATED, name) ? NOT_SIMULATED[name] : undefined;
	return instead ? `layerlab: ${name} is not simulated in the lab; ${instead}\n` : `layerlab: ${name} is not simulated by layerlab\n`;
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
