/**
 * The lab's model: the world with its undo history (immer inverse patches: 328 bytes
 * a step, 27x smaller than whole-world snapshots), the current step and what the learner did in it, the terminal's scrollback and what the
 * last command changed. Every function returns a new model and never touches the one it was given.
 * No React here: the App holds a LabModel in a reducer.
 */
import type {Patch} from 'immer';
import type {World} from '../../engine/index.js';
import type {CheckResult, Scenario, Step} from '../../scenario/types.js';
import type {Chunk} from '../../host/index.js';
import {promptText as hostPrompt, isKeyLine} from '../../host/screen.js';
import {t, type Message, type MessageKey, type Vars} from '../messages.js';
import {FIRST_STEPS, loadedImmer, loadedRunner, NeedsWorker, runFirst} from './runner.js';
import {diffWorlds, NO_CHANGES, type Changes} from './changes.js';

/** immer is loaded with the shell (runner.ts); undo and redo only exist after a command ran. */
function applyPatches(world: World, patches: Patch[]): World {
	return loadedImmer()!.applyPatches(world, patches);
}

export type Evaluate = (world: World, step: Step, lastOutput: string) => CheckResult[];

export interface HistoryEntry {
	line: string;
	output: Chunk[];
	status: number;
	patches: Patch[];
	inverse: Patch[];
	/** The step the learner was on. */
	step: number;
}

export type NewBlock =
	{kind: 'command'; prompt: string; line: string; output: Chunk[]; status: number} | {kind: 'note'; text: string; tone: 'info' | 'ok' | 'warn' | 'error'; message?: Message};

/** One thing in the terminal's scrollback: a command with its output, or a note from the lab. */
export type TermBlock = NewBlock & {id: number};

export interface PredictionAnswer {
	choice: number;
	correct: boolean;
}

export interface LabModel {
	scenario: Scenario;
	world: World;
	/** Commands applied to the world; `position` of them are applied now (the rest can be redone). */
	history: HistoryEntry[];
	position: number;
	/** The world before the last transition (for what was removed) and what changed. */
	previous: World;
	changes: Changes;
	terminal: TermBlock[];
	nextBlock: number;
	/** Every line typed at the prompt, for ↑/↓ (undo does not take lines out of it). */
	typed: string[];
	step: number;
	/** History position when each step was last entered (what "reset step" goes back to). */
	stepStarts: Record<number, number>;
	completed: string[];
	/** Hints revealed per step id. */
	hints: Record<string, number>;
	/** Step ids whose solution was shown. */
	solutions: string[];
	predictions: Record<string, PredictionAnswer>;
	checks: CheckResult[];
	/** The current step was completed by the last transition: the "step complete" moment. */
	celebrate: boolean;
	/** Bumped whenever something worth saving changed. */
	revision: number;
	/** A command that outgrew the first step budget and runs in a worker (runner.ts); Ctrl+C interrupts it. */
	running?: {line: string; prompt: string; typed: string[]};
}

export interface LabContext {
	evaluate: Evaluate;
	/** Terminal width the simulated programs format for. */
	columns: number;
}

/** Lines kept in the scrollback; older blocks are dropped. */
export const MAX_BLOCKS = 2000;

export function currentStep(model: LabModel): Step | undefined {
	return model.scenario.steps[model.step];
}

export function lastOutput(model: LabModel): string {
	const entry = model.history[model.position - 1];
	return entry ? entry.output.map(chunk => chunk.text).join('') : '';
}

/** The prompt as bash would print it (`student@layerlab:~/diamol$ `), or the container shell's (`/ # `). */
export const promptText = hostPrompt;

/** True while the step's prediction question is unanswered (commands wait for it). */
export function awaitingPrediction(model: LabModel): boolean {
	const step = currentStep(model);
	return Boolean(step?.predict && !model.predictions[step.id]);
}

function evaluateChecks(model: Pick<LabModel, 'scenario' | 'step' | 'world'>, output: string, context: LabContext): CheckResult[] {
	const step = model.scenario.steps[model.step];
	if (!step || step.checks.length === 0) return [];
	try {
		return context.evaluate(model.world, step, output);
	} catch (error) {
		const why = error instanceof Error ? error.message : String(error);
		return [{ok: false, message: `could not check this step: ${why}`, error: why}];
	}
}

/** One command's output kept in the scrollback: its last lines, at most this many and this many bytes. */
export const MAX_OUTPUT_LINES = 10_000;
export const MAX_OUTPUT_BYTES = 1_000_000;

/**
 * The tail of an output that is too long for the scrollback, with a line saying how much was left
 * out (the command itself ran in full; only what is kept on screen is bounded).
 */
