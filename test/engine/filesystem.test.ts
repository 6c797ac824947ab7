/**
 * The union filesystem's rules, each checked on the engine directly: copy-up, whiteouts, the order
 * of `diff`, mount precedence, volume pre-population, --volumes-from and origins.
 */
import {beforeEach, describe, expect, it} from 'vitest';
import type {World} from '../../source/engine/world.js';
import {defaultWorld} from '../../source/scenario/catalog/default-world.js';
import {createContainer, removeContainer, startContainer, type CreateRequest} from '../../source/engine/containers.js';
import {containerChanges} from '../../source/engine/lookup.js';
import {pullImage} from '../../source/engine/images.js';
import {containerFs, listMerged, lookupIn, originsOf} from '../../source/engine/unionfs.js';
import {FsError} from '../../source/engine/fsapi.js';

let world: World;

beforeEach(() => {
	world = defaultWorld({seed: 7, preload: true});
});

function create(image: string, extra: Partial<CreateRequest> = {}) {
	const found = Object.values(world.images).find(candidate => candidate.repoTags.includes(image.includes(':') ? image : `${image}:latest`));
	if (!found) throw new Error(`no image ${image}`);
	return createContainer(world, {
		imageRef: image,
		image: found,
		args: [],
		env: [],
		tty: false,
		interactive: false,
		binds: [],
		mounts: [],
		volumesFrom: [],
		publish: [],
		autoRemove: false,
		...extra,
	});
}

describe('copy-on-write', () => {
	it('copies a file up into the writable layer and leaves the image layer alone', () => {
		const f1 = create('diamol/ch06-file-display');
		const fs = containerFs(world, f1);
		const before = lookupIn(world, f1, '/input.txt')!;
		expect(before.origin.kind).toBe('image');
		fs.write('/input.txt', 'http://eltonstoneman.com\n');
		const after = lookupIn(world, f1, '/input.txt')!;
		expect(after.origin.kind).toBe('rw');
		expect(fs.read('/input.txt')).toBe('http://eltonstoneman.com\n');
		// The image layer still has the original, and it is what the copy hides.
		const copies = originsOf(world, f1, '/input.txt');
		expect(copies.map(copy => copy.origin.kind)).toEqual(['rw', 'image']);
		expect(copies[1]!.entry).toMatchObject({content: 'https://www.manning.com/books/learn-docker-in-a-month-of-lunches\n'});
		// Another container from the same image sees the original.
		const f2 = create('diamol/ch06-file-display');
		expect(containerFs(world, f2).read('/input.txt')).toBe('https://www.manning.com/books/learn-docker-in-a-month-of-lunches\n');
	});

	it('keeps the mode of a copied-up file and copies its parent directory up too', () => {
		const rn = create('diamol/ch06-random-number');
		containerFs(world, rn).write('/random/random.sh', 'echo changed\n');
		expect(rn.rw['/random/random.sh']).toMatchObject({kind: 'file', mode: 0o755});
		expect(rn.rw['/random']).toMatchObject({kind: 'dir'});
	});

	it('marks a deleted image file with a whiteout, hiding every lower copy', () => {
		const todo = create('diamol/ch06-todo-list');
		const fs = containerFs(world, todo);
		fs.remove('/app/appsettings.Development.json');
		expect(todo.rw['/app/appsettings.Development.json']).toEqual({kind: 'whiteout'});
		expect(() => fs.read('/app/appsettings.Development.json')).toThrow(FsError);
		expect(fs.list('/app')).not.toContain('appsettings.Development.json');
		// Re-creating it replaces the whiteout with a real file.
		fs.write('/app/appsettings.Development.json', '{}\n');
		expect(fs.read('/app/appsettings.Development.json')).toBe('{}\n');
	});

	it('deletes a file that only lived in the writable layer without a whiteout', () => {
		const rn = create('diamol/ch06-random-number');
		const fs = containerFs(world, rn);
		fs.write('/random/number.txt', '42\n');
		fs.remove('/random/number.txt');
		expect(rn.rw['/random/number.txt']).toBeUndefined();
	});

	it('makes a directory re-created over a whiteout opaque, hiding the old contents', () => {
		const todo = create('diamol/ch06-todo-list');
		const fs = containerFs(world, todo);
		fs.remove('/app/wwwroot', {recursive: true});
		fs.mkdir('/app/wwwroot');
		expect(fs.list('/app/wwwroot')).toEqual([]);
		expect(todo.rw['/app/wwwroot']).toMatchObject({kind: 'dir', opaque: true});
	});
});

