#!/usr/bin/env node
// Records what the real Docker CLI 28.2.2 prints for help, usage and parse errors, and regenerates:
//   source/docker/recorded/cli-text.ts      help texts, usage lines, version line (runtime data for parse.ts)
//   source/docker/recorded/cli-spec.ts      command tree, flag specs, argument rules
//   test/docker/fixtures/cli/recorded.json  the real stdout/stderr/exit code of every argv in cases.json
//
// usage: npx tsx scripts/record-cli.mjs   (tsx: it reads the command registry, source/docker/registry.ts)
//
// It needs the real CLI only, no engine.
//
// The CLI is /usr/local/bin/docker (28.2.2), never /usr/bin/docker. Parse errors need no daemon, but help
// texts do depend on one: the CLI pings the engine and hides flags and commands the engine does not support
// (Windows-only flags, experimental ones, swarm-manager commands). A learner has Docker Engine 28.2.2 on Linux,
// so this script answers the CLI's /_ping itself, on a private unix socket, with the headers that engine sends
// (API 1.50, Ostype linux, not experimental, swarm inactive). Every other API request gets a 500 and is logged:
// a request past /_ping proves the CLI accepted the command line. Nothing else is contacted.
// HOME is /home/student (the learner's home: it shows up in the global options' defaults); stdin is a pipe,
// so the CLI wraps help at 80 columns, as it does when it is not on a terminal.
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const DOCKER = '/usr/local/bin/docker';
const HOME = '/home/student';
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(REPO, 'test/docker/fixtures/cli');
const PROBE_FLAG = '--layerlab-probe';

// ---------------------------------------------------------------------------------------------------------
// What layerlab simulates: the simulated rows of the command registry. `instances` are the separate cobra
// commands that implement one (the management-command form and the top-level shortcut have their own help
// texts). Each command's argument rule and whether flags may follow its arguments are probed from the real CLI.
const {DOCKER_COMMANDS} = await import('../source/docker/registry.ts');
const SUPPORTED = Object.fromEntries(DOCKER_COMMANDS.filter(row => row.run).map(row => [row.path, {instances: [row.path, ...(row.shortcuts ?? [])]}]));
const SUPPORTED_GROUPS = [
	...new Set(
		Object.keys(SUPPORTED)
			.filter(p => p.includes(' '))
			.map(p => p.split(' ')[0]),
	),
];

// Hidden flags never appear in --help (docker/cli v28 cli/command/container/opts.go and volume/create.go);
// each is checked against the real CLI below. `storeAs` names the flag that shares its value in the CLI.
const HIDDEN_FLAGS = {
	'container run': [
		{name: 'dns-opt', type: 'list', storeAs: 'dns-option'},
		{name: 'net', type: 'network', storeAs: 'network'},
		{name: 'net-alias', type: 'list', storeAs: 'network-alias'},
	],
	'container create': [
		{name: 'dns-opt', type: 'list', storeAs: 'dns-option'},
		{name: 'net', type: 'network', storeAs: 'network'},
		{name: 'net-alias', type: 'list', storeAs: 'network-alias'},
	],
	'container stop': [{name: 'time', type: 'int', storeAs: 'timeout'}],
	'container restart': [{name: 'time', type: 'int', storeAs: 'timeout'}],
	'volume create': [{name: 'name', type: 'string'}],
};

// Flag values the CLI validates while parsing (opts.NewListOpts(validator) and friends), by flag name.
const RUN_CREATE_VALIDATORS = {
	attach: 'attach',
	'add-host': 'extra-host',
	'blkio-weight-device': 'weight-device',
	'device-cgroup-rule': 'cgroup-rule',
	'device-read-bps': 'throttle-bps',
	'device-write-bps': 'throttle-bps',
	'device-read-iops': 'throttle-iops',
	'device-write-iops': 'throttle-iops',
	dns: 'ip',
	'dns-search': 'dns-search',
	env: 'env',
	label: 'label',
	link: 'link',
	sysctl: 'sysctl',
};
const VALIDATORS = {
	'container run': RUN_CREATE_VALIDATORS,
	'container create': RUN_CREATE_VALIDATORS,
	'container exec': {env: 'env'},
	'volume create': {label: 'label'},
};
// MemSwapBytes accepts -1 where MemBytes does not.
const KIND_OVERRIDES = {'memory-swap': 'swap-bytes'};

