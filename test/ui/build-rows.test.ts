/** The Layers pane after `docker image build`: each step (new or from the cache), the image's layers, and its files by layer. */
import {describe, expect, it} from 'vitest';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {layerItems, layerRows} from '../../source/ui/panes/layers/rows.js';
import {NO_CHANGES} from '../../source/lab/model/changes.js';
import type {World} from '../../source/engine/index.js';

function paneText(world: World, container: string | null = null): string[] {
	const items = layerItems(world, container, {}, NO_CHANGES);
	return layerRows(world, container, items, 80, -1, 0, items.length).map(r =>
		r.segments
			.map(s => s.text)
			.join('')
			.trimEnd(),
	);
}

describe('the Layers pane shows the last build', () => {
	it('lists every step with its size, new or cached, then the layers and the files each layer supplies', () => {
		const world = defaultWorld({seed: 4});
		runLine(world, 'docker image build -t rn ch06/exercises/random-number');
		runLine(world, "echo 'cat number.txt' >> ch06/exercises/random-number/random.sh");
		runLine(world, 'docker image build -t rn ch06/exercises/random-number');
		const text = paneText(world);
		expect(text[0]).toBe('▌BUILD rn:latest · 3 steps new, 1 from the cache');
		expect(text.slice(1, 6).map(line => line.replace(/ +/g, ' '))).toEqual([
			' 1/5 FROM alpine:3.9 base',
			' 2/5 WORKDIR /random 0B cached',
			'+3/5 COPY random.sh . 52B new',
			'+4/5 RUN chmod +x random.sh 52B new',
			'+5/5 CMD ./random.sh no layer new',
		]);
		expect(text).toContain('▌IMAGE LAYERS rn · read-only · top to bottom');
		expect(text.find(line => line.includes('random.sh') && line.includes('hides'))?.replace(/ +/g, ' ')).toBe(' random.sh L4 hides L3');
	});

	it('goes back to the selected container after the next command, and says where a failed build stopped', () => {
		const world = defaultWorld({seed: 4});
		runLine(world, 'docker container run --name c1 alpine:3.9 true');
		const id = Object.keys(world.containers)[0]!;
		runLine(world, "mkdir t && cd t && echo 'FROM alpine:3.9' > Dockerfile && echo 'RUN exit 2' >> Dockerfile && docker build .");
		expect(paneText(world, id)[0]).toBe('▌BUILD failed · 0 steps new, 0 from the cache');
		expect(paneText(world, id)).toContain('  Failed after these steps (exit status 2); they stay in the build cache.');
		runLine(world, 'pwd');
		expect(paneText(world, id)[0]).toContain('c1');
	});
});
