/**
 * busybox `ps` in containers, against what the real engine printed (test/golden/ps.txt records the
 * same lines): PID 1 is the main process, a `docker exec` adds its own, a shell's last command keeps
 * the shell's command line. On the host `ps` says what to use instead.
 */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';

const base = defaultWorld({seed: 2, preload: true});
const text = (result: {output: Array<{text: string}>}) => result.output.map(chunk => chunk.text).join('');

function session() {
	const world = structuredClone(base);
	return (line: string) => text(runLine(world, line, {columns: 80, tty: false}));
}

/** `ps -o pid,ppid,comm` rows as [pid, ppid, comm]. */
function table(output: string): Array<[string, string, string]> {
	return output
		.split('\n')
		.filter(line => /^ *\d/.test(line))
		.map(line => line.trim().split(/ +/) as [string, string, string]);
}

describe('busybox ps in a container', () => {
	it('in a -it shell, lists the shell and ps as its child (run -it: the shell is PID 1; exec -it: beside the main process)', () => {
		const world = structuredClone(base);
		const run = (line: string) => text(runLine(world, line, {columns: 80, tty: true}));
		run('docker container run -it --name t2 diamol/base sh');
		let rows = table(run('ps -o pid,ppid,comm'));
		expect(rows.map(row => row[2])).toEqual(['sh', 'ps']);
		expect(rows[0]![0]).toBe('1');
		expect(rows[1]![1]).toBe(rows[0]![0]);
		run('exit');
		run('docker container run -d --name t1 diamol/base sleep 1000');
		run('docker container exec -it t1 sh');
		rows = table(run('ps -o pid,ppid,comm'));
		expect(rows.map(row => row[2])).toEqual(['sleep', 'sh', 'ps']);
		expect(rows[2]![1]).toBe(rows[1]![0]);
	});

	it('shows ps itself as PID 1 when it is the main process, with its arguments', () => {
		const run = session();
		expect(run('docker container run --rm alpine:3.9 ps')).toBe('PID   USER     COMMAND\n    1 root     ps\n');
		expect(run('docker container run --rm alpine:3.9 ps aux')).toBe('PID   USER     COMMAND\n    1 root     ps aux\n');
		expect(run('docker container run --rm alpine:3.9 ps -ef')).toBe('PID   USER     COMMAND\n    1 root     ps -ef\n');
	});

	it('prints the columns -o asks for', () => {
		const run = session();
		expect(run('docker container run --rm alpine:3.9 ps -o pid,comm')).toBe('PID   COMMAND\n    1 ps\n');
		expect(run('docker container run --rm alpine:3.9 ps -o comm,pid,user,args')).toBe(
			'COMMAND          PID   USER     COMMAND\nps                   1 root     ps -o comm,pid,user,args\n',
		);
		expect(run('docker container run --rm alpine:3.9 ps -o pid=')).toBe('    1\n');
	});

	it('refuses options busybox does not have, with its usage', () => {
		const run = session();
		expect(run('docker container run --rm alpine:3.9 ps -x; echo "exit $?"')).toMatch(
			/^ps: invalid option -- 'x'\nBusyBox v1\.35\.0 .*\n\nUsage: ps \[-o COL1,COL2=HEADER\] \[-T\]\n[^]*exit 1\n$/,
		);
		expect(run('docker container run --rm alpine:3.9 ps -o foo; echo "exit $?"')).toBe(
			"ps: bad -o argument 'foo', supported arguments: user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss\nexit 1\n",
		);
	});

	it("keeps the shell's command line when ps is the script's last command", () => {
		const run = session();
		expect(run(`docker container run --rm alpine:3.9 sh -c 'ps'`)).toBe('PID   USER     COMMAND\n    1 root     {ps} sh -c ps\n');
		expect(run(`docker container run --rm alpine:3.9 sh -c 'echo; ps'`)).toBe('\nPID   USER     COMMAND\n    1 root     {ps} sh -c echo; ps\n');
		expect(run(`docker container run --rm alpine:3.9 sh -c 'ps; echo done'`)).toBe(
			'PID   USER     COMMAND\n    1 root     sh -c ps; echo done\n    7 root     {ps} sh -c ps; echo done\ndone\n',
		);
	});

	it('lists the main process and the exec beside it', () => {
		const run = session();
		run('docker container run -d --name ps1 alpine:3.9 sleep 1000');
		expect(run('docker container exec ps1 ps')).toBe('PID   USER     COMMAND\n    1 root     sleep 1000\n    6 root     ps\n');
		expect(run(`docker container exec ps1 sh -c 'ps'`)).toBe('PID   USER     COMMAND\n    1 root     sleep 1000\n    6 root     {ps} sh -c ps\n');
		expect(run(`docker container exec ps1 sh -c 'ps -o pid,ppid,comm; echo done'`)).toBe('PID   PPID  COMMAND\n    1     0 sleep\n    6     0 sh\n   12     6 ps\ndone\n');
		// sh -c with one simple command execs it: ps sees the command, not the shell
		run(`docker container run -d --name ps2 alpine:3.9 sh -c 'sleep 1000'`);
		expect(run('docker container exec ps2 ps')).toBe('PID   USER     COMMAND\n    1 root     sleep 1000\n    7 root     ps\n');
	});

	it('is not simulated on the host, and says what to use instead', () => {
		expect(session()('ps')).toBe('layerlab: `ps` is not simulated here: use docker container ls, or docker container top NAME.\n');
	});
});
