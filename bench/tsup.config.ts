import {defineConfig} from 'tsup';

// Benchmarks run bundled like the shipped program (no keepNames, production React), into bench/.out.
export default defineConfig({
	entry: {engine: 'bench/engine.ts', interaction: 'bench/interaction.tsx', session: 'bench/session.ts', build: 'bench/build.ts'},
	format: ['esm'],
	platform: 'node',
	target: 'node20',
	outDir: 'bench/.out',
	clean: true,
	splitting: false,
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
});
