/** Placeholder until `verify --docker` lands (issue 6). */
export async function verifyCommand(): Promise<number> {
	process.stderr.write('layerlab: verify is not built yet.\n');
	return 2;
}
