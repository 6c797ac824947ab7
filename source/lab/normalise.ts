/**
 * Normalisation of terminal transcripts, so the simulator's can be compared with a real engine's.
 * This is the one place the rules live (docs/FIDELITY.md explains them). Each rule replaces a value
 * that differs between any two runs of real Docker too, and keeps every relation a learner could
 * notice: the same id stays the same token wherever it appears (full or short), so "this container
 * uses that volume" survives; only the random spelling goes.
 *
 * 1. Tables (`docker ps`, `image ls`, `history`, `volume ls`): checked against the CLI's tabwriter
 *    rule (each column as wide as its widest cell + 3, at least 10; a violation is kept as
 *    `<BAD PADDING>`), then cells are joined with ` | ` so a time of another length does not move
 *    the columns after it.
 * 2. Hex ids and digests (12 or 64 hex digits): `<ID1>`, `<ID2>`… by first appearance; a short id
 *    gets the token of the full id it starts (`<ID1:12>`).
 * 3. UUIDs: `<UUID1>`…; ISO times of this century: `<TIME1>`… (equal times share a token); long dates
 *    ("Friday, 27 November 2026"): `<DATE1>`…; calendar dates (`2026-11-27`, how the to-do app stores
 *    an item's day): `<DAY1>`…. Times and dates of 2019 (the images' build times) are kept.
 * 4. Relative times ("3 seconds ago", "Less than a second ago", "Up 2 minutes"): `<AGO>`, `Up <FOR>`.
 * 5. Docker's generated container names (adjective_surname): `<NAME1>`…
 * 6. A line that is only a number from 0 to 32767 (what `$RANDOM` wrote): `<RANDOM>`. And the size of a
 *    file holding such a number (1-5 digits and a newline: 2B to 6B) where Docker reports the size of
 *    a writable layer: the SIZE cell of `docker container ls --size` (`5B (virtual 1.99MB)`) and
 *    `Total reclaimed space: 5B`. Any other size is kept.
 * 7. The console size Docker records from the terminal (`"ConsoleSize": [rows, cols]`): `<CONSOLE>`; a
 *    running container's process id in inspect JSON (`"Pid": 18651`; 0 when not running is kept): `<PID>`.
 * 8. Trailing spaces at line ends (a terminal screen does not show them).
 * 9. `docker container diff` lines: put in tree order (a directory, then its additions and changes,
 *    then its deletions, names sorted), because the daemon compares trees through Go maps and
 *    lists siblings in a different order from one run to the next.
 * 10. Tabs: expanded to 8-column tab stops, as the terminal shows them.
 * 11. The content hashes the classic builder writes into history (`COPY file:<hash>`, `dir:`): `<HASH1>`…
 *    (they hash tar headers with build-time details), and curl's connect time (`after 1 ms`).
 * 12. `docker volume ls` (table or `-q`): the rows of anonymous volumes (named by a 64-hex id) move after
 *    the named ones, in token order. The CLI sorts by name, so where a random name falls among the
 *    others is random; the named rows keep their order and every row stays. `docker volume prune`'s
 *    "Deleted Volumes:" list, which the daemon gives in no set order, is sorted the same way, named
 *    ones by name.
 * 14. A container's mounts (`inspect` as JSON, `{{json .Mounts}}`, `{{.Mounts}}`) in the order of their
 *    destinations: the daemon lists them from a Go map, in a different order from one call to the next.
 *    Done before ids become tokens, so the order of first appearance does not depend on it either.
 * 16. `docker image ls` rows that name one image (adjacent rows with the same IMAGE ID) in name order: the
 *    daemon lists an image's names in no set order.
 * 15. Lines in the lab's own voice (starting `layerlab: `, e.g. "did you mean `docker container ls`?" after
 *    a typo) are dropped: the lab adds them to Docker's text, never in place of it.
 * 17. `ls -l` lines: the date of a file changed within the last six months (`Dec  4 13:27`, month, day
 *    and time): `<RECENT>`. Such a file was made or touched by the run itself, at a time no two runs share;
 *    an older file's date (`Sep 19  2019`, with its year: the images' files, or a `touch -d` date) is kept.
 * 18. A terminal's answer to busybox sh's question where the cursor is (`^[[30;5R`, the row and column),
 *    echoed when it reaches a terminal that is not the shell's (`-t` without `-i`, or after the shell
 *    ended): dropped, as the screen's row is in it. The simulator's sh asks nothing.
 * 19. busybox `ps` tables (after a header with a `PID` or `PPID` column, up to the next prompt or empty
 *    line): a process id other than 1 in those columns becomes `<PID1>`, `<PID2>`… by first appearance in
 *    the table (a `PPID` naming a `PID` above gets its token). PID 1 is the container's main process; the
 *    kernel numbers the others a `docker exec` starts as its own helpers come and go.
 * 13. (verify only, `mapHostFolder`) the real side's temporary host folder: `<ROOT>/home/student` reads
 *    `/home/student`, the simulated learner's home it stands for. Nothing else is rewritten.
 */

