/**
 * File times in the world: what stamps an entry's mtime and what keeps it, on the host and in a
 * container's union view (the outputs themselves are checked against the real programs in
 * userland.test.ts and the file-times golden). Expected lines are the real programs' (GNU ls on this
 * machine with the same times, busybox ls in alpine:3.9 on the real engine).
 */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {IMAGE_MTIME, mtimeOf} from '../../source/engine/fsapi.js';

const text = (result: {output: Array<{text: string}>}) => result.output.map(chunk => chunk.text).join('');
const home = '/home/student/diamol';

describe('file times', () => {
	it('a write stamps the file and its folder with the clock; a later write moves only what it changes', () => {
		const world = defaultWorld({seed: 1});
		runLine(world, 'mkdir d && echo a > d/f');
		const first = world.clock;
		expect(mtimeOf(world.host.files[`${home}/d/f`]!)).toBe(first);
		expect(mtimeOf(world.host.files[`${home}/d`]!)).toBe(first);
		runLine(world, 'echo b >> d/f');
		expect(mtimeOf(world.host.files[`${home}/d/f`]!)).toBe(world.clock);
		expect(mtimeOf(world.host.files[`${home}/d`]!)).toBe(first);
		runLine(world, 'rm d/f');
		expect(mtimeOf(world.host.files[`${home}/d`]!)).toBe(world.clock);
	});

	it('ls -l shows month, day and time within six months, the year before that or in the future', () => {
		const world = defaultWorld({seed: 1});
		world.clock = Date.UTC(2026, 11, 4, 13, 30);
		runLine(world, "touch -d '2026-11-04 13:38' a && touch -d '2026-06-01 10:00' b && touch -d '2027-01-01 00:00' c");
		expect(text(runLine(world, 'ls -l a b c'))).toBe(
			'-rw-r--r-- 1 student student 0 Nov  4 13:38 a\n-rw-r--r-- 1 student student 0 Jun  1  2026 b\n-rw-r--r-- 1 student student 0 Jan  1  2027 c\n',
		);
	});

	it("in a container: image files keep the images' time, Docker's init files and the root carry the container's, a touched image folder is merged (1 link)", () => {
		const world = defaultWorld({seed: 1, preload: true});
		runLine(world, 'docker container run -d --name box alpine:3.9 sleep 300');
		const out = text(runLine(world, `docker container exec box sh -c 'ls -ld /home /etc; touch -d "2024-02-29 08:05:03" /root; ls -ld /root; ls -l /etc/os-release'`));
		const lines = out.split('\n');
		expect(lines[0]).toMatch(/^drwxr-xr-x {4}1 root {5}root {10}4096 Jan {2}5 09:00 \/etc$/);
		expect(lines[1]).toBe('drwxr-xr-x    2 root     root          4096 Sep 19  2019 /home');
		expect(lines[2]).toBe('drwx------    1 root     root          4096 Feb 29  2024 /root');
		expect(lines[3]).toBe('-rw-r--r--    1 root     root            79 Sep 19  2019 /etc/os-release');
		expect(text(runLine(world, 'docker container diff box'))).toBe('');
	});

	it('cp stamps the copy, cp -p and mv keep the time; catalog layers keep no times of their own', () => {
		const world = defaultWorld({seed: 1});
		runLine(world, "echo a > f && touch -d '2024-01-01 10:00:00' f && cp f g && cp -p f h && mv f m");
		const at = Date.UTC(2024, 0, 1, 10);
		expect(mtimeOf(world.host.files[`${home}/g`]!)).toBe(world.clock);
		expect(mtimeOf(world.host.files[`${home}/h`]!)).toBe(at);
		expect(mtimeOf(world.host.files[`${home}/m`]!)).toBe(at);
		for (const layer of Object.values(world.layers)) for (const entry of Object.values(layer.entries)) expect(mtimeOf(entry)).toBe(IMAGE_MTIME);
	});
});