export function trimOutput(output: Chunk[]): Chunk[] {
	let lines = 0;
	let bytes = 0;
	for (const chunk of output) {
		bytes += chunk.text.length;
		for (let at = chunk.text.indexOf('\n'); at >= 0; at = chunk.text.indexOf('\n', at + 1)) lines++;
	}
	if (lines <= MAX_OUTPUT_LINES && bytes <= MAX_OUTPUT_BYTES) return output;
	const kept: Chunk[] = [];
	let keptLines = 0;
	let keptBytes = 0;
	for (let i = output.length - 1; i >= 0; i--) {
		const chunk = output[i]!;
		let start = chunk.text.length;
		// Walk back line by line until a limit is reached.
		while (start > 0 && keptLines < MAX_OUTPUT_LINES && keptBytes + (chunk.text.length - start) < MAX_OUTPUT_BYTES) {
			const previous = chunk.text.lastIndexOf('\n', start - 2);
			start = previous < 0 ? 0 : previous + 1;
			keptLines++;
		}
		if (start < chunk.text.length) kept.unshift({...chunk, text: chunk.text.slice(start)});
		keptBytes += chunk.text.length - start;
		if (start > 0) break;
	}
	const dropped = Math.max(0, lines - keptLines);
	return [{stream: 'stderr', text: `layerlab: … ${dropped} earlier line${dropped === 1 ? '' : 's'} of this output not kept in the scrollback\n`}, ...kept];
}

function addBlocks(model: LabModel, blocks: NewBlock[]): Pick<LabModel, 'terminal' | 'nextBlock'> {
	let next = model.nextBlock;
	const added = blocks.map((block): TermBlock => ({...block, ...(block.kind === 'command' ? {output: trimOutput(block.output)} : {}), id: next++}));
	const terminal = [...model.terminal, ...added];
	return {terminal: terminal.length > MAX_BLOCKS ? terminal.slice(terminal.length - MAX_BLOCKS) : terminal, nextBlock: next};
}

/** A note in the lab's own voice: its English text (transcripts, tests) and the message to show in the learner's language. */
function noteBlock(key: MessageKey, vars: Vars, tone: 'info' | 'ok' | 'warn' | 'error'): NewBlock {
	return {kind: 'note', text: t('en', key, vars), tone, message: {key, vars}};
}

export function note(model: LabModel, key: MessageKey, tone: 'info' | 'ok' | 'warn' | 'error' = 'info', vars: Vars = {}): LabModel {
	return {...model, ...addBlocks(model, [noteBlock(key, vars, tone)])};
}

export function createLab(scenario: Scenario, world: World, context: LabContext): LabModel {
	const model: LabModel = {
		scenario,
		world,
		history: [],
		position: 0,
		previous: world,
		changes: NO_CHANGES,
		terminal: [],
		nextBlock: 1,
		typed: [],
		step: 0,
		stepStarts: {0: 0},
		completed: [],
		hints: {},
		solutions: [],
		predictions: {},
		checks: [],
		celebrate: false,
		revision: 0,
	};
	return {...model, checks: evaluateChecks(model, '', context)};
}

/**
 * After the world moved: checks again, and the "step complete" moment when they all pass now. Going
 * back in time (undo, reset) past what completed the step takes the completion back too.
 */
function settle(model: LabModel, context: LabContext, markComplete: boolean, uncomplete = false): LabModel {
	const checks = evaluateChecks(model, lastOutput(model), context);
	const step = currentStep(model);
	const passed = checks.length > 0 && checks.every(check => check.ok);
	if (uncomplete && step && !passed && model.completed.includes(step.id)) {
		return {...model, checks, completed: model.completed.filter(id => id !== step.id)};
	}
	if (markComplete && step && passed && !model.completed.includes(step.id)) {
		const completed = [...model.completed, step.id];
		const last = model.step === model.scenario.steps.length - 1;
		const all = model.scenario.steps.every(other => completed.includes(other.id) || other.checks.length === 0);
		const key: MessageKey = all ? 'note.allComplete' : last ? 'note.lastComplete' : 'note.stepComplete';
		const celebrated = {...model, checks, completed, celebrate: true, revision: model.revision + 1};
		return {...celebrated, ...addBlocks(celebrated, [noteBlock(key, {n: model.step + 1}, 'ok')])};
	}
	return {...model, checks};
}

/**
 * A line run ahead of its Enter (runAhead), kept until the Enter that asks for it. One entry: the
 * model it ran from (by identity), the line and the context, and the model it gave.
 */
