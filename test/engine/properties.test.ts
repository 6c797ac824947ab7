/**
 * Property-based tests: random sequences of docker and shell command lines, and the invariants that
 * must hold after every step, whatever the learner types.
 */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {applyPatches, enablePatches, produceWithPatches, setAutoFreeze} from 'immer';
import type {Tree, World} from '../../source/engine/world.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {runLine} from '../../source/host/index.js';
import {layerDigest} from '../../source/engine/build.js';
import {containerChanges} from '../../source/engine/lookup.js';
import {lookupIn, originsOf} from '../../source/engine/unionfs.js';
import {normalizePath} from '../../source/engine/path.js';

enablePatches();
setAutoFreeze(false);

const names = fc.constantFrom('c1', 'c2', 'c3');
const volumes = fc.constantFrom('v1', 'v2', 'todo-list');
const images = fc.constantFrom(
	'diamol/ch06-random-number',
	'diamol/ch06-file-display',
	'diamol/ch06-todo-list',
	'diamol/ch06-bind-mount',
	'diamol/ch06-lab',
	'alpine:3.9',
	'diamol/nosuch',
);
const paths = fc.constantFrom('/data', '/app', '/app/config', '/init', '/random', '/tmp', '/new-data', '/input.txt', '/init-data');
const files = fc.constantFrom('/data/a.txt', '/app/appsettings.json', '/init/abc.txt', '/random/number.txt', '/input.txt', '/tmp/x', '/init-data/todo-list.db');
const hostDirs = fc.constantFrom(
	'/home/student/diamol/ch06/exercises/bind-mount/new',
	'/home/student/diamol/ch06/exercises/todo-list/config',
	'/home/student/diamol/databases',
	'/home/student/diamol/missing',
);
const words = fc.constantFrom('hello', 'x y', '$RANDOM', '"quoted text"', "'single'", '$(pwd)');

const mountFlag = fc.oneof(
	fc.tuple(volumes, paths).map(([v, p]) => `-v ${v}:${p}`),
	fc.tuple(hostDirs, paths, fc.boolean()).map(([h, p, ro]) => `--mount type=bind,source=${h},target=${p}${ro ? ',readonly' : ''}`),
	fc.tuple(paths).map(([p]) => `-v ${p}`),
	names.map(n => `--volumes-from ${n}`),
);

const command = fc.oneof(
	fc.tuple(names, fc.array(mountFlag, {maxLength: 2}), fc.boolean(), images).map(([n, m, d, i]) => `docker container run ${d ? '-d ' : ''}--name ${n} ${m.join(' ')} ${i}`),
	fc.tuple(names, images).map(([n, i]) => `docker container create --name ${n} ${i}`),
	fc.tuple(names, files, words).map(([n, f, w]) => `docker container exec ${n} sh -c 'echo ${w.replace(/'/g, '')} > ${f}'`),
	fc.tuple(names, files).map(([n, f]) => `docker container exec ${n} rm -rf ${f}`),
	fc.tuple(names, paths).map(([n, p]) => `docker container exec ${n} mkdir -p ${p}/sub`),
	fc.tuple(names, files).map(([n, f]) => `docker container cp ${n}:${f} copied.txt`),
	fc.tuple(names, files).map(([n, f]) => `docker container cp url.txt ${n}:${f}`),
	fc.tuple(names, fc.boolean(), fc.boolean()).map(([n, f, v]) => `docker container rm ${f ? '-f ' : ''}${v ? '-v ' : ''}${n}`),
	names.map(n => `docker container stop ${n}`),
	names.map(n => `docker container start ${n}`),
	names.map(n => `docker container start -a ${n}`),
	names.map(n => `docker container diff ${n}`),
	names.map(n => `docker container inspect --format '{{json .Mounts}}' ${n}`),
	volumes.map(v => `docker volume create ${v}`),
	volumes.map(v => `docker volume rm ${v}`),
	fc.constant('docker volume prune -f'),
	fc.constant('docker container prune -f'),
	fc.constant('docker container ls -a -s'),
	fc.constant('docker image ls'),
	images.map(i => `docker image rm ${i}`),
	fc.constant('curl http://localhost:8010/list'),
	fc.tuple(words).map(([w]) => `echo ${w} > url.txt`),
	fc.constant('mkdir -p databases && ls'),
	fc.constant('rm -rf databases'),
	fc.constant('docker container run -d -p 8010:80 --name c1 diamol/ch06-todo-list'),
	fc.constant('curl -d "item=Buy milk" http://localhost:8010/new'),
	fc.constant('docker container rm -f $(docker container ls -aq)'),
);

