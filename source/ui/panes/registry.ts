/**
 * THE pane table. A pane is one folder (`panes/<name>/`: rows, view, its state slice, keys, help)
 * and one row here, in the order Tab visits them (its slice type is one line in app-state.ts; the
 * compiler requires the two to agree). The layout, the reducer, the key table and the App read
 * this table.
 */
import type {PaneDef} from './types.js';
import type {PaneId, PaneSlices} from '../app-state.js';
import {stepPane} from './step/index.js';
import {terminalPane} from './terminal/index.js';
import {layersPane} from './layers/index.js';
import {containersPane} from './containers/index.js';
import {volumesPane} from './volumes/index.js';
import {imagesPane} from './images/index.js';

export const PANES: {[K in PaneId]: PaneDef<PaneSlices[K]>} = {
	step: stepPane,
	terminal: terminalPane,
	layers: layersPane,
	containers: containersPane,
	volumes: volumesPane,
	images: imagesPane,
};

export type {PaneId, PaneSlices};

/** Every pane, in Tab order. */
export const PANE_ORDER = Object.keys(PANES) as PaneId[];

export function paneDef(id: PaneId): PaneDef<PaneSlices[PaneId]> {
	return PANES[id] as PaneDef<PaneSlices[PaneId]>;
}

export function initialSlices(): PaneSlices {
	return Object.fromEntries(PANE_ORDER.map(id => [id, paneDef(id).initial])) as unknown as PaneSlices;
}
