/**
 * Docker orders images by creation second; images made in the same second come in no fixed order,
 * so the conformance comparison accepts any order within a run of rows showing the same age.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {normaliseTranscript} from '../../source/lab/normalise.js';
import {sameUpToCreationTies} from '../../source/verify/compare.js';

/** The first `$ docker image ls` block of a recorded golden that shows two images of the same second. */
function recordedBlock(): string {
	const text = readFileSync(new URL('../golden/build-cache.txt', import.meta.url), 'utf8');
	const blocks = text.split(/^(?=\$ )/m);
	const block = blocks.find(b => b.startsWith('$ docker image ls\n') && /rn {2,}v3/.test(b));
	if (!block) throw new Error('build-cache.txt no longer holds the rn:v2/rn:v3 listing');
	return block;
}

function swap(text: string, a: RegExp, b: RegExp): string {
	const rows = text.split('\n');
	const i = rows.findIndex(row => a.test(row));
	const j = rows.findIndex(row => b.test(row));
	expect(i).toBeGreaterThan(0);
	expect(j).toBeGreaterThan(0);
	[rows[i], rows[j]] = [rows[j]!, rows[i]!];
	return rows.join('\n');
}

describe('image lists compared up to ties in creation time', () => {
	const raw = recordedBlock();
	const real = normaliseTranscript(raw);
	const command = 'docker image ls';

	it('accepts rows of the same age in the other order', () => {
		const sim = swap(real, /^rn \| v2/, /^rn \| v3/);
		expect(sim).not.toBe(real);
		expect(sameUpToCreationTies(command, raw, real, sim)).toBe(true);
	});

	it('refuses rows of different ages in the other order, or a different row', () => {
		expect(sameUpToCreationTies(command, raw, real, swap(real, /^rn \| v3/, /^diamol\/ch06-random-number/))).toBe(false);
		expect(sameUpToCreationTies(command, raw, real, real.replace('rn | v3', 'rn | v4'))).toBe(false);
	});

	it('applies to image tables only', () => {
		const sim = swap(real, /^rn \| v2/, /^rn \| v3/);
		expect(sameUpToCreationTies('docker container ls', raw, real, sim)).toBe(false);
		expect(sameUpToCreationTies('docker image ls --format {{.ID}}', raw, real, sim)).toBe(false);
	});
});
