/**
 * The docker commands off the book's path, each through the learner's shell. Their exact texts are checked
 * against the real engine by the golden transcripts (test/golden/*.cmds); these tests pin what the world
 * becomes, which a transcript shows only in part.
 */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runScript} from '../../source/lab/script.js';
import type {World} from '../../source/engine/index.js';

/** A world and the learner's shell on it: each line's output (stdout and stderr as the terminal shows them) and status. */
function lab(): {world: World; sh: (line: string) => {out: string; status: number}} {
	const world = defaultWorld({seed: 1});
	return {
		world,
		sh(line: string) {
			let out = '';
			runScript(world, [line], text => (out += text), {columns: 400, tty: true});
			return {out: out.slice(`$ ${line}\n`.length), status: world.host.lastStatus};
		},
	};
}

function container(world: World, name: string) {
	return Object.values(world.containers).find(c => c.name === name);
}

describe('container kill, pause, rename, wait, update', () => {
	it('kill sends SIGKILL (137); SIGTERM stops the to-do server (0) and leaves a sleeping PID 1 running', () => {
		const l = lab();
		l.sh('docker container run -d --name s1 alpine:3.9 sleep 1000');
		expect(l.sh('docker container kill -s TERM s1').status).toBe(0);
		expect(container(l.world, 's1')?.status).toBe('running');
		l.sh('docker container kill s1');
		expect(container(l.world, 's1')).toMatchObject({status: 'exited', exitCode: 137});
		l.sh('docker container run -d --name todo diamol/ch06-todo-list');
		l.sh('docker kill --signal SIGTERM todo');
		expect(container(l.world, 'todo')).toMatchObject({status: 'exited', exitCode: 0});
		expect(l.sh('docker container kill -s NOPE todo').out).toBe('Error response from daemon: Invalid signal: NOPE\n');
	});

	it('a paused container stays up, refuses exec, and shows as paused until unpaused', () => {
		const l = lab();
		l.sh('docker container run -d --name p1 alpine:3.9 sleep 1000');
		l.sh('docker container pause p1');
		expect(container(l.world, 'p1')).toMatchObject({status: 'running', paused: true});
		expect(l.sh("docker container ls --format '{{.State}} {{.Status}}'").out).toMatch(/^paused Up .* \(Paused\)\n$/);
		const refused = l.sh('docker container exec p1 ls');
		expect(refused).toEqual({out: 'Error response from daemon: Container p1 is paused, unpause the container before exec\n', status: 1});
		l.sh('docker container unpause p1');
		expect(l.sh('docker container exec p1 echo ok').out).toBe('ok\n');
	});

	it('rename moves the name; the old one is free again', () => {
		const l = lab();
		l.sh('docker container run --name rn1 diamol/ch06-random-number');
		l.sh('docker container rename rn1 rn2');
		expect(container(l.world, 'rn2')).toBeDefined();
		expect(container(l.world, 'rn1')).toBeUndefined();
		expect(l.sh('docker container run --name rn1 diamol/ch06-random-number').status).toBe(0);
	});

	it('wait prints exit codes; update --restart changes the policy inspect shows', () => {
		const l = lab();
		l.sh("docker container run --name e3 alpine:3.9 sh -c 'exit 3'");
		expect(l.sh('docker container wait e3').out).toBe('3\n');
		l.sh('docker container run -d --name s1 alpine:3.9 sleep 1000');
		l.sh('docker container update --restart on-failure:5 s1');
		expect(l.sh("docker container inspect --format '{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}' s1").out).toBe('on-failure:5\n');
	});

	it('port lists published ports of a running container only', () => {
		const l = lab();
		l.sh('docker container run -d --name t1 -p 8010:80 diamol/ch06-todo-list');
		expect(l.sh('docker port t1 80').out).toBe('0.0.0.0:8010\n[::]:8010\n');
		l.sh('docker container stop t1');
		expect(l.sh('docker port t1').out).toBe('');
	});
});

describe('ambiguous id prefixes', () => {
	it("a prefix two containers share names neither, with the daemon's error", () => {
		const l = lab();
		for (let i = 0; i < 17; i++) l.sh(`docker container create --name c${i} alpine:3.9 true`);
		const firsts = Object.values(l.world.containers).map(c => c.id[0]!);
		const shared = firsts.find((ch, index) => firsts.indexOf(ch) !== index)!;
		expect(l.sh(`docker container rm ${shared}`)).toEqual({out: `Error response from daemon: Multiple IDs found with provided prefix: ${shared}\n`, status: 1});
		expect(l.sh(`docker container kill ${shared}`).out).toBe(`Error response from daemon: Cannot kill container: ${shared}: Multiple IDs found with provided prefix: ${shared}\n`);
		expect(Object.keys(l.world.containers)).toHaveLength(17);
	});
});

