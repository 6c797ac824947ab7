/**
 * Captures real screens of the built lab (tmux capture-pane, plain text) into docs/TUI.md, between
 * `<!-- screen:NAME:start -->` and `<!-- screen:NAME:end -->`: `npm run gen:screens` (builds first; needs tmux).
 * Not part of `npm run gen`: a capture depends on the terminal, so it is run and reviewed by hand.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {TmuxTerminal} from '../test/e2e/tmux.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RN1 = 'docker container run --name rn1 diamol/ch06-random-number';
const RN2 = 'docker container run --name rn2 diamol/ch06-random-number';

async function session(columns: number, rows: number, shots: (lab: TmuxTerminal, take: (name: string) => Promise<void>) => Promise<void>): Promise<Record<string, string>> {
	const lab = new TmuxTerminal({columns, rows, cwd: ROOT});
	const screens: Record<string, string> = {};
	try {
		lab.start();
		lab.type("PS1='$ '; clear");
		lab.press('Enter');
		lab.type('node dist/cli.js play writable-layer');
		lab.press('Enter');
		await lab.waitForText('Run two containers from one image');
		lab.type(RN1);
		lab.press('Enter');
		await lab.waitForText('history 1/1');
		lab.type(RN2);
		lab.press('Enter');
		await lab.waitForText('★ Step 1 complete!');
		await shots(lab, async name => {
			screens[name] = (await lab.settle()).replace(/\s+$/gm, '').trimEnd();
		});
		lab.press('q');
		await lab.waitForText('$');
	} finally {
		lab.stop();
	}
	return screens;
}

const compact = await session(80, 24, async (lab, take) => {
	lab.press('Escape', '4');
	await lab.waitForText('NAME');
	await take('80x24-containers');
	lab.press('Down', '3');
	await lab.waitForText('3 Layers · rn1');
	await take('80x24-layers');
});
const wide = await session(160, 48, async (lab, take) => {
	lab.press('Escape', '4', 'Down');
	await lab.waitForText('3 Layers · rn1');
	await take('160x48');
});

const file = path.join(ROOT, 'docs', 'TUI.md');
let doc = readFileSync(file, 'utf8');
for (const [name, screen] of Object.entries({...compact, ...wide})) {
	const start = `<!-- screen:${name}:start -->`;
	const end = `<!-- screen:${name}:end -->`;
	const from = doc.indexOf(start);
	const to = doc.indexOf(end);
	if (from < 0 || to < from) throw new Error(`docs/TUI.md has no ${start} … ${end}`);
	doc = doc.slice(0, from + start.length) + '\n```text\n' + screen + '\n```\n' + doc.slice(to);
}
writeFileSync(file, doc);
console.log(`captured ${Object.keys({...compact, ...wide}).join(', ')}`);
