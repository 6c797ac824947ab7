/** The container a line touched, which the Layers and Containers panes follow after the command. */
import {describe, expect, it} from 'vitest';
import {touchedContainer} from '../../source/lab/model/touched.js';
import {NO_CHANGES, type Changes} from '../../source/lab/model/changes.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import type {World} from '../../source/engine/index.js';

function world(): World {
	const made = defaultWorld({seed: 3, preload: true});
	for (const name of ['f1', 'f2', 'f3']) runLine(made, `docker container run -d --name ${name} diamol/ch06-todo-list`);
	return made;
}

const idOf = (from: World, name: string) => Object.values(from.containers).find(container => container.name === name)!.id;

/** The same world without the engine's name index (a world that never looked a name up). */
function unindexed(from: World): World {
	const copy = structuredClone(from);
	delete copy.containerNames;
	return copy;
}

describe('touchedContainer', () => {
	const made = world();

	it('takes the last word that names a container, an id prefix, or the container of `name:path`', () => {
		for (const w of [made, unindexed(made)]) {
			expect(touchedContainer(w, 'docker container exec f2 ls /', NO_CHANGES)).toBe(idOf(made, 'f2'));
			expect(touchedContainer(w, 'docker container diff f1; docker container logs f3', NO_CHANGES)).toBe(idOf(made, 'f3'));
			expect(touchedContainer(w, `docker container logs ${idOf(made, 'f1').slice(0, 6)}`, NO_CHANGES)).toBe(idOf(made, 'f1'));
			expect(touchedContainer(w, 'docker container cp f3:/etc/hostname .', NO_CHANGES)).toBe(idOf(made, 'f3'));
			expect(touchedContainer(w, 'echo hello', NO_CHANGES)).toBeUndefined();
		}
	});

	it('else takes the newest container the line changed, the first in the world on a tie', () => {
		const ids = ['f1', 'f2', 'f3'].map(name => idOf(made, name));
		const changes = (changed: string[]): Changes => ({...NO_CHANGES, writable: new Map(changed.map(id => [id, new Set(['/x'])]))});
		const tie = structuredClone(made);
		for (const id of ids) tie.containers[id]!.created = 5;
		expect(touchedContainer(tie, 'echo x', changes([ids[2]!, ids[1]!]))).toBe(ids[1]);
		const apart = structuredClone(made);
		apart.containers[ids[0]!]!.created = Math.max(...ids.map(id => made.containers[id]!.created)) + 1;
		expect(touchedContainer(apart, 'echo x', {...NO_CHANGES, containersChanged: new Set([ids[0]!, ids[2]!])})).toBe(ids[0]);
		expect(touchedContainer(unindexed(apart), 'echo x', {...NO_CHANGES, writableRemoved: new Map([[ids[2]!, new Set(['/y'])]])})).toBe(ids[2]);
	});
});
