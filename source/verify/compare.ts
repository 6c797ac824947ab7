/**
 * Compares the two sides of a replay: each side's blocks become one transcript (as a terminal shows
 * it), normalised as a whole by source/lab/normalise.ts (so an id keeps its token across commands),
 * then cut back into blocks and compared line by line.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {normaliseTranscript, type TokenNumbering} from '../lab/normalise.js';
import type {Plan, RecordedLine, Recording} from './replay.js';
import type {Block} from './side.js';
import {unifiedDiff} from './udiff.js';

/** Shown where an output ends without a newline (the next prompt follows on the same line). */
export const NO_NEWLINE = '\\ no newline at end of output';

export interface LineResult {
	step: string;
	kind: 'line' | 'probe';
	/** The command, normalised (the simulator's spelling when both ran it). */
	command: string;
	matched: boolean;
	/** Unified diff, real (---) against simulator (+++), when not matched. */
	diff?: string;
}

export interface ScenarioResult {
	id: string;
	title: string;
	source: string;
	lines: LineResult[];
	matched: number;
	total: number;
	/** Set when the replay itself failed (the comparison covers what ran before). */
	error?: string;
}

function blockText(block: Block, last: boolean): string {
	let output = block.output;
	// a screen cannot show trailing empty lines after the last command
	if (last) output = output.replace(/\n+$/, '\n');
	if (output !== '' && !output.endsWith('\n')) output += `\n${NO_NEWLINE}\n`;
	return `$ ${block.command}\n${output}`;
}

/** The ids and generated names of a text, in order of first appearance, as the normaliser sees them. */
function tokensOf(text: string): {ids: string[]; names: string[]} {
	const ids: string[] = [];
	const names: string[] = [];
	normaliseTranscript(text, {
		id: key => (ids.includes(key) || ids.push(key), 0),
		name: word => (names.includes(word) || names.push(word), 0),
	});
	return {ids, names};
}

/**
 * Numbers ids and names across both sides: walking the recorded lines, the ids a line's output shows
 * for the first time on each side are paired in order of appearance and share a number; the ones
 * left over (only one side has them) get numbers of their own. Lines and probes are walked in the
 * order they ran (the probes pair structurally: `ls -a` rows in creation order, then each container's
 * mounts, so an anonymous volume is paired through its container), except volume listings (`volume
 * ls`, `volume prune`): they are sorted by the random names, so they come last and pair only what
 * nothing else showed.
 */
export function pairTokens(recording: Recording, simBlocks: Block[], realBlocks: Block[]): {sim: TokenNumbering; real: TokenNumbering} {
	const maps = {sim: {id: new Map<string, number>(), name: new Map<string, number>()}, real: {id: new Map<string, number>(), name: new Map<string, number>()}};
	const next = {id: 0, name: 0};
	const text = (blocks: Block[], index: number | undefined) => (index === undefined ? '' : blockText(blocks[index] ?? {command: '', output: ''}, false));
	const listing = (line: RecordedLine) => {
		const index = line.sim ?? line.real;
		const blocks = line.sim !== undefined ? simBlocks : realBlocks;
		return index !== undefined && /^docker volume (ls|list|prune)\b/.test(blocks[index]?.command ?? '');
	};
	const ordered = [...recording.lines.filter(line => !listing(line)), ...recording.lines.filter(listing)];
	for (const line of ordered) {
		const sim = tokensOf(text(simBlocks, line.sim));
		const real = tokensOf(text(realBlocks, line.real));
		for (const kind of ['id', 'name'] as const) {
			const simNew = (kind === 'id' ? sim.ids : sim.names).filter(key => !maps.sim[kind].has(key));
			const realNew = (kind === 'id' ? real.ids : real.names).filter(key => !maps.real[kind].has(key));
			for (let i = 0; i < Math.max(simNew.length, realNew.length); i++) {
				const number = ++next[kind];
				if (simNew[i] !== undefined) maps.sim[kind].set(simNew[i]!, number);
				if (realNew[i] !== undefined) maps.real[kind].set(realNew[i]!, number);
			}
		}
	}
	const numbering = (side: typeof maps.sim): TokenNumbering => ({
		id: key => side.id.get(key) ?? (side.id.set(key, ++next.id), next.id),
		name: word => side.name.get(word) ?? (side.name.set(word, ++next.name), next.name),
	});
	return {sim: numbering(maps.sim), real: numbering(maps.real)};
}

