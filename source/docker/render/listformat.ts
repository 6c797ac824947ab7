/**
 * `--format` for list commands (`ps`, `image ls`, `volume ls`): a Go template run once per row on
 * the CLI's row object, or `table …` for a tabwriter table whose header names the fields.
 */
import {Budget, str, struct, type GoValue} from '../../go/index.js';
import {renderTemplate} from './templates.js';
import {table} from './format.js';

/** Header names the CLI prints for each field in `table` formats. */
const HEADERS: Record<string, string> = {
	ID: 'CONTAINER ID',
	Image: 'IMAGE',
	Command: 'COMMAND',
	CreatedAt: 'CREATED AT',
	RunningFor: 'CREATED',
	Ports: 'PORTS',
	State: 'STATE',
	Status: 'STATUS',
	Size: 'SIZE',
	Names: 'NAMES',
	Labels: 'LABELS',
	Mounts: 'MOUNTS',
	Networks: 'NETWORKS',
	LocalVolumes: 'LOCAL VOLUMES',
	Repository: 'REPOSITORY',
	Tag: 'TAG',
	Digest: 'DIGEST',
	CreatedSince: 'CREATED',
	Driver: 'DRIVER',
	Name: 'VOLUME NAME',
	Scope: 'SCOPE',
	Mountpoint: 'MOUNTPOINT',
};

export type Row = Record<string, string>;

function rowValue(row: Row): GoValue {
	return struct(
		Object.keys(row)
			.sort()
			.map(key => ({name: key, value: str(row[key]!)})),
	);
}

/** Renders rows with a user format; returns the text, or an error line as the CLI prints it. */
export function formatRows(format: string, rows: Row[], headerOverrides: Record<string, string> = {}): {ok: true; text: string} | {ok: false; error: string} {
	const isTable = format.startsWith('table');
	const template = isTable ? format.replace(/^table\s*/, '') : format;
	const expanded = template.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
	const rendered: string[] = [];
	const budget = new Budget(); // one for all the rows
	for (const row of rows) {
		const result = renderTemplate(expanded, rowValue(row), budget);
		if (!result.ok) return {ok: false, error: `template: ${result.error}`};
		rendered.push(result.text);
	}
	if (!isTable) return {ok: true, text: rendered.map(line => line + '\n').join('')};
	const header = expanded.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (_, name: string) => headerOverrides[name] ?? HEADERS[name] ?? name.toUpperCase());
	return {ok: true, text: table([header, ...rendered].map(line => line.split('\t')))};
}

/** Prints rows with a user `--format`; a template error is one line on stderr, exit 1. */
export function printRows(io: {out(text: string): void; err(text: string): void}, format: string, rows: Row[], headerOverrides: Record<string, string> = {}): number {
	const result = formatRows(format, rows, headerOverrides);
	if (!result.ok) {
		io.err(result.error + '\n');
		return 1;
	}
	io.out(result.text);
	return 0;
}
