/**
 * Every loop and recursion the shells have stops under the step budget (engine/budget.ts) or the
 * nesting bound, with the budget's one line, and leaves the world as it was: one test per construct,
 * on the host (bash) and in a container (busybox sh), with a small budget so each stops quickly.
 */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import type {World} from '../../source/engine/world.js';

const base = defaultWorld({seed: 2, preload: true});
const text = (result: {output: Array<{text: string}>}) => result.output.map(chunk => chunk.text).join('');
const small = {columns: 80, tty: false, limits: {steps: 100_000, bytes: 4 * 1024 * 1024}};
const STEPS = 'layerlab: stopped after 100,000 steps: it took too many steps (a loop that does not end?); nothing it changed was kept\n';
const NESTING = 'layerlab: stopped: functions or scripts nested more than 100 deep (one calls itself?); nothing it changed was kept\n';

/** The world without what every line moves on (the clock, the last status). */
const state = (world: World) => JSON.stringify({...world, clock: 0, host: {...world.host, lastStatus: 0}});

/** Runs `line` in a world with a running container `box`; checks the line stops with `message` and changes nothing. */
function stops(line: string, message: string): void {
	const world = structuredClone(base);
	runLine(world, 'docker container run -d --name box diamol/ch06-todo-list');
	runLine(world, 'mkdir -p /tmp/loops && cd /tmp/loops');
	const before = state(world);
	const result = runLine(world, line, small);
	expect(text(result)).toBe(message);
	expect(result.status).toBe(1);
	expect(state(world)).toBe(before);
	// The shell still answers, and the container still runs.
	expect(text(runLine(world, 'echo $((1+1)); docker container ls --format "{{.Names}} {{.State}}"'))).toBe('2\nbox running\n');
}

const inBox = (script: string) => `docker container exec box sh -c '${script}'`;

describe('loops stop at the step budget', () => {
	it.each([
		['while true', 'while true; do echo x >> grow.txt; done'],
		['while :', 'x=0; while :; do x=$((x+1)); done'],
		['until false', 'until false; do touch made; done'],
		['for over a huge brace range (bash expands {1..N})', 'for i in {1..100000000}; do echo $i > last.txt; done'],
		['for over a huge seq', 'for i in $(seq 1 100000000); do :; done'],
		['a huge seq in a pipeline', 'seq 1 100000000 | wc -l'],
		['echo of a huge brace range', 'echo {1..100000000} | wc -c'],
		['nested loops', 'for a in 1 2 3; do for b in $(seq 1000000); do :; done; done'],
		['a loop inside a function', 'spin() { while true; do mkdir -p d; done; }; spin'],
		['recursion under the nesting bound that doubles each call', 'g() { [ $1 -gt 0 ] && { g $(($1-1)); g $(($1-1)); }; }; g 60'],
	])('host: %s', (_name, line) => stops(line, STEPS));

	it.each([
		['while true', inBox('while true; do echo x >> /tmp/grow.txt; done')],
		['until false', inBox('until false; do :; done')],
		['for over a huge seq', inBox('for i in $(seq 1 100000000); do :; done')],
		['recursion that doubles each call', inBox('g() { [ $1 -gt 0 ] && { g $(($1-1)); g $(($1-1)); }; }; g 60')],
		['while true in a new container', `docker container run --rm alpine:3.9 sh -c 'while true; do :; done'`],
	])('container: %s', (_name, line) => stops(line, STEPS));
});

describe('recursion stops at the nesting bound', () => {
	it.each([
		['a function that calls itself', 'f() { f; }; f'],
		['two functions that call each other', 'a() { b; }; b() { a; }; a'],
		['a file that sources itself', `echo '. ./self.sh' > self.sh; . ./self.sh`],
		['a script that runs itself', `printf '#!/bin/sh\\n./again.sh\\n' > again.sh; chmod +x again.sh; ./again.sh`],
	])('host: %s', (_name, line) => stops(line, NESTING));

	it.each([
		['a function that calls itself', inBox('f() { f; }; f')],
		['a file that sources itself', inBox('echo . /tmp/self.sh > /tmp/self.sh; . /tmp/self.sh')],
	])('container: %s', (_name, line) => stops(line, NESTING));
});
