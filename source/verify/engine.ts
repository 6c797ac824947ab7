/**
 * The real engine verify talks to: is it there, which version is it, and which registry does it use
 * as its Docker Hub mirror (the catalog images are published there, so pulls look like Hub pulls).
 */
import type {DockerCli} from './docker-cli.js';
import {Registry} from './registry.js';

export interface EngineInfo {
	/** One line for the report: client and server versions and API levels. */
	version: string;
	serverVersion: string;
	/** The registry the daemon mirrors Docker Hub from, when it has one we can reach. */
	registry: Registry | undefined;
	/** Why there is no usable registry (for the message). */
	registryProblem?: string;
}

export class NoEngineError extends Error {}

const VERSION_FORMAT =
	'Docker CLI {{.Client.Version}} (API {{.Client.APIVersion}}), engine {{.Server.Version}} (API {{.Server.APIVersion}}, minimum {{.Server.MinAPIVersion}}), {{.Server.Os}}/{{.Server.Arch}}';

export async function probeEngine(docker: DockerCli, env: NodeJS.ProcessEnv = process.env): Promise<EngineInfo> {
	const version = await docker.run(['version', '--format', VERSION_FORMAT], {timeoutMs: 15_000});
	if (version.code !== 0) {
		const where = env.DOCKER_HOST ?? 'the default socket (unix:///var/run/docker.sock)';
		throw new NoEngineError(`no Docker engine reachable at ${where}: ${version.stderr.trim().split('\n').at(-1) ?? `exit ${version.code}`}`);
	}
	const serverVersion = (await docker.run(['version', '--format', '{{.Server.Version}}'])).stdout.trim();
	let registry: Registry | undefined;
	let registryProblem: string | undefined;
	const override = env.LAYERLAB_REGISTRY;
	const mirrors = override ? [override] : ((JSON.parse((await docker.ok(['info', '--format', '{{json .RegistryConfig.Mirrors}}'])).trim() || 'null') as string[] | null) ?? []);
	if (mirrors.length === 0) registryProblem = 'the engine has no registry mirror (dockerd --registry-mirror), so Docker Hub names cannot be served from the catalog images';
	for (const mirror of mirrors) {
		const candidate = new Registry(mirror);
		// only a registry on this machine is ours to push to (LAYERLAB_REGISTRY names another one)
		if (!override && !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(candidate.address)) {
			registryProblem = `the engine's registry mirror ${mirror} is not a local registry verify may publish the catalog images to (set LAYERLAB_REGISTRY to use it anyway)`;
			continue;
		}
		if (await candidate.ping()) {
			registry = candidate;
			break;
		}
		registryProblem = `the engine's registry mirror ${mirror} does not answer here`;
	}
	return {version: version.stdout.trim(), serverVersion, registry, ...(registry ? {} : {registryProblem})};
}