describe('docker container diff', () => {
	it('lists a directory before its changes, additions before deletions, names sorted', () => {
		const todo = create('diamol/ch06-todo-list');
		startContainer(world, todo, {attach: false});
		const fs = containerFs(world, todo);
		fs.write('/app/state.txt', 'hello\n');
		fs.remove('/app/appsettings.Development.json');
		fs.write('/app/a-new.txt', 'x\n');
		expect(containerChanges(world, todo)).toEqual([
			{kind: 'C', path: '/app'},
			{kind: 'A', path: '/app/a-new.txt'},
			{kind: 'A', path: '/app/state.txt'},
			{kind: 'D', path: '/app/appsettings.Development.json'},
			{kind: 'A', path: '/data'},
		]);
	});

	it('reports what random.sh wrote in rn1 as a change to /random', () => {
		const rn1 = create('diamol/ch06-random-number', {name: 'rn1'});
		const result = startContainer(world, rn1, {attach: true});
		expect(result.status).toBe(0);
		expect(containerChanges(world, rn1)).toEqual([
			{kind: 'C', path: '/random'},
			{kind: 'A', path: '/random/number.txt'},
		]);
		expect(containerFs(world, rn1).read('/random/number.txt')).toMatch(/^\d{1,5}\n$/);
	});
});

describe('mounts', () => {
	it('a bind mount hides what the image has at its target', () => {
		const c = create('diamol/ch06-bind-mount', {mounts: [{type: 'bind', source: '/home/student/diamol/ch06/exercises/bind-mount/new', target: '/init', readonly: false}]});
		expect(containerFs(world, c).list('/init')).toEqual(['123.txt', '456.txt']);
		const copies = originsOf(world, c, '/init');
		expect(copies[0]!.origin).toEqual({kind: 'bind', hostPath: '/home/student/diamol/ch06/exercises/bind-mount/new'});
		expect(copies.slice(1).map(copy => copy.origin.kind)).toContain('image');
	});

	it('a single-file bind mount merges into the image directory', () => {
		const c = create('diamol/ch06-bind-mount', {
			mounts: [{type: 'bind', source: '/home/student/diamol/ch06/exercises/bind-mount/new/123.txt', target: '/init/123.txt', readonly: false}],
		});
		const listing = listMerged(world, c, '/init').map(found => [found.path, found.origin.kind]);
		expect(listing).toEqual([
			['/init/123.txt', 'bind'],
			['/init/abc.txt', 'image'],
			['/init/def.txt', 'image'],
		]);
	});

	it('writes through a read-only mount fail with EROFS; writes through a rw bind reach the host', () => {
		const config = '/home/student/diamol/ch06/exercises/todo-list/config';
		const ro = create('diamol/ch06-todo-list', {mounts: [{type: 'bind', source: config, target: '/app/config', readonly: true}]});
		expect(() => containerFs(world, ro).write('/app/config/config.json', 'x')).toThrow(expect.objectContaining({code: 'EROFS'}));
		const rw = create('diamol/ch06-todo-list', {mounts: [{type: 'bind', source: config, target: '/app/config', readonly: false}]});
		containerFs(world, rw).write('/app/config/new.json', '{}\n');
		expect(world.host.files[`${config}/new.json`]).toMatchObject({content: '{}\n'});
	});

	it('the deepest mount wins over a shallower one', () => {
		world.host.files['/home/student/diamol/extra'] = {kind: 'dir', mode: 0o755};
		world.host.files['/home/student/diamol/extra/x.txt'] = {kind: 'file', mode: 0o644, content: 'x\n'};
		const c = create('diamol/ch06-todo-list', {
			binds: ['/home/student/diamol/extra:/data/inner'],
			mounts: [{type: 'volume', source: 'outer', target: '/data', readonly: false}],
		});
		expect(lookupIn(world, c, '/data/inner/x.txt')!.origin.kind).toBe('bind');
		expect(lookupIn(world, c, '/data')!.origin).toMatchObject({kind: 'volume', name: 'outer'});
	});
});

