/**
 * The scenario subcommands: `layerlab list`, `validate`, `check` and `progress`.
 * Each returns the exit code; problems are printed as `file:line:col: message`, never a stack trace.
 */
import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Scenario} from './types.js';
import {localize} from './types.js';
import {builtinScenariosDir} from './load/paths.js';
import {checkScenario} from './checks/run-check.js';
import {detectLanguage} from './lang.js';
import {findScenario, loadScenarios, looksLikeFile, scenarioSources, ScenarioNotFound} from './index.js';
import {loadProgress, progressPath, progressSummary, type Progress} from './progress/progress.js';
import {loadScenarioFileDetailed} from './load/load.js';
import {fromPosition, loadImageFile} from './catalog/catalog.js';
import {builtinCatalog} from './catalog/default-world.js';
import {didYouMean} from './load/suggest.js';
import type {ImageDefinition} from '../engine/index.js';
import {formatProblem, LoadError, MAX_FILE_BYTES, sortProblems, type Problem} from './load/yaml-load.js';
import {safeText, terminalSafe} from '../text/safe.js';
import {readRegularFile} from './load/read-files.js';
import {t} from '../lab/messages.js';

export interface CommandFlags {
	seed?: number;
	lang?: string;
	json?: boolean;
	color?: boolean;
}

interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
	env: NodeJS.ProcessEnv;
}

const processIo = (): Io => ({out: text => process.stdout.write(text), err: text => process.stderr.write(text), env: process.env});

/** C1 controls and invisible format characters, which JSON.stringify leaves as they are. */
const JSON_UNSAFE = /[\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Every byte these commands print is safe for a terminal: lesson titles, ids, file names and
 * progress entries may hold escape sequences. Text shows them as placeholders (as the lab does);
 * JSON escapes them as \uXXXX, so the data is unchanged and the terminal untouched.
 */
function safeIo(io: Io, json = false): Io {
	const clean = json ? (text: string) => text.replace(JSON_UNSAFE, char => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0')) : terminalSafe;
	return {out: text => io.out(clean(text)), err: text => io.err(terminalSafe(text)), env: io.env};
}

/** Terminal columns a string takes (Hangul and other wide characters take two). */
export function displayWidth(text: string): number {
	let width = 0;
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code === 0 || (code >= 0x300 && code <= 0x36f) || code === 0x200b) continue;
		const wide =
			(code >= 0x1100 && code <= 0x115f) ||
			(code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
			(code >= 0xac00 && code <= 0xd7a3) ||
			(code >= 0xf900 && code <= 0xfaff) ||
			(code >= 0xfe30 && code <= 0xfe4f) ||
			(code >= 0xff00 && code <= 0xff60) ||
			(code >= 0xffe0 && code <= 0xffe6) ||
			(code >= 0x1f300 && code <= 0x1faff) ||
			(code >= 0x20000 && code <= 0x3fffd);
		width += wide ? 2 : 1;
	}
	return width;
}

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function table(cells: string[][], right: number[] = []): string {
	const rows = cells.map(row => row.map(safeText));
	const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => displayWidth(row[column] ?? ''))));
	return (
		rows
			.map(row =>
				row
					.map((cell, column) => {
						if (column === row.length - 1 && !right.includes(column)) return cell;
						return right.includes(column) ? ' '.repeat(widths[column]! - displayWidth(cell)) + cell : pad(cell, widths[column]!);
					})
					.join('  ')
					.trimEnd(),
			)
			.join('\n') + '\n'
	);
}

function printProblems(io: Io, problems: Problem[]): void {
	for (const problem of sortProblems([...problems])) io.out(formatProblem(problem) + '\n');
}

function progressLabel(progress: Progress, scenario: Scenario, lang: string): string {
	const summary = progressSummary(
		progress.scenarios[scenario.id],
		scenario.steps.map(step => step.id),
	);
	if (summary.finished) return t(lang, 'cmd.finished');
	if (summary.done === 0 && !progress.scenarios[scenario.id]?.lines.length) return '-';
	return `${summary.done}/${summary.total}`;
}

// ------------------------------------------------------------------------------------------------

