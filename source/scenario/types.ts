/**
 * A scenario (lesson) as the rest of layerlab sees it once loaded and validated. The YAML format and
 * its zod schema live in schema.ts; this file is the contract between the loader, the checks, the
 * headless `check` command and the full-screen lab.
 */

/** Text shown to a learner: one string, or one per language (`en` is required). */
export type Text = string | ({en: string} & Record<string, string>);

export type Origin = 'image' | 'rw' | 'volume' | 'bind' | 'init';

/** Where a file is looked for. */
export type Place =
	| {container: string}
	| {volume: string}
	| {host: true};

/** A declarative predicate over the world (and the last command's output). */
export type Check =
	| {kind: 'container'; name: string; exists: boolean; state?: 'created' | 'running' | 'exited'; exitCode?: number; image?: string}
	| {kind: 'file'; place: Place; path: string; exists: boolean; content?: string; matches?: string; origin?: Origin}
	| {kind: 'mount'; container: string; type: 'volume' | 'bind'; target: string; readonly?: boolean; source?: string; named?: boolean}
	| {kind: 'count'; of: 'containers' | 'volumes' | 'images'; equals?: number; atLeast?: number; filter?: CountFilter}
	| {kind: 'output'; matches?: string; contains?: string; not?: boolean};

export interface CountFilter {
	state?: 'created' | 'running' | 'exited';
	image?: string;
	anonymous?: boolean;
	name?: string;
}

export interface CheckResult {
	ok: boolean;
	/** One line: what was expected, and what the world holds. */
	message: string;
}

/** A question asked before the step's command may run. */
export interface Prediction {
	question: Text;
	choices: Array<{label: Text; correct: boolean}>;
	/** Shown after answering; may name what the world really holds. */
	explain: Text;
}

export interface Step {
	id: string;
	title: Text;
	/** Markdown. */
	text: Text;
	/** Suggested command lines. */
	commands: string[];
	checks: Check[];
	/** Revealed one at a time. */
	hints: Text[];
	/** Command lines that solve the step from the state the previous steps leave. */
	solution: string[];
	predict?: Prediction;
}

export interface Scenario {
	id: string;
	title: Text;
	summary: Text;
	/** The file it was loaded from (absolute). */
	file: string;
	/** Catalog images the scenario uses. */
	images: string[];
	world: {
		seed: number;
		/** Start with these images already pulled (besides the default alpine and diamol/base). */
		pulled: string[];
		/** Extra host files, by absolute path, content as text. */
		hostFiles: Record<string, string>;
		/** Working directory at the start. */
		cwd: string;
		/** Command lines run silently before the first step. */
		setup: string[];
	};
	steps: Step[];
}

/** Picks the text for a language, falling back to English. */
export function localize(text: Text, lang: string): string {
	if (typeof text === 'string') return text;
	return text[lang] ?? text.en;
}
