/**
 * The Docker CLI 28.2.2 command line, parsed the way the real `docker` parses it, byte for byte.
 *
 * The real CLI is cobra + spf13/pflag + docker/cli's own wrappers. This module reproduces their exact
 * semantics and messages with Node built-ins only: cobra's command lookup (TraverseChildren), pflag's flag
 * syntax (`--flag=value`, `--flag value`, `-dit`, `-p8080:80`, `-p=8080:80`, `--`, no flags after the first
 * positional for run/create/exec/commit), the values pflag and docker/cli check while parsing (ints, bools,
 * durations, sizes, mounts, env, labels, ...), docker/cli's usage errors (cli/required.go, cli/cobra.go) and
 * its help output. Texts come from recorded/cli-text.ts and flag specs from recorded/cli-spec.ts, both recorded from the real
 * CLI by scripts/record-cli.mjs.
 */
import {COMMAND_TREE, COMMANDS, GLOBAL_FLAGS, type CommandNode, type CommandSpec, type FlagSpec} from './recorded/cli-spec.js';
import {HELP_SHORTHAND_DEPRECATED, HELP_TEXT, USE_LINE, VERSION_OUTPUT} from './recorded/cli-text.js';
import {
	atoi,
	cut,
	goQuote,
	goQuoteRune,
	isGoError,
	parseBool,
	parseDuration,
	parseFloat64,
	parseIP,
	parseInteger,
	parseUnsigned,
	ratSetString,
	readCsv,
	trimSpace,
} from '../go/index.js';

export type FlagValue = string | boolean | string[] | number;

export interface ParsedCommand {
	/** canonical command path, e.g. ['container','run'] for `docker run`, ['container','ls'] for `docker ps` */
	path: string[];
	/** the words the user typed for the command, e.g. ['run'] or ['container','ps'] */
	typed: string[];
	/**
	 * the command's own name path as the CLI prints it in messages ("docker container ls" for
	 * `docker container ps`, "docker ps" for `docker ps`): HELP_TEXT and USE_LINE are keyed by it
	 */
	commandPath: string[];
	/** flag values by long name; repeatable flags give string[]; only flags the user gave appear */
	flags: Record<string, FlagValue>;
	/** positional args after flags */
	args: string[];
	/** global options given before the command (`docker -D ps` gives {debug: true}) */
	globalFlags: Record<string, FlagValue>;
	/** what the CLI prints before running the command (deprecation notices such as `--time` or `-h=false`) */
	notices?: {stdout: string; stderr: string};
}

export type ParseOutcome =
	{kind: 'command'; command: ParsedCommand} | {kind: 'output'; stdout: string; stderr: string; exitCode: number; unknown?: UnknownCommand} | {kind: 'unsupported'; path: string[]};

/** `docker: unknown command: …`: the command path that was found, and the words from the unknown one on */
export interface UnknownCommand {
	parent: string[];
	words: string[];
}

/** argv without the leading 'docker' */
export function parseDocker(argv: string[]): ParseOutcome {
	const state: State = {stdout: '', stderr: '', help: false, buffers: new Map()};
	const global = handleGlobalFlags(argv, state);
	if ('outcome' in global) return global.outcome;
	return execute(global.args, global.values, state);
}

// ---------------------------------------------------------------------------------------------------------
// flags and flag sets

/** docker's persistent --help (every command inherits it unless it defines its own); its -h is deprecated */
const HELP_FLAG: FlagSpec = {name: 'help', shorthand: 'h', kind: 'bool', repeatable: false};

interface FlagSet {
	long: Map<string, FlagSpec>;
	short: Map<string, FlagSpec>;
	interspersed: boolean;
}

function flagSet(flags: readonly FlagSpec[], interspersed: boolean): FlagSet {
	const set: FlagSet = {long: new Map(), short: new Map(), interspersed};
	for (const flag of flags) {
		set.long.set(flag.name, flag);
		if (flag.shorthand) set.short.set(flag.shorthand, flag);
	}
	return set;
}

const ROOT_FLAGS = flagSet([...GLOBAL_FLAGS, HELP_FLAG], true);
const HELP_ONLY = flagSet([HELP_FLAG], true);
const LEAF_FLAGS = new Map<string, FlagSet>();

function commandFlags(canonical: string, spec: CommandSpec): FlagSet {
	let set = LEAF_FLAGS.get(canonical);
	if (!set) {
		const help = spec.ownHelpFlag ? [] : [HELP_FLAG];
		set = flagSet([...spec.flags, ...help], spec.interspersed);
		LEAF_FLAGS.set(canonical, set);
	}
	return set;
}