// help type word (pflag's UnquoteUsage) -> how the value is parsed
const KIND_BY_TYPE = {
	'': 'bool',
	int: 'int',
	uint16: 'uint16',
	uint: 'uint64',
	string: 'string',
	list: 'list',
	map: 'map',
	strings: 'strings',
	stringArray: 'stringArray',
	filter: 'filter',
	mount: 'mount',
	network: 'network',
	'gpu-request': 'gpus',
	ulimit: 'ulimit',
	bytes: 'bytes',
	decimal: 'cpus',
	duration: 'duration',
};
const REPEATABLE = new Set(['list', 'map', 'strings', 'stringArray', 'filter', 'mount', 'network', 'gpus', 'ulimit']);

// ---------------------------------------------------------------------------------------------------------
// stand-in engine
function startFakeEngine(socketPath) {
	const calls = [];
	const server = http.createServer((req, res) => {
		res.setHeader('Api-Version', '1.50');
		res.setHeader('Docker-Experimental', 'false');
		res.setHeader('Ostype', 'linux');
		res.setHeader('Swarm', 'inactive');
		res.setHeader('Server', 'Docker/28.2.2 (linux)');
		res.setHeader('Cache-Control', 'no-cache, no-store, must-revalidate');
		res.setHeader('Pragma', 'no-cache');
		if (req.url === '/_ping') {
			res.setHeader('Content-Type', 'text/plain; charset=utf-8');
			res.end('OK');
			return;
		}
		calls.push(`${req.method} ${req.url}`);
		req.resume();
		res.statusCode = 500;
		res.setHeader('Content-Type', 'application/json');
		res.end(JSON.stringify({message: 'layerlab fake daemon'}) + '\n');
	});
	return new Promise((resolve, reject) => {
		server.on('error', reject);
		server.listen(socketPath, () => resolve({server, calls}));
	});
}

let engine;
let socketPath;

function docker(argv) {
	engine.calls.length = 0;
	return new Promise(resolve => {
		const child = execFile(
			DOCKER,
			argv,
			{
				env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME, DOCKER_HOST: `unix://${socketPath}`},
				encoding: 'utf8',
				timeout: 20_000,
				maxBuffer: 16 * 1024 * 1024,
			},
			(error, stdout, stderr) => {
				const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
				resolve({stdout, stderr, exitCode, daemonCalls: [...engine.calls]});
			},
		);
		child.stdin.end();
	});
}

// ---------------------------------------------------------------------------------------------------------
// help text parsing
function section(text, title) {
	const lines = text.split('\n');
	const start = lines.indexOf(`${title}:`);
	if (start < 0) return [];
	const out = [];
	for (const line of lines.slice(start + 1)) {
		if (line === '') break;
		out.push(line);
	}
	return out;
}

function commandNames(helpText) {
	const names = [];
	for (const title of ['Common Commands', 'Management Commands', 'Swarm Commands', 'Commands']) {
		for (const line of section(helpText, title)) {
			const m = /^ {2}(\S+)/.exec(line);
			if (m) names.push(m[1]);
		}
	}
	return names;
}

function aliasesOf(helpText, instance) {
	const [line] = section(helpText, 'Aliases');
	if (!line) return [];
	const parent = instance.split(' ').slice(0, -1).join(' ');
	const prefix = parent ? `docker ${parent} ` : 'docker ';
	const own = instance.split(' ').at(-1);
	return line
		.trim()
		.split(', ')
		.filter(a => a.startsWith(prefix) && !a.slice(prefix.length).includes(' '))
		.map(a => a.slice(prefix.length))
		.filter(a => a !== own);
}

