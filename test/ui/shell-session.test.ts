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
