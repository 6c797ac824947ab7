/**
 * A scenario (lesson) as the rest of layerlab sees it once loaded and validated. The YAML format and
 * its zod schema live in schema.ts; this file is the contract between the loader, the checks, the
 * headless `check` command and the full-screen lab.
 */

/** Text shown to a learner: one string, or one per language (`en` is required). */
export type Text = string | ({en: string} & Record<string, string>);

export type Origin = 'image' | 'rw' | 'volume' | 'bind' | 'init';

/**
 * Picks a container by what it is rather than by name, for the containers the book runs without
 * `--name`. A check with a selector passes when ANY matching container satisfies it.
 */
export interface ContainerSelector {
	/** Created from this image (`name[:tag]`, tag defaults to latest). */
	image?: string;
	state?: 'created' | 'running' | 'exited';
	/** Publishes this host port (`-p PORT:…`). */
	port?: number;
	/** Only the most recently created container that matches the rest (like `docker ps -l`). */
	latest?: boolean;
}

/**
 * Where a file is looked for. With `select`, `container` is a label for people (e.g. "the newest
 * diamol/ch06-lab container"), not a name.
 */
export type Place = {container: string; select?: ContainerSelector} | {volume: string} | {host: true};

/**
 * A declarative predicate over the world (and the last command's output).
 * `guard`: the check may already hold before its step (it guards against breaking something);
 * `layerlab check` then only requires it to hold after. Every other check must fail before its
 * step's solution runs, so no check passes vacuously.
 * With `select`, `name` / `container` is a label for people, not a container name (see Place).
 * Paths are absolute: in the container's merged view, in the volume (`/todo-list.db`), or on the host.
 * `source` of a bind mount is an absolute host path; of a volume mount, the volume's name.
 */
export type Check =
	| {kind: 'container'; name: string; exists: boolean; state?: 'created' | 'running' | 'exited'; exitCode?: number; image?: string; select?: ContainerSelector; guard?: boolean}
	| {kind: 'file'; place: Place; path: string; exists: boolean; content?: string; matches?: string; origin?: Origin; hides?: Origin; guard?: boolean}
	| {kind: 'mount'; container: string; type: 'volume' | 'bind'; target: string; readonly?: boolean; source?: string; named?: boolean; select?: ContainerSelector; guard?: boolean}
	| {kind: 'count'; of: 'containers' | 'volumes' | 'images'; equals?: number; atLeast?: number; filter?: CountFilter; atMost?: number; guard?: boolean}
	| {kind: 'output'; matches?: string; contains?: string; not?: boolean; guard?: boolean};

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
	/** Set when the check could not be evaluated at all (the Step pane says so in the learner's language). */
	error?: string;
}

/** A question asked before the step's command may run. */
export interface Prediction {
	question: Text;
	/** `origin`: what the choice claims; `layerlab check` proves the correct one against the world. */
	choices: Array<{label: Text; correct: boolean; origin?: Origin}>;
	/** Shown after answering; may name what the world really holds. */
	explain: Text;
	/** The file the question is about, so the lab can reveal its origin (after the step's commands). */
	reveal?: {place: {container: string; select?: ContainerSelector}; path: string};
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
	/**
	 * Wrong attempts (command lines run from the state before the step) that must NOT satisfy the
	 * checks; `layerlab check` proves it, so the checks are not too lenient.
	 */
	mistakes?: string[][];
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
		/** Extra empty host folders, by absolute path. */
		hostDirs?: string[];
	};
	steps: Step[];
	/** The languages every text of the scenario is written in (`en` first). */
	languages?: string[];
	/** Every file the scenario was read from (the file itself, its `from:` files), real paths: the start-up cache checks them. */
	reads?: string[];
}

/** Picks the text for a language, falling back to English. */
export function localize(text: Text, lang: string): string {
	if (typeof text === 'string') return text;
	return text[lang] ?? text.en;
}
