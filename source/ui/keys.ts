/**
 * THE key table. Input handling (`commandFor`), the help bar (`barItems`), the `?` help screen
 * (`helpSections`) and docs/TUI.md's key reference (`keyReferenceMarkdown`, checked by a test) are all
 * read from it, so they cannot drift apart.
 */

import {PANE_ORDER, PANES, type PaneId} from './panes/registry.js';
import {tOr} from '../lab/messages.js';

/** Where a key works; a pane's own keys are in the scope named after it. */
export type Scope = 'global' | 'prompt' | 'panes' | PaneId | 'predict' | 'confirm' | 'help' | 'picker';

/** Commands: the lab's own, focusing a pane, and a pane's own (`layers:toggle`). */
export type Command = CoreCommand | `focus-${PaneId}` | `${PaneId}:${string}`;

type CoreCommand =
	| 'cancel-line'
	| 'choice-up'
	| 'choice-down'
	| 'choice-pick'
	| 'quit'
	| 'help'
	| 'close'
	| 'scroll-up'
	| 'scroll-down'
	| 'clear'
	| 'undo'
	| 'redo'
	| 'run'
	| 'history-prev'
	| 'history-next'
	| 'complete'
	| 'to-panes'
	| 'to-prompt'
	| 'cursor-left'
	| 'cursor-right'
	| 'line-start'
	| 'line-end'
	| 'delete-back'
	| 'delete-forward'
	| 'delete-word'
	| 'kill-line'
	| 'kill-end'
	| 'next-pane'
	| 'prev-pane'
	| 'up'
	| 'down'
	| 'top'
	| 'bottom'
	| 'hint'
	| 'solution'
	| 'next-step'
	| 'prev-step'
	| 'reset-step'
	| 'menu'
	| 'choose'
	| 'answer'
	| 'yes'
	| 'no'
	| 'open';

export interface Binding {
	command: Command;
	/** Key names: a character, or `ctrl+x`, `shift+tab`, `up`, `down`, `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `enter`, `esc`, `tab`, `backspace`, `delete`, `space`. */
	keys: readonly string[];
	scope: Scope;
	/** A word or two for the help bar. */
	label: string;
	/** A sentence for the help screen and the docs. */
	help: string;
	/** Shown in the help bar when its scope is active. */
	bar?: boolean;
	/** Handled by a child component (ink-select-input); the router only documents it. */
	delegated?: boolean;
}

export const SCOPE_TITLES: Record<Scope, string> = {
	global: 'Anywhere',
	prompt: 'Terminal prompt (typing commands)',
	panes: 'Panes (after Esc)',
	...(Object.fromEntries(PANE_ORDER.map(id => [id, `${PANES[id].title} pane`])) as Record<PaneId, string>),
	predict: 'Prediction question',
	confirm: 'Confirmation',
	help: 'Help screen',
	picker: 'Scenario list',
};