/** a shorthand pflag warns about each time it is used */
function isDeprecatedShorthand(flag: FlagSpec): boolean {
	return flag === HELP_FLAG;
}

function displayName(flag: FlagSpec): string {
	return flag.shorthand && !isDeprecatedShorthand(flag) ? `-${flag.shorthand}, --${flag.name}` : `--${flag.name}`;
}

// ---------------------------------------------------------------------------------------------------------
// pflag's parser (flag.go: parseArgs, parseLongArg, parseShortArg, parseSingleShortArg)

type Values = Map<string, FlagValue>;

interface Parsed {
	args: string[];
	error?: string;
}

interface ParseHooks {
	/** apply a value; returns pflag's error text when the value is refused */
	set(flag: FlagSpec, value: string): string | undefined;
	/** a deprecation notice pflag writes to the flag set's output */
	notice(text: string): void;
}

function parseArgs(set: FlagSet, argv: readonly string[], hooks: ParseHooks): Parsed {
	const positional: string[] = [];
	let rest = [...argv];
	while (rest.length > 0) {
		const s = rest.shift() as string;
		if (s.length === 0 || s[0] !== '-' || s.length === 1) {
			positional.push(s);
			if (!set.interspersed) return {args: [...positional, ...rest]};
			continue;
		}
		let result: {rest: string[]; error?: string};
		if (s[1] === '-') {
			if (s.length === 2) return {args: [...positional, ...rest]}; // "--" ends the flags
			result = parseLongArg(set, s, rest, hooks);
		} else {
			result = parseShortArg(set, s, rest, hooks);
		}
		if (result.error !== undefined) return {args: positional, error: result.error};
		rest = result.rest;
	}
	return {args: positional};
}

function parseLongArg(set: FlagSet, s: string, rest: string[], hooks: ParseHooks): {rest: string[]; error?: string} {
	const body = s.slice(2);
	if (body.length === 0 || body[0] === '-' || body[0] === '=') return {rest, error: `bad flag syntax: ${s}`};
	const eq = body.indexOf('=');
	const name = eq < 0 ? body : body.slice(0, eq);
	const flag = set.long.get(name);
	if (!flag) return {rest, error: `unknown flag: --${name}`};
	let value: string;
	if (eq >= 0) value = body.slice(eq + 1);
	else if (flag.kind === 'bool') value = 'true';
	else if (rest.length > 0) {
		value = rest[0] as string;
		rest = rest.slice(1);
	} else return {rest, error: `flag needs an argument: ${s}`};
	const error = setFlag(flag, value, hooks);
	return error === undefined ? {rest} : {rest, error};
}

function parseShortArg(set: FlagSet, s: string, rest: string[], hooks: ParseHooks): {rest: string[]; error?: string} {
	let shorthands = s.slice(1);
	while (shorthands.length > 0) {
		const c = shorthands[0] as string;
		const flag = set.short.get(c);
		if (!flag) return {rest, error: `unknown shorthand flag: ${goQuoteRune(c)} in -${shorthands}`};
		let value: string;
		let next = shorthands.slice(1);
		if (shorthands.length > 2 && shorthands[1] === '=') {
			value = shorthands.slice(2); // -f=value
			next = '';
		} else if (flag.kind === 'bool') {
			value = 'true';
		} else if (shorthands.length > 1) {
			value = shorthands.slice(1); // -fvalue
			next = '';
		} else if (rest.length > 0) {
			value = rest[0] as string; // -f value
			rest = rest.slice(1);
		} else {
			return {rest, error: `flag needs an argument: ${goQuoteRune(c)} in -${shorthands}`};
		}
		if (isDeprecatedShorthand(flag)) hooks.notice(HELP_SHORTHAND_DEPRECATED);
		const error = setFlag(flag, value, hooks);
		if (error !== undefined) return {rest, error};
		shorthands = next;
	}
	return {rest};
}

function setFlag(flag: FlagSpec, value: string, hooks: ParseHooks): string | undefined {
	const error = hooks.set(flag, value);
	if (error !== undefined) return `invalid argument ${goQuote(value)} for ${goQuote(displayName(flag))} flag: ${error}`;
	if (flag.deprecated) hooks.notice(`Flag --${flag.name} has been deprecated, ${flag.deprecated}\n`);
	return undefined;
}

