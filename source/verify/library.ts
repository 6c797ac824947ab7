/** The scenario library verify replays when given ids or nothing (source/scenario/index.ts). */
import {builtinScenarios, findScenario, scenarioWorld, type Scenario} from '../scenario/index.js';
import type {ScenarioLibrary} from './plans.js';

export async function loadScenarioLibrary(): Promise<ScenarioLibrary> {
	return {
		builtin: () => builtinScenarios(),
		find: idOrFile => findScenario(idOrFile),
		// setup lines are replayed (and compared) by verify, on both sides: the world starts before them
		world: scenario => scenarioWorld({...(scenario as Scenario), world: {...(scenario as Scenario).world, setup: []}}),
	};
}
