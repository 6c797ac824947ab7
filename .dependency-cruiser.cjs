/**
 * The architecture's import rules (docs/ARCHITECTURE.md), checked by `npm test`. Data flows one way:
 * cli → ui / modes → host → docker → engine; go/ is a library leaf; only ui/ draws (Ink and React).
 * Rules that name folders the tree does not have yet hold for them as soon as they appear. engine/, host/ and
 * go/ are entered only through their index.ts, from source/, bench/, scripts/ and every test but the layer's own.
 */
module.exports = {
	forbidden: [
		{name: 'no-circular', severity: 'error', comment: 'Import cycles hide the direction of the layers.', from: {}, to: {circular: true}},
		{
			name: 'engine-is-pure',
			severity: 'error',
			comment: 'The engine knows nothing of the layers above it: not the docker CLI, the host shell, lessons, the UI or the modes.',
			from: {path: '^source/engine/'},
			to: {path: '^source/(docker|host|scenario|ui|lab|verify)/|^source/[^/]+$'},
		},
		{
			name: 'engine-does-no-io',
			severity: 'error',
			comment: 'The engine does no I/O: of Node itself it may use hashing only (time and randomness are world state).',
			from: {path: '^source/engine/'},
			to: {dependencyTypes: ['core'], pathNot: '^(node:)?crypto$'},
		},
		{
			name: 'go-is-a-leaf',
			severity: 'error',
			comment: "Go's runtime library (text/template, fmt, json, strconv) imports nothing else of layerlab.",
			from: {path: '^source/go/'},
			to: {path: '^source/', pathNot: '^source/go/'},
		},
		{
			name: 'only-ui-draws',
			severity: 'error',
			comment: 'Ink and React belong to ui/ alone; everything else stays testable without a terminal.',
			from: {path: '^source/', pathNot: '^source/ui/'},
			to: {path: '^node_modules/(ink|ink-select-input|react|react-reconciler)/'},
		},
		{
			name: 'nothing-imports-ui',
			severity: 'error',
			comment: 'ui/ sits on top: only the entry point (cli.tsx) loads it.',
			from: {path: '^source/', pathNot: '^source/(ui/|cli\\.tsx$)'},
			to: {path: '^source/ui/'},
		},
		{
			name: 'nothing-imports-the-entry-point',
			severity: 'error',
			comment: 'cli.tsx reads flags and picks a mode; what modes share lives in modules of its own (flags.ts).',
			from: {},
			to: {path: '^source/cli\\.tsx$'},
		},
		{
			name: 'source-stands-alone',
			severity: 'error',
			comment: 'The shipped program never imports tests, benchmarks or scripts.',
			from: {path: '^source/'},
			to: {path: '^(test|bench|scripts)/'},
		},
		{
			name: 'no-dev-dependencies-in-source',
			severity: 'error',
			comment: 'What source/ imports must be a runtime dependency in package.json.',
			from: {path: '^source/'},
			to: {dependencyTypes: ['npm-dev']},
		},
		...['engine', 'host', 'go'].map(layer => ({
			name: `${layer}-through-its-index`,
			severity: 'error',
			comment: `Outside source/${layer}/, the layer is imported only through source/${layer}/index.ts, its public surface (its own unit tests in test/${layer}/ excepted), or through screen.ts, the part of the surface the lab's first frame needs, kept apart so that frame loads no more of the layer.`,
			from: {path: '^(source|test|bench|scripts)/', pathNot: `^(source|test)/${layer}/`},
			to: {path: `^source/${layer}/`, pathNot: `^source/${layer}/(index|screen)\\.ts$`},
		})),
		{name: 'not-to-unresolvable', severity: 'error', comment: 'Every import resolves.', from: {}, to: {couldNotResolve: true}},
	],
	options: {
		doNotFollow: {path: ['node_modules']},
		// What the benchmarks build (bench/.out) is output, not source.
		exclude: {path: '^bench/\\.out/'},
		tsPreCompilationDeps: true,
		tsConfig: {fileName: 'tsconfig.json'},
		enhancedResolveOptions: {exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json']},
		reporterOptions: {text: {highlightFocused: true}},
	},
};
