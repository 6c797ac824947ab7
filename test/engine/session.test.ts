/**
 * Interactive shells: `docker container run -it IMAGE sh`, `exec -it NAME sh` and `start -ai` put the
 * learner's terminal in the container's busybox sh until `exit`; the prompt follows it.
 */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {promptText, runLine} from '../../source/host/index.js';
import {transcript} from '../../source/lab/script.js';

const base = defaultWorld({seed: 1});
/** busybox sh's greeting on a terminal, with the terminal's line ends */
const BANNER = "\r\n\r\nBusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) built-in shell (ash)\r\nEnter 'help' for a list of built-in commands.\r\n\r\n";
const text = (result: {output: Array<{text: string}>}) => result.output.map(chunk => chunk.text).join('');

describe('interactive container shells', () => {
	it('run -it: lines run in the container until exit, which stops it with the shell status', () => {
		const world = structuredClone(base);
		expect(text(runLine(world, 'docker container run -it --name sh1 alpine:3.9 sh'))).toBe(BANNER);
		expect(promptText(world)).toBe('/ # ');
		expect(text(runLine(world, 'cd /etc && pwd && echo $HOSTNAME | wc -c'))).toBe('/etc\n13\n');
		expect(promptText(world)).toBe('/etc # ');
		expect(text(runLine(world, 'ls /home/student'))).toBe('ls: /home/student: No such file or directory\n');
		expect(text(runLine(world, 'exit 3'))).toBe('');
		expect(promptText(world)).toBe('student@layerlab:~/diamol$ ');
		expect(text(runLine(world, 'echo $?; docker container ls -a --format "{{.Names}} {{.Status}}"'))).toMatch(/^3\nsh1 Exited \(3\)/);
	});

	it('exec -it: the container keeps running after exit; -i without -t shows no prompt', () => {
		const world = structuredClone(base);
		runLine(world, 'docker container run -d --name box diamol/ch06-todo-list');
		runLine(world, 'docker container exec -it box sh');
		expect(promptText(world)).toBe('/app # ');
		expect(text(runLine(world, 'mkdir -p /app/new/deep && ls /app/new'))).toBe('deep\n');
		runLine(world, 'exit');
		expect(text(runLine(world, 'docker container ls --format "{{.Names}} {{.Status}}"'))).toMatch(/^box Up/);
		runLine(world, 'docker container exec -i box sh');
		expect(promptText(world)).toBe('');
		runLine(world, 'exit');
		expect(promptText(world)).toBe('student@layerlab:~/diamol$ ');
	});

	it('in script mode, lines after -it go to the container shell, shown after its prompt', () => {
		const lines = ['docker container run -it --rm alpine:3.9 sh', 'for i in 1 2; do', '  echo "n=$i"', 'done', 'exit', 'echo back'];
		expect(transcript(structuredClone(base), lines, {columns: 80, tty: true})).toBe(
			'$ docker container run -it --rm alpine:3.9 sh\n' + BANNER.replace(/\r/g, '') + '/ # for i in 1 2; do\n>   echo "n=$i"\n> done\nn=1\nn=2\n/ # exit\n$ echo back\nback\n',
		);
	});
});

describe('-t without -i, and keys in script mode', () => {
	it('run -t … sh shows the prompt, takes no lines; Ctrl+C reaches the shell twice and the third forces docker out', () => {
		const world = structuredClone(base);
		const lines = ['docker container run --name tsolo -t alpine:3.9 sh', 'echo typed', '<C-c>', '<C-c>', '<C-c>', 'echo $?'];
		const out = transcript(world, lines, {columns: 80, tty: true});
		expect(out.slice(out.indexOf('/ # '))).toBe('/ # echo typed\n^C\n/ # ^C\n/ # ^C\ngot 3 SIGTERM/SIGINTs, forcefully exiting\n$ echo $?\n1\n');
		expect(out).toContain('layerlab: tsolo has a terminal but not your input (-t without -i)');
		expect(Object.values(world.containers).find(container => container.name === 'tsolo')!.status).toBe('running');
	});

	it('run -dt … sh keeps running (its shell waits on a terminal); a key line at the host prompt only echoes', () => {
		const world = structuredClone(base);
		runLine(world, 'docker container run -dt --name bg alpine:3.9 sh');
		expect(promptText(world)).toBe('student@layerlab:~/diamol$ ');
		expect(text(runLine(world, 'docker container ls --format "{{.Names}} {{.Status}}"'))).toMatch(/^bg Up/);
		expect(text(runLine(world, '<C-c>'))).toBe('^C\n');
		expect(text(runLine(world, '<C-p><C-q>'))).toBe('');
	});
});
