/** The normaliser may only hide what differs between two real runs; these differences must survive. */
import {describe, expect, it} from 'vitest';
import {normaliseTranscript} from '../../source/lab/normalise.js';

const ID_A = 'a'.repeat(12) + '1'.repeat(52);
const ID_B = 'b'.repeat(12) + '2'.repeat(52);

describe('normaliseTranscript', () => {
	it('maps ids by first appearance and keeps short and full forms of one id together', () => {
		const one = normaliseTranscript(`${ID_A}\n${ID_A.slice(0, 12)}\n`);
		const two = normaliseTranscript(`${ID_B}\n${ID_B.slice(0, 12)}\n`);
		expect(one).toBe(two);
		expect(one).toBe('<ID1>\n<ID1:12>\n');
	});

	it('still tells "the same id twice" from "two different ids"', () => {
		expect(normaliseTranscript(`${ID_A}\n${ID_A}\n`)).not.toBe(normaliseTranscript(`${ID_A}\n${ID_B}\n`));
	});

	it('keeps a changed word, a changed size or a missing line', () => {
		const base = 'Successfully copied 2.05kB to /home/student/diamol/number1.txt\n';
		expect(normaliseTranscript(base)).not.toBe(normaliseTranscript(base.replace('2.05kB', '2.06kB')));
		expect(normaliseTranscript('abc.txt\ndef.txt\n')).not.toBe(normaliseTranscript('abc.txt\n'));
		expect(normaliseTranscript('Exited (0) 3 seconds ago\n')).not.toBe(normaliseTranscript('Exited (1) 3 seconds ago\n'));
	});

	it('compares tables by cell, and flags a table whose padding breaks the CLI rule', () => {
		const good = 'DRIVER    VOLUME NAME\nlocal     todo-list\n';
		const badPadding = 'DRIVER  VOLUME NAME\nlocal   todo-list\n';
		expect(normaliseTranscript(good)).toBe('DRIVER | VOLUME NAME\nlocal | todo-list\n');
		expect(normaliseTranscript(badPadding)).toContain('<BAD PADDING>');
	});

	it('hides relative times but not the state they describe', () => {
		const a = 'Up 3 seconds\nExited (0) Less than a second ago\n';
		const b = 'Up About a minute\nExited (0) 2 hours ago\n';
		expect(normaliseTranscript(a)).toBe(normaliseTranscript(b));
		expect(normaliseTranscript('Up 3 seconds\n')).not.toBe(normaliseTranscript('Exited (0) 3 seconds ago\n'));
	});

	it('orders diff lines canonically but keeps their kinds', () => {
		const real = '$ docker container diff todo1\nA /data\nC /app\nA /app/state.txt\nD /app/old.json\n';
		const sim = '$ docker container diff todo1\nC /app\nA /app/state.txt\nD /app/old.json\nA /data\n';
		expect(normaliseTranscript(real)).toBe(normaliseTranscript(sim));
		expect(normaliseTranscript(sim)).not.toBe(normaliseTranscript(sim.replace('D /app/old.json', 'C /app/old.json')));
	});

	it('expands tabs as a terminal does', () => {
		expect(normaliseTranscript('\tdocker cp\n')).toBe('        docker cp\n');
	});
});