/** the value-checking hook of a command's own flag set: typed values into `values`, names into `changed` */
function valueHooks(values: Values, changed: Set<FlagSpec>, state: State, notice: (text: string) => void): ParseHooks {
	return {
		set(flag, raw) {
			const checked = checkValue(flag, raw);
			if (typeof checked === 'object') return checked.error;
			changed.add(flag);
			if (flag === HELP_FLAG) {
				state.help = checked === true;
				return undefined;
			}
			const key = flag.storeAs ?? flag.name;
			if (flag.repeatable) {
				const previous = values.get(key);
				const list = Array.isArray(previous) ? previous : [];
				values.set(key, [...list, ...(flag.kind === 'strings' ? stringSlice(raw) : [raw])]);
			} else {
				values.set(key, checked);
			}
			return undefined;
		},
		notice,
	};
}

// ---------------------------------------------------------------------------------------------------------
// docker/cli: global options (TopLevelCommand.HandleGlobalFlags), then cobra's Execute

interface State {
	stdout: string;
	stderr: string;
	/** the persistent --help every command without its own shares */
	help: boolean;
	/** cobra's per-command flag output buffer (deprecation notices), printed whole after each clean parse */
	buffers: Map<string, string>;
}

function handleGlobalFlags(argv: string[], state: State): {args: string[]; values: Values} | {outcome: ParseOutcome} {
	// parsed with a throwaway flag set that stops at the first non-flag (the command) and writes its
	// notices straight to stderr
	const values: Values = new Map();
	const set: FlagSet = {...ROOT_FLAGS, interspersed: false};
	const hooks = valueHooks(values, new Set(), state, text => {
		state.stderr += text;
	});
	const parsed = parseArgs(set, argv, hooks);
	// the CLI initializes itself (and its log level) even before it reports a bad global flag
	const level = values.get('log-level');
	if (typeof level === 'string' && level !== '' && !LOG_LEVELS.includes(level.toLowerCase())) {
		return {outcome: output(state, '', `Unable to parse logging level: ${level}\n`, 1)};
	}
	if (parsed.error !== undefined) return {outcome: flagError(state, [], parsed.error)};
	return {args: parsed.args, values};
}

/** logrus.ParseLevel */
const LOG_LEVELS = ['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace'];

interface Step {
	node: CommandNode;
	/** canonical names from the root, e.g. ['container', 'ls'] */
	names: string[];
	/** the words as typed */
	typed: string[];
}

function execute(args: string[], globalValues: Values, state: State): ParseOutcome {
	const traversed = traverse(args, state);
	if ('error' in traversed) return output(state, '', `${traversed.error}\n`, 1);
	const {step, rest} = traversed;
	const kind = nodeKind(step);
	if (kind === 'unsupported') return {kind: 'unsupported', path: step.names};

	const key = step.names.join(' ');
	const values: Values = new Map();
	const changed = new Set<FlagSpec>();
	const spec = step.node.command === undefined ? undefined : COMMANDS[step.node.command];
	const set = spec && step.node.command ? commandFlags(step.node.command, spec) : kind === 'root' ? ROOT_FLAGS : HELP_ONLY;
	const parsed = parseCobraFlags(key, set, rest, values, changed, state);
	if (parsed.error !== undefined) {
		// docker's flag-error hook first refuses flags the engine does not support
		const refusal = engineRefusal(changed);
		if (refusal) return output(state, '', `${refusal}\n`, 1);
		return flagError(state, step.names, parsed.error);
	}
	const ownHelp = values.get('help');
	if (ownHelp === true || (!spec?.ownHelpFlag && state.help)) return showHelp(state, args, key, changed);
	if (kind === 'root') return runRoot(state, parsed.args, values, globalValues);
	if (kind === 'group') return runGroup(state, key, parsed.args);
	if (kind === 'help') return runHelp(state, parsed.args);

	const refusal = engineRefusal(changed);
	if (refusal) return output(state, '', `${refusal}\n`, 1);
	const argsError = checkArgs(spec as CommandSpec, key, parsed.args);
	if (argsError) return output(state, '', `${argsError}\n`, 1);
	return command(state, step, values, parsed.args, globalValues);
}