export const KEY_TABLE: readonly Binding[] = [
	// Modal scopes first: they shadow everything else while open.
	{command: 'close', keys: ['esc', '?', 'q', 'enter'], scope: 'help', label: 'close', help: 'Close the help screen.', bar: true},
	{command: 'up', keys: ['up', 'k'], scope: 'help', label: 'scroll', help: 'Scroll the help up.', bar: true},
	{command: 'down', keys: ['down', 'j'], scope: 'help', label: 'scroll', help: 'Scroll the help down.'},
	{command: 'yes', keys: ['y'], scope: 'confirm', label: 'yes', help: 'Confirm.', bar: true},
	{command: 'no', keys: ['n', 'esc'], scope: 'confirm', label: 'no', help: 'Cancel.', bar: true},
	{command: 'choice-up', keys: ['up', 'k'], scope: 'predict', label: 'choose', help: 'Move to the answer above.', bar: true},
	{command: 'choice-down', keys: ['down', 'j'], scope: 'predict', label: 'choose', help: 'Move to the answer below.'},
	{command: 'choice-pick', keys: ['1-9'], scope: 'predict', label: 'pick', help: 'Pick an answer by its number (Enter still locks it in).'},
	{command: 'answer', keys: ['enter'], scope: 'predict', label: 'answer', help: 'Lock in your prediction; the step then explains what the world really holds.', bar: true},
	{command: 'open', keys: ['enter'], scope: 'picker', label: 'open', help: 'Open the highlighted scenario (resumes where you left it).', bar: true, delegated: true},
	{command: 'choose', keys: ['up', 'down', 'k', 'j'], scope: 'picker', label: 'move', help: 'Move through the scenarios.', bar: true, delegated: true},
	{command: 'quit', keys: ['q', 'esc'], scope: 'picker', label: 'quit', help: 'Leave layerlab.', bar: true},

	// The prompt: a small readline.
	{command: 'run', keys: ['enter'], scope: 'prompt', label: 'run', help: 'Run the command line (bash on the simulated host, with docker).', bar: true},
	{
		command: 'cancel-line',
		keys: ['ctrl+c'],
		scope: 'prompt',
		label: 'cancel',
		help: 'Cancel the line being typed, as bash does (shown with ^C); on an empty line, save progress and leave.',
	},
	{
		command: 'complete',
		keys: ['tab'],
		scope: 'prompt',
		label: 'complete',
		help: 'Complete docker subcommands, flags, container, image and volume names, and host paths.',
		bar: true,
	},
	{command: 'history-prev', keys: ['up'], scope: 'prompt', label: 'history', help: 'Previous command line from the history.', bar: true},
	{command: 'history-next', keys: ['down'], scope: 'prompt', label: 'history', help: 'Next command line from the history.'},
	{command: 'to-panes', keys: ['esc'], scope: 'prompt', label: 'panes', help: 'Leave the prompt to use the panes (hints, undo, selecting containers…).', bar: true},
	{command: 'cursor-left', keys: ['left'], scope: 'prompt', label: 'left', help: 'Move the cursor left.'},
	{command: 'cursor-right', keys: ['right'], scope: 'prompt', label: 'right', help: 'Move the cursor right.'},
	{command: 'line-start', keys: ['home', 'ctrl+a'], scope: 'prompt', label: 'start', help: 'Cursor to the start of the line.'},
	{command: 'line-end', keys: ['end', 'ctrl+e'], scope: 'prompt', label: 'end', help: 'Cursor to the end of the line.'},
	{command: 'delete-back', keys: ['backspace'], scope: 'prompt', label: 'delete', help: 'Delete the character before the cursor.'},
	{command: 'delete-forward', keys: ['ctrl+d'], scope: 'prompt', label: 'delete', help: 'Delete the character under the cursor.'},
	{command: 'delete-word', keys: ['ctrl+w'], scope: 'prompt', label: 'word', help: 'Delete the word before the cursor.'},
	{command: 'kill-line', keys: ['ctrl+u'], scope: 'prompt', label: 'clear line', help: 'Delete everything before the cursor.'},
	{command: 'kill-end', keys: ['ctrl+k'], scope: 'prompt', label: 'kill', help: 'Delete everything from the cursor to the end.'},

	// Pane navigation (the prompt is left with Esc).
	{
		command: 'to-prompt',
		keys: ['esc', 'i'],
		scope: 'panes',
		label: 'prompt',
		help: 'Back to the terminal prompt. Any other letter with no key of its own goes back too, and is typed there.',
		bar: true,
	},
	{command: 'next-pane', keys: ['tab'], scope: 'panes', label: 'pane', help: 'Focus the next pane.', bar: true},
	{command: 'prev-pane', keys: ['shift+tab'], scope: 'panes', label: 'previous pane', help: 'Focus the previous pane.'},
	...PANE_ORDER.map((id): Binding => ({
		command: `focus-${id}`,
		keys: [String(PANES[id].digit)],
		scope: 'panes',
		label: PANES[id].title.toLowerCase(),
		help: `Focus the ${PANES[id].title} pane${id === 'terminal' ? ' (its prompt)' : ''}.`,
	})),
	...PANE_ORDER.flatMap(id => (PANES[id].keys ?? []).map((binding): Binding => ({...binding, command: `${id}:${binding.command}`, scope: id}))),
	{command: 'up', keys: ['up', 'k'], scope: 'panes', label: 'select', help: 'Move the selection up (containers, volumes, file tree) or scroll the step text.', bar: true},
	{command: 'down', keys: ['down', 'j'], scope: 'panes', label: 'select', help: 'Move the selection down.'},
	{command: 'top', keys: ['home', 'g'], scope: 'panes', label: 'top', help: 'Go to the first row.'},
	{command: 'bottom', keys: ['end', 'G'], scope: 'panes', label: 'bottom', help: 'Go to the last row.'},
	{command: 'hint', keys: ['h'], scope: 'panes', label: 'hint', help: 'Reveal the next hint for this step (one at a time), then back to the prompt.', bar: true},
	{command: 'solution', keys: ['s'], scope: 'panes', label: 'solution', help: "Show the step's solution (asks first).", bar: true},
	{command: 'next-step', keys: ['n'], scope: 'panes', label: 'next step', help: 'Go to the next step (and back to the prompt).', bar: true},
	{command: 'prev-step', keys: ['p'], scope: 'panes', label: 'prev step', help: 'Go to the previous step (and back to the prompt).'},
	{command: 'undo', keys: ['u'], scope: 'panes', label: 'undo', help: 'Undo the last command: the whole world goes back one step (and back to the prompt).', bar: true},
	{command: 'redo', keys: ['r'], scope: 'panes', label: 'redo', help: 'Redo a command you undid (and back to the prompt).', bar: true},
	{command: 'reset-step', keys: ['x'], scope: 'panes', label: 'reset step', help: 'Undo everything done since this step began (asks first).'},
	{command: 'menu', keys: ['m'], scope: 'panes', label: 'scenarios', help: 'Back to the scenario list (progress is kept).'},
	{command: 'help', keys: ['?'], scope: 'panes', label: 'help', help: 'Show every key.', bar: true},
	{command: 'quit', keys: ['q'], scope: 'panes', label: 'quit', help: 'Save progress and leave the lab.', bar: true},

	// Anywhere in the lab.
	{
		command: 'quit',
		keys: ['ctrl+c'],
		scope: 'global',
		label: 'quit',
		help: 'Save progress and leave (your terminal is restored); at the prompt, first cancels a half-typed line.',
		bar: true,
	},
	{command: 'scroll-up', keys: ['pageup'], scope: 'global', label: 'scroll', help: 'Scroll the terminal (or the focused pane) up a page.'},
	{command: 'scroll-down', keys: ['pagedown'], scope: 'global', label: 'scroll', help: 'Scroll the terminal (or the focused pane) down a page.'},
	{command: 'clear', keys: ['ctrl+l'], scope: 'global', label: 'clear', help: 'Clear the terminal pane.'},
	{command: 'undo', keys: ['ctrl+z'], scope: 'global', label: 'undo', help: 'Undo the last command (also from the prompt).'},
	{command: 'redo', keys: ['ctrl+y'], scope: 'global', label: 'redo', help: 'Redo (also from the prompt).'},
];

