/**
 * The userland, byte for byte: every case in userland/cases.txt as real bash + coreutils and real
 * busybox sh printed it (recorded.json, written by test/real-docker/record-userland.mjs), replayed
 * on the simulator's host shell and in a container. The one normalisation: `bash -c` prefixes its
 * messages with `line N:`, which the learner's interactive bash does not.
 */
import {describe, expect, it} from 'vitest';
import {readFileSync} from 'node:fs';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {COMMAND_STEP_MS} from '../../source/engine/clock.js';

const recorded = JSON.parse(readFileSync(new URL('userland/recorded.json', import.meta.url), 'utf8')) as Array<{script: string; now?: number; host: string; busybox: string}>;

const base = defaultWorld({seed: 2, preload: true});
const fresh = () => structuredClone(base);
const text = (result: {output: Array<{text: string}>}) => result.output.map(chunk => chunk.text).join('');
const wrap = (script: string) => `{ ${script}\n} 2>&1; echo "[$?]"`;
const quote = (script: string) => `'${script.replace(/'/g, `'\\''`)}'`;

describe('host userland matches bash + GNU coreutils', () => {
	it.each(recorded.map(item => [item.script, item.host, item.now] as const))('%s', (script, expected, now) => {
		const world = fresh();
		// The recorder's case folder is a mkdtemp one (mode 700).
		runLine(world, 'mkdir -p /tmp/case && chmod 700 /tmp/case && cd /tmp/case');
		// The case runs at the second it was recorded at (a line moves the clock on by one step first).
		if (now !== undefined) world.clock = now - COMMAND_STEP_MS;
		expect(text(runLine(world, wrap(script), {columns: 80, tty: false}))).toBe(expected.replace(/^bash: line \d+: /gm, 'bash: '));
	});
});

describe('container userland matches busybox sh', () => {
	it.each(recorded.map(item => [item.script, item.busybox, item.now] as const))('%s', (script, expected, now) => {
		const world = fresh();
		if (now !== undefined) world.clock = now - COMMAND_STEP_MS;
		const line = `docker container run --rm alpine:3.9 sh -c ${quote(`mkdir -p /case && chmod 700 /case && cd /case && ${wrap(script)}`)}`;
		expect(text(runLine(world, line, {columns: 80, tty: false}))).toBe(expected);
	});
});
