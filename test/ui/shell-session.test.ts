/** The lab's prompt follows the learner into a container's shell, and Ctrl+D on an empty line leaves it. */
import {describe, expect, it} from 'vitest';
import {initialState, reduce, type AppState, type Env} from '../../source/ui/state.js';
import {createLab, promptText} from '../../source/lab/model/lab.js';
import {evaluate, freshWorld, testScenario} from './helpers/fixtures.js';

const env: Env = {evaluate, columns: 80, page: {} as Env['page'], content: {}};
const key = (input: string, ctrl = false) => ({type: 'key', input, key: {ctrl, meta: false, shift: false}, env}) as const;

function type(state: AppState, line: string): AppState {
	const typed = reduce(state, {type: 'insert', text: line, env});
	return reduce(typed, {type: 'command', command: 'run', env});
}

describe('a container shell at the lab prompt', () => {
	it('docker run -it … sh changes the prompt; Ctrl+D on an empty line exits to the host prompt', () => {
		let state = initialState(createLab(testScenario(), freshWorld(), {evaluate, columns: 80}));
		state = type(state, 'docker container run -it --name sh1 alpine:3.9 sh');
		expect(promptText(state.lab!.world)).toBe('/ # ');
		state = type(state, 'cd /etc');
		expect(promptText(state.lab!.world)).toBe('/etc # ');
		state = reduce(state, key('d', true) as never);
		expect(promptText(state.lab!.world)).toBe('student@layerlab:~/diamol$ ');
		expect(state.lab!.world.containers[Object.keys(state.lab!.world.containers)[0]!]!.status).toBe('exited');
	});
});

describe('keys for the docker command that holds the lab terminal', () => {
	const status = (state: AppState, name: string) => Object.values(state.lab!.world.containers).find(container => container.name === name)!.status;
	const shown = (state: AppState) =>
		state
			.lab!.terminal.map(block =>
				block.kind === 'command' ? block.prompt + (block.line.startsWith('<C-') ? '' : block.line) + block.output.map(chunk => chunk.text).join('') : '',
			)
			.join('');

	it('Ctrl+P Ctrl+Q leaves an attached shell running and says `read escape sequence`; the key line is not recalled', () => {
		let state = initialState(createLab(testScenario(), freshWorld(), {evaluate, columns: 80}));
		state = type(state, 'docker container run -dit --name box alpine:3.9 sh');
		state = type(state, 'docker container attach box');
		expect(promptText(state.lab!.world)).toBe('/ # ');
		state = type(state, 'cd /tmp');
		state = reduce(state, key('p', true) as never);
		expect(promptText(state.lab!.world)).toBe('/tmp # ');
		state = reduce(state, key('q', true) as never);
		expect(promptText(state.lab!.world)).toBe('student@layerlab:~/diamol$ ');
		expect(status(state, 'box')).toBe('running');
		expect(shown(state)).toContain('/tmp # read escape sequence\n');
		expect(state.lab!.typed).not.toContain('<C-p><C-q>');
		// the shell kept its folder for the next attach
		state = type(state, 'docker attach box');
		expect(promptText(state.lab!.world)).toBe('/tmp # ');
	});

	it('Ctrl+P followed by another key is no detach; --detach-keys names other keys', () => {
		let state = initialState(createLab(testScenario(), freshWorld(), {evaluate, columns: 80}));
		state = type(state, 'docker container run -it --name box alpine:3.9 sh');
		state = reduce(state, key('p', true) as never);
		state = reduce(state, key('a', true) as never);
		state = reduce(state, key('q', true) as never);
		expect(promptText(state.lab!.world)).toBe('/ # ');
		state = reduce(state, key('p', true) as never);
		state = reduce(state, key('q', true) as never);
		expect(promptText(state.lab!.world)).toBe('student@layerlab:~/diamol$ ');
		state = type(state, 'docker container attach --detach-keys ctrl-x box');
		state = reduce(state, key('x', true) as never);
		expect(promptText(state.lab!.world)).toBe('student@layerlab:~/diamol$ ');
		expect(status(state, 'box')).toBe('running');
	});

	it('Ctrl+C ends an attach to a program without a terminal (it gets SIGINT), and a -t shell without -i', () => {
		let state = initialState(createLab(testScenario(), freshWorld(), {evaluate, columns: 80}));
		state = type(state, `docker container run -d --name long alpine:3.9 sh -c 'while true; do sleep 1; done'`);
		state = type(state, 'docker container attach long');
		state = type(state, 'ls');
		expect(state.quitting).toBeFalsy();
		state = reduce(state, key('c', true) as never);
		expect(state.quitting).toBeFalsy();
		expect(status(state, 'long')).toBe('exited');
		expect(promptText(state.lab!.world)).toBe('student@layerlab:~/diamol$ ');
		state = type(state, 'docker container exec -t long sh');
		state = type(state, 'docker container run -dit --name box alpine:3.9 sh');
		state = type(state, 'docker container exec -t box sh');
		expect(shown(state)).toContain('layerlab: box has a terminal but not your input');
		state = type(state, 'echo typed');
		expect(shown(state)).not.toContain('\ntyped\n');
		state = reduce(state, key('c', true) as never);
		expect(state.quitting).toBeFalsy();
		expect(promptText(state.lab!.world)).toBe('student@layerlab:~/diamol$ ');
		expect(status(state, 'box')).toBe('running');
	});
});