import {expandTabs} from '../text/safe.js';

/** Rule 17: the month, day and time `ls -l` shows for a file changed within six months (not the year of an older one). */
const LS_RECENT = /^([-dlcbps][rwxsStT-]{9} +\d+ +\S+ +\S+ +[\d.]+[KMGT]? )[A-Z][a-z]{2} [ \d]\d \d\d:\d\d(?= )/gm;

const TABLE_HEADERS = [/^CONTAINER ID +IMAGE /, /^REPOSITORY +TAG /, /^IMAGE +CREATED +CREATED BY /, /^DRIVER +VOLUME NAME/];

function isTableHeader(line: string): boolean {
	return TABLE_HEADERS.some(pattern => pattern.test(line));
}

/** Column start offsets from a header: a column starts after 2+ spaces. */
function columnStarts(header: string): number[] {
	const starts = [0];
	const pattern = / {2,}(?=\S)/g;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(header))) starts.push(match.index + match[0].length);
	return starts;
}

function splitRow(line: string, starts: number[]): string[] {
	return starts.map((start, index) => line.slice(start, starts[index + 1] ?? line.length).trimEnd());
}

function retabulate(lines: string[]): string[] {
	const starts = columnStarts(lines[0]!);
	const rows = lines.map(line => splitRow(line, starts));
	let ok = true;
	for (let c = 0; c < starts.length - 1; c++) {
		const widest = Math.max(...rows.map(row => [...row[c]!].length));
		if (starts[c + 1]! - starts[c]! !== Math.max(widest + 3, 10)) ok = false;
	}
	for (const line of lines) {
		for (let c = 1; c < starts.length; c++) {
			const before = line.slice(0, starts[c]);
			if (line.length > starts[c]! && !/ {1,}$/.test(before) && before.length > 0) ok = false;
		}
	}
	const out = rows.map(row => row.join(' | ').trimEnd());
	if (!ok) out[0] += '  <BAD PADDING>';
	return out;
}

/** Applies rule 1 to every table in the transcript. */
function normaliseTables(lines: string[]): string[] {
	const result: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (!isTableHeader(lines[i]!)) {
			result.push(lines[i]!);
			continue;
		}
		let end = i + 1;
		while (end < lines.length && !lines[end]!.startsWith('$ ') && lines[end]!.trim() !== '') end++;
		const table = retabulate(lines.slice(i, end));
		result.push(...(/^REPOSITORY \| TAG \| IMAGE ID/.test(table[0]!) ? sortNamesOfOneImage(table) : table));
		i = end - 1;
	}
	return result;
}

/** Rule 16: `image ls` rows of one image (adjacent, same IMAGE ID) in name order; the daemon gives them in any order. */
function sortNamesOfOneImage(table: string[]): string[] {
	const id = (row: string) => row.split(' | ')[2];
	const out = [table[0]!];
	let run: string[] = [];
	const flush = () => {
		out.push(...run.sort());
		run = [];
	};
	for (const row of table.slice(1)) {
		if (run.length > 0 && id(run[0]!) !== id(row)) flush();
		run.push(row);
	}
	flush();
	return out;
}