/** cobra's Command.Traverse: each parent parses the flags it sees before the next command name */
function traverse(args: string[], state: State): {step: Step; rest: string[]} | {error: string} {
	let step: Step = {node: COMMAND_TREE, names: [], typed: []};
	let rest = args;
	for (;;) {
		const set = step.names.length === 0 ? ROOT_FLAGS : HELP_ONLY;
		const flags: string[] = [];
		let inFlag = false;
		let next: {index: number; child: CommandNode} | undefined;
		for (const [index, arg] of rest.entries()) {
			if (arg.startsWith('--') && !arg.includes('=')) {
				// a long flag takes the next word unless it is a bool ("--" itself too)
				inFlag = set.long.get(arg.slice(2))?.kind !== 'bool';
				flags.push(arg);
			} else if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2 && set.short.get(arg[1] as string)?.kind !== 'bool') {
				inFlag = true;
				flags.push(arg);
			} else if (inFlag) {
				inFlag = false;
				flags.push(arg);
			} else if (isFlagArg(arg)) {
				flags.push(arg);
			} else {
				const child = findChild(step.node, arg);
				if (child) next = {index, child};
				break;
			}
		}
		if (!next) return {step, rest};
		const parsed = parseCobraFlags(step.names.join(' '), set, flags, new Map(), new Set(), state);
		if (parsed.error !== undefined) return {error: parsed.error};
		const word = rest[next.index] as string;
		step = {node: next.child, names: [...step.names, next.child.name], typed: [...step.typed, word]};
		rest = rest.slice(next.index + 1);
	}
}

function isFlagArg(arg: string): boolean {
	return (arg.length >= 3 && arg.startsWith('--')) || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-');
}

function findChild(node: CommandNode, word: string): CommandNode | undefined {
	return node.children?.find(c => c.name === word || (c.aliases ?? []).includes(word));
}

type NodeKind = 'root' | 'group' | 'help' | 'command' | 'unsupported';

function nodeKind(step: Step): NodeKind {
	if (step.names.length === 0) return 'root';
	if (step.node.group) return 'group';
	if (step.node.helpCommand) return 'help';
	if (step.node.command !== undefined) return 'command';
	return 'unsupported';
}

/** cobra's Command.ParseFlags: notices go to the command's buffer, printed whole after a clean parse */
function parseCobraFlags(key: string, set: FlagSet, args: readonly string[], values: Values, changed: Set<FlagSpec>, state: State): Parsed {
	let buffer = state.buffers.get(key) ?? '';
	let added = false;
	const hooks = valueHooks(values, changed, state, text => {
		buffer += text;
		added = true;
	});
	const parsed = parseArgs(set, args, hooks);
	state.buffers.set(key, buffer);
	if (added && parsed.error === undefined) state.stdout += buffer;
	return parsed;
}

// ---------------------------------------------------------------------------------------------------------
// what each kind of command does once its flags are parsed

function runRoot(state: State, args: string[], values: Values, globalValues: Values): ParseOutcome {
	// --version was parsed with the global options, into the same flag
	if (values.get('version') === true || globalValues.get('version') === true) return output(state, VERSION_OUTPUT, '', 0);
	if (args.length === 0) return output(state, '', HELP_TEXT[''] ?? '', 0); // `docker` alone: help on stderr
	return {...output(state, '', `docker: unknown command: docker ${args[0]}\n\nRun 'docker --help' for more information\n`, 1), unknown: {parent: [], words: args}};
}

function runGroup(state: State, key: string, args: string[]): ParseOutcome {
	if (args.length === 0) return output(state, '', HELP_TEXT[key] ?? '', 0); // `docker container` alone: help on stderr
	const text = `docker: unknown command: docker ${key} ${args[0]}\n\nUsage:  ${USE_LINE[key]}\n\nRun 'docker ${key} --help' for more information\n`;
	return {...output(state, '', text, 1), unknown: {parent: key.split(' '), words: args}};
}

/** `docker help [command]`: cobra's Find, then the topic's help */
function runHelp(state: State, topics: string[]): ParseOutcome {
	let node = COMMAND_TREE;
	const names: string[] = [];
	let index = 0;
	for (; index < topics.length; index++) {
		const child = findChild(node, topics[index] as string);
		if (!child) break;
		node = child;
		names.push(child.name);
	}
	if (index < topics.length) return output(state, '', `unknown help topic: ${topics.slice(index).join(' ')}\n`, 1);
	const step: Step = {node, names, typed: names};
	if (nodeKind(step) === 'unsupported') return {kind: 'unsupported', path: names};
	return output(state, HELP_TEXT[names.join(' ')] ?? '', '', 0);
}

/**
 * --help: docker's help function first walks the command line again to look for a CLI plugin (so the
 * parents parse their flags, and print their notices, a second time), refuses flags the engine does not
 * support (on stdout), then prints the help on stdout
 */
function showHelp(state: State, args: string[], key: string, changed: Set<FlagSpec>): ParseOutcome {
	if (args.length > 0) traverse(args, state);
	const refusal = engineRefusal(changed);
	if (refusal) return output(state, `${refusal}\n`, '', 0);
	return output(state, HELP_TEXT[key] ?? '', '', 0);
}