function parseOptions(helpText, title = 'Options') {
	const flags = [];
	for (const line of section(helpText, title)) {
		const m = /^ {2}(?:-(\S), | {4})--([A-Za-z0-9-]+)(?: ([A-Za-z0-9-]+))?(?: {2,}(.*))?$/.exec(line);
		if (m) {
			flags.push({shorthand: m[1], name: m[2], type: m[3] ?? '', usage: m[4] ?? ''});
		} else if (/^ {5,}\S/.test(line) && flags.length > 0) {
			flags.at(-1).usage += ' ' + line.trim();
		} else {
			throw new Error(`unparsed option line: ${JSON.stringify(line)}`);
		}
	}
	return flags;
}

function flagSpec(f, canonical) {
	const kind = KIND_OVERRIDES[f.name] ?? KIND_BY_TYPE[f.type];
	if (!kind) throw new Error(`unknown flag type ${f.type} (--${f.name} of ${canonical})`);
	const spec = {name: f.name};
	if (f.shorthand) spec.shorthand = f.shorthand;
	spec.kind = kind;
	spec.repeatable = REPEATABLE.has(kind);
	const validate = VALIDATORS[canonical]?.[f.name];
	if (validate) spec.validate = validate;
	const def = /\(default (.*)\)$/.exec(f.usage);
	if (def) spec.default = def[1];
	if (f.hidden) spec.hidden = true;
	if (f.storeAs) spec.storeAs = f.storeAs;
	return spec;
}

function useLineFrom(stderr) {
	const m = /\n\nUsage: {2}([\s\S]*?)\n\nRun '/.exec(stderr);
	if (!m) throw new Error(`no usage line in ${JSON.stringify(stderr)}`);
	return m[1];
}

// ---------------------------------------------------------------------------------------------------------
// crawl the real command tree
async function buildTree() {
	// without an engine the CLI hides nothing: every command it knows, swarm and experimental ones included,
	// plus the ones cobra never lists
	const root = {name: 'docker', children: []};
	const rootHelp = (await dockerWithoutEngine(['--help'])).stdout;
	for (const name of [...commandNames(rootHelp), 'help', 'completion', '__complete', '__completeNoDesc']) {
		root.children.push(await crawlNode([name]));
	}
	return root;
}

async function crawlNode(words) {
	const node = {name: words.at(-1)};
	if (words[0] === 'help' || words[0].startsWith('__complete')) return node;
	const help = await dockerWithoutEngine([...words, '--help']);
	if (help.exitCode !== 0) throw new Error(`docker ${words.join(' ')} --help: ${help.stderr}`);
	const aliases = aliasesOf(help.stdout, words.join(' '));
	if (aliases.length > 0) node.aliases = aliases;
	const children = commandNames(help.stdout);
	if (children.length > 0) {
		node.children = [];
		for (const child of children) node.children.push(await crawlNode([...words, child]));
	}
	return node;
}

// ---------------------------------------------------------------------------------------------------------
async function main() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerlab-record-'));
	socketPath = path.join(dir, 'docker.sock');
	engine = await startFakeEngine(socketPath);
	try {
		await record();
	} finally {
		engine.server.close();
		fs.rmSync(dir, {recursive: true, force: true});
	}
}

