import {defineConfig} from 'tsup';
import shipped from '../tsup.config.js';

// Benchmarks are built exactly like the shipped program (tsup.config.ts: every dependency bundled,
// Ink as patched, production React, code splitting), only with their own entries and output folder.
export default defineConfig({
	...(shipped as Record<string, unknown>),
	entry: {engine: 'bench/engine.ts', interaction: 'bench/interaction.tsx', session: 'bench/session.ts', build: 'bench/build.ts'},
	outDir: 'bench/.out',
	clean: true,
});
