/** The scenario library verify replays when given ids or nothing (source/scenario/index.ts). */
import type {ScenarioLibrary} from './plans.js';

export async function loadScenarioLibrary(): Promise<ScenarioLibrary | undefined> {
	return undefined;
}
