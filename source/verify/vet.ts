/**
 * What `verify --docker` may run for real. A lesson comes from anyone, and verify types its lines into
 * a real bash against a real engine, so before anything runs every line must be one the simulator
 * simulates and whose effects verify can vouch for:
 *   - programs: the simulated host's (the shell's builtins, its file utilities, docker, curl, clear);
 *     no other program, no file run as a program, no eval/source/exec, no `sh`/`bash`
 *   - docker: a command the simulator implements, no global flag that names another engine, no
 *     option that gives a container the host (--privileged, --pid host, --device, --cap-add…), and
 *     every bind source inside the learner's (temporary) home
 *   - paths given to host programs and redirections: inside the learner's home
 *   - curl: only localhost (the simulated network)
 *   - expansions: variables set by earlier lines and `$(…)` that vets itself; a path built from a
 *     value verify cannot know before running is refused
 * Anything else is refused with the line and why, and nothing runs.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {normalizePath, type World, parseScript, type Command, type Script, type SimpleCommand, type Word, commandNames, builtinNames} from '../engine/index.js';
import {parseDocker} from '../docker/parse.js';
import {SIMULATED} from '../docker/dispatch.js';
import type {Plan} from './replay.js';

export interface Refusal {
	step: string;
	line: string;
	why: string;
}

/** The host shell's builtins and programs, from the programs registry (docker, curl and clear are rows of it). */
const BUILTINS = new Set(builtinNames('host'));
const PROGRAMS = new Set(commandNames('host'));

/** docker options that hand a container the host, or point the CLI at another engine. */
const HOST_FLAGS = new Set([
	'privileged',
	'device',
	'cap-add',
	'security-opt',
	'pid',
	'ipc',
	'uts',
	'userns',
	'cgroupns',
	'volume-driver',
	'device-cgroup-rule',
	'gpus',
	'runtime',
	'sysctl',
]);
const HOST_NETWORK = /^(host|container:.*)$/;
const GLOBAL_ENGINE_FLAGS = ['host', 'context', 'config', 'tls', 'tlsverify', 'tlscacert', 'tlscert', 'tlskey'];

/** curl options that take a value (skipped), and those that name a file (checked). */
const CURL_VALUE = new Set(['-d', '--data', '--data-raw', '--data-urlencode', '-X', '--request', '-H', '--header', '-m', '--max-time', '-w', '--write-out', '-A', '--user-agent']);
const CURL_OUTPUT = new Set(['-o', '--output', '-T', '--upload-file', '-K', '--config', '-c', '--cookie-jar', '-D', '--dump-header']);

class Refused extends Error {}

interface Value {
	text: string;
	/** Part of it is only known when the line runs ($(…) output, an unknown variable). */
	opaque: boolean;
}

interface State {
	/** Whether the real side's bash would find a program of this name. */
	installed: (name: string) => boolean;
	cwd: string;
	home: string;
	vars: Map<string, Value>;
	/** Functions the lines defined (their bodies were vetted where they were defined). */
	functions?: Set<string>;
}

function evaluate(word: Word, state: State, depth: number): Value {
	let text = '';
	let opaque = false;
	for (const part of word) {
		if (part.t === 'lit') text += part.v;
		else if (part.t === 'var') {
			const known = state.vars.get(part.name);
			if (known) {
				text += known.text;
				opaque ||= known.opaque;
			} else if (part.op && part.arg) {
				const fallback = evaluate(part.arg, state, depth);
				text += fallback.text;
				opaque ||= fallback.opaque;
			} else opaque = true;
		} else {
			const inner = part.source.trim();
			if (inner === 'pwd') text += state.cwd;
			else {
				if (depth > 3) throw new Refused('command substitutions nest too deep');
				vetSource(inner, {...state, vars: new Map(state.vars)}, depth + 1);
				opaque = true;
			}
		}
	}
	return {text, opaque};
}

function insideHome(state: State, target: string): boolean {
	const expanded = target === '~' ? state.home : target.startsWith('~/') ? state.home + target.slice(1) : target;
	const full = normalizePath(expanded, state.cwd);
	return full === state.home || full.startsWith(state.home + '/');
}

function requirePath(state: State, value: Value, what: string): void {
	if (value.opaque) throw new Refused(`${what} "${value.text}" depends on output verify cannot know before running it`);
	if (!insideHome(state, value.text)) throw new Refused(`${what} "${value.text}" is outside the learner's home (${state.home})`);
}

function looksLikePath(arg: string): boolean {
	return arg.startsWith('/') || arg.startsWith('~') || arg.includes('..') || arg.includes('/');
}

