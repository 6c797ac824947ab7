import {defineConfig} from 'tsup';

// One bundled ESM program (Ink uses top-level await, so ESM is required). Code splitting stays on so
// modes load on demand and Ink's lazily imported devtools land in a chunk that never loads.
export default defineConfig({
	// The command worker (source/lab/model/command-worker.ts) sits next to the chunks that start it.
	entry: {cli: 'source/cli.tsx', 'command-worker': 'source/lab/model/command-worker.ts'},
	format: ['esm'],
	platform: 'node',
	target: 'node20',
	outDir: 'dist',
	clean: true,
	splitting: true,
	sourcemap: false,
	// Every dependency is bundled (resolving node_modules at start-up cost ~450 ms of 880, see
	// docs/PERFORMANCE.md); Ink's optional devtools stay out.
	noExternal: [/^(?!react-devtools-core$)/],
	external: ['react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"'},
	// Whitespace and syntax minified, names kept (stack traces still say which function): V8 parses
	// every module before its first frame, and a smaller text parses faster (docs/PERFORMANCE.md).
	minifyWhitespace: true,
	minifySyntax: true,
	banner: {
		js: "#!/usr/bin/env node\nimport {createRequire as __layerlabCreateRequire} from 'node:module'; const require = __layerlabCreateRequire(import.meta.url);",
	},
});
