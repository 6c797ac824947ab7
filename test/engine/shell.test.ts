/** The learner's bash on the host and busybox sh in containers: the parts the book's commands use. */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import type {World} from '../../source/engine/world.js';

function shell(world: World = defaultWorld({seed: 2, preload: true})) {
	return (line: string) =>
		runLine(world, line)
			.output.map(chunk => chunk.text)
			.join('');
}

describe('host bash', () => {
	it('expands $(pwd) inside double quotes and keeps variables between lines', () => {
		const run = shell();
		expect(run(`source="$(pwd)/databases" && target='/data'`)).toBe('');
		expect(run('echo "$source -> $target"')).toBe('/home/student/diamol/databases -> /data\n');
		expect(run('cd ch06/exercises && pwd')).toBe('/home/student/diamol/ch06/exercises\n');
		expect(run('pwd')).toBe('/home/student/diamol/ch06/exercises\n');
	});

	it('splits unquoted expansions into words but not quoted ones', () => {
		const run = shell();
		run('x="a   b"');
		expect(run('echo $x')).toBe('a b\n');
		expect(run('echo "$x"')).toBe('a   b\n');
	});

	it('runs && only after success and || only after failure, and sets $?', () => {
		const run = shell();
		expect(run('cat nosuch && echo yes || echo no')).toBe('cat: nosuch: No such file or directory\nno\n');
		expect(run('false; echo $?')).toBe('1\n');
		expect(run('true && echo $?')).toBe('0\n');
	});

	it('redirects output into files, appends with >>, and reports impossible redirections', () => {
		const run = shell();
		expect(run('echo "http://eltonstoneman.com" > url.txt')).toBe('');
		expect(run('echo second >> url.txt && cat url.txt')).toBe('http://eltonstoneman.com\nsecond\n');
		expect(run('echo x > nowhere/file.txt')).toBe('bash: nowhere/file.txt: No such file or directory\n');
		expect(run('cat nosuch 2>/dev/null; echo done')).toBe('done\n');
	});

	it('expands globs against the host and leaves unmatched patterns as written', () => {
		const run = shell();
		run('echo 1 > number1.txt; echo 2 > number2.txt');
		expect(run('cat number*.txt')).toBe('1\n2\n');
		expect(run('echo nothing*.here')).toBe('nothing*.here\n');
	});

	it('prints columns like GNU ls on a terminal and one name a line into a pipe', () => {
		const run = shell();
		expect(run('ls ch06/exercises')).toBe('bind-mount  file-display  random-number  todo-list  todo-list-v2\n');
		expect(run('ls ch06/exercises | cat')).toBe('bind-mount\nfile-display\nrandom-number\ntodo-list\ntodo-list-v2\n');
		expect(run('ls nosuch')).toBe("ls: cannot access 'nosuch': No such file or directory\n");
	});

	it('answers unknown commands and syntax errors the way bash does', () => {
		const run = shell();
		expect(run('foo --bar')).toBe('bash: foo: command not found\n');
		expect(run('echo "unterminated')).toBe('bash: unexpected EOF while looking for matching `"\'\n');
		expect(run('&& ls')).toBe("bash: syntax error near unexpected token `&&'\n");
		expect(run('./ch06/exercises/random-number/random.sh')).toBe('bash: ./ch06/exercises/random-number/random.sh: Permission denied\n');
	});

	it('expands ~ and ${VAR:-default}', () => {
		const run = shell();
		expect(run('echo ~ ${unset:-fallback} ${HOME}')).toBe('/home/student fallback /home/student\n');
	});
});

describe('busybox sh in containers', () => {
	it('prints busybox messages for missing files and read-only mounts', () => {
		const run = shell();
		run('docker container run -d --name cfg --mount type=bind,source=/home/student/diamol/ch06/exercises/todo-list/config,target=/app/config,readonly diamol/ch06-todo-list');
		expect(run(`docker container exec cfg sh -c 'echo hi > /app/config/config.json'`)).toBe("sh: can't create /app/config/config.json: Read-only file system\n");
		expect(run('docker container exec cfg cat /app/nosuch')).toBe("cat: can't open '/app/nosuch': No such file or directory\n");
		expect(run('docker container exec cfg sh -c "nosuchcommand"')).toBe('sh: nosuchcommand: not found\n');
		expect(run('docker container exec cfg sh -c "cd /nowhere"')).toBe("sh: cd: can't cd to /nowhere: No such file or directory\n");
	});

	it('resolves programs through PATH in the container, so deleting one makes it disappear', () => {
		const run = shell();
		run('docker container run -d --name box diamol/ch06-todo-list');
		expect(run('docker container exec box ls /app/config')).toBe('ls: /app/config: No such file or directory\n');
		run('docker container exec box rm /bin/ls');
		expect(run('docker container exec box ls /')).toContain('executable file not found in $PATH');
		expect(run('docker container exec box sh -c "ls /"')).toBe('sh: ls: not found\n');
	});

	it('gives each container its own $RANDOM and positional parameters to scripts', () => {
		const run = shell();
		expect(run(`docker container run --rm alpine:3.9 sh -c 'echo $0 $1 $#' name one two`)).toBe('name one 2\n');
		run('docker container run --name rn1 diamol/ch06-random-number');
		run('docker container run --name rn2 diamol/ch06-random-number');
		const first = run('docker container cp rn1:/random/number.txt - >/dev/null; docker container start -a rn1');
		expect(first).toBe('');
	});
});
