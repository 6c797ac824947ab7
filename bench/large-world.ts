/**
 * A workshop-scale world for benchmarks: 1,000 containers, 100 volumes and 10,000 files across image
 * layers, built with the engine's own functions so it is a world the lab could really reach.
 */
import {type Tree, type World, buildImage, type ImageDefinition, createContainer, createVolume, startContainer, containerFs} from '../source/engine/index.js';
import {defaultWorld} from '../source/scenario/catalog/default-world.js';

export function largeWorld(): World {
	const world = defaultWorld({seed: 42, preload: true});
	// An image with 10 layers of 1,000 files each on top of diamol/base.
	const steps: ImageDefinition['steps'] = [];
	for (let layer = 0; layer < 10; layer++) {
		const tree: Tree = {};
		for (let i = 0; i < 1000; i++) tree[`/f${i % 10}/file-${i}.txt`] = {kind: 'file', mode: 0o644, content: `layer ${layer} file ${i}\n`};
		for (let d = 0; d < 10; d++) tree[`/f${d}`] = {kind: 'dir', mode: 0o755};
		steps.push({op: 'copy', sources: [{kind: 'dir', name: `layer${layer}`, tree}], dest: `/data${layer}/`});
	}
	steps.push({op: 'cmd', value: ['sleep', '100000']});
	const images = new Map(Object.values(world.images).flatMap(image => image.repoTags.map(tag => [tag, image] as const)));
	const big = buildImage(world, {repository: 'bench/big', tags: ['latest'], from: 'diamol/base:latest', created: '2020-01-01T00:00:00Z', local: true, steps}, images);
	big.source = 'preloaded';
	world.images[big.id] = big;

	for (let v = 0; v < 100; v++) {
		const volume = createVolume(world, `vol${v}`, false);
		volume.files['/readme.txt'] = {kind: 'file', mode: 0o644, content: `volume ${v}\n`};
	}
	const todo = Object.values(world.images).find(image => image.repoTags.includes('diamol/ch06-file-display:latest'))!;
	for (let c = 0; c < 1000; c++) {
		const image = c % 10 === 0 ? big : todo;
		const container = createContainer(world, {
			name: `c${c}`,
			imageRef: image.repoTags[0]!,
			image,
			args: [],
			env: [],
			tty: false,
			interactive: false,
			binds: c % 10 === 1 ? [`vol${c % 100}:/mnt/data`] : [],
			mounts: [],
			volumesFrom: [],
			publish: [],
			autoRemove: false,
		});
		startContainer(world, container, {attach: false});
		if (c % 3 === 0) containerFs(world, container).write('/tmp/scratch.txt', `container ${c}\n`);
	}
	return world;
}
