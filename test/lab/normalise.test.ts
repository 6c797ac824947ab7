/** The normaliser may only hide what differs between two real runs; these differences must survive. */
import {describe, expect, it} from 'vitest';
import {mapHostFolder, normaliseTranscript} from '../../source/lab/normalise.js';

const ID_A = 'a'.repeat(12) + '1'.repeat(52);
const ID_B = 'b'.repeat(12) + '2'.repeat(52);

describe('normaliseTranscript', () => {
	it('maps ids by first appearance and keeps short and full forms of one id together', () => {
		const one = normaliseTranscript(`${ID_A}\n${ID_A.slice(0, 12)}\n`);
		const two = normaliseTranscript(`${ID_B}\n${ID_B.slice(0, 12)}\n`);
		expect(one).toBe(two);
		expect(one).toBe('<ID1>\n<ID1:12>\n');
	});

	it('hides the time of a recently changed file in ls -l, and keeps everything else on the line', () => {
		const real = '-rw-r--r--    1 root     root             3 Dec  4 13:27 f\ndrwxr-xr-x 3 student student 4.0K Jan  5 09:00 d\n';
		const simulated = '-rw-r--r--    1 root     root             3 Jan  5 09:00 f\ndrwxr-xr-x 3 student student 4.0K Dec 14 23:59 d\n';
		expect(normaliseTranscript(real)).toBe(normaliseTranscript(simulated));
		expect(normaliseTranscript(real)).toBe('-rw-r--r--    1 root     root             3 <RECENT> f\ndrwxr-xr-x 3 student student 4.0K <RECENT> d\n');
		const old = '-rwxr-xr-x    1 root     root        1.9M Sep 19  2019 /bin/busybox\n';
		expect(normaliseTranscript(old)).toBe(old);
		expect(normaliseTranscript(old)).not.toBe(normaliseTranscript(old.replace('2019', '2020')));
		expect(normaliseTranscript(real)).not.toBe(normaliseTranscript(real.replace(' 3 Dec', ' 4 Dec')));
		expect(normaliseTranscript(real)).not.toBe(normaliseTranscript(real.replace('-rw-r--r--', '-rwxr--r--')));
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

	it("drops the lab's own lines, and nothing Docker printed", () => {
		const docker = "$ docker contianer ls\ndocker: unknown command: docker contianer\n\nRun 'docker --help' for more information\n";
		expect(normaliseTranscript(docker + 'layerlab: did you mean `docker container ls`?\n')).toBe(normaliseTranscript(docker));
		expect(normaliseTranscript('$ echo layerlab: x\nlayerlab: x\n')).toBe('$ echo layerlab: x\n');
	});

	it("puts one image's names in name order, and keeps different images where they are", () => {
		const table = (rows: string[]) => ['REPOSITORY    TAG       IMAGE ID       CREATED       SIZE', ...rows].join('\n') + '\n';
		const a = 'student/app   1         a4a30f9063e6   7 years ago   1.99MB';
		const b = 'diamol/base   latest    a4a30f9063e6   7 years ago   1.99MB';
		const c = 'alpine        3.9       cee6584999a9   7 years ago   1.99MB';
		expect(normaliseTranscript(table([a, b, c]))).toBe(normaliseTranscript(table([b, a, c])));
		expect(normaliseTranscript(table([c, a, b]))).not.toBe(normaliseTranscript(table([a, b, c])));
	});

	it('expands tabs as a terminal does', () => {
		expect(normaliseTranscript('\tdocker cp\n')).toBe('        docker cp\n');
	});

	it('hides the size of a random number in a writable layer, and no other size', () => {
		const table = (size: string) => `CONTAINER ID   IMAGE     NAMES     SIZE\n${'a'.repeat(12)}   alpine    rn1       ${size} (virtual 1.99MB)\n`;
		expect(normaliseTranscript(table('5B'))).toBe(normaliseTranscript(table('6B')));
		expect(normaliseTranscript(table('5B'))).not.toBe(normaliseTranscript(table('7B')));
		expect(normaliseTranscript(table('5B'))).not.toBe(normaliseTranscript(table('5B').replace('1.99MB', '2MB')));
		expect(normaliseTranscript('Total reclaimed space: 2B\n')).toBe(normaliseTranscript('Total reclaimed space: 6B\n'));
		expect(normaliseTranscript('Total reclaimed space: 6B\n')).not.toBe(normaliseTranscript('Total reclaimed space: 12B\n'));
	});

	it('lists anonymous volumes after named ones, in token order, keeping every row', () => {
		const a = '1'.repeat(64);
		const b = '2'.repeat(64);
		const one = `$ docker volume ls\nDRIVER    VOLUME NAME\nlocal     ${a}\nlocal     named\nlocal     ${b}\n$ echo ${b} ${a}\n`;
		const two = `$ docker volume ls\nDRIVER    VOLUME NAME\nlocal     named\nlocal     ${b}\nlocal     ${a}\n$ echo ${a} ${b}\n`;
		expect(normaliseTranscript(one)).toBe('$ docker volume ls\nDRIVER | VOLUME NAME\nlocal | named\nlocal | <ID1>\nlocal | <ID2>\n$ echo <ID2> <ID1>\n');
		expect(normaliseTranscript(two)).toBe('$ docker volume ls\nDRIVER | VOLUME NAME\nlocal | named\nlocal | <ID1>\nlocal | <ID2>\n$ echo <ID2> <ID1>\n');
		expect(normaliseTranscript(one)).not.toBe(normaliseTranscript(one.replace('local     named\n', '')));
		const namedOrder = '$ docker volume ls -q\nzeta\nalpha\n';
		expect(normaliseTranscript(namedOrder)).toBe(namedOrder);
	});

	it("maps the verifier's temporary host folder back to the learner's home, and only that", () => {
		const root = '/tmp/layerlab-verify-Ab12Cd';
		expect(mapHostFolder(`Successfully copied 2.05kB to ${root}/home/student/diamol/n.txt\n`, root, '/home/student')).toBe(
			'Successfully copied 2.05kB to /home/student/diamol/n.txt\n',
		);
		expect(mapHostFolder(`${root}/other /tmp/x\n`, root, '/home/student')).toBe(`${root}/other /tmp/x\n`);
	});

	it("orders a container's mounts by destination (the daemon lists them from a Go map)", () => {
		const bind = '{"Type":"bind","Source":"/home/student/config","Destination":"/app/config","Mode":"","RW":false,"Propagation":"rprivate"}';
		const volume = `{"Type":"volume","Name":"${ID_A}","Source":"/var/lib/docker/volumes/${ID_A}/_data","Destination":"/data","Driver":"local","Mode":"","RW":true,"Propagation":""}`;
		expect(normaliseTranscript(`[${bind},${volume}]\n`)).toBe(normaliseTranscript(`[${volume},${bind}]\n`));
		expect(normaliseTranscript(`[${bind},${volume}]\n`)).not.toBe(normaliseTranscript(`[${volume},${bind.replace('"RW":false', '"RW":true')}]\n`));
		const fmtBind = '{bind  /home/student/config /app/config   false rprivate}';
		const fmtVolume = `{volume ${ID_A} /var/lib/docker/volumes/${ID_A}/_data /data local  true }`;
		expect(normaliseTranscript(`[${fmtVolume} ${fmtBind}]\n`)).toBe(normaliseTranscript(`[${fmtBind} ${fmtVolume}]\n`));
		const pretty = (items: string[]) => `        "Mounts": [\n${items.join(',\n')}\n        ],\n`;
		const item = (destination: string) => `            {\n                "Type": "bind",\n                "Destination": "${destination}"\n            }`;
		expect(normaliseTranscript(pretty([item('/b'), item('/a')]))).toBe(pretty([item('/a'), item('/b')]));
	});

	it('sorts the volumes a prune deleted, which the daemon lists in no set order', () => {
		const a = '1'.repeat(64);
		const prune = (names: string[]) => `$ docker volume prune -f\nDeleted Volumes:\n${names.join('\n')}\n\nTotal reclaimed space: 0B\n`;
		expect(normaliseTranscript(prune(['zeta', a, 'alpha']))).toBe(normaliseTranscript(prune([a, 'alpha', 'zeta'])));
		expect(normaliseTranscript(prune(['zeta', a]))).not.toBe(normaliseTranscript(prune(['zeta', a, 'alpha'])));
	});

	it("hides a running container's pid but not whether it runs", () => {
		expect(normaliseTranscript('"Pid": 18651,\n')).toBe(normaliseTranscript('"Pid": 1000,\n'));
		expect(normaliseTranscript('"Pid": 18651,\n')).not.toBe(normaliseTranscript('"Pid": 0,\n'));
	});

	it("hides the pids busybox ps gives exec'd processes, but keeps PID 1 and which process is whose parent", () => {
		const real = '$ docker exec c ps -o pid,ppid,comm\nPID   PPID  COMMAND\n    1     0 sleep\n   26     0 sh\n   33    26 ps\n$ echo 26\n26\n';
		const simulated = '$ docker exec c ps -o pid,ppid,comm\nPID   PPID  COMMAND\n    1     0 sleep\n    6     0 sh\n   12     6 ps\n$ echo 26\n26\n';
		expect(normaliseTranscript(real)).toBe(normaliseTranscript(simulated));
		expect(normaliseTranscript(real)).toContain('<PID1>     0 sh\n<PID2> <PID1> ps\n');
		expect(normaliseTranscript(real)).not.toBe(normaliseTranscript(simulated.replace('   12     6 ps', '   12     1 ps')));
		expect(normaliseTranscript(real)).not.toBe(normaliseTranscript(simulated.replace('    1     0 sleep', '    7     0 sleep')));
	});
});
