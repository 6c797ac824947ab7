/** Placeholder until the full-screen lab lands (issue 5). */
export async function playCommand(): Promise<number> {
	process.stderr.write("layerlab: the full-screen lab is not built yet; use 'layerlab script' for now.\n");
	return 2;
}