let ahead: {model: LabModel; line: string; columns: number; evaluate: Evaluate; next: LabModel} | undefined;

/**
 * Steps a line run ahead may take. A line that needs more is left to its Enter: ahead of it, the
 * main thread must stay free for the next key (about 5 ms of work at most).
 */
export const AHEAD_STEPS = 20_000;

/** Lines run ahead, and Enters that took a line run ahead, since the process started (the benchmark reports them). */
const aheadCount = {ran: 0, taken: 0};
export function aheadCounts(): Readonly<typeof aheadCount> {
	return {...aheadCount};
}

/**
 * Runs the line at the prompt while the learner pauses before Enter, so the Enter only shows the result.
 * The simulator is deterministic (time and randomness are world state) and runCommand never changes
 * the model it is given, so the model this gives is the one the Enter would compute; the Enter takes
 * it only if the model, the line and the context are still the same. Returns whether the line is ready.
 */
export function runAhead(model: LabModel, line: string, context: LabContext): boolean {
	if (aheadFor(model, line, context)) return true;
	ahead = undefined;
	if (model.running || line.trim() === '' || !loadedRunner() || !loadedImmer()) return false;
	aheadCount.ran++;
	const next = attemptCommand(model, line, context, {}, AHEAD_STEPS);
	if (!next) return false;
	ahead = {model, line, columns: context.columns, evaluate: context.evaluate, next};
	return true;
}

let speculating = false;

/**
 * Runs `compute` (the UI's reducer working out an Enter's state while the learner pauses) so that
 * the line run ahead is used but kept, and not counted: the Enter that takes the state counts it
 * (tookAhead), and if that state is never taken the Enter still finds the line's result here.
 */
export function speculate<T>(compute: () => T): T {
	speculating = true;
	try {
		return compute();
	} finally {
		speculating = false;
	}
}

/** An Enter took a state computed with the line's result run ahead (speculate). */
export function tookAhead(): void {
	aheadCount.taken++;
}

/** Runs one command line against the world (bash on the simulated host, with docker). */
export function runCommand(model: LabModel, rawLine: string, context: LabContext, options: {replay?: boolean} = {}): LabModel {
	const ready = options.replay ? undefined : aheadFor(model, rawLine, context);
	if (!speculating) ahead = undefined;
	if (ready) {
		if (!speculating) aheadCount.taken++;
		return ready.next;
	}
	return attemptCommand(model, rawLine, context, options, FIRST_STEPS)!;
}

/** The line run ahead, when it ran from this very model, line and context. */
function aheadFor(model: LabModel, line: string, context: LabContext): typeof ahead {
	return ahead && ahead.model === model && ahead.line === line && ahead.columns === context.columns && ahead.evaluate === context.evaluate ? ahead : undefined;
}

/** runCommand under a first step budget of `steps`; undefined when a budget below FIRST_STEPS was not enough. */
function attemptCommand(model: LabModel, rawLine: string, context: LabContext, options: {replay?: boolean}, steps: number): LabModel | undefined {
	const line = rawLine.replace(/[\r\n]+/g, ' ');
	// keys pressed for a docker command (`<C-c>`, `<C-p><C-q>`) are not lines to recall
	const typed = line.trim() === '' || isKeyLine(line) || model.typed.at(-1) === line ? model.typed : [...model.typed, line].slice(-500);
	const prompt = promptText(model.world);
	if (line.trim() === '') {
		return {...model, typed, ...addBlocks(model, [{kind: 'command', prompt, line, output: [], status: 0}])};
	}
	if (!options.replay && awaitingPrediction(model)) {
		return {
			...model,
			typed,
			...addBlocks(model, [{kind: 'command', prompt, line, output: [], status: 0}, noteBlock('note.predictFirst', {}, 'warn')]),
		};
	}
	const runLine = loadedRunner();
	const immer = loadedImmer();
	if (!runLine || !immer) {
		return {
			...model,
			typed,
			...addBlocks(model, [{kind: 'command', prompt, line, output: [], status: 0}, noteBlock('note.starting', {}, 'warn')]),
		};
	}
	let result: {output: Chunk[]; status: number} = {output: [], status: 0};
	let next: World;
	let patches: Patch[];
	let inverse: Patch[];
	try {
		[next, patches, inverse] = immer.produceWithPatches(model.world, (draft: World) => {
			result = runFirst(runLine, draft as World, line, {columns: Math.max(20, context.columns), tty: true}, steps);
		});
	} catch (error) {
		if (error instanceof NeedsWorker) {
			if (steps < FIRST_STEPS) return undefined;
			// The world is unchanged; the App runs the line in a worker from it (runInWorker) and calls finishCommand.
			return {...model, typed, running: {line, prompt, typed}, ...addBlocks(model, [{kind: 'note', text: `running ${line} … Ctrl+C interrupts`, tone: 'info'}])};
		}
		return {
			...model,
			typed,
			...addBlocks(model, [
				{kind: 'command', prompt, line, output: [], status: 1},
				noteBlock('note.failed', {error: error instanceof Error ? error.message : String(error)}, 'error'),
			]),
		};
	}
	return commitCommand(model, {line, prompt, typed}, result, next, patches, inverse, context);
}

