/**
 * `layerlab verify --docker [ID|FILE…]`: replays scenarios (or .cmds files) on the simulator and on
 * the real engine at DOCKER_HOST, and reports what differs after normalisation (source/lab/normalise.ts).
 *
 *   exit 0  every line and probe matched
 *   exit 1  a mismatch (or a replay that failed)
 *   exit 2  no engine reachable, or an engine verify cannot use (no registry mirror, not its own),
 *           or nothing to verify
 *
 * The engine must be one verify may reset: no containers, no volumes, no images but the catalog's
 * (test/real-docker/ci-engine.sh up starts one). Catalog images are built into its registry mirror
 * (cached by content hash). Everything verify creates on the engine — containers, volumes, images,
 * temporary host folders, tmux servers — is removed at the end, and on SIGINT/SIGTERM.
 */
import {execFile} from 'node:child_process';
import {constants} from 'node:os';
import type {World} from '../engine/index.js';
import {dockerCli, type DockerCli} from './docker-cli.js';
import {NoEngineError, probeEngine} from './engine.js';
import {assertEngineClean, EngineNotCleanError, emptyEngine, resetEngine} from './engine-state.js';
import {buildCatalogImages, catalogRefs} from './images.js';
import {resolveTargets, shardTargets, TargetError, type ScenarioLibrary, type Target} from './plans.js';
import {RealSide, removeTempDir} from './real-side.js';
import {Aborted} from './replay.js';
import {formatScenario, summary} from './report.js';
import type {ScenarioResult} from './compare.js';
import {startImages, verifyTarget} from './verify.js';
import {builtinCatalog} from '../scenario/catalog/default-world.js';
import {loadScenarioLibrary} from './library.js';
import {vetPlan} from './vet.js';
import {terminalSafe} from '../text/safe.js';

export interface VerifyFlags {
	docker: boolean;
	json?: boolean;
	color?: boolean;
}

export interface VerifyRun {
	code: number;
	/** The engine's version line, when one answered. */
	engine?: string;
	results: ScenarioResult[];
}

export interface RunOptions {
	env?: NodeJS.ProcessEnv;
	out?: (text: string) => void;
	err?: (text: string) => void;
	color?: boolean;
	json?: boolean;
	/** Install SIGINT/SIGTERM handlers that clean up and exit (the CLI does; tests need not). */
	handleSignals?: boolean;
	library?: ScenarioLibrary | null;
	/** Verify the built-in scenarios as well as those named (the conformance test). */
	includeBuiltin?: boolean;
	/** Replay only this share of the targets (shardTargets), for runs split across engines. */
	shard?: {index: number; count: number};
}

/** Everything to undo, in reverse order of creation; runs once. */
class Cleanup {
	private readonly sides = new Set<RealSide>();
	private readonly dirs = new Set<string>();
	engine: DockerCli | undefined;
	restore: string[] = [];
	private done: Promise<void> | undefined;

	side(side: RealSide): void {
		this.sides.add(side);
	}
	dir(dir: string): void {
		this.dirs.add(dir);
	}
	forget(side: RealSide): void {
		this.sides.delete(side);
		this.dirs.delete(side.root);
	}

	run(): Promise<void> {
		this.done ??= (async () => {
			this.engine?.killActive();
			for (const side of this.sides) await side.close().catch(() => undefined);
			for (const dir of this.dirs) removeTempDir(dir);
			if (this.engine) {
				// twice: a container a killed command asked for may appear just after the first pass
				await emptyEngine(this.engine).catch(() => undefined);
				await new Promise(resolve => setTimeout(resolve, 500));
				await emptyEngine(this.engine).catch(error => {
					process.stderr.write(`layerlab: cleanup: ${error instanceof Error ? error.message : String(error)}\n`);
				});
				for (const ref of this.restore) await this.engine.run(['pull', '-q', ref], {timeoutMs: 120_000});
			}
		})();
		return this.done;
	}
}

