/**
 * The simulated disk's quota (engine/disk.ts): each area — the host's files, a volume, a container's
 * writable layer — holds at most AREA_QUOTA characters. Texts recorded from the real programs writing
 * to a full 64 KiB tmpfs: GNU coreutils and bash 5.2 on the host, busybox 1.35 (the images' busybox)
 * for the containers, and Docker CLI 28.2.2 with daemon 20.10 for `docker cp` (a tmpfs volume for the
 * daemon's side, a tmpfs folder for the CLI's side) and `docker export -o`.
 */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {AREA_QUOTA, entryChars} from '../../source/engine/disk.js';
import {treeFs} from '../../source/engine/treefs.js';
import type {Tree, World} from '../../source/engine/world.js';

const text = (result: {output: Array<{text: string}>}) => result.output.map(chunk => chunk.text).join('');
const EIGHT_MIB = `x=0123456789abcdef; for i in $(seq 19); do x=$x$x; done; printf %s "$x" >`;
const measured = (tree: Tree) => Object.values(tree).reduce((sum, entry) => sum + entryChars(entry), 0);

/** A world whose host holds eight 8 MiB files: one more write of any size past what is left fails. */
function fullHost(): World {
	const world = defaultWorld({seed: 1});
	runLine(world, `${EIGHT_MIB} a`);
	for (let i = 1; i < 7; i++) expect(runLine(world, `cp a a${i}`).status).toBe(0);
	const left = AREA_QUOTA - world.host.used!;
	expect(left).toBeGreaterThan(0);
	expect(left).toBeLessThan(8 * 1024 * 1024);
	return world;
}

