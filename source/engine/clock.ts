import type {World} from './world.js';

/** Virtual time: every command moves the clock on; nothing reads the real one. */
export const COMMAND_STEP_MS = 1_000;

export function tick(world: Pick<World, 'clock'>, ms = COMMAND_STEP_MS): number {
	world.clock += ms;
	return world.clock;
}

/** Docker's `units.HumanDuration` (go-units), as used by `ps` and `image ls`. */
export function humanDuration(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${seconds} seconds`;
	const minutes = Math.floor(ms / 60_000);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return `${minutes} minutes`;
	const hours = Math.round(ms / 3_600_000);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return `${hours} hours`;
	if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
	if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
	if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
	return `${Math.floor(hours / 24 / 365)} years`;
}