/** `layerlab list [SOURCE…]`: the scenarios with title, step count and progress. */
export async function listCommand(args: string[], flags: CommandFlags, rawIo: Io = processIo()): Promise<number> {
	const io = safeIo(rawIo, flags.json);
	const lang = detectLanguage(flags.lang, io.env);
	const {scenarios, problems} = loadScenarios(scenarioSources(args, io.env));
	const progress = loadProgress(progressPath(io.env), {warn: line => io.err(line + '\n'), lang});
	if (flags.json) {
		const items = scenarios.map(scenario => ({
			id: scenario.id,
			title: localize(scenario.title, lang),
			summary: localize(scenario.summary, lang),
			steps: scenario.steps.length,
			file: scenario.file,
			progress: progressSummary(
				progress.scenarios[scenario.id],
				scenario.steps.map(step => step.id),
			),
		}));
		io.out(JSON.stringify({scenarios: items, problems: problems.map(formatProblem)}, null, 2) + '\n');
		return problems.length > 0 ? 1 : 0;
	}
	const rows = [['', 'ID', t(lang, 'cmd.title'), t(lang, 'cmd.steps'), t(lang, 'cmd.progress')]];
	scenarios.forEach((scenario, index) =>
		rows.push([String(index + 1), scenario.id, localize(scenario.title, lang), String(scenario.steps.length), progressLabel(progress, scenario, lang)]),
	);
	io.out(table(rows, [0, 3]));
	if (problems.length > 0) {
		io.err(t(lang, 'cmd.listProblemsHow', {what: t(lang, problems.length === 1 ? 'cmd.listProblem' : 'cmd.listProblems')}));
		for (const problem of sortProblems([...problems])) io.err(formatProblem(problem) + '\n');
		return 1;
	}
	return 0;
}

// ------------------------------------------------------------------------------------------------

function expandSources(args: string[]): {files: string[]; problems: Problem[]} {
	const files: string[] = [];
	const problems: Problem[] = [];
	for (const arg of args) {
		let isDir = false;
		try {
			isDir = statSync(arg).isDirectory();
		} catch {
			problems.push({file: arg, line: 1, col: 1, message: 'no such file or folder'});
			continue;
		}
		if (!isDir) {
			files.push(arg);
			continue;
		}
		for (const name of readdirSync(arg).sort()) {
			if (/\.ya?ml$/.test(name) && !name.startsWith('.')) files.push(path.join(arg, name));
		}
	}
	return {files, problems};
}

/** An image's base must be in the built-in catalog or defined by an image file next to it. */
function baseProblem(file: string, definition: ImageDefinition): Problem | undefined {
	if (definition.from === null) return undefined;
	const known = new Set(builtinCatalog().flatMap(item => item.tags.map(tag => `${item.repository}:${tag}`)));
	const dir = path.dirname(path.resolve(file));
	for (const name of readdirSync(dir)) {
		const sibling = path.join(dir, name);
		if (!/\.ya?ml$/.test(name) || sibling === path.resolve(file) || !isImageFile(sibling)) continue;
		try {
			const other = loadImageFile(path.dirname(dir), sibling);
			for (const tag of other.tags) known.add(`${other.repository}:${tag}`);
		} catch {
			// its own problems are reported when it is validated
		}
	}
	if (known.has(definition.from)) return undefined;
	const suggestion = didYouMean(definition.from, known);
	return {file, ...fromPosition(definition), message: `base image "${definition.from}" is not in the catalog${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`};
}

function isImageFile(file: string): boolean {
	try {
		return /^image\s*:/m.test(readRegularFile(file, MAX_FILE_BYTES).slice(0, 64 * 1024));
	} catch {
		return false;
	}
}

