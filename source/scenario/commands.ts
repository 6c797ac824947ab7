/** Placeholders until the scenario commands land (issue 4). */
async function notYet(): Promise<number> {
	process.stderr.write('layerlab: scenario commands are not built yet.\n');
	return 2;
}
export const listCommand = notYet;
export const validateCommand = notYet;
export const checkCommand = notYet;
export const progressCommand = notYet;