describe('image tag, prune, save and load', () => {
	it('tag adds a name; rm of one of several tags only untags', () => {
		const l = lab();
		l.sh('docker image tag alpine:3.9 mine:1');
		const image = Object.values(l.world.images).find(i => i.repoTags.includes('mine:1'));
		expect(image?.repoTags).toEqual(['alpine:3.9', 'mine:1']);
		expect(l.sh('docker image rm mine:1').out).toBe('Untagged: mine:1\n');
		expect(l.world.images[image!.id]?.repoTags).toEqual(['alpine:3.9']);
	});

	it('prune removes dangling images only; save/load round-trips an image through a host file', () => {
		const l = lab();
		l.sh("docker container run --name c1 alpine:3.9 sh -c 'echo hi > /x'");
		l.sh('docker container commit c1');
		l.sh('docker container rm c1');
		const before = Object.keys(l.world.images).length;
		expect(l.sh('docker image prune -f').out).toMatch(/^Deleted Images:\ndeleted: sha256:[0-9a-f]{64}\n/);
		expect(Object.keys(l.world.images)).toHaveLength(before - 1);
		l.sh('docker image save -o base.tar diamol/base');
		l.sh('docker image rm diamol/base');
		expect(Object.values(l.world.images).some(i => i.repoTags.includes('diamol/base:latest'))).toBe(false);
		expect(l.sh('docker image load -i base.tar').out).toContain('Loaded image: diamol/base:latest\n');
		expect(l.sh('docker container run --rm diamol/base echo back').out).toBe('back\n');
	});
});

describe('networks and system', () => {
	it('user networks are metadata: create, connect, refuse removal while in use, prune', () => {
		const l = lab();
		expect(l.sh('docker network create app').out).toMatch(/^[0-9a-f]{64}\n$/);
		l.sh('docker container run -d --name s1 --network app alpine:3.9 sleep 1000');
		expect(l.sh('docker network rm app').status).toBe(1);
		l.sh('docker container rm -f s1');
		expect(l.sh('docker network prune -f').out).toBe('Deleted Networks:\napp\n\n');
		expect(l.sh("docker network ls --format '{{.Name}}'").out).toBe('bridge\nhost\nnone\n');
	});

	it('system df counts what the world holds; system prune removes stopped containers', () => {
		const l = lab();
		l.sh("docker container run --name c1 alpine:3.9 sh -c 'echo hello > /hello.txt'");
		expect(l.sh("docker system df --format '{{.Type}} {{.TotalCount}} {{.Size}}'").out).toBe('Images 2 1.986MB\nContainers 1 6B\nLocal Volumes 0 0B\nBuild Cache 0 0B\n');
		expect(l.sh('docker system prune -f').out).toMatch(/^Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 6B\n$/);
		expect(Object.keys(l.world.containers)).toHaveLength(0);
	});
});

describe("Docker's own mount and cp errors", () => {
	it('refuses a relative --mount target and a host path as a volume name, creating nothing', () => {
		const l = lab();
		const relative = l.sh('docker container run --mount type=bind,source=/home/student/diamol,target=data alpine:3.9 true');
		expect(relative.out).toContain(`invalid mount path: 'data' mount path must be absolute`);
		expect(relative.status).toBe(125);
		const hostPath = l.sh('docker container run --mount type=volume,source=/home/student/diamol/databases,target=/data alpine:3.9 true');
		expect(hostPath.out).toContain('includes invalid characters for a local volume name');
		expect(Object.keys(l.world.containers)).toHaveLength(0);
		expect(Object.keys(l.world.volumes)).toHaveLength(0);
	});

	it('cp into a missing folder prints the copy first, then the daemon error', () => {
		const l = lab();
		l.sh('docker container run --name rn1 diamol/ch06-random-number');
		l.sh('echo hello > hello.txt');
		expect(l.sh('docker container cp hello.txt rn1:/nosuch/hello.txt').out).toBe(
			'Successfully copied 2.05kB to rn1:/nosuch/hello.txt\nError response from daemon: Could not find the file /nosuch in container rn1\n',
		);
		expect(l.sh('docker container cp rn1:/random .').out).toBe('Successfully copied 3.58kB to /home/student/diamol/.\n');
	});
});
