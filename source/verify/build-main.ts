/**
 * Builds the image catalog into the registry mirror of the engine at DOCKER_HOST (what
 * test/real-docker/build-images.sh and ci-engine.sh run):  npx tsx source/verify/build-main.ts [--force]
 * Exit 0 when every image is in the registry, 1 on a build failure, 2 when no engine or mirror answers.
 */
import {builtinCatalog} from '../scenario/catalog/default-world.js';
import {dockerCli} from './docker-cli.js';
import {NoEngineError, probeEngine} from './engine.js';
import {buildCatalogImages, catalogRefs, removeCatalogImages} from './images.js';

async function main(): Promise<number> {
	const docker = dockerCli();
	let engine;
	try {
		engine = await probeEngine(docker);
	} catch (error) {
		if (error instanceof NoEngineError) {
			process.stderr.write(`layerlab: ${error.message}\n`);
			return 2;
		}
		throw error;
	}
	if (!engine.registry) {
		process.stderr.write(`layerlab: ${engine.registryProblem}\n`);
		return 2;
	}
	const definitions = builtinCatalog();
	const started = Date.now();
	const created = new Set<string>();
	try {
		const report = await buildCatalogImages({
			docker,
			registry: engine.registry,
			definitions,
			force: process.argv.includes('--force'),
			created,
			log: line => process.stdout.write(`  ${line}\n`),
		});
		process.stdout.write(
			`catalog images in ${engine.registry.address}: ${report.built.length} built, ${report.cached.length} unchanged (${((Date.now() - started) / 1000).toFixed(1)} s; ${engine.version})\n`,
		);
		return 0;
	} finally {
		await removeCatalogImages(docker, [...catalogRefs(definitions), ...created]);
	}
}

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`layerlab: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exitCode = 1;
	},
);