class Tokens {
	private readonly seen = new Map<string, number>();
	constructor(private readonly prefix: string) {}
	token(key: string): string {
		let index = this.seen.get(key);
		if (index === undefined) {
			index = this.seen.size + 1;
			this.seen.set(key, index);
		}
		return `<${this.prefix}${index}>`;
	}
}

const NAME_PATTERN = /\b([a-z]+)_([a-z]+)\b/g;
const KNOWN_NOT_NAMES = new Set(['todo_list']);

/** Rule 9: the canonical order of a block of `A|C|D /path` lines. */
function orderChanges(lines: string[]): string[] {
	const entries = lines.map(line => ({kind: line[0]!, path: line.slice(2)}));
	const children = new Map<string, typeof entries>();
	for (const entry of entries) {
		const parent = entry.path.slice(0, entry.path.lastIndexOf('/')) || '/';
		children.set(parent, [...(children.get(parent) ?? []), entry]);
	}
	const ordered: string[] = [];
	const known = new Set(entries.map(entry => entry.path));
	const visit = (dir: string) => {
		const list = (children.get(dir) ?? []).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
		for (const entry of list.filter(item => item.kind !== 'D')) {
			ordered.push(`${entry.kind} ${entry.path}`);
			visit(entry.path);
		}
		for (const entry of list.filter(item => item.kind === 'D')) ordered.push(`${entry.kind} ${entry.path}`);
	};
	visit('/');
	// Lines whose parent is not in the block (cannot happen in real output) keep their place at the end.
	for (const entry of entries) {
		const parent = entry.path.slice(0, entry.path.lastIndexOf('/')) || '/';
		if (parent !== '/' && !known.has(parent)) ordered.push(`${entry.kind} ${entry.path}`);
	}
	return ordered;
}

function normaliseDiffs(lines: string[]): string[] {
	const result: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		result.push(lines[i]!);
		if (!/^\$ docker (container )?diff /.test(lines[i]!)) continue;
		let end = i + 1;
		while (end < lines.length && /^[ACD] \//.test(lines[end]!)) end++;
		result.push(...orderChanges(lines.slice(i + 1, end)));
		i = end - 1;
	}
	return result;
}

/** Rule 12, after ids became tokens: the anonymous volumes' rows of each `docker volume ls`. */
function orderVolumeRows(lines: string[]): string[] {
	const result: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		result.push(lines[i]!);
		const prune = /^\$ docker volume prune\b/.test(lines[i]!);
		if (!prune && !/^\$ docker volume (ls|list)\b/.test(lines[i]!)) continue;
		let end = i + 1;
		while (end < lines.length && !lines[end]!.startsWith('$ ')) end++;
		let last = end;
		while (last > i + 1 && lines[last - 1] === '') last--;
		const block = lines.slice(i + 1, last);
		const anonymous = /^(?:\S+ \| )?<ID(\d+)>$/;
		const ids = block.filter(line => anonymous.test(line)).sort((a, b) => Number(anonymous.exec(a)![1]) - Number(anonymous.exec(b)![1]));
		if (prune) {
			// Deleted Volumes:\n<names>\n\nTotal reclaimed space: …
			const first = block.indexOf('Deleted Volumes:') + 1;
			let stop = first;
			while (first > 0 && stop < block.length && block[stop] !== '') stop++;
			if (first > 0) {
				const names = block
					.slice(first, stop)
					.filter(line => !anonymous.test(line))
					.sort();
				result.push(...block.slice(0, first), ...names, ...ids, ...block.slice(stop), ...lines.slice(last, end));
				i = end - 1;
				continue;
			}
		}
		const named = block.filter(line => !anonymous.test(line));
		result.push(...named, ...ids, ...lines.slice(last, end));
		i = end - 1;
	}
	return result;
}

/** Top-level `{…}` items of a JSON array's text (`[{…},{…}]`), or undefined when it is not one. */
function jsonObjects(text: string): string[] | undefined {
	if (!text.startsWith('[{') || !text.endsWith('}]')) return undefined;
	const items: string[] = [];
	let depth = 0;
	let start = 1;
	let inString = false;
	for (let i = 1; i < text.length - 1; i++) {
		const ch = text[i];
		if (inString) {
			if (ch === '\\') i++;
			else if (ch === '"') inString = false;
		} else if (ch === '"') inString = true;
		else if (ch === '{' || ch === '[') depth++;
		else if (ch === '}' || ch === ']') {
			depth--;
			if (depth === 0) {
				items.push(text.slice(start, i + 1));
				if (text[i + 1] === ',') i++;
				start = i + 1;
			}
		} else if (depth === 0) return undefined;
	}
	return depth === 0 && start === text.length - 1 ? items : undefined;
}

