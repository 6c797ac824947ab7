/**
 * THE pane table. A pane is one folder (`panes/<name>/`: rows, view, its state slice, keys, help)
 * and one row here, in the order Tab visits them. The layout, the reducer, the key table and the App
 * read this table; `PaneId` and the view state's slices are derived from it.
 */
import type {PaneDef} from './types.js';
import {stepPane} from './step/index.js';
import {terminalPane} from './terminal/index.js';
import {layersPane} from './layers/index.js';
import {containersPane} from './containers/index.js';
import {volumesPane} from './volumes/index.js';
import {imagesPane} from './images/index.js';

export const PANES = {
	step: stepPane,
	terminal: terminalPane,
	layers: layersPane,
	containers: containersPane,
	volumes: volumesPane,
	images: imagesPane,
};

export type PaneId = keyof typeof PANES;

export type PaneSlices = {[K in PaneId]: (typeof PANES)[K] extends PaneDef<infer S> ? S : never};

/** Every pane, in Tab order. */
export const PANE_ORDER = Object.keys(PANES) as PaneId[];

export function paneDef(id: PaneId): PaneDef<PaneSlices[PaneId]> {
	return PANES[id] as PaneDef<PaneSlices[PaneId]>;
}

export function initialSlices(): PaneSlices {
	return Object.fromEntries(PANE_ORDER.map(id => [id, paneDef(id).initial])) as PaneSlices;
}
