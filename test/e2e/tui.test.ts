/**
 * The built app (`npm run build` → dist/cli.js) in a real terminal: tmux at 80x24 and 160x48. Plays
 * the rn1/rn2 step by typing, checks the Containers and Layers panes, opens a shell in a container
 * (exec -it) and leaves it, attaches to one and detaches with Ctrl+P Ctrl+Q, quits with q (and, in a second
 * run, Ctrl+C) and checks the shell's screen and cursor come back.
 *
 * Skips with a notice when tmux is missing, unless LAYERLAB_REQUIRE_TMUX=1 (CI sets it).
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {hasTmux, openLab as openTmuxLab, paneText, TmuxTerminal} from './tmux.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RN1 = 'docker container run --name rn1 diamol/ch06-random-number';
const RN2 = 'docker container run --name rn2 diamol/ch06-random-number';
const available = hasTmux();
const required = process.env.LAYERLAB_REQUIRE_TMUX === '1';

if (!available && !required) {
	process.stderr.write(
		'\n[e2e] SKIPPED: tmux is not installed, so the full-screen lab was not tested in a real terminal (set LAYERLAB_REQUIRE_TMUX=1 to make this a failure).\n\n',
	);
}

let terminal: TmuxTerminal | undefined;
afterEach(() => {
	terminal?.stop();
	terminal = undefined;
});

async function openLab(columns: number, rows: number, args = 'play writable-layer', opened = 'Run two containers from one image'): Promise<TmuxTerminal> {
	terminal = await openTmuxLab({columns, rows, cwd: ROOT, command: `node dist/cli.js ${args}`, ready: opened});
	expect(terminal.state().alternate).toBe(true);
	return terminal;
}

async function playRunTwo(lab: TmuxTerminal): Promise<void> {
	lab.type(RN1);
	lab.press('Enter');
	await lab.waitForText('history 1/1');
	lab.type(RN2);
	lab.press('Enter');
	await lab.waitForText('★ Step 1 complete!');
}

async function expectShellRestored(lab: TmuxTerminal): Promise<void> {
	const screen = await lab.waitFor(s => /EXIT=0\n\$ ?$/m.test(s.trimEnd() + '\n') || s.includes('EXIT=0'), 'the shell after the lab');
	expect(screen).toContain('SHELL BEFORE THE LAB');
	expect(screen).toContain('$ node dist/cli.js play writable-layer; echo "EXIT=$?"');
	expect(screen).toContain('EXIT=0');
	expect(screen).not.toMatch(/[╭╰│]/);
	expect(lab.state()).toEqual({alternate: false, cursor: true});
}

beforeAll(() => {
	if (process.env.LAYERLAB_E2E_NO_BUILD !== '1') execFileSync('npm', ['run', 'build'], {cwd: ROOT, stdio: 'ignore'});
});

describe('the built lab without a terminal', () => {
	it('prints one line pointing to `layerlab script` and exits 2', () => {
		const env = {...process.env};
		delete env.CI;
		const result = spawnSync('node', ['dist/cli.js'], {cwd: ROOT, env, input: '', encoding: 'utf8'});
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining("use 'layerlab script'")]);
	});
});

describe.skipIf(!available && !required)('the built lab in a real terminal (tmux)', () => {
	beforeAll(() => {
		if (required && !available) throw new Error('LAYERLAB_REQUIRE_TMUX=1 but tmux is not installed');
	});

	it("80x24: plays rn1/rn2, shows both exited and rn1's number.txt in its writable layer, quits with q", async () => {
		const lab = await openLab(80, 24);
		await playRunTwo(lab);
		lab.press('Escape', '4');
		let screen = await lab.waitForText('NAME');
		const containers = paneText(screen, '4 Containers');
		expect(containers).toMatch(/rn2 +diamol\/ch06-random-number +Exited \(0\)/);
		expect(containers).toMatch(/rn1 +diamol\/ch06-random-number +Exited \(0\)/);
		// rn2 (the newest) is selected; ↓ selects rn1, 3 shows its layers.
		lab.press('Down', '3');
		screen = await lab.waitForText('3 Layers · rn1');
		const layers = paneText(screen, '3 Layers · rn1');
		const writable = layers.split('\n').findIndex(line => line.startsWith('▌WRITABLE LAYER rn1 only'));
		expect(writable).toBeGreaterThanOrEqual(0);
		expect(
			layers
				.split('\n')
				.slice(writable + 1, writable + 3)
				.join('\n'),
		).toMatch(/A \/random\/number\.txt +added/);
		for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
		lab.press('q');
		await expectShellRestored(lab);
	});

	it('80x24: a new learner finishes lesson 6.1 typing only commands and Esc/n, no keystroke lost or misread', async () => {
		const lab = await openLab(80, 24);
		const steps = [
			[RN1, RN2],
			['docker container ls --all'],
			['docker container cp rn1:/random/number.txt number1.txt', 'docker container cp rn2:/random/number.txt number2.txt', 'cat number1.txt number2.txt'],
		];
		let count = 0;
		for (const [index, lines] of steps.entries()) {
			if (index > 0) {
				// Esc, n and the next command at once, as a learner types them: nothing may fire as a shortcut.
				lab.press('Escape', 'n');
				lab.type(lines[0]!);
				lab.press('Enter');
				count++;
				await lab.waitForText(`history ${count}/${count}`);
			}
			for (const line of lines.slice(index > 0 ? 1 : 0)) {
				lab.type(line);
				lab.press('Enter');
				count++;
				await lab.waitForText(`history ${count}/${count}`);
			}
			await lab.waitForText(index === steps.length - 1 ? 'whole scenario' : `★ Step ${index + 1} complete`);
		}
		const screen = lab.capture();
		expect(screen).not.toMatch(/command not found|Nothing to redo|Nothing to undo/);
		expect(screen).toContain('★ Scenario complete! Esc then m picks another one.');
		lab.press('Escape', 'q');
		await expectShellRestored(lab);
		const progress = JSON.parse(execFileSync('node', ['dist/cli.js', 'progress', '--json'], {cwd: ROOT, encoding: 'utf8', env: {...process.env, XDG_STATE_HOME: lab.stateDir}}));
		expect(JSON.stringify(progress)).toContain('cat number1.txt number2.txt');
	});

	it('80x24, at the keyboard: Ctrl+C cancels a line, blank lines stay, Esc then a command runs whole, a typo gets one note, too small runs nothing', async () => {
		const lab = await openLab(80, 24, 'play sandbox', 'layerlab');
		await lab.waitForText('history 0/0');
		// Ctrl+C with a half-typed line cancels it (^C) and the lab stays.
		lab.type('echo half');
		lab.press('C-c');
		let screen = await lab.waitForText('echo half^C');
		expect(screen).not.toContain('EXIT=');
		// Blank output lines stay between the lines around them.
		lab.press('C-l');
		lab.type('echo top; echo; echo; echo bottom');
		lab.press('Enter');
		screen = await lab.waitForText('history 1/1');
		const terminalRows = paneText(screen, '2 Terminal')
			.split('\n')
			.map(line => line.trimEnd());
		const top = terminalRows.indexOf('top');
		expect(terminalRows.slice(top, top + 4)).toEqual(['top', '', '', 'bottom']);
		// Esc, then a command typed at once: every letter reaches the prompt (no r/n/i/u/s/x/q shortcut fires).
		lab.press('Escape');
		lab.type('docker container run --name rn1 diamol/ch06-random-number');
		lab.press('Enter');
		screen = await lab.waitForText('history 2/2');
		expect(screen).not.toMatch(/Nothing to redo|Nothing to undo|command not found/);
		// A typo keeps Docker's text and adds one note in the lab's voice.
		lab.type('docker contianer ls');
		lab.press('Enter');
		screen = await lab.waitForText('history 3/3');
		expect(screen).toContain('docker: unknown command: docker contianer');
		expect(screen).toContain('layerlab: did you mean `docker container ls`?');
		// Too small: the lab says so and runs nothing typed; at 80x24 again it carries on.
		lab.resize(60, 20);
		await lab.waitForText('terminal too small');
		lab.type('echo lost');
		lab.press('Enter');
		await lab.settle(500); // the keys are read while the window is still small
		lab.resize(80, 24);
		screen = await lab.waitForText('history 3/3');
		expect(screen).not.toContain('lost');
		lab.press('C-c');
		await lab.waitForText('EXIT=0');
	});

	it('80x24 --lang ko: the lab speaks Korean, the ? screen included', async () => {
		const lab = await openLab(80, 24, '--lang ko play writable-layer', '기록 0/0');
		lab.type(RN1);
		lab.press('Enter');
		let screen = await lab.waitForText('기록 1/1');
		expect(screen).toContain('Enter 실행');
		// The Step pane's end: its checks, in words, in Korean.
		lab.press('Escape', '1', 'End');
		screen = await lab.waitForText('rn1 컨테이너: 종료된 상태(종료 코드 0)');
		expect(screen).toContain('rn2 컨테이너가 없다');
		lab.press('?');
		screen = await lab.waitForText('어디서나');
		expect(screen).toContain('─ 키 ─');
		expect(screen).not.toMatch(/Anywhere|Save progress/);
		lab.press('Escape', 'q');
		await lab.waitForText('EXIT=0');
	});

	it("--no-color: no colour anywhere, but the prompt's cursor (inverse) and the titles (bold) still show", async () => {
		const lab = await openLab(80, 24, '--no-color play writable-layer');
		lab.type('docker');
		await lab.waitForText('docker');
		const styled = lab.captureStyled();
		const sgr = [...styled.matchAll(/\x1b\[([0-9;]*)m/g)].map(match => match[1]!);
		// Foreground or background colours: 30–37, 38;…, 39 aside, 40–47, 48;…, 90–97, 100–107.
		expect(sgr.filter(params => params.split(';').some(part => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(part)))).toEqual([]);
		expect(sgr.some(params => params.split(';').includes('7'))).toBe(true);
		expect(sgr.some(params => params.split(';').includes('1'))).toBe(true);
		lab.press('Escape', 'q');
		await lab.waitForText('EXIT=0');
	});

	it('160x48: every pane at once; quits with Ctrl+C', async () => {
		const lab = await openLab(160, 48);
		await playRunTwo(lab);
		lab.press('Escape', '4', 'Down');
		const screen = await lab.waitForText('3 Layers · rn1');
		for (const pane of ['1 Step', '2 Terminal', '3 Layers · rn1', '4 Containers', '5 Volumes']) expect(screen).toContain(pane);
		const containers = paneText(screen, '4 Containers');
		expect(containers).toMatch(/rn2 +diamol\/ch06-random-number +Exited \(0\)/);
		expect(containers).toMatch(/rn1 +diamol\/ch06-random-number +Exited \(0\)/);
		const layers = paneText(screen, '3 Layers · rn1');
		expect(layers).toMatch(/A \/random\/number\.txt +added/);
		// The merged tree opens down to the file and names its origin: the writable layer.
		expect(layers).toMatch(/number\.txt +rw/);
		lab.press('C-c');
		await expectShellRestored(lab);
	});

	it('exec -it: the prompt becomes /app # , commands run inside, exit returns to the host prompt', async () => {
		const lab = await openLab(160, 48);
		lab.type('docker container run -d --name box diamol/ch06-todo-list');
		lab.press('Enter');
		await lab.waitForText('Status: Downloaded newer image');
		lab.type('docker container exec -it box sh');
		lab.press('Enter');
		await lab.waitForText('/app # ');
		lab.type('mkdir -p /app/inside/deep && ls /app/inside');
		lab.press('Enter');
		let screen = await lab.waitForText('deep');
		expect(screen).toContain('/app # mkdir -p /app/inside/deep && ls /app/inside');
		lab.type('exit');
		lab.press('Enter');
		screen = await lab.waitFor(s => s.includes('/app # exit') && s.lastIndexOf('student@layerlab:~/diamol$') > s.indexOf('/app # exit'), 'the host prompt again');
		expect(screen).toContain('student@layerlab:~/diamol$');
		// attach to a container whose main process is a shell; Ctrl+P Ctrl+Q detaches and leaves it running
		lab.type('docker container run -dit --name shell diamol/base sh');
		lab.press('Enter');
		await lab.waitFor(s => /[0-9a-f]{64}/.test(s), 'the detached container id');
		lab.type('docker container attach shell');
		lab.press('Enter');
		await lab.waitFor(s => s.includes('attach shell') && s.indexOf('/ # ', s.indexOf('attach shell')) > 0, 'the attached shell prompt');
		lab.type('cd /tmp');
		lab.press('Enter');
		await lab.waitForText('/tmp # ');
		lab.press('C-p', 'C-q');
		screen = await lab.waitForText('/tmp # read escape sequence');
		lab.type('docker container ls --format "{{.Names}}={{.Status}}"');
		lab.press('Enter');
		screen = await lab.waitFor(s => /shell=Up/.test(s), 'the attached container still up');
		expect(screen).not.toContain('<C-p>');
		lab.press('C-c');
		await lab.waitForText('EXIT=0');
	});

	it('Ctrl+C interrupts a long command (^C, $? is 130, nothing it did is kept); a catastrophic regex answers at once; SIGTERM mid-command restores the terminal', async () => {
		const lab = await openLab(120, 40, 'play sandbox', 'student@layerlab:~/diamol$');
		const run = async (line: string, until: string) => {
			lab.type(line);
			lab.press('Enter');
			return lab.waitForText(until);
		};
		const count = (screen: string, text: string) => screen.split(text).length - 1;
		await run('echo before > kept; echo ready-$((6 * 7))', 'ready-42');
		// a loop with output, then one without: each moves to the worker, and Ctrl+C ends it
		for (const [index, line] of ['while true; do echo x; done', 'touch gone; while true; do :; done'].entries()) {
			await run(line, `running ${line} … Ctrl+C interrupts`);
			lab.press('C-c');
			await lab.waitFor(screen => count(screen, '\n│^C ') === index + 1, `^C number ${index + 1}`);
			const screen = await run(`echo status=$?`, `status=130`);
			expect(screen).not.toContain('stopped after');
			expect(lab.state().alternate).toBe(true);
		}
		let screen = await run('ls kept gone; echo listed-$((6 * 7))', 'listed-42');
		expect(screen).toContain("ls: cannot access 'gone': No such file or directory");
		expect(screen).toMatch(/│kept +│/);
		// row 5: linear-time matching, no Ctrl+C needed
		screen = await run("echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab | grep -E '^(a+)+$'; echo regex=$?", 'regex=1');
		// SIGTERM while a command runs in the worker: the terminal comes back, status 143
		await run('while true; do :; done', 'running while true; do :; done … Ctrl+C interrupts');
		const [pid] = lab.children();
		expect(pid).toBeGreaterThan(0);
		process.kill(pid!, 'SIGTERM');
		screen = await lab.waitForText('EXIT=143');
		expect(screen).toContain('SHELL BEFORE THE LAB');
		expect(screen).not.toMatch(/[╭╰│]/);
		expect(lab.state()).toEqual({alternate: false, cursor: true});
	});

	it('SIGTERM restores the screen too (exit status 143)', async () => {
		const lab = await openLab(80, 24);
		const [pid] = lab.children();
		expect(pid).toBeGreaterThan(0);
		process.kill(pid!, 'SIGTERM');
		const screen = await lab.waitForText('EXIT=143');
		expect(screen).toContain('SHELL BEFORE THE LAB');
		expect(screen).not.toMatch(/[╭╰│]/);
		expect(lab.state()).toEqual({alternate: false, cursor: true});
	});
});