async function record() {
	const version = await docker(['--version']);
	if (!version.stdout.startsWith('Docker version 28.2.2,')) throw new Error(`not Docker 28.2.2: ${version.stdout}`);

	const root = await buildTree();
	const rootHelp = (await docker(['--help'])).stdout;

	// texts: help of every supported instance, of the supported groups, of the root and of `help`
	const helpText = {'': rootHelp};
	const useLine = {'': useLineFrom((await docker([PROBE_FLAG])).stderr)};
	for (const key of ['help', ...SUPPORTED_GROUPS]) {
		helpText[key] = (await docker([...key.split(' '), '--help'])).stdout;
		useLine[key] = useLineFrom((await docker([...key.split(' '), PROBE_FLAG])).stderr);
	}
	// `docker` and `docker container` alone print the same help to stderr
	for (const key of ['', ...SUPPORTED_GROUPS]) {
		const alone = await docker(key ? key.split(' ') : []);
		if (alone.stderr !== helpText[key] || alone.exitCode !== 0) throw new Error(`'docker ${key}' differs from --help`);
	}

	const commands = {};
	for (const [canonical, info] of Object.entries(SUPPORTED)) {
		let flags;
		for (const instance of info.instances) {
			const words = instance.split(' ');
			const help = await docker([...words, '--help']);
			helpText[instance] = help.stdout;
			useLine[instance] = useLineFrom((await docker([...words, PROBE_FLAG])).stderr);
			// without an engine the CLI hides nothing: that lists every flag, including the ones it refuses
			// to send to a Linux engine
			const all = await dockerWithoutEngine([...words, '--help']);
			const parsed = parseOptions(all.stdout).map(f => flagSpec(f, canonical));
			const key = JSON.stringify(parsed);
			if (flags && JSON.stringify(flags) !== key) throw new Error(`${instance} flags differ from ${info.instances[0]}`);
			flags = parsed;
		}
		for (const hidden of HIDDEN_FLAGS[canonical] ?? []) {
			const value = hidden.type === 'int' ? '1' : 'x';
			const probe = await docker([...canonical.split(' '), `--${hidden.name}=${value}`, PROBE_FLAG]);
			if (!probe.stderr.startsWith(`unknown flag: ${PROBE_FLAG}`)) throw new Error(`hidden --${hidden.name} not accepted by ${canonical}`);
			const spec = flagSpec({...hidden, hidden: true, usage: ''}, canonical);
			// cobra prints pflag's deprecation notice only when the whole command line parses
			const alone = await docker([...canonical.split(' '), `--${hidden.name}=${value}`]);
			const deprecated = new RegExp(`^Flag --${hidden.name} has been deprecated, (.*)\n`).exec(alone.stdout);
			if (deprecated) spec.deprecated = deprecated[1];
			flags.push(spec);
		}
		await addEngineRefusals(canonical, flags, helpText[info.instances[0]]);
		flags.sort((a, b) => (a.name < b.name ? -1 : 1));
		const spec = {flags, args: await probeArgsRule(canonical), interspersed: await probeInterspersed(canonical)};
		if (flags.some(f => f.name === 'help')) spec.ownHelpFlag = true;
		commands[canonical] = spec;
	}
	markSupported(root);

	const globalFlags = parseOptions(rootHelp, 'Global Options').map(f => flagSpec(f, ''));
	const deprecation = (await docker(['ps', '-h'])).stdout.split('\n')[0] + '\n';
	if (!deprecation.startsWith('Flag shorthand -h has been deprecated')) throw new Error('no -h deprecation line');

	writeText({helpText, useLine, version: version.stdout, deprecation});
	writeSpec({root, commands, globalFlags});
	await recordCases();
}

async function dockerWithoutEngine(argv) {
	return new Promise(resolve => {
		const child = execFile(
			DOCKER,
			argv,
			{env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME, DOCKER_HOST: `unix://${socketPath}.none`}, encoding: 'utf8'},
			(error, stdout, stderr) => resolve({stdout, stderr, exitCode: error ? error.code : 0}),
		);
		child.stdin.end();
	});
}

// Without buildx, the CLI prints the legacy builder's deprecation notice before any build command line.
function withoutBuildNotice(stderr) {
	return stderr.replace(/^DEPRECATED: The legacy builder is deprecated[^\n]*\n(?: {12}[^\n]*\n)*\n/, '');
}

// cli.NoArgs, cli.RequiresMinArgs(n), ...: read back from the messages for no arguments and for five
async function probeArgsRule(canonical) {
	const words = canonical.split(' ');
	for (const args of [[], ['a', 'b', 'c', 'd', 'e']]) {
		const line = withoutBuildNotice((await docker([...words, ...args])).stderr).split('\n')[0];
		let m;
		if (line.endsWith(' accepts no arguments')) return ['none'];
		if ((m = / requires at least (\d+) and at most (\d+) argument/.exec(line))) return ['range', +m[1], +m[2]];
		if ((m = / requires at least (\d+) argument/.exec(line))) return ['min', +m[1]];
		if ((m = / requires at most (\d+) argument/.exec(line))) return ['max', +m[1]];
		if ((m = / requires (\d+) argument/.exec(line))) return ['exact', +m[1]];
	}
	// no message for either: cobra's ArbitraryArgs (`docker stats` takes any number of containers)
	return ['min', 0];
}