/** Each block's text, normalised with the whole transcript. */
export function normaliseBlocks(blocks: Block[], numbering?: TokenNumbering): string[] {
	const texts = blocks.map((block, index) => blockText(block, index === blocks.length - 1));
	const normalised = normaliseTranscript(texts.join(''), numbering);
	const rows = normalised.split('\n');
	const counts = texts.map(text => text.split('\n').length - 1);
	if (rows.length - 1 === counts.reduce((sum, count) => sum + count, 0)) {
		const result: string[] = [];
		let row = 0;
		for (const count of counts) {
			result.push(rows.slice(row, row + count).join('\n') + '\n');
			row += count;
		}
		return result;
	}
	// the normaliser changed the number of lines: cut at prompts instead
	const result: string[] = [];
	for (const row of rows.slice(0, -1)) {
		if (row.startsWith('$ ') || result.length === 0) result.push(`${row}\n`);
		else result[result.length - 1] += `${row}\n`;
	}
	while (result.length < blocks.length) result.push('');
	return result;
}

const IMAGE_LIST = /^docker\s+(image\s+(ls|list)|images)(\s|$)/;

/**
 * Docker lists images newest first by creation time in whole seconds, and images made in the same
 * second come in no fixed order. For an image table, the two sides match when each run of real rows
 * that show the same CREATED text holds the same rows on the simulator's side, in any order.
 */
export function sameUpToCreationTies(command: string, realRaw: string, realText: string, simText: string): boolean {
	if (!IMAGE_LIST.test(command) || /--format|--quiet|-q\b/.test(command)) return false;
	const raw = realRaw.split('\n').slice(1);
	const header = raw[0] ?? '';
	const from = header.indexOf('CREATED');
	const to = header.indexOf('SIZE');
	if (from < 0 || to < from) return false;
	const real = realText.split('\n');
	const sim = simText.split('\n');
	if (real.length !== sim.length || real.length !== raw.length + 1 || real[0] !== sim[0] || real[1] !== sim[1]) return false;
	const created = raw.map(row => row.slice(from, to).trim());
	for (let start = 1; start < raw.length;) {
		let end = start + 1;
		while (end < raw.length && created[end] === created[start]) end++;
		const a = real.slice(start + 1, end + 1).sort();
		const b = sim.slice(start + 1, end + 1).sort();
		if (a.some((row, index) => row !== b[index])) return false;
		start = end;
	}
	return real.slice(raw.length + 1).join('\n') === sim.slice(raw.length + 1).join('\n');
}

export interface CompareLabels {
	real: string;
	sim: string;
}

export function compareRecording(plan: Plan, recording: Recording, simBlocks: Block[], realBlocks: Block[], labels: CompareLabels, dump?: string): ScenarioResult {
	const numbering = pairTokens(recording, simBlocks, realBlocks);
	const sim = normaliseBlocks(simBlocks, numbering.sim);
	const real = normaliseBlocks(realBlocks, numbering.real);
	if (dump) {
		mkdirSync(dump, {recursive: true});
		const raw = (blocks: Block[]) => blocks.map((block, index) => blockText(block, index === blocks.length - 1)).join('');
		writeFileSync(path.join(dump, `${plan.id}.docker.raw.txt`), raw(realBlocks));
		writeFileSync(path.join(dump, `${plan.id}.layerlab.raw.txt`), raw(simBlocks));
		writeFileSync(path.join(dump, `${plan.id}.docker.txt`), real.join(''));
		writeFileSync(path.join(dump, `${plan.id}.layerlab.txt`), sim.join(''));
	}
	const lines: LineResult[] = recording.lines.map(line => {
		const simText = line.sim === undefined ? '' : (sim[line.sim] ?? '');
		const realText = line.real === undefined ? '' : (real[line.real] ?? '');
		const command = (simText || realText).split('\n')[0]!.replace(/^\$ /, '');
		const matched =
			line.sim !== undefined && line.real !== undefined && (simText === realText || sameUpToCreationTies(command, blockText(realBlocks[line.real]!, false), realText, simText));
		const result: LineResult = {step: line.step, kind: line.kind, command, matched};
		if (!matched) {
			const a = line.real === undefined ? `(${labels.real}: not on this side)\n` : realText;
			const b = line.sim === undefined ? `(${labels.sim}: not on this side)\n` : simText;
			result.diff = unifiedDiff(a, b, {a: labels.real, b: labels.sim});
		}
		return result;
	});
	const matched = lines.filter(line => line.matched).length;
	return {id: plan.id, title: plan.title, source: plan.source, lines, matched, total: lines.length};
}