/** The fields of Ink's `Key` the router reads (so tests and the table don't need Ink). */
export interface KeyInfo {
	upArrow: boolean;
	downArrow: boolean;
	leftArrow: boolean;
	rightArrow: boolean;
	pageUp: boolean;
	pageDown: boolean;
	home: boolean;
	end: boolean;
	return: boolean;
	escape: boolean;
	ctrl: boolean;
	shift: boolean;
	tab: boolean;
	backspace: boolean;
	delete: boolean;
	meta: boolean;
}

/** No key and no modifier: what a key is made from (`{...NO_KEY, return: true}` is Enter). */
export const NO_KEY: Readonly<KeyInfo> = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageUp: false,
	pageDown: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
};

const NAMED: Record<string, (key: KeyInfo) => boolean> = {
	up: key => key.upArrow,
	down: key => key.downArrow,
	left: key => key.leftArrow,
	right: key => key.rightArrow,
	pageup: key => key.pageUp,
	pagedown: key => key.pageDown,
	home: key => key.home,
	end: key => key.end,
	enter: key => key.return,
	esc: key => key.escape,
	tab: key => key.tab && !key.shift,
	'shift+tab': key => key.tab && key.shift,
	// Most terminals send DEL (0x7f) for Backspace; Ink 6 reports that as `delete` (and `\b` as `backspace`).
	backspace: key => key.backspace || (key.delete && !key.meta),
};