describe('volumes', () => {
	it('an empty named volume mounted over image content is pre-populated from the image', () => {
		const c = create('diamol/ch06-lab', {binds: ['seeded:/init-data']});
		expect(Object.keys(world.volumes.seeded!.files)).toEqual(['/todo-list.db']);
		expect(lookupIn(world, c, '/init-data/todo-list.db')!.origin).toMatchObject({kind: 'volume', name: 'seeded'});
	});

	it('a volume that already has files is not pre-populated again', () => {
		world.volumes.kept = {name: 'kept', anonymous: false, created: 0, files: {'/mine.txt': {kind: 'file', mode: 0o644, content: 'mine\n'}}, labels: {}};
		create('diamol/ch06-lab', {binds: ['kept:/init-data']});
		expect(Object.keys(world.volumes.kept.files)).toEqual(['/mine.txt']);
	});

	it('bind mounts are never pre-populated: an empty host folder hides the image folder', () => {
		world.host.files['/home/student/diamol/empty'] = {kind: 'dir', mode: 0o755};
		const c = create('diamol/ch06-lab', {mounts: [{type: 'bind', source: '/home/student/diamol/empty', target: '/init-data', readonly: false}]});
		expect(containerFs(world, c).list('/init-data')).toEqual([]);
	});

	it('the image VOLUME gives every container its own anonymous volume; --volumes-from shares it', () => {
		const todo1 = create('diamol/ch06-todo-list', {name: 'todo1'});
		const todo2 = create('diamol/ch06-todo-list', {name: 'todo2'});
		const v1 = todo1.mounts[0]!;
		const v2 = todo2.mounts[0]!;
		expect(v1).toMatchObject({type: 'volume', destination: '/data', anonymous: true});
		expect(v1.name).toMatch(/^[0-9a-f]{64}$/);
		expect(v2.name).not.toBe(v1.name);
		const t3 = create('diamol/ch06-todo-list', {name: 't3', volumesFrom: ['todo1']});
		expect(t3.mounts.map(mount => mount.name)).toEqual([v1.name]);
		containerFs(world, todo1).write('/data/todo-list.db', '');
		expect(containerFs(world, t3).list('/data')).toEqual(['todo-list.db']);
		expect(containerFs(world, todo2).list('/data')).toEqual([]);
	});

	it('volumes outlive their containers; rm -v removes only anonymous ones nobody else uses', () => {
		const todo1 = create('diamol/ch06-todo-list', {name: 'todo1', binds: ['named:/data']});
		const other = create('diamol/ch06-todo-list', {name: 'other'});
		const anonymous = other.mounts[0]!.name;
		removeContainer(world, todo1, {force: true, volumes: true});
		removeContainer(world, other, {force: false, volumes: false});
		expect(world.volumes.named).toBeDefined();
		expect(world.volumes[anonymous]).toBeDefined();
		const third = create('diamol/ch06-todo-list');
		removeContainer(world, third, {force: false, volumes: true});
		expect(world.volumes[third.mounts[0]!.name]).toBeUndefined();
	});

	it('the writable layer exists exactly while its container does', () => {
		const rn = create('diamol/ch06-random-number');
		startContainer(world, rn, {attach: true});
		expect(rn.status).toBe('exited');
		expect(containerFs(world, rn).read('/random/number.txt')).toMatch(/\d/);
		removeContainer(world, rn, {force: false, volumes: false});
		expect(world.containers[rn.id]).toBeUndefined();
	});
});

describe('pull', () => {
	it('reports layers already present as "Already exists"', () => {
		const fresh = defaultWorld({seed: 1});
		const random = pullImage(fresh, 'diamol/ch06-random-number');
		expect(random.layers.map(layer => layer.status)).toEqual(['Already exists', 'Pull complete', 'Pull complete', 'Pull complete']);
		const display = pullImage(fresh, 'diamol/ch06-file-display');
		expect(display.layers.map(layer => layer.status)).toEqual(['Already exists', 'Already exists', 'Pull complete']);
		expect(pullImage(fresh, 'diamol/ch06-file-display').upToDate).toBe(true);
	});
});
