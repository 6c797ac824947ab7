/**
 * The state of the real engine around a verification: it must start without anything of anyone
 * else's, each scenario starts from the learner's starting state, and nothing is left afterwards.
 *
 * verify refuses an engine that has containers, volumes, or images other than the catalog's:
 * resetting between scenarios removes everything, and it must never remove what it did not create.
 */
import type {DockerCli} from './docker-cli.js';
import {lines} from './docker-cli.js';

export class EngineNotCleanError extends Error {}

/** Repository:tag of every local image (`<none>` ones as their id). */
async function imageRefs(docker: DockerCli): Promise<string[]> {
	return lines((await docker.ok(['image', 'ls', '-a', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}'])).toString()).map(line => {
		const [ref = '', id = ''] = line.split(' ');
		return ref.includes('<none>') ? id : ref;
	});
}

export async function assertEngineClean(docker: DockerCli, allowedImages: Set<string>): Promise<void> {
	const containers = lines(await docker.ok(['container', 'ls', '-aq']));
	const volumes = lines(await docker.ok(['volume', 'ls', '-q']));
	const foreign = (await imageRefs(docker)).filter(ref => !allowedImages.has(ref));
	const problems: string[] = [];
	if (containers.length > 0) problems.push(`${containers.length} container(s)`);
	if (volumes.length > 0) problems.push(`${volumes.length} volume(s)`);
	if (foreign.length > 0) problems.push(`images that are not the catalog's (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''})`);
	if (problems.length > 0) {
		throw new EngineNotCleanError(
			`the engine holds ${problems.join(', ')}. verify resets the engine between scenarios and removes everything it made, ` +
				`so it only runs on an engine of its own: start one with test/real-docker/ci-engine.sh up`,
		);
	}
}

/** Removes every container and volume, and every image not in `keep`; then pulls what `keep` lacks. */
export async function resetEngine(docker: DockerCli, keep: string[]): Promise<void> {
	await removeContainersAndVolumes(docker);
	const wanted = new Set(keep.map(ref => (ref.includes(':') ? ref : `${ref}:latest`)));
	const present = await imageRefs(docker);
	const drop = present.filter(ref => !wanted.has(ref));
	if (drop.length > 0) await docker.run(['image', 'rm', '-f', ...drop]);
	await docker.run(['image', 'prune', '-f']);
	const have = new Set(await imageRefs(docker));
	for (const ref of wanted) if (!have.has(ref)) await docker.ok(['pull', '-q', ref], {timeoutMs: 300_000});
}

export async function removeContainersAndVolumes(docker: DockerCli): Promise<void> {
	const containers = lines(await docker.ok(['container', 'ls', '-aq']));
	if (containers.length > 0) await docker.run(['container', 'rm', '-f', '-v', ...containers], {timeoutMs: 120_000});
	const volumes = lines(await docker.ok(['volume', 'ls', '-q']));
	if (volumes.length > 0) await docker.run(['volume', 'rm', '-f', ...volumes]);
}

/** Leaves the engine empty: no containers, volumes or images. */
export async function emptyEngine(docker: DockerCli): Promise<void> {
	await removeContainersAndVolumes(docker);
	const images = lines(await docker.ok(['image', 'ls', '-aq'])).filter((id, index, all) => all.indexOf(id) === index);
	if (images.length > 0) await docker.run(['image', 'rm', '-f', ...images]);
	await docker.run(['image', 'prune', '-af']);
}
