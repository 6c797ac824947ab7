import {defineConfig} from 'tsup';

// One bundled ESM entry (Ink uses top-level await, so ESM is required). Code splitting stays on so
// Ink's lazily imported devtools land in their own chunk and never load (see shared perf notes).
export default defineConfig({
	entry: {cli: 'source/cli.tsx'},
	format: ['esm'],
	platform: 'node',
	target: 'node20',
	outDir: 'dist',
	clean: true,
	splitting: true,
	sourcemap: false,
	external: ['react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __layerlabCreateRequire} from 'node:module'; const require = __layerlabCreateRequire(import.meta.url);",
	},
});