/** A command's result applied: history, scrollback, what changed, and the step's checks. */
function commitCommand(
	model: LabModel,
	{line, prompt, typed}: {line: string; prompt: string; typed: string[]},
	result: {output: Chunk[]; status: number},
	next: World,
	patches: Patch[],
	inverse: Patch[],
	context: LabContext,
): LabModel {
	const entry: HistoryEntry = {line, output: result.output, status: result.status, patches, inverse, step: model.step};
	const cleared = /^\s*clear\s*$/.test(line);
	const blocks = cleared ? {terminal: [], nextBlock: model.nextBlock} : addBlocks(model, [{kind: 'command', prompt, line, output: result.output, status: result.status}]);
	const moved: LabModel = {
		...model,
		typed,
		world: next,
		previous: model.world,
		changes: diffWorlds(model.world, next),
		history: [...model.history.slice(0, model.position), entry],
		position: model.position + 1,
		celebrate: false,
		revision: model.revision + 1,
		running: undefined,
		...blocks,
	};
	return settle(moved, context, true);
}

/** The worker's result for the running command, applied to the world it started from. */
export function finishCommand(model: LabModel, done: {result: {output: Chunk[]; status: number}; patches: Patch[]; inverse: Patch[]}, context: LabContext): LabModel {
	if (!model.running) return model;
	const next = applyPatches(model.world, done.patches);
	return commitCommand(model, model.running, done.result, next, done.patches, done.inverse, context);
}

/** Ctrl+C while a command runs: `^C`, status 130, as bash shows it; the world is unchanged. */
export function interruptCommand(model: LabModel): LabModel {
	if (!model.running) return model;
	const {line, prompt} = model.running;
	// Only $? changes (to 130, as bash sets it): what the line did is not kept.
	const immer = loadedImmer();
	const world = immer
		? immer.produce(model.world, (draft: World) => {
				if (draft.host.session) draft.host.session.lastStatus = 130;
				else draft.host.lastStatus = 130;
			})
		: model.world;
	return {...model, world, running: undefined, ...addBlocks(model, [{kind: 'command', prompt, line, output: [{stream: 'stdout', text: '^C\n'}], status: 130}])};
}

/** The worker failed (not an interruption): one line, the world unchanged. */
export function failCommand(model: LabModel, message: string): LabModel {
	if (!model.running) return model;
	const {line, prompt} = model.running;
	return {
		...model,
		running: undefined,
		...addBlocks(model, [
			{kind: 'command', prompt, line, output: [], status: 1},
			{kind: 'note', text: `layerlab could not run this line (the world is unchanged): ${message}`, tone: 'error'},
		]),
	};
}

/** The model moved to history `position` by applying `patches` (undo and redo). */
function moved(model: LabModel, patches: Patch[], position: number): LabModel {
	const world = applyPatches(model.world, patches);
	return {...model, world, previous: model.world, changes: diffWorlds(model.world, world), position, celebrate: false, revision: model.revision + 1};
}

/** One command back: the world is exactly what it was before that command. */
export function undo(model: LabModel, context: LabContext): LabModel {
	const entry = model.history[model.position - 1];
	if (!entry) return note(model, 'note.nothingToUndo', 'warn');
	const back = moved(model, entry.inverse, model.position - 1);
	return settle({...back, ...addBlocks(back, [noteBlock('note.undid', {line: entry.line, position: back.position, length: back.history.length}, 'info')])}, context, false, true);
}

export function redo(model: LabModel, context: LabContext): LabModel {
	const entry = model.history[model.position];
	if (!entry) return note(model, 'note.nothingToRedo', 'warn');
	const forward = moved(model, entry.patches, model.position + 1);
	return settle(
		{...forward, ...addBlocks(forward, [noteBlock('note.redid', {line: entry.line, position: forward.position, length: forward.history.length}, 'info')])},
		context,
		true,
	);
}

