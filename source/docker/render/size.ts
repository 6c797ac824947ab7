/**
 * Sizes as the Docker CLI prints them. Apart from format.ts (which needs Go's text/tabwriter and
 * time formatting) so the lab's panes can show sizes without loading the rest of the CLI.
 */
import {formatFloat} from '../../go/screen.js';

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/** go-units HumanSizeWithPrecision(size, 3): `1.99MB`, `529B`, `2.05kB`. */
export function humanSize(bytes: number, precision = 3): string {
	if (precision !== 3) return formatSize(bytes, precision);
	let known = SIZES.get(bytes);
	if (known === undefined) {
		if (SIZES.size >= 4096) SIZES.clear();
		SIZES.set(bytes, (known = formatSize(bytes, precision)));
	}
	return known;
}

/** The sizes the panes showed (a few hundred at most: each layer's, each container's), each worked out once. */
const SIZES = new Map<number, string>();

function formatSize(bytes: number, precision: number): string {
	let size = bytes;
	let unit = 0;
	while (size >= 1000 && unit < DECIMAL_UNITS.length - 1) {
		size /= 1000;
		unit++;
	}
	return formatFloat(size, 'g', precision) + DECIMAL_UNITS[unit]; // fmt's %.*g
}
