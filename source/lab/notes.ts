/**
 * The lab's notes that the simulated programs print (`layerlab: did you mean …`, a program the lab does
 * not have): the engine and the docker CLI know no language, so the Terminal pane says these lines in
 * the learner's language here, by their English shape. A line with no known shape is shown as it is.
 */
import {t, type MessageKey} from './messages.js';

/** What a note suggests instead (the docker CLI's and the host's lists), by its English text. */
const INSTEAD: Readonly<Record<string, MessageKey>> = {
	'start each container with `docker container run`': 'instead.run',
	'the lab is one host; start containers with `docker container run`': 'instead.oneHostRun',
	'the lab is one host; `docker system info` describes it': 'instead.oneHostInfo',
	'pass settings with `docker container run -e NAME=value`': 'instead.env',
	'pass settings with `docker container run -e NAME=value` or a bind mount': 'instead.envOrBind',
	'use `docker image build`': 'instead.build',
	'the lab has no registry account; images come from its offline catalog with `docker image pull`': 'instead.noAccount',
	'the lab has no registry to push to; keep an image with `docker image tag` or `docker image save -o FILE`': 'instead.noPush',
	'the lab is offline; `docker image ls` lists the images it has': 'instead.offline',
	'the lab has one engine, the one you are using': 'instead.oneEngine',
	'the lab runs Docker without plugins': 'instead.noPlugins',
	'the lab has no registry to sign against': 'instead.noTrust',
	'the lab has no registry; `docker image inspect` shows an image': 'instead.noManifest',
	'the lab is offline; `docker image history` shows what an image is made of': 'instead.scout',
	"use `docker container commit` to keep a container's changes": 'instead.checkpoint',
	"write files with cat > file <<'EOF' … EOF, or echo text > file": 'instead.editor',
	'use cat, head or tail': 'instead.pager',
	'use docker COMMAND --help': 'instead.man',
	'the lab runs every command as your user already': 'instead.sudo',
	"images come from the lab catalog; the lab installs no packages (an image's Dockerfile is where packages go)": 'instead.packages',
	'containers in the lab run as root already': 'instead.rootAlready',
	'use docker container top NAME on the host': 'instead.topContainer',
	'use curl to reach a published port on localhost': 'instead.curl',
	'use wget to reach another container': 'instead.wget',
	'use grep and sed': 'instead.grepSed',
	'use sed': 'instead.sed',
	'use a for loop: for f in $(…); do …; done': 'instead.forLoop',
	'leave with exit, then docker container exec -it NAME sh reaches another container': 'instead.sshContainer',
	'use docker container exec -it NAME sh to get a shell in a container': 'instead.ssh',
	'the Docker engine is always running in the lab': 'instead.service',
	'use docker container ls, or docker container top NAME': 'instead.top',
};

/** The parts of a `-t`/attach note, by their English text. */
const HELD: Readonly<Record<string, MessageKey>> = {
	'-t without -i': 'held.withoutI',
	'it was started without -i': 'held.startedWithoutI',
	'Ctrl+C gives the host prompt back': 'held.prompt',
	'Ctrl+C three times gives the host prompt back (docker run passes the first two to the container)': 'held.promptRun',
	'Ctrl+C three times ends the attach': 'held.endsAttach',
	'Ctrl+C three times ends the attach (it keeps running)': 'held.endsAttachRunning',
	'Ctrl+C passes SIGINT on to it (it stops) and ends the attach': 'held.sigint',
};

function held(lang: string, text: string): string {
	return Object.hasOwn(HELD, text) ? t(lang, HELD[text]!) : text;
}

function instead(lang: string, text: string): string | undefined {
	const key = Object.hasOwn(INSTEAD, text) ? INSTEAD[text] : undefined;
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
