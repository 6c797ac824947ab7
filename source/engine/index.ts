/**
 * The engine's public surface: everything outside source/engine/ imports the engine through this
 * file (dependency-cruiser checks it). The engine is pure: plain data in, plain data out; no I/O,
 * no clock, no Math.random. One export line per module; names are added here as callers need them.
 */
export {APP_NAMES, listeningApp} from './apps/index.js';
export {BudgetExceeded, Interrupted, type Limits, spend, spendBytes, spent, withBudget} from './budget.js';
export {buildImage, type BuildStep, type CopySource, type ImageDefinition} from './build.js';
export {humanDuration, tick} from './clock.js';
export {
	copySession,
	createContainer,
	createVolume,
	execInContainer,
	imageSize,
	interruptContainer,
	killContainer,
	mainProcessExited,
	type MountSpec,
	pauseContainer,
	removeContainer,
	renameContainer,
	requireContainer,
	signalContainer,
	signalNumber,
	startContainer,
	stopContainer,
	unpauseContainer,
	volumeUsers,
} from './containers.js';
export {DaemonError} from './daemon-error.js';
export {buildFromDockerfile, type BuildRecord, type BuildStepRecord} from './dockerbuild.js';
export {pathMatch} from './dockerfile.js';
export {entrySize, type FsApi, FsError, treeSize} from './fsapi.js';
export {commitContainer, findImage, isValidReference, pullImage, type PullResult, removeImage, tagImage, unusedImages} from './images.js';
export {createWorld, DEFAULT_START_TIME} from './init.js';
export {containerChanges, findContainer, writableSize} from './lookup.js';
export {
	allNetworks,
	connectNetwork,
	createNetwork,
	disconnectNetwork,
	findNetwork,
	isNetworkName,
	networkContainers,
	pruneNetworks,
	removeNetwork,
	requireNetwork,
} from './networks.js';
export {ancestors, basename, joinPath, normalizePath} from './path.js';
export {sessionShell} from './process.js';
export {nextU32, randomHex, randomInt, stableHex} from './random.js';
export {parseImageRef} from './refs.js';
export {ExitSignal, type Lookup, NestingExceeded, type Proc, type Program, runSource, type Shell} from './shell/interpreter.js';
export {type Command, isIncomplete, parseScript, type Script, type SimpleCommand, type Word} from './shell/syntax.js';
export {bytewise, childNames} from './tree.js';
export {treeFs} from './treefs.js';
export {containerFs, imageLayers, listMerged, type Located, lookupIn, type Origin, originsOf} from './unionfs.js';
export {copyPath} from './userland/coreutils.js';
export {builtinFor, builtinNames, commandNames, isNotSimulated, NOT_SIMULATED, notSimulatedLine, programFor} from './userland/registry.js';
export {
	clonePlain,
	type Container,
	type Entry,
	type Image,
	type Layer,
	type Mount,
	type Network,
	own,
	type PortBinding,
	readonly,
	type RestartPolicy,
	type ShellSession,
	type Tree,
	type Volume,
	type World,
} from './world.js';
export {bridgeIp} from './addresses.js';
export {AREA_QUOTA} from './disk.js';
