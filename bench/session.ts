/**
 * A long lab session timed: 10,000 commands through the lab model (what the TUI runs for each
 * Enter), in ten batches of the same commands. Reports each batch's time and the ratio of the
 * slowest late batch to the fastest early one, measured in the same run (1.0 = no slow-down).
 * `test/ui/long-session.test.ts` bounds the same session by counts; the timing lives only here.
 */
import {setAutoFreeze} from 'immer';
import {createLab, runCommand, type LabModel} from '../source/lab/model/lab.js';
import {loadRunner} from '../source/lab/model/runner.js';
import {evaluate, freshWorld, SESSION_CYCLE as CYCLE, testScenario} from '../test/ui/helpers/fixtures.js';

await loadRunner();
setAutoFreeze(false);
const COMMANDS = Number(process.env.BENCH_SESSION_COMMANDS ?? 10_000);
const context = {evaluate, columns: 80};
let model: LabModel = createLab(testScenario(), freshWorld(), context);
const batch = CYCLE.length * Math.floor(COMMANDS / 10 / CYCLE.length);
const batchMs: number[] = [];
let start = performance.now();
for (let i = 0; i < batch * 10; i++) {
	model = runCommand(model, CYCLE[i % CYCLE.length]!, context);
	if ((i + 1) % batch === 0) {
		const now = performance.now();
		batchMs.push(Number((now - start).toFixed(1)));
		start = now;
	}
}
const early = Math.min(...batchMs.slice(0, 3));
const late = Math.max(...batchMs.slice(-3));
process.stdout.write(JSON.stringify({commands: batch * 10, batchMs, lateOverEarly: Number((late / early).toFixed(2))}) + '\n');