/** flags the engine refuses (Windows-only, experimental), one line each, by flag name (pflag's VisitAll) */
function engineRefusal(changed: Set<FlagSpec>): string | undefined {
	const lines = [...changed]
		.filter(f => f.engineRefusal)
		.sort((a, b) => (a.name < b.name ? -1 : 1))
		.map(f => f.engineRefusal);
	return lines.length > 0 ? lines.join('\n') : undefined;
}

/** docker/cli's FlagErrorFunc: exit status 125 */
function flagError(state: State, names: string[], error: string): ParseOutcome {
	const key = names.join(' ');
	const path = ['docker', ...names].join(' ');
	return output(state, '', `${error}\n\nUsage:  ${USE_LINE[key]}\n\nRun '${path} --help' for more information\n`, 125);
}

/** docker/cli's cli/required.go (the "SRun" and "See" are the CLI's own) */
function checkArgs(spec: CommandSpec, key: string, args: string[]): string | undefined {
	const path = `docker ${key}`;
	const usage = `\n\nUsage:  ${USE_LINE[key]}\n\n`;
	const plural = (n: number) => (n === 1 ? 'argument' : 'arguments');
	const rule = spec.args;
	const n = args.length;
	switch (rule[0]) {
		case 'none':
			return n === 0 ? undefined : `docker: '${path}' accepts no arguments${usage}Run '${path} --help' for more information`;
		case 'min':
			return n >= rule[1] ? undefined : `docker: '${path}' requires at least ${rule[1]} ${plural(rule[1])}${usage}See '${path} --help' for more information`;
		case 'max':
			return n <= rule[1] ? undefined : `docker: '${path}' requires at most ${rule[1]} ${plural(rule[1])}${usage}SRun '${path} --help' for more information`;
		case 'exact':
			return n === rule[1] ? undefined : `docker: '${path}' requires ${rule[1]} ${plural(rule[1])}${usage}Run '${path} --help' for more information`;
		case 'range':
			return n >= rule[1] && n <= rule[2]
				? undefined
				: `docker: '${path}' requires at least ${rule[1]} and at most ${rule[2]} ${plural(rule[2])}${usage}Run '${path} --help' for more information`;
	}
}

function command(state: State, step: Step, values: Values, args: string[], globalValues: Values): ParseOutcome {
	const parsed: ParsedCommand = {
		path: (step.node.command as string).split(' '),
		typed: step.typed,
		commandPath: step.names,
		flags: Object.fromEntries(values),
		args,
		globalFlags: Object.fromEntries(globalValues),
	};
	if (state.stdout !== '' || state.stderr !== '') parsed.notices = {stdout: state.stdout, stderr: state.stderr};
	return {kind: 'command', command: parsed};
}

function output(state: State, stdout: string, stderr: string, exitCode: number): Extract<ParseOutcome, {kind: 'output'}> {
	return {kind: 'output', stdout: state.stdout + stdout, stderr: state.stderr + stderr, exitCode};
}

// ---------------------------------------------------------------------------------------------------------
// flag values: what each pflag Value's Set accepts, and its error text

type Checked = string | boolean | number | {error: string};

function checkValue(flag: FlagSpec, raw: string): Checked {
	const error = (text: string | undefined): Checked => (text === undefined ? raw : {error: text});
	switch (flag.kind) {
		case 'bool':
			return parseBool(raw);
		case 'int':
			return toNumber(parseInteger(raw, 0, 64));
		case 'uint16':
			return toNumber(parseUnsigned(raw, 0, 16));
		case 'uint64':
			return toNumber(parseUnsigned(raw, 0, 64));
		case 'string':
		case 'stringArray':
			return raw;
		case 'list':
		case 'map':
			return error(flag.validate ? VALIDATORS[flag.validate](raw) : undefined);
		case 'strings':
			return error(raw === '' ? undefined : readCsv(raw).error);
		case 'filter':
			return error(raw === '' || raw.includes('=') ? undefined : 'bad format of filter (expected name=value)');
		case 'mount':
			return error(checkMount(raw));
		case 'network':
			return error(checkNetwork(raw));
		case 'gpus':
			return error(checkGpus(raw));
		case 'ulimit':
			return error(checkUlimit(raw));
		case 'bytes':
			return error(ramInBytes(raw).error);
		case 'swap-bytes':
			return error(raw === '-1' ? undefined : ramInBytes(raw).error);
		case 'cpus':
			return error(checkCpus(raw));
		case 'duration':
			return error(errorOf(parseDuration(raw)));
	}
}