function vetDocker(args: Value[], state: State): void {
	if (args.some(arg => arg.opaque && arg.text.startsWith('-'))) throw new Refused('a docker option built from output verify cannot know before running it');
	const outcome = parseDocker(args.map(arg => arg.text));
	if (outcome.kind === 'output') return;
	if (outcome.kind === 'unsupported') throw new Refused(`docker ${outcome.path.join(' ')} is not a command the simulator simulates`);
	const {command} = outcome;
	const name = command.path.join(' ');
	if (!SIMULATED.includes(name)) throw new Refused(`docker ${name} is not a command the simulator simulates`);
	for (const flag of GLOBAL_ENGINE_FLAGS) if (flag in command.globalFlags) throw new Refused(`docker --${flag} points the CLI at another engine or configuration`);
	for (const [flag, value] of Object.entries(command.flags)) {
		if (HOST_FLAGS.has(flag) && value !== false) throw new Refused(`docker --${flag} gives a container a share of the host`);
		if ((flag === 'network' || flag === 'net') && HOST_NETWORK.test(String(value)))
			throw new Refused(`docker --${flag} ${String(value)} shares the host's or another container's network`);
	}
	const list = (flag: string): string[] => {
		const value = command.flags[flag];
		return value === undefined || typeof value === 'boolean' ? [] : Array.isArray(value) ? value : [String(value)];
	};
	const known = (text: string): Value => ({text, opaque: args.some(arg => arg.opaque && arg.text.includes(text) && text !== '')});
	for (const spec of list('volume')) {
		// More than three fields: the CLI refuses the spec ("too many colons") before the daemon sees it.
		if (spec.split(':').length > 3) continue;
		const source = spec.split(':')[0] ?? '';
		if (spec.includes(':') && looksLikePath(source)) requirePath(state, known(source), 'bind source');
	}
	for (const spec of list('mount')) {
		const fields = new Map(spec.split(',').map(part => [part.split('=')[0]!.trim(), part.split('=').slice(1).join('=')] as const));
		const type = fields.get('type') ?? 'volume';
		if (type === 'bind') requirePath(state, known(fields.get('source') ?? fields.get('src') ?? ''), 'bind source');
		else if (type === 'volume' && [...fields.keys()].some(key => key === 'volume-opt' || key === 'volume-driver'))
			throw new Refused("volume driver options can mount what lies outside the learner's home");
		// npipe, cluster and image mounts do something on a real engine; any other type the daemon refuses.
		else if (['npipe', 'cluster', 'image'].includes(type)) throw new Refused(`a ${type} mount is not something the simulator simulates`);
	}
	for (const flag of ['env-file', 'cidfile', 'label-file']) for (const file of list(flag)) requirePath(state, known(file), `--${flag}`);
	if (name === 'container cp') {
		for (const arg of command.args) if (!/^[^/:]+:/.test(arg) && arg !== '-') requirePath(state, known(arg), 'docker cp host path');
	}
}

function vetRedirects(command: Command, state: State, depth: number): void {
	for (const redirect of command.redirects) {
		if (redirect.op === '>&') continue;
		const target = evaluate(redirect.target, state, depth);
		if (target.text === '/dev/null' && !target.opaque) continue;
		requirePath(state, target, 'redirection target');
	}
}

/** Compound commands: every command inside is vetted; a loop's variable counts as unknown until the line runs. */
function vetAny(command: Command, state: State, depth: number): void {
	if (command.type === 'simple') return vetCommand(command, state, depth);
	vetRedirects(command, state, depth);
	switch (command.type) {
		case 'group':
		case 'subshell':
			return vetScript(command.body, state, depth);
		case 'if':
			for (const clause of command.clauses) {
				vetScript(clause.cond, state, depth);
				vetScript(clause.body, state, depth);
			}
			if (command.otherwise) vetScript(command.otherwise, state, depth);
			return;
		case 'for':
			for (const item of command.items ?? []) evaluate(item, state, depth);
			state.vars.set(command.name, {text: '', opaque: true});
			return vetScript(command.body, state, depth);
		case 'while':
			vetScript(command.cond, state, depth);
			return vetScript(command.body, state, depth);
		case 'case':
			evaluate(command.word, state, depth);
			for (const item of command.items) vetScript(item.body, state, depth);
			return;
		case 'function':
			(state.functions ??= new Set()).add(command.name);
			return vetAny(command.body, state, depth);
	}
}

function vetScript(script: Script, state: State, depth: number): void {
	for (const andOr of script) {
		for (const pipeline of [andOr.first, ...andOr.rest.map(item => item.pipeline)]) {
			for (const command of pipeline.commands) vetAny(command, state, depth);
		}
	}
}

