/**
 * Builds the image catalog on a real engine and publishes it in the engine's registry mirror, so a
 * learner's `docker run diamol/ch06-lab` pulls it exactly as from Docker Hub.
 *
 * Per image, in catalog order (each after its base): the base is pulled through the mirror, the
 * generated Dockerfile is built by the classic builder (context on stdin), the image is pushed, then
 * its config is rewritten in the registry so every creation time is the catalog's (`created` for the
 * image and the history entries it adds; its base's entries keep theirs), as the simulator has them.
 * A second tag, `layerlab-<content hash>`, marks what it was built from: when it still names the same
 * manifest as every tag of the image, the build is skipped (a second run takes seconds).
 * Local copies are removed afterwards: the engine is left without catalog images.
 */
import {readFileSync} from 'node:fs';
import type {ImageDefinition} from '../engine/index.js';
import {buildContext, buildHash, contextTar, type ProgramFiles} from './dockerfile.js';
import type {DockerCli} from './docker-cli.js';
import {hubPath, type ImageConfigJson, type Registry} from './registry.js';

export interface BuildReport {
	built: string[];
	cached: string[];
}

export const BUSYBOX = '/bin/busybox';

/** The host's busybox-static binary for files the catalog marks `program: busybox`. */
export function hostPrograms(env: NodeJS.ProcessEnv = process.env): ProgramFiles {
	let busybox: Buffer | undefined;
	return program => {
		if (program !== 'busybox') throw new Error(`no real program for "${program}" (only busybox comes from the host)`);
		const file = env.LAYERLAB_BUSYBOX ?? BUSYBOX;
		try {
			busybox ??= readFileSync(file);
		} catch {
			throw new Error(`${file} is missing: install Debian's busybox-static (apt-get install busybox-static)`);
		}
		return busybox;
	};
}

function cacheTag(hash: string): string {
	return `layerlab-${hash.slice(0, 32)}`;
}

/** All the `name:tag` references of the catalog, in build order. */
export function catalogRefs(definitions: ImageDefinition[]): string[] {
	return definitions.flatMap(definition => definition.tags.map(tag => `${definition.repository}:${tag}`));
}

async function isCached(registry: Registry, refs: string[], hash: string): Promise<boolean> {
	const {repository} = hubPath(refs[0]!);
	const marker = await registry.manifestDigest(repository, cacheTag(hash));
	if (!marker) return false;
	for (const ref of refs) {
		const path = hubPath(ref);
		if ((await registry.manifestDigest(path.repository, path.tag)) !== marker) return false;
	}
	return true;
}

/** Rewrites the creation times of a pushed image; tags it with the cache marker too. */
async function redate(registry: Registry, refs: string[], created: string, inherited: number, hash: string): Promise<number> {
	const first = hubPath(refs[0]!);
	const manifest = await registry.manifest(first.repository, first.tag);
	const config = JSON.parse((await registry.blob(first.repository, manifest.config.digest)).toString('utf8')) as ImageConfigJson;
	config.created = created;
	const history = config.history ?? [];
	history.forEach((entry, index) => {
		if (index >= inherited) entry.created = created;
	});
	const data = Buffer.from(JSON.stringify(config));
	const digest = await registry.putBlob(first.repository, data);
	manifest.config = {...manifest.config, digest, size: data.length};
	for (const ref of refs) {
		const path = hubPath(ref);
		await registry.putManifest(path.repository, path.tag, manifest);
	}
	await registry.putManifest(first.repository, cacheTag(hash), manifest);
	return history.length;
}

export interface BuildOptions {
	docker: DockerCli;
	registry: Registry;
	definitions: ImageDefinition[];
	programs?: ProgramFiles;
	log?: (line: string) => void;
	/** Build even when the registry has the same content. */
	force?: boolean;
	/** Local references made so far (for cleanup when interrupted). */
	created?: Set<string>;
}

export async function buildCatalogImages(options: BuildOptions): Promise<BuildReport> {
	const {docker, registry, definitions} = options;
	const programs = options.programs ?? hostPrograms();
	const log = options.log ?? (() => undefined);
	const created = options.created ?? new Set<string>();
	const hashes = new Map<string, string>();
	const historyLength = new Map<string, number>();
	const report: BuildReport = {built: [], cached: []};

	for (const definition of definitions) {
		const context = buildContext(definition, programs);
		const parentHash = definition.from === null ? null : hashes.get(definition.from);
		if (parentHash === undefined) throw new Error(`${context.refs[0]}: base image ${definition.from} is not in the catalog`);
		const hash = buildHash(context, definition.created, parentHash);
		for (const ref of context.refs) hashes.set(ref, hash);

		if (!options.force && (await isCached(registry, context.refs, hash))) {
			report.cached.push(...context.refs);
			const path = hubPath(context.refs[0]!);
			const manifest = await registry.manifest(path.repository, path.tag);
			const config = JSON.parse((await registry.blob(path.repository, manifest.config.digest)).toString('utf8')) as ImageConfigJson;
			for (const ref of context.refs) historyLength.set(ref, config.history?.length ?? 0);
			continue;
		}

		const started = Date.now();
		if (definition.from !== null) {
			created.add(definition.from);
			await docker.ok(['pull', '-q', definition.from], {timeoutMs: 300_000});
		}
		const buildArgs = ['build', '-q', ...context.refs.flatMap(ref => ['-t', ref]), '-'];
		context.refs.forEach(ref => created.add(ref));
		await docker.ok(buildArgs, {input: contextTar(context), timeoutMs: 600_000, env: {DOCKER_BUILDKIT: '0'}});
		for (const ref of context.refs) {
			const path = hubPath(ref);
			const remote = `${registry.address}/${path.repository}:${path.tag}`;
			created.add(remote);
			await docker.ok(['tag', ref, remote]);
			await docker.ok(['push', '-q', remote], {timeoutMs: 300_000});
		}
		const inherited = definition.from === null ? 0 : (historyLength.get(definition.from) ?? 0);
		const length = await redate(registry, context.refs, definition.created, inherited, hash);
		for (const ref of context.refs) historyLength.set(ref, length);
		// the local copies carry the build's times: drop them, the next base is pulled redated
		for (const ref of context.refs) {
			const path = hubPath(ref);
			await docker.run(['image', 'rm', ref, `${registry.address}/${path.repository}:${path.tag}`]);
		}
		report.built.push(...context.refs);
		log(`built ${context.refs.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}
	return report;
}

/** Removes every local catalog image (and what builds left untagged). */
export async function removeCatalogImages(docker: DockerCli, refs: Iterable<string>): Promise<void> {
	const present = new Set((await docker.run(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])).stdout.split('\n').filter(Boolean));
	const mine = [...refs].filter(ref => present.has(ref) || present.has(ref.includes(':') ? ref : `${ref}:latest`));
	if (mine.length > 0) await docker.run(['image', 'rm', '-f', ...mine]);
	await docker.run(['image', 'prune', '-f']);
}