/** pflag's StringSlice: comma-separated, read as CSV */
function stringSlice(raw: string): string[] {
	return raw === '' ? [] : readCsv(raw).fields;
}

function toNumber(result: bigint | {error: string}): Checked {
	return typeof result === 'bigint' ? Number(result) : result;
}

/** strconv.Atoi's error, unwrapped the way docker/cli reports it ("invalid syntax") */
function atoiError(s: string): string | undefined {
	const n = atoi(s);
	return isGoError(n) ? n.err : undefined;
}

/** The text of a Go (value, error) result's error, if any. */
function errorOf(result: unknown): string | undefined {
	return isGoError(result) ? result.error : undefined;
}

/** go-units RAMInBytes (v0.5): "512m", "1.5g", "2 GiB", ... */
function ramInBytes(size: string): {error?: string} {
	let sep = -1;
	for (let i = size.length - 1; i >= 0; i--) {
		if ('0123456789. '.includes(size[i] as string)) {
			sep = i;
			break;
		}
	}
	if (sep === -1) return {error: `invalid size: '${size}'`};
	const num = size[sep] === ' ' ? size.slice(0, sep) : size.slice(0, sep + 1);
	let sfx = size.slice(sep + 1);
	const value = parseFloat64(num);
	if (typeof value === 'object') return value;
	if (value < 0) return {error: `invalid size: '${size}'`};
	if (sfx.length === 0) return {};
	const bad = {error: `invalid suffix: '${sfx}'`};
	if (sfx.length > 3) return bad;
	sfx = sfx.toLowerCase();
	const badLower = {error: `invalid suffix: '${sfx}'`};
	if (sfx[0] === 'b') return sfx.length > 1 ? badLower : {};
	if (!'kmgtp'.includes(sfx[0] as string)) return badLower;
	if (sfx.length === 2 && sfx[1] !== 'b') return badLower;
	if (sfx.length === 3 && sfx.slice(1) !== 'ib') return badLower;
	return {};
}

/** opts.NanoCPUs: a big.Rat string ("1.5", "3/2", "2e-1", "0x1p-2"), to nanoCPU precision */
function checkCpus(value: string): string | undefined {
	const rat = ratSetString(value);
	if (!rat) return `failed to parse ${value} as a rational number`;
	return (rat.num * 1_000_000_000n) % rat.den === 0n ? undefined : 'value is too precise';
}

// ---------------------------------------------------------------------------------------------------------
// docker/cli's option types (opts/*.go)

const VALIDATORS: Record<NonNullable<FlagSpec['validate']>, (value: string) => string | undefined> = {
	attach: v => (['stdin', 'stdout', 'stderr'].includes(v.toLowerCase()) ? undefined : 'valid streams are STDIN, STDOUT and STDERR'),
	'extra-host': checkExtraHost,
	'weight-device': checkWeightDevice,
	'cgroup-rule': v => (/^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/.test(v) ? undefined : `invalid device cgroup format '${v}'`),
	'throttle-bps': v => checkThrottle(v, true),
	'throttle-iops': v => checkThrottle(v, false),
	ip: v => (parseIP(trimSpace(v)) ? undefined : `IP address is not correctly formatted: ${v}`),
	'dns-search': checkDnsSearch,
	env: v => (v.split('=')[0] === '' ? `invalid environment variable: ${v}` : undefined),
	label: checkLabel,
	link: checkLink,
	sysctl: checkSysctl,
};

function checkLabel(value: string): string | undefined {
	const key = (value.split('=')[0] as string).replace(/^[ \t]+/, '');
	if (key === '') return `invalid label '${value}': empty name`;
	if (/[ \t]/.test(key)) return `label '${key}' contains whitespaces`;
	return undefined;
}

/** name:ip or name=ip, the address optionally in brackets, or host-gateway */
function checkExtraHost(value: string): string | undefined {
	let [k, v, ok] = cut(value, '=');
	if (!ok) [k, v, ok] = cut(value, ':');
	if (!ok || k === '' || k.includes(':')) return `bad format for add-host: ${goQuote(value)}`;
	if (v === 'host-gateway') return undefined;
	if (v.length > 2 && v.startsWith('[') && v.endsWith(']')) v = v.slice(1, -1);
	return parseIP(trimSpace(v)) ? undefined : `invalid IP address in add-host: ${goQuote(v)}`;
}

function checkLink(value: string): string | undefined {
	if (value === '') return 'empty string specified for links';
	return value.split(':').length > 2 ? `bad format for links: ${value}` : undefined;
}