const sequence = fc.array(command, {minLength: 1, maxLength: 14});

function layerFingerprints(world: World): Array<[string, string]> {
	return Object.values(world.layers).map(layer => [layer.digest, layerDigest(layer.entries)]);
}

function volumeSnapshot(world: World): Record<string, string> {
	const out: Record<string, string> = {};
	for (const volume of Object.values(world.volumes)) out[volume.name] = JSON.stringify(volume.files);
	return out;
}

/** What `diff` says about each path must agree with where the file comes from. */
function diffAgreesWithOrigins(world: World): void {
	for (const container of Object.values(world.containers)) {
		for (const change of containerChanges(world, container)) {
			const visible = lookupIn(world, {...container, mounts: []}, change.path);
			if (change.kind === 'D') {
				expect(visible, `D ${change.path} should be gone`).toBeUndefined();
				continue;
			}
			expect(visible?.origin.kind, `${change.kind} ${change.path} should come from the writable layer`).toBe('rw');
			const below = originsOf(world, {...container, mounts: []}, change.path).slice(1);
			if (change.kind === 'A')
				expect(
					below.filter(copy => copy.origin.kind === 'image'),
					`A ${change.path} hides nothing in the image`,
				).toEqual([]);
			else expect(below.length, `C ${change.path} hides a lower copy`).toBeGreaterThan(0);
		}
	}
}

const RUNS = Number(process.env.LAYERLAB_PROPERTY_RUNS ?? 40);

/** A writable layer holds absolute, normalised paths (never the root) and only the entry kinds a layer can hold. */
function writableLayerIsWellFormed(rw: Tree, line: string): void {
	for (const [path, entry] of Object.entries(rw)) {
		expect(path, `after "${line}"`).toBe(normalizePath(path));
		expect(path, `after "${line}"`).not.toBe('/');
		expect(['file', 'dir', 'symlink', 'whiteout'], `${path} after "${line}"`).toContain(entry.kind);
	}
}

describe('whatever the learner types', () => {
	it('the reducer never throws, image layers never change, volumes survive container removal, diff agrees with origins', () => {
		fc.assert(
			fc.property(sequence, lines => {
				const world = defaultWorld({seed: 3, preload: true});
				const layers = layerFingerprints(world);
				for (const line of lines) {
					const volumesBefore = volumeSnapshot(world);
					const result = runLine(world, line);
					expect(typeof result.status).toBe('number');
					expect(result.output.map(chunk => chunk.text).join(''), `"${line}"`).not.toContain('internal error');
					for (const [digest, recomputed] of layerFingerprints(world)) expect(recomputed).toBe(digest);
					expect(layerFingerprints(world).slice(0, layers.length)).toEqual(layers);
					if (/^docker container (rm|prune)/.test(line)) {
						const after = volumeSnapshot(world);
						for (const [name, files] of Object.entries(after)) expect(files, `volume ${name} after "${line}"`).toBe(volumesBefore[name]);
					}
					for (const container of Object.values(world.containers)) writableLayerIsWellFormed(container.rw, line);
					diffAgreesWithOrigins(world);
				}
			}),
			{numRuns: RUNS},
		);
	});

	it('undo then redo returns the identical world', () => {
		fc.assert(
			fc.property(sequence, lines => {
				let world = defaultWorld({seed: 5, preload: true});
				for (const line of lines) {
					const [next, patches, inverse] = produceWithPatches(world, draft => {
						const result = runLine(draft as World, line);
						expect(result.output.map(chunk => chunk.text).join('')).not.toContain('internal error');
					});
					const undone = applyPatches(next, inverse);
					expect(undone).toEqual(world);
					expect(applyPatches(undone, patches)).toEqual(next);
					world = next;
				}
			}),
			{numRuns: Math.ceil(RUNS / 2)},
		);
	});

	it('replay from the same seed gives the identical transcript', () => {
		fc.assert(
			fc.property(sequence, fc.integer({min: 0, max: 1000}), (lines, seed) => {
				const play = () => {
					const world = defaultWorld({seed});
					return lines
						.map(line =>
							runLine(world, line)
								.output.map(chunk => chunk.text)
								.join(''),
						)
						.join('\n');
				};
				expect(play()).toBe(play());
			}),
			{numRuns: Math.ceil(RUNS / 2)},
		);
	});
});
