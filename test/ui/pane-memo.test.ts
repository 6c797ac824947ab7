/**
 * The list panes keep their items (and so their memoised rows) across a command that changed
 * nothing they show: a container's files changing must not rebuild the Images or Volumes list, and
 * a command that changed nothing keeps the Containers list too. Counted by identity, not by time.
 */
import {beforeAll, describe, expect, it} from 'vitest';
import {setAutoFreeze} from 'immer';
import {createLab, runCommand, type LabModel} from '../../source/lab/model/lab.js';
import {loadRunner} from '../../source/lab/model/runner.js';
import {imageItems, imagesChanges} from '../../source/ui/panes/images/rows.js';
import {volumeLines, volumesChanges} from '../../source/ui/panes/volumes/rows.js';
import {containerItems, containersChanges} from '../../source/ui/panes/containers/rows.js';
import {layerItems, layerRows} from '../../source/ui/panes/layers/rows.js';
import {rowText} from '../../source/ui/rows.js';
import {evaluate, freshWorld, testScenario} from './helpers/fixtures.js';

setAutoFreeze(true);
beforeAll(() => loadRunner());
const context = {evaluate, columns: 80};
const run = (model: LabModel, line: string) => runCommand(model, line, context);
const lists = (model: LabModel) => ({
	images: imageItems(model.world.images, model.world.layers, model.world.containers, model.changes),
	volumes: volumeLines(model.world.volumes, model.world.containers, model.changes),
	containers: containerItems(model.world.containers, model.changes),
});

describe('list panes across commands', () => {
	it("keep the Images and Volumes lists when only a container's files changed", () => {
		let model = createLab(testScenario(), freshWorld(), context);
		model = run(model, 'docker container run -d --name keep -v data:/data diamol/ch06-todo-list');
		const before = lists(model);
		expect(before.images.find(item => item.kind === 'image' && item.users.includes('keep'))).toBeDefined();
		expect(before.volumes.some(line => line.kind === 'volume' && line.name === 'data')).toBe(true);

		const after = run(model, 'docker container exec keep sh -c "echo x >> /tmp/log"');
		expect(after.changes.writable.get(after.world.containerNames!.keep!)?.has('/tmp/log')).toBe(true);
		const now = lists(after);
		expect(now.images).toBe(before.images);
		expect(now.volumes).toBe(before.volumes);
		// The containers changed (one writable layer): that list is built again, and marks the change.
		expect(now.containers).not.toBe(before.containers);
		expect(containersChanges(after.changes)).toBe(after.changes);

		// A command that changed nothing the panes show keeps even the change sets they read.
		const quiet = run(after, 'docker container diff keep');
		expect(quiet.changes).not.toBe(after.changes);
		expect(imagesChanges(quiet.changes)).toBe(imagesChanges(after.changes));
		expect(volumesChanges(quiet.changes)).toBe(volumesChanges(after.changes));
		expect(lists(quiet).containers).toBe(now.containers);
	});

	it('build the lists again when what they show changed', () => {
		let model = createLab(testScenario(), freshWorld(), context);
		model = run(model, 'docker container run -d --name keep -v data:/data diamol/ch06-todo-list');
		const before = lists(model);
		const removed = run(model, 'docker container rm -f keep');
		const now = lists(removed);
		expect(now.images).not.toBe(before.images);
		expect(now.images.find(item => item.kind === 'image' && item.users.includes('keep'))).toBeUndefined();
		expect(now.volumes).not.toBe(before.volumes);
		expect(now.containers.find(item => item.kind === 'removed')).toMatchObject({name: 'keep'});
	});

	it("keep the Layers pane's rows across a command that left the container's stack as it was, and draw the changed ones again", () => {
		let model = createLab(testScenario(), freshWorld(), context);
		// (The command after the run clears the marks of what the run changed.)
		model = run(run(model, 'docker container run -d --name keep -v data:/data diamol/ch06-todo-list'), 'docker volume ls');
		const id = model.world.containerNames!.keep!;
		const folders = {};
		const rows = (model: LabModel, cursor = 2) => layerRows(model.world, id, layerItems(model.world, id, folders, model.changes), 70, cursor, 0, 40);
		const before = rows(model);
		expect(before.length).toBeGreaterThan(10);
		// Nothing of keep's changed: the very rows, the selected one too.
		const quiet = run(model, 'docker container ls');
		const again = rows(quiet);
		expect(again).toHaveLength(before.length);
		again.forEach((row, index) => expect(row).toBe(before[index]));
		expect(again[2]!.selected).toBe(true);
		// The cursor moved: only the two rows it left and reached are other rows.
		const moved = rows(quiet, 3);
		expect(moved.filter((row, index) => row !== before[index]).map(row => rowText(row))).toEqual([rowText(before[2]!), rowText(before[3]!)]);
		// keep's writable layer changed: its rows are built again, and show the new file.
		const changed = rows(run(quiet, 'docker container exec keep sh -c "echo x >> /tmp/log"'));
		expect(changed.some(row => rowText(row).includes('/tmp/log'))).toBe(true);
		expect(before.some(row => rowText(row).includes('/tmp/log'))).toBe(false);
		// The image layers said the same: their rows are the same rows.
		const imageLayerRows = changed.filter(row => /^ {2}L\d /.test(rowText(row)));
		expect(imageLayerRows).toHaveLength(5);
		for (const row of imageLayerRows) expect(before).toContain(row);
	});
});
