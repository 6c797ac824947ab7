/** The lab's word when a docker command holds the terminal but takes no input (`-t` without `-i`). */
export function heldNote(name: string, out = 'Ctrl+C gives the host prompt back', why = '-t without -i'): string {
	return `layerlab: ${name} has a terminal but not your input (${why}): what you type reaches nothing; ${out}.\n`;
}
