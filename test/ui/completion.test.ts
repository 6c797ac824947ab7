import {describe, expect, it} from 'vitest';
import {complete, candidatesFor} from '../../source/ui/completion.js';
import {createLab, runCommand} from '../../source/lab/model/lab.js';
import {evaluate, freshWorld, testScenario} from './helpers/fixtures.js';

const context = {evaluate, columns: 80};
const world = ['docker container run --name rn1 diamol/ch06-random-number', 'docker container run --name rn2 diamol/ch06-random-number', 'docker volume create todo-list'].reduce(
	(model, line) => runCommand(model, line, context),
	createLab(testScenario(), freshWorld(), context),
).world;

function tab(line: string) {
	return complete(world, line, line.length);
}

describe('tab completion', () => {
	it('completes commands, docker subcommands and management commands', () => {
		expect(tab('doc')).toMatchObject({line: 'docker ', candidates: []});
		expect(tab('docker cont')).toMatchObject({line: 'docker container '});
		expect(tab('docker container r')).toMatchObject({line: 'docker container r', candidates: ['rename', 'restart', 'rm', 'run']});
		expect(tab('docker network l').line).toBe('docker network ls ');
		expect(tab('docker container ru').line).toBe('docker container run ');
		// Commands layerlab does not simulate are not offered.
		expect(candidatesFor(world, ['docker'], 'sw')).toEqual([]);
	});

	it('completes flags from the recorded CLI spec', () => {
		expect(tab('docker container run --na').line).toBe('docker container run --name ');
		expect(candidatesFor(world, ['docker', 'container', 'run'], '--vol')).toEqual(['--volume', '--volume-driver', '--volumes-from']);
	});

	it('completes container, image and volume names where the command takes them', () => {
		expect(tab('docker container rm rn').candidates).toEqual(['rn1', 'rn2']);
		expect(tab('docker container logs rn1').line).toBe('docker container logs rn1 ');
		expect(tab('docker container run --name x diamol/ch06-r').line).toBe('docker container run --name x diamol/ch06-random-number');
		expect(tab('docker run --volumes-from rn').candidates).toEqual(['rn1', 'rn2']);
		expect(tab('docker container run -v todo').line).toBe('docker container run -v todo-list:');
		expect(tab('docker volume rm to').line).toBe('docker volume rm todo-list ');
		expect(tab('docker image rm diamol/ch06-random').line).toBe('docker image rm diamol/ch06-random-number');
	});

	it('completes paths inside a container for cp, and host paths elsewhere', () => {
		expect(tab('docker container cp rn1:/rand').line).toBe('docker container cp rn1:/random/');
		expect(tab('docker container cp rn1:/random/n').line).toBe('docker container cp rn1:/random/number.txt ');
		expect(tab('cat /home/student/dia').line).toBe('cat /home/student/diamol/');
	});

	it('keeps the text after the cursor', () => {
		const line = 'docker cont  --help';
		expect(complete(world, line, 'docker cont'.length)).toMatchObject({line: 'docker container  --help', cursor: 'docker container'.length});
	});
});