function checkSysctl(value: string): string | undefined {
	const [k, , ok] = cut(value, '=');
	const allowed = ['kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced'];
	if (ok && k !== '' && (allowed.includes(k) || k.startsWith('net.') || k.startsWith('fs.mqueue.'))) return undefined;
	return `sysctl '${value}' is not allowed`;
}

function checkDnsSearch(raw: string): string | undefined {
	const value = raw.replace(/^ +| +$/g, '');
	if (value === '.') return undefined;
	const domain = /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?[\t\n\f\r ]*$/.exec(value);
	if (/[a-zA-Z]/.test(value) && domain && (domain[1] ?? '').length < 255) return undefined;
	return `${value} is not a valid domain`;
}

function checkWeightDevice(value: string): string | undefined {
	const [k, v, ok] = cut(value, ':');
	if (!ok || k === '') return `bad format: ${value}`;
	if (!k.startsWith('/dev/')) return `bad format for device path: ${value}`;
	const weight = /^\d+$/.test(v) ? Number(v) : Number.NaN;
	if (!(weight <= 65535) || (weight > 0 && (weight < 10 || weight > 1000))) return `invalid weight for device: ${value}`;
	return undefined;
}

function checkThrottle(value: string, bytes: boolean): string | undefined {
	const [k, v, ok] = cut(value, ':');
	if (!ok || k === '') return `bad format: ${value}`;
	if (!k.startsWith('/dev/')) return `bad format for device path: ${value}`;
	if (bytes) {
		return ramInBytes(v).error === undefined
			? undefined
			: `invalid rate for device: ${value}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`;
	}
	return /^\d+$/.test(v) && BigInt(v) < 2n ** 64n
		? undefined
		: `invalid rate for device: ${value}. The correct format is <device-path>:<number>. Number must be a positive integer`;
}

/** go-units ParseUlimit */
function checkUlimit(value: string): string | undefined {
	const [name, limits, ok] = cut(value, '=');
	if (!ok) return `invalid ulimit argument: ${value}`;
	const names = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'];
	if (!names.includes(name)) return `invalid ulimit type: ${name}`;
	const parts = limits.split(':');
	if (parts.length > 2) return `too many limit value arguments - ${limits}, can only have up to two, \`soft[:hard]\``;
	const parsed: bigint[] = [];
	for (const part of [...parts].reverse()) {
		const n = parseInteger(part, 10, 64);
		if (isGoError(n)) return n.error;
		parsed.unshift(n);
	}
	const soft = parsed[0] as bigint;
	const hard = parsed[1] ?? soft;
	if (hard !== -1n) {
		if (soft === -1n) return `ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: ${hard}`;
		if (soft > hard) return `ulimit soft limit must be less than or equal to hard limit: ${soft} > ${hard}`;
	}
	return undefined;
}

/** opts.GpuOpts */
function checkGpus(value: string): string | undefined {
	const csv = readCsv(value);
	if (csv.error !== undefined) return csv.error;
	const seen = new Set<string>();
	const count = (s: string) => (s === 'all' ? undefined : atoiError(s) && `invalid count (${s}): value must be either "all" or an integer: ${atoiError(s)}`);
	for (const field of csv.fields) {
		const [key, val, withValue] = cut(field, '=');
		if (seen.has(key)) return `gpu request key '${key}' can be specified only once`;
		seen.add(key);
		if (!withValue) {
			seen.add('count');
			const error = count(key);
			if (error) return error;
			continue;
		}
		if (key === 'count') {
			const error = count(val);
			if (error) return error;
		} else if (key === 'options') {
			const options = readCsv(val);
			if (options.error !== undefined) return `failed to read gpu options: ${options.error}`;
		} else if (!['driver', 'device', 'capabilities'].includes(key)) {
			return `unexpected key '${key}' in '${field}'`;
		}
	}
	return undefined;
}

/** opts.NetworkOpt: a name, or name=...,alias=...,driver-opt=k=v,... */
function checkNetwork(value: string): string | undefined {
	if (!/\w+=\w+(,\w+=\w+)*/.test(value)) return undefined;
	const csv = readCsv(value);
	if (csv.error !== undefined) return csv.error;
	let target = '';
	for (const field of csv.fields) {
		const [rawKey, rawVal, ok] = cut(field, '=');
		if (!ok || rawKey === '') return `invalid field ${field}`;
		const key = trimSpace(rawKey);
		const val = trimSpace(rawVal);
		switch (key) {
			case 'name':
				target = val;
				break;
			case 'driver-opt': {
				const [k, , hasValue] = cut(val, '=');
				if (!hasValue || k === '') return 'invalid key value pair format in driver options';
				break;
			}
			case 'gw-priority': {
				const error = atoiError(val);
				if (error) return `invalid gw-priority (${val}): ${error}`;
				break;
			}
			case 'alias':
			case 'ip':
			case 'ip6':
			case 'mac-address':
			case 'link-local-ip':
				break;
			default:
				return `invalid field key ${key}`;
		}
	}
	return target === '' ? 'network name/id is not specified' : undefined;
}