describe('the disk quota on the host (GNU coreutils and bash)', () => {
	it('cp past the quota: GNU names the file it was writing; nothing is written; rm makes room again', () => {
		const world = fullHost();
		const used = world.host.used;
		expect(runLine(world, 'cp a a7')).toEqual({output: [{stream: 'stderr', text: "cp: error writing 'a7': No space left on device\n"}], status: 1});
		expect(world.host.files['/home/student/diamol/a7']).toBeUndefined();
		expect(world.host.used).toBe(used);
		runLine(world, 'mkdir d; mv a6 d/');
		expect(text(runLine(world, 'cp -r d e'))).toBe("cp: error writing 'e/a6': No space left on device\n");
		expect(text(runLine(world, 'mkdir f; cp a f/'))).toBe("cp: error writing 'f/a': No space left on device\n");
		expect(runLine(world, 'rm a1 a2; cp a a7').status).toBe(0);
	});

	it('redirections, tee and sed -i say what bash, cat, tee and sed say', () => {
		const world = fullHost();
		expect(runLine(world, 'cat a > z')).toEqual({output: [{stream: 'stderr', text: 'cat: write error: No space left on device\n'}], status: 1});
		expect(world.host.files['/home/student/diamol/z']).toMatchObject({kind: 'file', content: ''});
		expect(text(runLine(world, 'x=$(cat a); echo $x > e'))).toBe('bash: echo: write error: No space left on device\n');
		expect(runLine(world, 'tee t < a > /dev/null')).toEqual({output: [{stream: 'stderr', text: 'tee: t: No space left on device\n'}], status: 1});
		const sed = runLine(world, 'sed -i s/0/1/ a');
		expect(text(sed)).toMatch(/^sed: couldn't write 8388608 items to \.\/sed[A-Za-z0-9]{6}: No space left on device\n$/);
		expect(sed.status).toBe(4);
		expect((world.host.files['/home/student/diamol/a'] as {content: string}).content.startsWith('0123')).toBe(true);
	});

	it('mv renames: moving a file on a full disk needs no room', () => {
		const world = fullHost();
		expect(runLine(world, 'mkdir m; mv a m/a && mv a1 b')).toEqual({output: [], status: 0});
		expect(world.host.used).toBe(measured(world.host.files));
	});

	it('a line stopped by a limit leaves the count as it was', () => {
		const world = defaultWorld({seed: 1});
		runLine(world, 'echo hi > f');
		const used = world.host.used;
		expect(runLine(world, 'echo more > g; while true; do :; done').stoppedBy).toBe('steps');
		expect(world.host.used).toBe(used);
		expect(world.host.files['/home/student/diamol/g']).toBeUndefined();
	});
});

describe('the disk quota in containers (busybox) and on docker’s side', () => {
	function withContainer(): World {
		const world = defaultWorld({seed: 1});
		for (const line of ['docker volume create vol', 'docker run -d --name tq -v vol:/data alpine:3.9 sleep 1000']) expect(runLine(world, line).status).toBe(0);
		const fill = `${EIGHT_MIB.replace('>', '> /data/a')}; for i in 1 2 3 4 5 6 7; do cp /data/a /data/a$i; done`;
		expect(runLine(world, `docker exec tq sh -c '${fill}'`)).toEqual({output: [], status: 0});
		expect(world.volumes['vol']!.used).toBe(AREA_QUOTA);
		return world;
	}

	it("busybox's words for cp, mv, cat, echo, tee and sed -i on a full volume", () => {
		const world = withContainer();
		const lines = [
			'cp /data/a /data/b; echo $?',
			'cat /data/a > /data/z; echo $?',
			'echo x > /data/y; echo $?',
			'tee /data/t < /data/a > /dev/null; echo $?',
			'sed -i s/0/1/ /data/a; echo $?',
			'mv /data/a /data/m; echo $?',
		];
		const result = runLine(world, `docker exec tq sh -c '${lines.join('; ')}' 2>&1`);
		expect(text(result)).toBe(
			[
				'cp: write error: No space left on device',
				'1',
				'cat: write error: No space left on device',
				'1',
				'sh: write error: No space left on device',
				'1',
				'tee: /data/t: I/O error',
				'1',
				'sed: write error',
				'4',
				'0',
				'',
			].join('\n'),
		);
		// the writable layer is an area of its own: it still has room
		expect(runLine(world, "docker exec tq sh -c 'cp /data/a1 /a1'").status).toBe(0);
		expect(world.containers[Object.keys(world.containers)[0]!]!.used).toBe(8 * 1024 * 1024);
	});

	it('docker cp into a full volume: the whole archive is sent, then the daemon fails extracting it', () => {
		const world = withContainer();
		runLine(world, 'echo hello > small');
		expect(runLine(world, 'docker cp small tq:/data/')).toEqual({
			output: [
				{stream: 'stdout', text: 'Successfully copied 2.05kB to tq:/data/\n'},
				{stream: 'stderr', text: 'Error response from daemon: Error processing tar file(exit status 1): write /data/small: no space left on device\n'},
			],
			status: 1,
		});
		expect(world.volumes['vol']!.files['/small']).toBeUndefined();
	});

	it('docker cp out to a full host: the CLI counts the 32 KiB chunks it read and names the file', () => {
		const world = withContainer();
		const host = fullHost();
		host.containers = world.containers;
		host.volumes = world.volumes;
		const room = AREA_QUOTA - host.host.used!;
		const result = runLine(host, 'docker cp tq:/data/a1 copy');
		const chunks = Math.ceil((512 + room + 1) / 32768);
		expect(text(result)).toBe(
			`Successfully copied ${((chunks * 32768) / 1e6).toFixed(2)}MB to /home/student/diamol/copy\nwrite /home/student/diamol/copy: no space left on device\n`,
		);
		expect(result.status).toBe(1);
		expect(host.host.files['/home/student/diamol/copy']).toBeUndefined();
	});

	it('docker export -o to a full host names the CLI’s temporary file', () => {
		const world = fullHost();
		runLine(world, 'docker run -d --name tq alpine:3.9 sleep 1000');
		expect(runLine(world, `printf %s "$x" | head -c ${AREA_QUOTA - world.host.used!} > pad`).status).toBe(0);
		expect(world.host.used).toBe(AREA_QUOTA);
		const result = runLine(world, 'docker export -o t.tar tq');
		expect(text(result)).toMatch(/^write \/home\/student\/diamol\/\.tmp-t\.tar[0-9]+: no space left on device\n$/);
		expect(result.status).toBe(1);
	});
});

describe('the accounting', () => {
	it('is O(1) per write: a thousand writes to a large area never walk its tree again', () => {
		const tree: Tree = {};
		for (let i = 0; i < 5000; i++) tree[`/f${i}`] = {kind: 'file', mode: 0o644, content: 'x'};
		let walks = 0;
		const counted = new Proxy(tree, {
			ownKeys(target) {
				walks++;
				return Reflect.ownKeys(target);
			},
		});
		const area: {used?: number} = {};
		const fs = treeFs(counted, undefined, area);
		for (let i = 0; i < 1000; i++) fs.write(`/g${i}`, 'yy');
		expect(walks).toBe(1);
		expect(area.used).toBe(5000 + 2000);
	});

	it('keeps the count equal to what the files hold, through writes, appends, links, moves, copies and removals', () => {
		const world = defaultWorld({seed: 7});
		const lines = [
			'mkdir -p w/x/y; echo one > w/a; echo two >> w/a; printf abc > w/x/b',
			'ln -s ../a w/x/l; cp -r w w2; mv w2 w3',
			'sed -i s/one/three/ w/a; tee w/x/y/t < w/a > /dev/null',
			'rm -r w/x; cp w/a w3/a; rm w3/x/l',
		];
		for (const line of lines) {
			runLine(world, line);
			expect(world.host.used).toBe(measured(world.host.files));
		}
	});
});