/** `layerlab validate FILE…`: every problem as `file:line:col: message`; exit 0 only when all are valid. */
export async function validateCommand(args: string[], flags: CommandFlags, rawIo: Io = processIo()): Promise<number> {
	const io = safeIo(rawIo, flags.json);
	const sources = args.length > 0 ? args : scenarioSources([], io.env);
	const {files, problems} = expandSources(sources);
	// A wrong path in a CI job must not go green: finding nothing to validate is a failure.
	if (files.length === 0 && problems.length === 0)
		for (const source of sources) problems.push({file: source, line: 1, col: 1, message: 'no scenario or image files (*.yaml) here'});
	const valid: Array<{file: string; kind: 'scenario' | 'image'; id: string; steps?: number}> = [];
	const ids = new Map<string, string>();
	for (const file of files) {
		try {
			if (isImageFile(file)) {
				const definition = loadImageFile(path.dirname(path.dirname(path.resolve(file))), file);
				const base = baseProblem(file, definition);
				if (base) problems.push(base);
				else valid.push({file, kind: 'image', id: definition.repository});
				continue;
			}
			const {scenario, idAt} = loadScenarioFileDetailed(file);
			const first = ids.get(scenario.id);
			if (first !== undefined) {
				problems.push({file, ...idAt, message: `duplicate scenario id "${scenario.id}" (also in ${first})`});
				continue;
			}
			ids.set(scenario.id, file);
			valid.push({file, kind: 'scenario', id: scenario.id, steps: scenario.steps.length});
		} catch (error) {
			if (error instanceof LoadError) problems.push(...error.problems);
			else throw error;
		}
	}
	if (flags.json) {
		io.out(JSON.stringify({ok: problems.length === 0, valid, problems}, null, 2) + '\n');
		return problems.length === 0 ? 0 : 1;
	}
	if (problems.length > 0) {
		printProblems(io, problems);
		const bad = new Set(problems.map(problem => problem.file)).size;
		io.err(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${bad} file${bad === 1 ? '' : 's'}\n`);
		return 1;
	}
	for (const item of valid) io.out(`${item.file}: ok (${item.kind === 'image' ? `image ${item.id}` : `scenario ${item.id}, ${item.steps} step${item.steps === 1 ? '' : 's'}`})\n`);
	return 0;
}

// ------------------------------------------------------------------------------------------------

/** `layerlab check [ID|FILE…]`: runs every step's solution headless and asserts its checks. */
export async function checkCommand(args: string[], flags: CommandFlags, rawIo: Io = processIo()): Promise<number> {
	const io = safeIo(rawIo, flags.json);
	const lang = detectLanguage(flags.lang, io.env);
	const problems: Problem[] = [];
	let scenarios: Scenario[] = [];
	if (args.length === 0) {
		const loaded = loadScenarios(scenarioSources([], io.env));
		scenarios = loaded.scenarios;
		problems.push(...loaded.problems);
	} else {
		for (const arg of args) {
			try {
				if (looksLikeFile(arg) && statSafe(arg)?.isDirectory()) {
					const loaded = loadScenarios([arg]);
					scenarios.push(...loaded.scenarios);
					problems.push(...loaded.problems);
				} else scenarios.push(findScenario(arg, {env: io.env}));
			} catch (error) {
				if (error instanceof LoadError) problems.push(...error.problems);
				else if (error instanceof ScenarioNotFound) {
					io.err(`layerlab check: ${error.text(lang)}\n`);
					for (const problem of sortProblems([...error.problems])) io.err(formatProblem(problem) + '\n');
					return 2;
				} else throw error;
			}
		}
	}
	if (scenarios.length === 0 && problems.length === 0) {
		io.err(t(lang, 'cmd.noneFound', {where: args.length > 0 ? args.join(', ') : t(lang, 'cmd.theCourse')}) + '\n');
		return 1;
	}
	const reports = scenarios.map(scenario => checkScenario(scenario, {seed: flags.seed, lang}));
	const failedSteps = reports.reduce((sum, report) => sum + report.steps.filter(step => !step.ok).length, 0);
	const ok = problems.length === 0 && reports.every(report => report.ok);
	if (flags.json) {
		io.out(JSON.stringify({ok, problems: problems.map(formatProblem), scenarios: reports}, null, 2) + '\n');
		return ok ? 0 : 1;
	}
	printProblems(io, problems);
	for (const report of reports) {
		io.out(`${report.ok ? 'ok  ' : 'FAIL'} ${report.id} (${path.relative(process.cwd(), report.file) || report.file})\n`);
		for (const problem of report.problems) io.out(`       ${problem}\n`);
		const width = Math.max(...report.steps.map(step => step.id.length));
		report.steps.forEach((step, index) => {
			io.out(
				`  ${step.ok ? 'ok  ' : 'FAIL'} ${String(index + 1).padStart(2)} ${pad(step.id, width)}  ${t(lang, 'cmd.checkCount', {count: step.checks, s: step.checks === 1 ? '' : 's'})}\n`,
			);
			for (const problem of step.problems) io.out(`         ${problem}\n`);
		});
	}
	const stepCount = reports.reduce((sum, report) => sum + report.steps.length, 0);
	const plural = (n: number) => (n === 1 ? '' : 's');
	const summary = t(lang, 'cmd.summary', {
		scenarios: t(lang, 'cmd.scenarioCount', {count: reports.length, s: plural(reports.length)}),
		steps: t(lang, 'cmd.stepCount', {count: stepCount, s: plural(stepCount)}),
	});
	if (ok) io.out(t(lang, 'cmd.allPass', {summary}) + '\n');
	else {
		const load = problems.length > 0 ? t(lang, 'cmd.loadProblems', {count: problems.length, s: plural(problems.length)}) : '';
		const scenario = reports.some(report => report.problems.length > 0) ? t(lang, 'cmd.scenarioProblems') : '';
		io.out(t(lang, 'cmd.failed', {summary, failed: failedSteps, s: plural(failedSteps), load, scenario}) + '\n');
	}
	return ok ? 0 : 1;
}

function statSafe(file: string) {
	try {
		return statSync(file);
	} catch {
		return undefined;
	}
}

// ------------------------------------------------------------------------------------------------

/** `layerlab progress [--json]`: the saved progress (a workshop instructor collects the JSON). */
export async function progressCommand(_args: string[], flags: CommandFlags, rawIo: Io = processIo()): Promise<number> {
	const io = safeIo(rawIo, flags.json);
	const file = progressPath(io.env);
	const lang = detectLanguage(flags.lang, io.env);
	const progress = loadProgress(file, {warn: line => io.err(line + '\n'), lang});
	const {scenarios} = loadScenarios(scenarioSources([], io.env));
	const byId = new Map(scenarios.map(scenario => [scenario.id, scenario]));
	if (flags.json) {
		const entries: Record<string, unknown> = {};
		for (const [id, entry] of Object.entries(progress.scenarios)) {
			const scenario = byId.get(id);
			entries[id] = scenario
				? {
						...entry,
						summary: progressSummary(
							entry,
							scenario.steps.map(step => step.id),
						),
					}
				: entry;
		}
		io.out(JSON.stringify({file, version: progress.version, scenarios: entries}, null, 2) + '\n');
		return 0;
	}
	io.out(t(lang, 'cmd.progressIn', {file}) + '\n');
	const ids = Object.keys(progress.scenarios);
	if (ids.length === 0) {
		io.out(t(lang, 'cmd.noProgress') + '\n');
		return 0;
	}
	const rows = [['ID', t(lang, 'cmd.title'), t(lang, 'cmd.done'), t(lang, 'cmd.current'), t(lang, 'cmd.lines')]];
	for (const scenario of scenarios) {
		const entry = progress.scenarios[scenario.id];
		if (!entry) continue;
		const summary = progressSummary(
			entry,
			scenario.steps.map(step => step.id),
		);
		rows.push([
			scenario.id,
			localize(scenario.title, lang),
			summary.finished ? t(lang, 'cmd.finished') : `${summary.done}/${summary.total}`,
			entry.current ?? '-',
			String(entry.lines.length),
		]);
	}
	for (const id of ids.filter(candidate => !byId.has(candidate))) {
		const entry = progress.scenarios[id]!;
		rows.push([id, t(lang, 'cmd.notLoaded'), String(entry.completed.length), entry.current ?? '-', String(entry.lines.length)]);
	}
	io.out(table(rows, [4]));
	return 0;
}

/** The built-in course folder (for messages and tests). */
export function builtinFolder(): string {
	return builtinScenariosDir();
}