/** opts.MountOpt (docker/cli v28): the one parser of `--mount`; the flag check and `run` both use it */
function checkMount(value: string): string | undefined {
	const parsed = parseMountOpt(value);
	return 'error' in parsed ? parsed.error : undefined;
}

/** a `--mount` value as the CLI sends it to the daemon (which checks the rest: absolute target, source) */
interface MountOpt {
	type: string;
	source: string;
	target: string;
	readonly: boolean;
}

export function parseMountOpt(value: string): MountOpt | {error: string} {
	const error = (text: string) => ({error: text});
	const csv = readCsv(value);
	if (csv.error !== undefined) return error(csv.error);
	let type = 'volume';
	let source = '';
	let target = '';
	let readonly = false;
	const options = new Set<'volume' | 'image' | 'bind' | 'tmpfs'>();
	let propagation = '';
	let recursive = '';
	for (const field of csv.fields) {
		const [rawKey, val, hasValue] = cut(field, '=');
		const key = rawKey.toLowerCase();
		if (!hasValue) {
			if (key === 'readonly' || key === 'ro') readonly = true;
			else if (key === 'volume-nocopy') options.add('volume');
			else if (key === 'bind-nonrecursive') options.add('bind');
			else return error(`invalid field '${field}' must be a key=value pair`);
			continue;
		}
		const invalid = `invalid value for ${key}: ${val}`;
		switch (key) {
			case 'type':
				type = val.toLowerCase();
				break;
			case 'source':
			case 'src':
				source = val;
				break;
			case 'consistency':
				break;
			case 'target':
			case 'dst':
			case 'destination':
				target = val;
				break;
			case 'readonly':
			case 'ro': {
				const b = parseBool(val);
				if (typeof b !== 'boolean') return error(invalid);
				readonly = b;
				break;
			}
			case 'bind-propagation':
				options.add('bind');
				propagation = val.toLowerCase();
				break;
			case 'bind-nonrecursive':
				if (typeof parseBool(val) !== 'boolean') return error(invalid);
				options.add('bind');
				break;
			case 'bind-recursive':
				if (!['enabled', 'disabled', 'writable', 'readonly'].includes(val)) {
					return error(`invalid value for ${key}: ${val} (must be "enabled", "disabled", "writable", or "readonly")`);
				}
				if (val !== 'enabled') options.add('bind');
				recursive = val;
				break;
			case 'volume-subpath':
			case 'volume-label':
			case 'volume-driver':
			case 'volume-opt':
				options.add('volume');
				break;
			case 'volume-nocopy':
				if (typeof parseBool(val) !== 'boolean') return error(`invalid value for volume-nocopy: ${val}`);
				options.add('volume');
				break;
			case 'image-subpath':
				options.add('image');
				break;
			case 'tmpfs-size':
				if (ramInBytes(val).error !== undefined) return error(invalid);
				options.add('tmpfs');
				break;
			case 'tmpfs-mode':
				if (!/^[0-7]+$/.test(val) || BigInt(`0o${val}`) > 0xffffffffn) return error(invalid);
				options.add('tmpfs');
				break;
			default:
				return error(`unexpected key '${key}' in '${field}'`);
		}
	}
	if (type === '') return error('type is required');
	if (target === '') return error('target is required');
	for (const kind of ['volume', 'image', 'bind', 'tmpfs'] as const) {
		if (options.has(kind) && type !== kind) return error(`cannot mix '${kind}-*' options with mount type '${type}'`);
	}
	if (recursive === 'writable' && !readonly) return error("option 'bind-recursive=writable' requires 'readonly' to be specified in conjunction");
	if (recursive === 'readonly') {
		if (!readonly) return error("option 'bind-recursive=readonly' requires 'readonly' to be specified in conjunction");
		if (propagation !== 'rprivate') return error("option 'bind-recursive=readonly' requires 'bind-propagation=rprivate' to be specified in conjunction");
	}
	return {type, source, target, readonly};
}
