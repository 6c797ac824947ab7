/**
 * `docker image build` in the lab, in a real terminal (tmux at 160x48): the Layers pane lists the build's
 * steps as new, then after a change to the script shows which came from the cache, and the file tree
 * names the layer that supplies each file. Runs the lab from source (tsx), so it does not race the other
 * e2e file's `npm run build`.
 *
 * Skips with a notice when tmux is missing, unless LAYERLAB_REQUIRE_TMUX=1 (CI sets it).
 */
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, openLab, paneText, type TmuxTerminal} from './tmux.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const available = hasTmux();
const required = process.env.LAYERLAB_REQUIRE_TMUX === '1';

let terminal: TmuxTerminal | undefined;
afterEach(() => {
	terminal?.stop();
	terminal = undefined;
});

describe.skipIf(!available && !required)('a build in the lab (tmux)', () => {
	it('160x48: the Layers pane lists each step new, then cached or rebuilt after the script changes', async () => {
		if (required && !available) throw new Error('LAYERLAB_REQUIRE_TMUX=1 but tmux is not installed');
		const lab = await openLab({
			columns: 160,
			rows: 48,
			cwd: ROOT,
			command: `${path.join(ROOT, 'node_modules/.bin/tsx')} source/cli.tsx play image-build`,
			ready: 'Build the image from its Dockerfile',
		});
		terminal = lab;
		lab.type('docker image build -t rn ch06/exercises/random-number');
		lab.press('Enter');
		let screen = await lab.waitForText('▌BUILD rn:latest');
		let layers = paneText(screen, '3 Layers');
		expect(layers).toMatch(/▌BUILD rn:latest · 4 steps new, 0 from the cache/);
		expect(layers).toMatch(/\+3\/5 COPY random\.sh \. +37B new/);
		expect(layers).toMatch(/\+4\/5 RUN chmod \+x random\.sh +37B new/);
		// The image's files: random.sh comes from layer 4 (RUN chmod), which hides layer 3's copy.
		expect(layers).toMatch(/random\.sh +L4 hides L3/);

		lab.type("echo 'cat number.txt' >> ch06/exercises/random-number/random.sh && docker image build -t rn ch06/exercises/random-number");
		lab.press('Enter');
		screen = await lab.waitForText('3 steps new, 1 from the cache');
		layers = paneText(screen, '3 Layers');
		expect(layers).toMatch(/ 2\/5 WORKDIR \/random +0B cached/);
		expect(layers).toMatch(/\+3\/5 COPY random\.sh \. +52B new/);
		lab.press('C-c');
		await lab.waitForText('EXIT=0');
	});
});