// pflag stops at the first positional argument when interspersed is off (run, create, exec, commit)
async function probeInterspersed(canonical) {
	const out = await docker([...canonical.split(' '), 'x', PROBE_FLAG]);
	return withoutBuildNotice(out.stderr).startsWith(`unknown flag: ${PROBE_FLAG}`);
}

// Flags the engine does not support (Windows-only, experimental) are hidden from help and, when given,
// refused with a message of their own before the arguments are checked.
async function addEngineRefusals(canonical, flags, shownHelp) {
	const shown = new Set(parseOptions(shownHelp).map(f => f.name));
	for (const flag of flags) {
		if (flag.hidden || shown.has(flag.name) || flag.name === 'help') continue;
		const value = flag.kind === 'bool' ? `--${flag.name}` : `--${flag.name}=1`;
		const out = await docker([...canonical.split(' '), value]);
		const line = withoutBuildNotice(out.stderr).split('\n')[0];
		// swarm-only flags are hidden but still sent
		if (out.exitCode === 1 && line.startsWith(`"--${flag.name}" is only supported`)) flag.engineRefusal = line;
	}
}

function markSupported(root) {
	const find = words => {
		let node = root;
		for (const w of words) node = node.children.find(c => c.name === w);
		return node;
	};
	for (const [canonical, info] of Object.entries(SUPPORTED)) {
		for (const instance of info.instances) find(instance.split(' ')).command = canonical;
	}
	for (const group of SUPPORTED_GROUPS) find([group]).group = true;
	find(['help']).helpCommand = true;
}

// ---------------------------------------------------------------------------------------------------------
const HEADER = `// Generated by scripts/record-cli.mjs from the real Docker CLI 28.2.2 (/usr/local/bin/docker)
// talking to a stand-in Docker Engine 28.2.2 on Linux, HOME=/home/student, 80 columns. Do not edit:
// regenerate with \`npx tsx scripts/record-cli.mjs\`.
`;

// TypeScript source for a value: short objects and arrays on one line, longer ones one entry a line
function literal(value, indent = '') {
	const flat = inline(value);
	if (value === null || typeof value !== 'object' || indent.length + flat.length <= 100) return flat;
	const inner = indent + '\t';
	const entries = Array.isArray(value) ? value.map(v => inner + literal(v, inner)) : Object.entries(value).map(([k, v]) => `${inner}${key(k)}: ${literal(v, inner)}`);
	return `${Array.isArray(value) ? '[' : '{'}\n${entries.join(',\n')},\n${indent}${Array.isArray(value) ? ']' : '}'}`;
}

function inline(value) {
	if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
	if (value !== null && typeof value === 'object') {
		return `{${Object.entries(value)
			.map(([k, v]) => `${key(k)}: ${inline(v)}`)
			.join(', ')}}`;
	}
	return typeof value === 'string' ? quote(value) : JSON.stringify(value);
}

function key(k) {
	return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}

function quote(s) {
	return s.includes("'") ? JSON.stringify(s) : `'${JSON.stringify(s).slice(1, -1).replaceAll('\\"', '"')}'`;
}

// multi-line texts as template literals, so the generated module reads like the terminal
function textRecord(obj) {
	const lines = Object.entries(sortKeys(obj)).map(([k, v]) => {
		const body = v.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
		return `\t${quote(k)}: \`${body}\`,`;
	});
	return `{\n${lines.join('\n')}\n}`;
}