function vetCommand(command: SimpleCommand, state: State, depth: number): void {
	vetRedirects(command, state, depth);
	const words = command.words.map(word => evaluate(word, state, depth));
	if (words.length === 0) {
		for (const assign of command.assigns) state.vars.set(assign.name, evaluate(assign.value, state, depth));
		return;
	}
	const [program, ...args] = words;
	if (program!.opaque) throw new Refused('the program to run is only known when the line runs');
	const name = program!.text;
	if (state.functions?.has(name)) return;
	if (UNVETTABLE.has(name)) throw new Refused(`${name} runs text or files verify cannot vet before running it`);
	if (name.includes('/')) throw new Refused(`${name} runs a file as a program; verify runs only programs the simulator simulates`);
	if (!PROGRAMS.has(name)) {
		// `foo`: the simulator answers "command not found"; so does a real bash where no such program is installed.
		if (/^[\w.-]+$/.test(name) && !BASH_WORDS.has(name) && !state.installed(name)) return;
		throw new Refused(`${name} is not a program the simulator simulates`);
	}
	// `env NAME=VALUE… COMMAND`: the command is a program verify has not vetted.
	if (name === 'env' && args.some(arg => arg.opaque || !/^(-[iu]?|[A-Za-z_]\w*=.*)$/s.test(arg.text))) throw new Refused('env runs a program verify cannot vet before running it');
	if (name === 'docker') return vetDocker(args, state);
	if (name === 'curl') {
		for (let i = 0; i < args.length; i++) {
			const arg = args[i]!;
			if (CURL_OUTPUT.has(arg.text)) {
				const file = args[++i];
				if (file) requirePath(state, file, `curl ${arg.text}`);
				continue;
			}
			if (CURL_VALUE.has(arg.text)) {
				i++;
				continue;
			}
			if (arg.text.startsWith('-')) {
				if (/^--(output|config|upload-file|cookie-jar|dump-header|trace)/.test(arg.text) || /^-[a-zA-Z]*[oKTcD]/.test(arg.text))
					throw new Refused(`curl ${arg.text} reads or writes files verify has not checked`);
				continue;
			}
			const host = /^(?:[a-z]+:\/\/)?([^/:?#]*)/i.exec(arg.text)?.[1] ?? '';
			if (arg.opaque || !['localhost', '127.0.0.1', '0.0.0.0'].includes(host)) throw new Refused(`curl ${arg.text}: verify only reaches localhost (the simulated network)`);
		}
		return;
	}
	if (name === 'env' && args.some(arg => !arg.text.startsWith('-') && !arg.text.includes('='))) throw new Refused('env runs another program');
	if (name === 'cd') {
		const target = args[0] ?? {text: state.home, opaque: false};
		requirePath(state, target, 'cd target');
		state.cwd = normalizePath(target.text.startsWith('~') ? state.home + target.text.slice(1) : target.text, state.cwd);
		return;
	}
	if (name === 'export') {
		for (const arg of args) {
			const [key = '', ...rest] = arg.text.split('=');
			if (rest.length > 0) state.vars.set(key, {text: rest.join('='), opaque: arg.opaque});
		}
		return;
	}
	if (BUILTINS.has(name)) return;
	// File utilities: every operand that names a path stays in the home.
	for (const arg of args) {
		if (arg.text.startsWith('-')) continue;
		if (name === 'grep' && arg === args.find(candidate => !candidate.text.startsWith('-'))) continue;
		requirePath(state, arg, `${name} operand`);
	}
}

function vetSource(source: string, state: State, depth: number): void {
	let script;
	try {
		script = parseScript(source);
	} catch (error) {
		throw new Refused(`the simulator cannot parse it (${error instanceof Error ? error.message : String(error)})`);
	}
	vetScript(script, state, depth);
}

/** Builtins that run text or files as commands: what they run cannot be vetted before the line runs. */
const UNVETTABLE = new Set(['eval', 'source', '.', 'exec', 'command', 'builtin', 'trap', 'alias', 'enable', 'sh', 'bash']);

/** bash's own builtins and keywords (`compgen -b -k` in bash 5.2): never "command not found" there. */
const BASH_WORDS = new Set(
	'! . : [ [[ ]] alias bg bind break builtin caller case cd command compgen complete compopt continue coproc declare dirs disown do done echo elif else enable esac eval exec exit export false fc fg fi for function getopts hash help history if in jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return select set shift shopt source suspend test then time times trap true type typeset ulimit umask unalias unset until wait while { }'.split(
		' ',
	),
);

/** The folders the real side's bash searches (real-side.ts sets PATH to these, after docker's own). */
const REAL_PATH = ['/usr/local/bin', '/usr/local/sbin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function installedOnThisMachine(name: string): boolean {
	return REAL_PATH.some(dir => existsSync(path.join(dir, name)));
}

/** Every line of the plan that verify may not run, with why. Empty: all of it may run. */
export function vetPlan(plan: Plan, world: World, installed: (name: string) => boolean = installedOnThisMachine): Refusal[] {
	const home = world.host.home;
	const state: State = {installed, cwd: world.host.cwd, home, vars: new Map([...Object.entries(world.host.vars)].map(([key, text]) => [key, {text, opaque: false}]))};
	state.vars.set('HOME', {text: home, opaque: false});
	state.vars.set('PWD', {text: world.host.cwd, opaque: false});
	state.vars.set('USER', {text: world.host.user, opaque: false});
	const refusals: Refusal[] = [];
	for (const step of plan.steps) {
		for (const line of step.lines) {
			try {
				vetSource(line, state, 0);
			} catch (error) {
				if (!(error instanceof Refused)) throw error;
				refusals.push({step: step.id, line, why: error.message});
			}
		}
	}
	return refusals;
}
