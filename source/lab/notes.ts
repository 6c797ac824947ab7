/**
 * The lab's notes that the simulated programs print (`layerlab: did you mean …`, a program the lab does
 * not have): the engine and the docker CLI know no language, so the Terminal pane says these lines in
 * the learner's language here, by their English shape. A line with no known shape is shown as it is.
 */
import {catalog, t, type MessageKey} from './messages.js';

/** The catalog's messages whose keys start with `prefix`, by their English text. */
function byEnglish(prefix: string): ReadonlyMap<string, MessageKey> {
	return new Map((Object.keys(catalog()) as MessageKey[]).filter(key => key.startsWith(prefix)).map(key => [t('en', key), key]));
}

/** What a note suggests instead (`instead.` messages), and the parts of a `-t`/attach note (`held.`). */
const INSTEAD = byEnglish('instead.');
const HELD = byEnglish('held.');

function held(lang: string, text: string): string {
	const key = HELD.get(text);
	return key ? t(lang, key) : text;
}

function instead(lang: string, text: string): string | undefined {
	const key = INSTEAD.get(text);
	return key ? t(lang, key) : undefined;
}

/** One output line in the learner's language when it is one of the lab's notes (else as it is). */
export function localizeNote(line: string, lang: string): string {
	if (lang === 'en' || !line.startsWith('layerlab: ')) return line;
	let match = /^layerlab: did you mean `(.+)`\?$/.exec(line);
	if (match) return t(lang, 'tnote.didYouMean', {command: match[1]!});
	match = /^layerlab: `(.+)` is not simulated here: (.+)\.$/.exec(line);
	if (match && instead(lang, match[2]!)) return t(lang, 'tnote.elsewhere', {command: match[1]!, instead: instead(lang, match[2]!)!});
	match = /^layerlab: `(.+)` is not simulated here\. The lab simulates docker (.+)\.$/.exec(line);
	if (match) return t(lang, 'tnote.notSimulated', {command: match[1]!, list: match[2]!.replace(/ and ([^ ]+ \()/, ', $1')});
	match = /^layerlab: (\S+) is not simulated in the lab; (.+)$/.exec(line);
	if (match && instead(lang, match[2]!)) return t(lang, 'tnote.program', {name: match[1]!, instead: instead(lang, match[2]!)!});
	match = /^layerlab: (\S+) is not simulated by layerlab$/.exec(line);
	if (match) return t(lang, 'tnote.programNone', {name: match[1]!});
	match = /^layerlab: the lab has (.+) \(not (\S+)\)\.$/.exec(line);
	if (match) return t(lang, 'tnote.missingTag', {tags: match[1]!, ref: match[2]!});
	match = /^layerlab: (\S+) keeps running \(a real terminal would stay attached to it until Ctrl\+C\); it is left running in the background\.$/.exec(line);
	if (match) return t(lang, 'tnote.keepsRunning', {name: match[1]!});
	match = /^layerlab: `(.+)` is not simulated here\.$/.exec(line);
	if (match) return t(lang, 'tnote.bareNotSimulated', {command: match[1]!});
	match = /^layerlab: (\w+) is not simulated in builds \(the lab builds (.+)\)\.$/.exec(line);
	if (match) return t(lang, 'tnote.buildKeyword', {keyword: match[1]!, list: match[2]!});
	match = /^layerlab: step (\d+) \((\w+)\) cannot write there: (.*)$/.exec(line);
	if (match) return t(lang, 'tnote.buildWrite', {step: match[1]!, keyword: match[2]!, error: match[3]!});
	if (line === t('en', 'tnote.buildStdin')) return t(lang, 'tnote.buildStdin');
	if (line === t('en', 'tnote.stats')) return t(lang, 'tnote.stats');
	match = /^layerlab: (\S+) has a terminal but not your input \((.+?)\): what you type reaches nothing; (.+)\.$/.exec(line);
	if (match) return t(lang, 'tnote.held', {name: match[1]!, why: held(lang, match[2]!), out: held(lang, match[3]!)});
	match = /^layerlab: attached to (\S+)'s output; what you type reaches nothing; (.+)\.$/.exec(line);
	if (match) return t(lang, 'tnote.attached', {name: match[1]!, out: held(lang, match[2]!)});
	match = /^layerlab: … (\d+) earlier lines? of this output not kept in the scrollback$/.exec(line);
	if (match) return t(lang, 'tnote.dropped', {count: match[1]!});
	return line;
}