function writeText({helpText, useLine, version, deprecation}) {
	const src = `${HEADER}
/** \`docker <key> --help\` on stdout, keyed by the command path after "docker" ('' is docker itself). */
export const HELP_TEXT: Readonly<Record<string, string>> = ${textRecord(helpText)};

/** cobra's UseLine of each command, as printed after "Usage:  " in usage errors. */
export const USE_LINE: Readonly<Record<string, string>> = ${textRecord(useLine)};

/** \`docker --version\` */
export const VERSION_OUTPUT = ${JSON.stringify(version)};

/** printed each time the deprecated -h shorthand of --help is parsed */
export const HELP_SHORTHAND_DEPRECATED = ${JSON.stringify(deprecation)};
`;
	fs.writeFileSync(path.join(REPO, 'source/docker/recorded/cli-text.ts'), src);
}

function writeSpec({root, commands, globalFlags}) {
	const src = `${HEADER}
/** how a flag's value is parsed (the pflag Value type behind the help's type word) */
export type FlagKind =
	| 'bool'
	| 'int'
	| 'uint16'
	| 'uint64'
	| 'string'
	| 'list'
	| 'map'
	| 'strings'
	| 'stringArray'
	| 'filter'
	| 'mount'
	| 'network'
	| 'gpus'
	| 'ulimit'
	| 'bytes'
	| 'swap-bytes'
	| 'cpus'
	| 'duration';

/** the validator a list/map flag runs on each value */
export type FlagValidator =
	| 'attach'
	| 'extra-host'
	| 'weight-device'
	| 'cgroup-rule'
	| 'throttle-bps'
	| 'throttle-iops'
	| 'ip'
	| 'dns-search'
	| 'env'
	| 'label'
	| 'link'
	| 'sysctl';

export interface FlagSpec {
	name: string;
	shorthand?: string;
	kind: FlagKind;
	/** repeating the flag adds values (string[] in ParsedCommand.flags) */
	repeatable: boolean;
	validate?: FlagValidator;
	/** the "(default ...)" of the help text */
	default?: string;
	/** accepted but not shown by --help */
	hidden?: boolean;
	/** the CLI stores this flag's value in another flag (--net is --network) */
	storeAs?: string;
	/** pflag's MarkDeprecated message: "Flag --<name> has been deprecated, <deprecated>" */
	deprecated?: string;
	/** the line the CLI prints, instead of running, when the flag is given to a Linux engine */
	engineRefusal?: string;
}

/** cli.NoArgs, cli.RequiresMinArgs(n), ... */
export type ArgsRule = readonly ['none'] | readonly ['min' | 'max' | 'exact', number] | readonly ['range', number, number];

export interface CommandSpec {
	flags: readonly FlagSpec[];
	args: ArgsRule;
	/** false: flags stop at the first positional argument (the image or container) */
	interspersed: boolean;
	/** defines its own --help without -h (-h is --hostname) */
	ownHelpFlag?: boolean;
}

export interface CommandNode {
	name: string;
	aliases?: readonly string[];
	children?: readonly CommandNode[];
	/** canonical path of the simulated command this cobra command implements */
	command?: string;
	/** a management command layerlab simulates (its help and unknown-command errors) */
	group?: boolean;
	/** cobra's help command */
	helpCommand?: boolean;
}

/** the root command's flags (the help's "Global Options"), parsed before the command */
export const GLOBAL_FLAGS: readonly FlagSpec[] = ${literal(globalFlags)};

/** the simulated commands, by canonical path */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = ${literal(commands)};

/** every command the CLI knows, including those it hides from a Docker Engine 28.2.2 user and cobra's own */
export const COMMAND_TREE: CommandNode = ${literal(root)};
`;
	fs.writeFileSync(path.join(REPO, 'source/docker/recorded/cli-spec.ts'), src);
}

function sortKeys(obj) {
	return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ---------------------------------------------------------------------------------------------------------
async function recordCases() {
	const cases = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cases.json'), 'utf8'));
	const recorded = [];
	for (const argv of cases) recorded.push({argv, ...(await docker(argv))});
	const lines = recorded.map(r => '\t' + JSON.stringify(r));
	fs.writeFileSync(path.join(FIXTURES, 'recorded.json'), `[\n${lines.join(',\n')}\n]\n`);
	console.log(`recorded ${recorded.length} cases`);
}

await main();
