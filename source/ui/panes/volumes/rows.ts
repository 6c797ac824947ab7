/**
 * The Volumes pane: each volume (anonymous ones shortened and labelled), the containers that use it,
 * and its files — a volume outliving its container is the point of section 6.2.
 */
import {t} from '../../../lab/messages.js';
import type {World} from '../../../engine/index.js';
import {bytewise} from '../../../engine/screen.js';
import {row, seg, type Row} from '../../rows.js';
import {shortVolume, type Changes} from '../../../lab/model/changes.js';
import {changesFor, cut, memoByRef, sameAsBefore, volumeUsersIndex} from '../common.js';
import {fit} from '../../text/width.js';

export type VolumeLine =
	| {kind: 'volume'; name: string; anonymous: boolean; users: string[]; files: number}
	| {kind: 'file'; volume: string; path: string; dir: boolean}
	| {kind: 'more'; volume: string; count: number}
	| {kind: 'removed'; name: string; anonymous: boolean};

/** Files listed under each volume before "… N more". */
export const FILES_PER_VOLUME = 6;

type Volume = World['volumes'][string];
const filesCache = new WeakMap<Volume, {files: number; shown: VolumeLine[]}>();

/** A volume's file count and listed lines, kept per volume object (immer gives a changed volume a new one). */
function volumeFiles(volume: Volume): {files: number; shown: VolumeLine[]} {
	const cached = filesCache.get(volume);
	if (cached) return cached;
	const paths = Object.keys(volume.files).sort(bytewise);
	const shown: VolumeLine[] = [];
	for (const path of paths.slice(0, FILES_PER_VOLUME)) shown.push({kind: 'file', volume: volume.name, path, dir: volume.files[path]!.kind === 'dir'});
	if (paths.length > FILES_PER_VOLUME) shown.push({kind: 'more', volume: volume.name, count: paths.length - FILES_PER_VOLUME});
	const entry = {files: paths.filter(path => volume.files[path]!.kind !== 'dir').length, shown};
	filesCache.set(volume, entry);
	return entry;
}

/** The parts of the last command's changes this pane shows. */
export const volumesChanges = changesFor(['volumesAdded', 'volumesRemoved', 'volumeFiles']);
const sameLines = sameAsBefore<VolumeLine>();

/** Named volumes first (by name), then anonymous ones; removed ones last (the same list while it shows the same). */
export function volumeLines(volumes: World['volumes'], containers: World['containers'], changes: Changes): readonly VolumeLine[] {
	return sameLines(buildLines(volumes, containers, volumesChanges(changes)));
}

const buildLines = memoByRef((volumes: World['volumes'], containers: World['containers'], changes: Changes): VolumeLine[] => {
	const users = volumeUsersIndex(containers);
	const list = Object.values(volumes).sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || bytewise(a.name, b.name));
	const lines: VolumeLine[] = [];
	for (const volume of list) {
		const {files, shown} = volumeFiles(volume);
		lines.push({kind: 'volume', name: volume.name, anonymous: volume.anonymous, users: users.get(volume.name) ?? [], files});
		lines.push(...shown);
	}
	for (const gone of changes.volumesRemoved) lines.push({kind: 'removed', ...gone});
	return lines;
});

export function volumesHeader(width: number): Row {
	const nameWidth = nameColumn(width);
	return row([seg('  '), seg(fit('VOLUME', nameWidth) + ' ' + fit('USED BY', Math.max(0, width - nameWidth - 12)) + ' FILES', 'dim', {bold: true})]);
}

function nameColumn(width: number): number {
	return Math.max(14, Math.min(28, Math.floor((width - 2) * 0.4)));
}

export function volumeRow(line: VolumeLine, changes: Changes, width: number, selected: boolean, lang = 'en'): Row {
	const nameWidth = nameColumn(width);
	const usersWidth = Math.max(0, width - nameWidth - 12);
	switch (line.kind) {
		case 'volume': {
			const added = changes.volumesAdded.has(line.name);
			const changed = !added && changes.volumeFiles.has(line.name);
			const label = shortVolume(line.name, line.anonymous) + (line.anonymous ? ' (anon)' : '');
			const users = line.users.length > 0 ? line.users.join(', ') : t(lang, 'volumes.unused');
			return row(
				[
					added ? seg('+ ', 'added') : changed ? seg('~ ', 'changed') : seg('  '),
					seg(fit(label, nameWidth), 'volume', {bold: true}),
					seg(' '),
					seg(fit(users, usersWidth), line.users.length > 0 ? undefined : 'dim'),
					seg(' '),
					seg(String(line.files).padStart(5)),
				],
				{selected, ...(added ? {mark: 'added' as const} : changed ? {mark: 'changed' as const} : {})},
			);
		}
		case 'file': {
			const fresh = changes.volumeFiles.get(line.volume)?.has(line.path) ?? false;
			const depth = line.path.split('/').length - 2;
			const name = line.path.slice(line.path.lastIndexOf('/') + 1) + (line.dir ? '/' : '');
			return row(
				[seg(fresh ? '    + ' : '      ', fresh ? 'added' : undefined), seg(cut('  '.repeat(depth) + name, width - 6), fresh ? 'added' : line.dir ? 'accent' : undefined)],
				{selected},
			);
		}
		case 'more':
			return row([seg(`      … ${t(lang, 'volumes.more', {count: line.count})}`, 'dim')], {selected});
		case 'removed':
			return row([seg('− ', 'removed'), seg(fit(shortVolume(line.name, line.anonymous), nameWidth), 'removed', {strike: true}), seg(' ' + t(lang, 'volumes.removed'), 'dim')], {
				selected,
				mark: 'removed',
			});
	}
}

export function volumeRows(lines: readonly VolumeLine[], changes: Changes, width: number, cursor: number, offset: number, height: number, lang = 'en'): Row[] {
	if (lines.length === 0) return [row([seg('  ' + t(lang, 'volumes.none') + ' ', 'dim'), seg('docker volume create NAME', 'code'), seg(' ' + t(lang, 'volumes.noneHow'), 'dim')])];
	const rows: Row[] = [];
	for (let i = offset; i < Math.min(lines.length, offset + height); i++) rows.push(volumeRow(lines[i]!, changes, width, i === cursor, lang));
	return rows;
}
