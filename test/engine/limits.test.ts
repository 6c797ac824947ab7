/**
 * Nothing typed at the prompt can run forever, eat the heap or half-change the world: every line
 * runs under the step and byte budget (engine/budget.ts) and a nesting bound; a stopped line prints
 * one `layerlab:` line and the world is as it was before it. Bounds are counts, never time.
 */
import {describe, expect, it} from 'vitest';
import {produceWithPatches, enablePatches} from 'immer';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import type {World} from '../../source/engine/world.js';

enablePatches();

const base = defaultWorld({seed: 2, preload: true});
const text = (result: {output: Array<{text: string}>}) => result.output.map(chunk => chunk.text).join('');
const small = {columns: 80, tty: true, limits: {steps: 200_000, bytes: 4 * 1024 * 1024}};

/** The world without its clock, which moves on for every line. */
const state = (world: World) => JSON.stringify({...world, clock: 0});

describe('budgets at the prompt', () => {
	it('a string doubled 24 times stops with one line, and the variable is not set', () => {
		const world = structuredClone(base);
		const line = 'x=aaaaaaaaaaaaaaaa' + '; x=$x$x'.repeat(24) + '; echo ${#x}';
		const result = runLine(world, line, small);
		expect(text(result)).toBe('layerlab: stopped after 4,194,304 bytes: it made too much text or data; nothing it changed was kept\n');
		expect(result.status).toBe(1);
		expect(text(runLine(world, 'echo "[${x}]" $?'))).toBe('[] 1\n');
	});

	it('an endless loop stops at the step limit and leaves files it wrote unwritten', () => {
		const world = structuredClone(base);
		const before = state(world);
		const result = runLine(world, 'while true; do echo x >> grow.txt; done', small);
		expect(text(result)).toBe('layerlab: stopped after 200,000 steps: it took too many steps (a loop that does not end?); nothing it changed was kept\n');
		expect(state(world).replace(/"lastStatus":\d+/, '')).toBe(before.replace(/"lastStatus":\d+/, ''));
	});

	it('a function or script that calls itself stops at the nesting bound', () => {
		const world = structuredClone(base);
		expect(text(runLine(world, 'f() { f; }; f'))).toBe('layerlab: stopped: functions or scripts nested more than 100 deep (one calls itself?); nothing it changed was kept\n');
		runLine(world, `printf '#!/bin/sh\\n./self.sh\\n' > self.sh && chmod +x self.sh`);
		expect(text(runLine(world, './self.sh'))).toBe('layerlab: stopped: functions or scripts nested more than 100 deep (one calls itself?); nothing it changed was kept\n');
		runLine(world, 'docker container run -d --name box diamol/ch06-todo-list');
		expect(text(runLine(world, `docker container exec box sh -c 'f() { f; }; f'`))).toMatch(/^layerlab: stopped: functions or scripts nested/);
		expect(text(runLine(world, 'docker container ls --format "{{.Names}} {{.Status}}"'))).toMatch(/^box Up/);
	});

	it('a catastrophic regular expression is matched in linear time (a few hundred steps)', () => {
		const world = structuredClone(base);
		const long = 'a'.repeat(5000) + 'b';
		const result = runLine(world, `echo ${long} | grep -E '^(a+)+$'; echo $?`, {...small, limits: {steps: 2000}});
		expect(text(result)).toBe('1\n');
		expect(text(runLine(world, `echo ${long} | sed -E 's/^(a+)+$/x/' | wc -c`, {...small, limits: {steps: 2000}}))).toBe('5002\n');
	});

	it('copying or moving a folder into itself fails with the real messages and stops', () => {
		const world = structuredClone(base);
		runLine(world, 'mkdir -p /tmp/w && cd /tmp/w && mkdir d backup && echo a > d/f');
		expect(text(runLine(world, 'cp -r d d/x', small))).toBe("cp: cannot copy a directory, 'd', into itself, 'd/x'\n");
		expect(text(runLine(world, 'mv * backup', small))).toBe("mv: cannot move 'backup' to a subdirectory of itself, 'backup/backup'\n");
		// The copy made d/x (with f) before it stopped; mv moved d, and left backup where it was.
		expect(text(runLine(world, 'ls backup backup/d backup/d/x', small))).toBe('backup:\nd\n\nbackup/d:\nf  x\n\nbackup/d/x:\nf\n');
	});

	it('a bad glob range is the real ls message, not an internal error', () => {
		expect(text(runLine(structuredClone(base), 'ls [z-a]*'))).toBe("ls: cannot access '[z-a]*': No such file or directory\n");
	});

	it('Ctrl+C: the interrupt hook stops a running line with ^C and status 130, the world as before', () => {
		const world = structuredClone(base);
		const before = state(world);
		let asked = 0;
		const result = runLine(world, 'while true; do touch a-file; done', {columns: 80, tty: true, interrupted: () => ++asked >= 3});
		expect(text(result)).toBe('^C\n');
		expect(result.status).toBe(130);
		expect(asked).toBe(3);
		expect(state(world).replace(/"lastStatus":\d+/, '')).toBe(before.replace(/"lastStatus":\d+/, ''));
	});

	it('on an immer draft (the lab), a stopped line changes nothing but the clock and $?', () => {
		const start = structuredClone(base);
		const [next] = produceWithPatches(start, draft => {
			runLine(draft as World, 'mkdir made; while true; do :; done', small);
		});
		expect(next.host.files['/home/student/diamol/made']).toBeUndefined();
		expect(state({...next, host: {...next.host, lastStatus: 0}})).toBe(state({...start, host: {...start.host, lastStatus: 0}}));
	});
});