const byDestination = (destination: (item: string) => string) => (a: string, b: string) => {
	const x = destination(a);
	const y = destination(b);
	return x < y ? -1 : x > y ? 1 : 0;
};

/** Rule 14 on the lines of a transcript. */
function orderMounts(lines: string[]): string[] {
	const result: string[] = [];
	const jsonDestination = (item: string) => /"Destination":"((?:[^"\\]|\\.)*)"/.exec(item)?.[1] ?? '';
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		// pretty-printed `docker container inspect`: "Mounts": [ { … }, { … } ]
		const open = /^(\s*)"Mounts": \[$/.exec(line);
		if (open) {
			const indent = open[1]!;
			let end = i + 1;
			while (end < lines.length && lines[end] !== `${indent}],` && lines[end] !== `${indent}]`) end++;
			if (end < lines.length) {
				const items: string[][] = [];
				for (const row of lines.slice(i + 1, end)) {
					if (row === `${indent}    {`) items.push([]);
					items.at(-1)?.push(row.replace(new RegExp(`^(${indent}    }),$`), '$1'));
				}
				const destination = (item: string[]) => /"Destination": "((?:[^"\\]|\\.)*)"/.exec(item.join('\n'))?.[1] ?? '';
				items.sort((a, b) => byDestination(item => item)(destination(a), destination(b)));
				result.push(line, ...items.flatMap((item, index) => (index < items.length - 1 ? [...item.slice(0, -1), `${item.at(-1)!},`] : item)), lines[end]!);
				i = end;
				continue;
			}
		}
		// {{json .Mounts}}
		const items = line.includes('"Destination":') ? jsonObjects(line) : undefined;
		if (items && items.length > 1 && items.every(item => item.includes('"Destination":'))) {
			result.push(`[${items.sort(byDestination(jsonDestination)).join(',')}]`);
			continue;
		}
		// {{.Mounts}}: [{volume NAME SOURCE DESTINATION DRIVER MODE RW PROPAGATION} {bind …}]
		const fmt = /^\[(\{(?:bind|volume|tmpfs|npipe) [^{}]*\}(?: \{(?:bind|volume|tmpfs|npipe) [^{}]*\})+)\]$/.exec(line);
		if (fmt) {
			const parts = fmt[1]!.slice(1, -1).split('} {');
			result.push(`[{${parts.sort(byDestination(item => item.split(' ')[3] ?? '')).join('} {')}}]`);
			continue;
		}
		result.push(line);
	}
	return result;
}

/** Rule 13: the verifier's temporary folder `root` stands for `/` below the learner's home. */
export function mapHostFolder(text: string, root: string, home: string): string {
	return text.split(root + home).join(home);
}

/**
 * How ids (rule 2) and generated names (rule 5) become tokens. By default each transcript numbers
 * them by first appearance; the verifier numbers both sides' together instead (source/verify/
 * compare.ts pairs them line by line), so one extra id on one side does not shift every later token.
 * Each function gets the id's first 12 hex digits, or the name, and returns the token's number.
 */
export interface TokenNumbering {
	id: (key: string) => number;
	name: (word: string) => number;
}

const PS_HEADER = /^(?!UID )(?:[A-Z]+ +)*(?:PID|PPID)(?: +[A-Z]+)*$/;