/** Whether a key name from the table matches what Ink reported. */
export function matches(name: string, input: string, key: KeyInfo): boolean {
	const named = NAMED[name];
	if (named) return named(key);
	if (name === 'delete') return false; // the forward-delete key sends ESC[3~, which Ink 6 doesn't name; ctrl+d does it.
	if (name === 'space') return input === ' ' && !key.ctrl;
	if (name === '1-9') return /^[1-9]$/.test(input) && !key.ctrl;
	if (name.startsWith('ctrl+')) return key.ctrl && input.toLowerCase() === name.slice(5);
	return !key.ctrl && !key.meta && input === name;
}

/** The key table's bindings per scope, in the table's order (a key is resolved on every keystroke). */
const BY_SCOPE = new Map<Scope, Binding[]>();
for (const binding of KEY_TABLE) BY_SCOPE.set(binding.scope, [...(BY_SCOPE.get(binding.scope) ?? []), binding]);

/** The command for a key in the first active scope that binds it, in the order given. */
export function commandFor(scopes: readonly Scope[], input: string, key: KeyInfo): Binding | undefined {
	for (const scope of scopes) {
		for (const binding of BY_SCOPE.get(scope) ?? []) {
			if (binding.keys.some(name => matches(name, input, key))) return binding;
		}
	}
	return undefined;
}

const DISPLAY: Record<string, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	esc: 'Esc',
	tab: 'Tab',
	'shift+tab': 'Shift+Tab',
	backspace: 'Backspace',
	delete: 'Delete',
	space: 'Space',
	'1-9': '1-9',
};

export function keyLabel(name: string): string {
	if (DISPLAY[name]) return DISPLAY[name];
	if (name.startsWith('ctrl+')) return 'Ctrl+' + name.slice(5).toUpperCase();
	return name;
}

export interface BarItem {
	key: string;
	label: string;
}

/** Help-bar items for the active scopes: one per label, the first key only. */
export function barItems(scopes: readonly Scope[]): BarItem[] {
	const items: BarItem[] = [];
	const seenLabels = new Set<string>();
	const seenKeys = new Set<string>();
	for (const scope of scopes) {
		for (const binding of KEY_TABLE) {
			if (binding.scope !== scope || !binding.bar) continue;
			const key = binding.keys.filter(name => name !== 'delete').map(keyLabel);
			const first = binding.command === 'up' || binding.command === 'choose' || binding.command === 'choice-up' ? '↑↓' : key[0]!;
			if (seenLabels.has(binding.label) || seenKeys.has(first)) continue;
			seenLabels.add(binding.label);
			seenKeys.add(first);
			items.push({key: first, label: binding.label});
		}
	}
	return items;
}

export interface HelpSection {
	scope: Scope;
	title: string;
	entries: Array<{keys: string; help: string}>;
}

const HELP_ORDER: readonly Scope[] = ['global', 'prompt', 'panes', ...PANE_ORDER, 'predict', 'confirm', 'help', 'picker'];

/** Every binding, grouped by scope, for the help screen and the docs, in the learner's language (`key.<scope>.<command>` in the catalog). */
export function helpSections(lang = 'en', order: readonly Scope[] = HELP_ORDER): HelpSection[] {
	return order
		.map(scope => ({
			scope,
			title: tOr(lang, `scope.${scope}`, SCOPE_TITLES[scope]),
			entries: KEY_TABLE.filter(binding => binding.scope === scope).map(binding => ({
				keys: binding.keys.map(keyLabel).join(' / '),
				help: tOr(lang, `key.${scope}.${binding.command}`, binding.help),
			})),
		}))
		.filter(section => section.entries.length > 0);
}

/** The key reference for docs/TUI.md (a test checks the doc holds exactly this). */
export function keyReferenceMarkdown(): string {
	const lines: string[] = [];
	for (const section of helpSections()) {
		lines.push(`### ${section.title}`, '', '| Keys | What it does |', '| --- | --- |');
		for (const entry of section.entries) lines.push(`| ${entry.keys.replace(/\|/g, '\\|')} | ${entry.help} |`);
		lines.push('');
	}
	return lines.join('\n').trimEnd() + '\n';
}