export async function runVerify(args: string[], options: RunOptions = {}): Promise<VerifyRun> {
	const env = options.env ?? process.env;
	const out = options.out ?? ((text: string) => process.stdout.write(text));
	const err = options.err ?? ((text: string) => process.stderr.write(text));
	const style = {color: options.color ?? false};
	const library = options.library === undefined ? await loadScenarioLibrary() : (options.library ?? undefined);

	let targets: Target[];
	try {
		targets = [...(options.includeBuiltin && args.length > 0 ? await resolveTargets([], library) : []), ...(await resolveTargets(args, library))];
	} catch (error) {
		if (error instanceof TargetError) {
			err(`layerlab verify: ${error.message}\n`);
			return {code: 2, results: []};
		}
		throw error;
	}
	if (options.shard) targets = shardTargets(targets, options.shard.index, options.shard.count);
	if (targets.length === 0) {
		err('layerlab verify: nothing to verify\n');
		return {code: 2, results: []};
	}
	// Before anything runs: every line must be one verify can vouch for (vet.ts), or nothing runs.
	const refusals = targets.flatMap(target => vetPlan(target.plan, target.world()).map(refusal => ({...refusal, source: target.plan.source})));
	if (refusals.length > 0) {
		err(`layerlab verify: refused: verify runs a lesson's command lines for real (a real bash, a real engine), so it runs only lines the simulator simulates; nothing was run.\n`);
		for (const refusal of refusals) err(terminalSafe(`  ${refusal.source} [${refusal.step}] ${refusal.line}\n      ${refusal.why}\n`));
		return {code: 2, results: []};
	}

	const docker = dockerCli(env);
	let engine;
	try {
		engine = await probeEngine(docker, env);
	} catch (error) {
		if (error instanceof NoEngineError) {
			err(`layerlab verify: ${error.message}\n`);
			return {code: 2, results: []};
		}
		throw error;
	}
	if (!engine.registry) {
		err(`layerlab verify: ${engine.registryProblem}. Start an engine with test/real-docker/ci-engine.sh up.\n`);
		return {code: 2, engine: engine.version, results: []};
	}
	const tmux = await new Promise<boolean>(resolve => execFile('tmux', ['-V'], error => resolve(!error)));
	if (!tmux) {
		err('layerlab verify: tmux is missing (the real side types each line into bash in a tmux window): apt-get install tmux\n');
		return {code: 2, engine: engine.version, results: []};
	}
	const root = (await docker.run(['info', '--format', '{{.DockerRootDir}}'])).stdout.trim();
	if (root !== '/var/lib/docker') {
		err(`layerlab verify: warning: the engine keeps its data in ${root}, not /var/lib/docker as the simulator shows it; volume paths will differ\n`);
	}
	const definitions = builtinCatalog();
	const refs = catalogRefs(definitions);
	try {
		await assertEngineClean(docker, new Set([...refs, ...refs.map(ref => `${engine.registry!.address}/${ref.includes('/') ? ref : `library/${ref}`}`)]));
	} catch (error) {
		if (error instanceof EngineNotCleanError) {
			err(`layerlab verify: ${error.message}\n`);
			return {code: 2, engine: engine.version, results: []};
		}
		throw error;
	}

	const cleanup = new Cleanup();
	cleanup.engine = docker;
	// the catalog images the engine held before: pulled back at the end, so it is left as found
	cleanup.restore = (await docker.ok(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'])).split('\n').filter(ref => refs.includes(ref));
	let aborted = false;
	// repeated signals (a terminal's Ctrl+C reaches npx, tsx and node, which relay it too) wait for the
	// same cleanup instead of ending the process half-way through it
	const onSignal = (signal: NodeJS.Signals) => {
		if (aborted) return;
		aborted = true;
		err(`\nlayerlab verify: ${signal}: removing what it created on the engine…\n`);
		void cleanup.run().finally(() => process.exit(128 + (constants.signals[signal] ?? 15)));
	};
	if (options.handleSignals) {
		process.on('SIGINT', onSignal);
		process.on('SIGTERM', onSignal);
		process.on('SIGHUP', onSignal);
	}

	const results: ScenarioResult[] = [];
	const realLabel = `docker ${engine.serverVersion}`;
	try {
		if (!options.json) {
			out(`engine: ${engine.version}${env.DOCKER_HOST ? ` at ${env.DOCKER_HOST}` : ''}\n`);
			out(
				`verify runs each lesson's command lines for real: in bash, as ${process.getuid?.() === 0 ? 'root' : 'you'}, against this engine, with a temporary folder as the learner's home\n`,
			);
		}
		const started = Date.now();
		const built = await buildCatalogImages({docker, registry: engine.registry, definitions});
		if (!options.json) {
			out(
				`images: ${built.built.length} built, ${built.cached.length} unchanged in the registry mirror ${engine.registry.address} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
			);
		}
		for (const target of targets) {
			if (aborted) break;
			const began = Date.now();
			const result = await verifyTarget(target, {
				aborted: () => aborted,
				...(env.LAYERLAB_VERIFY_DUMP ? {dump: env.LAYERLAB_VERIFY_DUMP} : {}),
				real: async (world: World) => {
					await resetEngine(docker, startImages(world));
					const side = await RealSide.start({docker, world, label: realLabel, onTempDir: dir => cleanup.dir(dir)});
					cleanup.side(side);
					const close = side.close.bind(side);
					side.close = async () => {
						await close();
						cleanup.forget(side);
					};
					return side;
				},
			});
			results.push(result);
			if (!options.json) out(formatScenario(result, style, (Date.now() - began) / 1000));
		}
	} catch (error) {
		if (error instanceof Aborted) return {code: 130, engine: engine.version, results};
		throw error;
	} finally {
		if (!aborted) await cleanup.run();
		if (options.handleSignals) {
			if (!aborted) {
				process.removeListener('SIGINT', onSignal);
				process.removeListener('SIGTERM', onSignal);
				process.removeListener('SIGHUP', onSignal);
			}
		}
	}
	const total = summary(results);
	const code = total.failed > 0 ? 1 : 0;
	if (options.json) {
		out(JSON.stringify({engine: engine.version, results, ...total}, null, 2) + '\n');
	} else {
		out(
			`${results.length} scenario(s), ${total.matched}/${total.lines} lines and probes matched${total.failed ? `, ${total.failed} with mismatches` : ''}; the engine is left as it was found (the catalog images stay in its registry mirror, as a build cache)\n`,
		);
	}
	return {code, engine: engine.version, results};
}

export async function verifyCommand(args: string[], flags: VerifyFlags): Promise<number> {
	if (!flags.docker) {
		process.stderr.write('layerlab verify: say which oracle to verify against: layerlab verify --docker [ID|FILE…]\n');
		return 2;
	}
	const color = flags.color !== false && !process.env.NO_COLOR && process.stdout.isTTY === true;
	const run = await runVerify(args, {color, json: flags.json ?? false, handleSignals: true});
	return run.code;
}