/** Undoes everything done since the current step was entered. */
export function resetStep(model: LabModel, context: LabContext): LabModel {
	const target = Math.min(model.stepStarts[model.step] ?? model.position, model.position);
	if (target === model.position) return note(model, 'note.nothingToReset', 'warn');
	let world = model.world;
	for (let i = model.position - 1; i >= target; i--) world = applyPatches(world, model.history[i]!.inverse);
	const count = model.position - target;
	const moved: LabModel = {
		...model,
		world,
		previous: model.world,
		changes: diffWorlds(model.world, world),
		position: target,
		celebrate: false,
		revision: model.revision + 1,
	};
	return settle(
		{
			...moved,
			...addBlocks(moved, [noteBlock('note.reset', {n: model.step + 1, count, s: count === 1 ? '' : 's'}, 'info')]),
		},
		context,
		false,
		true,
	);
}

export function gotoStep(model: LabModel, index: number, context: LabContext): LabModel {
	const steps = model.scenario.steps.length;
	if (index < 0 || index >= steps || index === model.step) return model;
	const moved: LabModel = {
		...model,
		step: index,
		stepStarts: {...model.stepStarts, [index]: model.position},
		celebrate: false,
		revision: model.revision + 1,
	};
	return settle(moved, context, false);
}

export function revealHint(model: LabModel): LabModel {
	const step = currentStep(model);
	if (!step) return model;
	const shown = model.hints[step.id] ?? 0;
	if (step.hints.length === 0) return note(model, 'note.noHints', 'warn');
	if (shown >= step.hints.length) return note(model, 'note.lastHint', 'warn');
	return {...model, hints: {...model.hints, [step.id]: shown + 1}, revision: model.revision + 1};
}

export function showSolution(model: LabModel): LabModel {
	const step = currentStep(model);
	if (!step || model.solutions.includes(step.id)) return model;
	return {...model, solutions: [...model.solutions, step.id], revision: model.revision + 1};
}

export function answerPrediction(model: LabModel, choice: number): LabModel {
	const step = currentStep(model);
	const predict = step?.predict;
	if (!step || !predict || model.predictions[step.id]) return model;
	const correct = Boolean(predict.choices[choice]?.correct);
	return {...model, predictions: {...model.predictions, [step.id]: {choice, correct}}, revision: model.revision + 1};
}

/** Ctrl+C on a half-typed line: shown with `^C`, as bash shows it; nothing runs, nothing is saved. */
export function cancelLine(model: LabModel, line: string): LabModel {
	return {...model, ...addBlocks(model, [{kind: 'command', prompt: promptText(model.world), line: line.replace(/[\r\n]+/g, ' ') + '^C', output: [], status: 130}])};
}

export function clearTerminal(model: LabModel): LabModel {
	return {...model, terminal: []};
}

/** What progress keeps: enough to rebuild the world by replaying the lines. */
export interface SavedLab {
	step: number;
	completed: string[];
	lines: string[];
	stepStarts: Record<number, number>;
	hints: Record<string, number>;
	solutions: string[];
	predictions: Record<string, PredictionAnswer>;
}

export function savedState(model: LabModel): SavedLab {
	return {
		step: model.step,
		completed: model.completed,
		lines: model.history.slice(0, model.position).map(entry => entry.line),
		stepStarts: model.stepStarts,
		hints: model.hints,
		solutions: model.solutions,
		predictions: model.predictions,
	};
}

/** Rebuilds a lab from saved progress: the lines replay (so undo works back to the start). */
export function resumeLab(scenario: Scenario, world: World, saved: Partial<SavedLab>, context: LabContext): LabModel {
	let model = createLab(scenario, world, context);
	const lines = saved.lines ?? [];
	if (lines.length === 0 && !saved.step && (saved.completed?.length ?? 0) === 0) return model;
	model = {
		...model,
		completed: saved.completed ?? [],
		hints: saved.hints ?? {},
		solutions: saved.solutions ?? [],
		predictions: saved.predictions ?? {},
	};
	const quiet = {...context, evaluate: () => []};
	for (const line of lines) model = runCommand(model, line, quiet, {replay: true});
	const step = Math.max(0, Math.min(scenario.steps.length - 1, saved.step ?? 0));
	const starts = saved.stepStarts && Object.keys(saved.stepStarts).length > 0 ? saved.stepStarts : {[step]: model.position};
	model = {...model, step, stepStarts: starts, celebrate: false, changes: NO_CHANGES, previous: model.world};
	model = settle(model, context, false);
	const count = lines.length;
	return note(model, 'note.welcomeBack', 'ok', {count, s: count === 1 ? '' : 's', n: step + 1, total: scenario.steps.length});
}