/** Rule 19 on the lines of a transcript. */
function normalisePsTables(lines: string[]): string[] {
	const out: string[] = [];
	let cells: Array<[number, number]> | undefined;
	let pids = new Tokens('PID');
	for (const line of lines) {
		if (PS_HEADER.test(line)) {
			cells = [...line.matchAll(/\b(PID|PPID)\b/g)].map(match => [match.index, match.index + 5] as [number, number]);
			pids = new Tokens('PID');
			out.push(line);
			continue;
		}
		if (!cells || line === '' || line.startsWith('$ ')) {
			cells = undefined;
			out.push(line);
			continue;
		}
		let row = line;
		for (const [start, end] of [...cells].reverse()) {
			const cell = row.slice(start, end);
			if (/^ *\d+$/.test(cell) && Number(cell) > 1) row = row.slice(0, start) + pids.token(cell.trim()) + row.slice(end);
		}
		out.push(row);
	}
	return out;
}

export function normaliseTranscript(text: string, numbering?: TokenNumbering): string {
	let lines = text
		.replace(/\r\n/g, '\n')
		.split('\n')
		.map(line => expandTabs(line.replace(/\^\[\[\d+;\d+R/g, '')).replace(/ +$/, ''))
		.filter(line => !line.startsWith('layerlab: '));
	lines = normalisePsTables(orderMounts(normaliseDiffs(normaliseTables(lines))));
	let out = lines.join('\n');

	// Rule 7 first: its numbers are not ids.
	out = out.replace(/"ConsoleSize": \[\s*\d+,\s*\d+\s*\]/g, '"ConsoleSize": <CONSOLE>');
	out = out.replace(/"Pid": ?[1-9]\d*/g, match => match.replace(/\d+$/, '<PID>'));

	const uuids = new Tokens('UUID');
	out = out.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, uuid => uuids.token(uuid));

	const hashes = new Tokens('HASH');
	out = out.replace(/\b(file|dir|multi):([0-9a-f]{8,64})/g, (_, kind: string, hex: string) => `${kind}:${hashes.token(hex.slice(0, 12))}`);
	out = out.replace(/ after \d+ ms: /g, ' after <MS> ms: ');

	// Rule 2: 64-hex first (so their 12-hex prefixes are known), in order of appearance overall.
	const ids = new Tokens('ID');
	const full = new Map<string, string>();
	for (const match of out.matchAll(/(?<![0-9a-f])([0-9a-f]{64}|[0-9a-f]{12})(?![0-9a-f])/g)) {
		const hex = match[1]!;
		const key = hex.slice(0, 12);
		if (!full.has(key)) full.set(key, numbering ? `<ID${numbering.id(key)}>` : ids.token(key));
	}
	out = out.replace(/(?<![0-9a-f])([0-9a-f]{64}|[0-9a-f]{12})(?![0-9a-f])/g, hex => {
		const token = full.get(hex.slice(0, 12))!;
		return hex.length === 12 ? token.replace('>', ':12>') : token;
	});

	const times = new Tokens('TIME');
	out = out.replace(/\b20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\b/g, time => (time.startsWith('2019-') ? time : times.token(time)));
	const days = new Tokens('DAY');
	out = out.replace(/\b20\d\d-\d\d-\d\d\b/g, day => (day.startsWith('2019-') ? day : days.token(day)));
	const dates = new Tokens('DATE');
	out = out.replace(/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}\b/g, date => (date.endsWith(' 2019') ? date : dates.token(date)));

	out = out.replace(LS_RECENT, '$1<RECENT>');

	out = out.replace(/\b(?:Less than a second|About a minute|About an hour|\d+ (?:second|minute|hour|day|week|month|year)s?) ago\b/g, '<AGO>');
	out = out.replace(/\bUp (?:Less than a second|About a minute|About an hour|\d+ (?:second|minute|hour|day|week|month|year)s?)\b/g, 'Up <FOR>');

	const names = new Tokens('NAME');
	out = out.replace(NAME_PATTERN, (word: string) => (KNOWN_NOT_NAMES.has(word) ? word : numbering ? `<NAME${numbering.name(word)}>` : names.token(word)));

	out = out.replace(/^(\d{1,5})$/gm, number => (Number(number) <= 32767 ? '<RANDOM>' : number));
	out = out.replace(/(^| \| )[2-6]B( \(virtual [^)]*\))$/gm, '$1<RANDOM SIZE>$2');
	out = out.replace(/^Total reclaimed space: [2-6]B$/gm, 'Total reclaimed space: <RANDOM SIZE>');
	return orderVolumeRows(out.split('\n')).join('\n');
}
