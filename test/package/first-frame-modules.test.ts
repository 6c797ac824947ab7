/**
 * What the lab's first frame waits for: the modules the entry point, the lab mode (ui/main.tsx), the
 * App and the scenario API import statically are all parsed before anything is drawn. The shell, the
 * programs, the daemon actions, the docker CLI and Go's text/template load after the first frame
 * (lab/model/runner.ts); an import through a layer's full index.ts instead of its screen.ts would
 * pull them in again. Built as tsup builds the program (esbuild, code splitting).
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build, type Metafile} from 'esbuild';
import {beforeAll, describe, expect, it} from 'vitest';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
/** The modules ui/main.tsx loads before the first frame (its own dynamic imports included). */
const FIRST_FRAME = ['source/cli.tsx', 'source/ui/main.tsx', 'source/ui/App.tsx', 'source/lab/scenario-api.ts', 'source/scenario/lang.ts'];
const LATER =
	/^source\/(?:docker\/(?:commands|dispatch|parse|recorded)|engine\/(?:userland|shell|apps|containers\.ts|dockerbuild\.ts|build\.ts)|go\/template|host\/(?:run-line|programs)\.ts)/;

let metafile: Metafile;
beforeAll(async () => {
	const result = await build({
		absWorkingDir: root,
		entryPoints: [...FIRST_FRAME, 'source/lab/model/runner.ts'],
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		outdir: 'first-frame-out',
		write: false,
		metafile: true,
		external: ['react-devtools-core'],
		jsx: 'automatic',
		logLevel: 'silent',
	});
	metafile = result.metafile;
}, 60_000);

/**
 * What the output files `entries` reach by static imports: the source files bundled in them, and the
 * modules left outside the bundle (Node's own) that they import.
 */
function staticImports(entries: string[]): {sources: Set<string>; external: string[]} {
	const outputs = metafile.outputs;
	const start = Object.keys(outputs).filter(file => entries.includes(outputs[file]!.entryPoint ?? ''));
	const seen = new Set(start);
	const queue = [...start];
	const external = new Set<string>();
	while (queue.length > 0) {
		for (const imported of outputs[queue.shift()!]!.imports) {
			if (imported.kind !== 'import-statement' || seen.has(imported.path)) continue;
			if (imported.external) external.add(imported.path);
			else {
				seen.add(imported.path);
				queue.push(imported.path);
			}
		}
	}
	return {sources: new Set([...seen].flatMap(file => Object.keys(outputs[file]!.inputs))), external: [...external]};
}

/** The source files in the output files `entries` import, following static imports only. */
const staticSources = (entries: string[]) => staticImports(entries).sources;

describe('the first frame', () => {
	it('waits for none of the shell, the programs or the docker CLI', () => {
		const first = staticSources(FIRST_FRAME);
		expect(first.has('source/ui/panes/layers/rows.ts')).toBe(true);
		expect(first.has('source/engine/unionfs.ts')).toBe(true);
		expect([...first].filter(file => LATER.test(file))).toEqual([]);
	});

	it('waits for neither immer (the lab history loads it) nor node:crypto', () => {
		const first = staticSources(FIRST_FRAME);
		expect([...first].filter(file => file.startsWith('node_modules/immer/'))).toEqual([]);
		// immer is in the build: the runner's side needs it.
		expect(Object.keys(metafile.inputs).some(file => file.startsWith('node_modules/immer/'))).toBe(true);
		const {external} = staticImports(FIRST_FRAME);
		expect(external.filter(name => /^(node:)?crypto$/.test(name))).toEqual([]);
		expect(external).toContain('node:fs');
	});

	it('leaves them to the runner, which loads them after it', () => {
		const all = new Set(Object.keys(metafile.inputs));
		const later = [...all].filter(file => LATER.test(file));
		// The pattern names real modules (a rename would make the test above pass for nothing).
		for (const folder of ['docker/commands', 'engine/userland', 'engine/shell', 'go/template', 'host/run-line.ts', 'engine/containers.ts']) {
			expect(
				later.some(file => file.startsWith(`source/${folder}`)),
				folder,
			).toBe(true);
		}
	});
});
