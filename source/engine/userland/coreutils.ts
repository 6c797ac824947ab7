/**
 * The file and text utilities programs and learners use (ls, cat, mkdir, rm, cp, mv, grep, …).
 * One implementation, two voices: GNU coreutils on the learner's host, busybox inside containers
 * (alpine-based images), because their messages differ and the lab prints what each prints.
 * Each is declared in the programs registry (registry.ts); `utilities` is the table it reads.
 */
import {FsError, mtimeOf, type FsApi} from '../fsapi.js';
import type {Entry, World} from '../world.js';
import {strftime} from './strftime.js';
import {basename, joinPath, normalizePath} from '../path.js';
import type {Program, Proc} from '../shell/interpreter.js';
import {spend} from '../budget.js';
import {BUSYBOX_USAGE} from './busybox-usage.js';

export type Flavor = 'bash' | 'busybox';

function errno(error: unknown): string {
	if (error instanceof FsError) return error.message;
	throw error;
}

function code(error: unknown): string | undefined {
	return error instanceof FsError ? error.code : undefined;
}

/** GNU coreutils quotes file names in messages like 'this' (C locale). */
function q(name: string): string {
	return `'${name}'`;
}

function abs(proc: Proc, path: string): string {
	return normalizePath(path, proc.shell.cwd);
}

/** Splits `-abc` style flags from operands (stops at `--`). Unknown flags are returned too. */
function parseFlags(args: string[]): {flags: Set<string>; operands: string[]; values: Record<string, string>} {
	const flags = new Set<string>();
	const operands: string[] = [];
	const values: Record<string, string> = {};
	let done = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (done || arg === '-' || !arg.startsWith('-')) operands.push(arg);
		else if (arg === '--') done = true;
		else if (arg.startsWith('--')) flags.add(arg);
		else for (const ch of arg.slice(1)) flags.add(ch);
	}
	return {flags, operands, values};
}

// ---------------------------------------------------------------- ls

function modeString(kind: string, mode: number): string {
	const type = kind === 'dir' ? 'd' : kind === 'symlink' ? 'l' : '-';
	if (kind === 'symlink') return 'lrwxrwxrwx';
	let bits = '';
	for (let shift = 6; shift >= 0; shift -= 3) {
		const v = (mode >> shift) & 7;
		bits += (v & 4 ? 'r' : '-') + (v & 2 ? 'w' : '-') + (v & 1 ? 'x' : '-');
	}
	if (mode & 0o1000) bits = bits.slice(0, 8) + (bits[8] === 'x' ? 't' : 'T');
	return type + bits;
}

/** GNU ls's -C layout: the most columns that fit, filled top to bottom, two spaces apart. */
export function columns(names: string[], width: number): string {
	if (names.length === 0) return '';
	const lengths = names.map(name => [...name].length);
	let best = {cols: 1, rows: names.length, widths: [Math.max(...lengths)]};
	const maxCols = Math.max(1, Math.min(names.length, Math.floor(width / 3)));
	for (let cols = 2; cols <= maxCols; cols++) {
		const rows = Math.ceil(names.length / cols);
		const used = Math.ceil(names.length / rows);
		if (used !== cols) continue;
		const widths: number[] = [];
		for (let c = 0; c < cols; c++) {
			const slice = lengths.slice(c * rows, (c + 1) * rows);
			widths.push(Math.max(...slice) + (c === cols - 1 ? 0 : 2));
		}
		if (widths.reduce((a, b) => a + b, 0) < width) best = {cols, rows, widths};
	}
	const lines: string[] = [];
	for (let row = 0; row < best.rows; row++) {
		let line = '';
		for (let col = 0; col < best.cols; col++) {
			const index = col * best.rows + row;
			if (index >= names.length) break;
			const isLast = col === best.cols - 1 || (col + 1) * best.rows + row >= names.length;
			line += isLast ? names[index] : names[index]!.padEnd(best.widths[col]!, ' ');
		}
		lines.push(line);
	}
	return lines.join('\n') + '\n';
}

/** busybox's make_human_readable_str: one decimal from 1K up, rounded; `whole` drops it (ls's total line). */
export function busyboxHuman(bytes: number, whole = false): string {
	let value = bytes;
	let fraction = 0;
	let unit = 0;
	while (value >= 1024 && unit < 6) {
		fraction = value;
		value = Math.floor(value / 1024);
		unit++;
	}
	if (unit === 0) return String(value);
	if (whole) return `${value}${' KMGTPE'[unit]}`;
	let tenths = Math.floor(((fraction % 1024) * 10 + 512) / 1024);
	if (tenths >= 10) {
		value++;
		tenths = 0;
	}
	return `${value}.${tenths}${' KMGTPE'[unit]}`;
}

/** GNU's human_readable with -h: powers of 1024, rounded up, one decimal below 10. */
export function gnuHuman(bytes: number): string {
	if (bytes < 1024) return String(bytes);
	let unit = 0;
	let value = bytes;
	while (value >= 1024 && unit < 6) {
		value /= 1024;
		unit++;
	}
	if (value < 10) {
		const tenths = Math.ceil(Math.round(value * 10 * 1e6) / 1e6);
		if (tenths < 100) return `${(tenths / 10).toFixed(1)}${'BKMGTPE'[unit]}`;
		return `10${'BKMGTPE'[unit]}`;
	}
	const whole = Math.ceil(Math.round(value * 1e6) / 1e6);
	if (whole >= 1024 && unit < 6) return `1.0${'BKMGTPE'[unit + 1]}`;
	return `${whole}${'BKMGTPE'[unit]}`;
}

/** What `ls -l`, `stat` and `du` show of one entry: owner, link count, bytes, 512-byte blocks, time. */
export interface FileFacts {
	entry: Entry;
	owner: string;
	links: number;
	size: number;
	blocks: number;
	mtime: number;
}

/**
 * Folders the kernel provides in a container (devtmpfs, procfs, sysfs): their size, link count and
 * blocks as the real engine shows them (/proc's link count follows the kernel's process count; this
 * is one recorded value).
 */
const KERNEL_DIRS: Readonly<Record<string, {size: number; links: number}>> = {'/dev': {size: 320, links: 5}, '/proc': {size: 0, links: 132}, '/sys': {size: 0, links: 12}};

/** The owner of a path: root in containers; on the host the learner owns their home and what is in /tmp. */
function ownerOf(proc: Proc, flavor: Flavor, path: string): string {
	if (flavor === 'busybox') return 'root';
	const host = (proc.shell.context as {world?: World} | undefined)?.world?.host;
	const user = host?.user ?? 'student';
	const home = host?.home ?? '/home/' + user;
	return path === home || path.startsWith(home + '/') || path.startsWith('/tmp/') ? user : 'root';
}

export function fileFacts(proc: Proc, flavor: Flavor, path: string, follow = false): FileFacts {
	const {fs} = proc.shell;
	const stat = fs.stat(path, follow);
	const {entry} = stat;
	const kernel = flavor === 'busybox' ? KERNEL_DIRS[stat.path] : undefined;
	let links = 1;
	try {
		links = kernel?.links ?? fs.links(stat.path);
	} catch {
		links = 1;
	}
	const size = kernel
		? kernel.size
		: entry.kind === 'file'
			? (entry.size ?? Buffer.byteLength(entry.content))
			: entry.kind === 'dir'
				? 4096
				: entry.kind === 'symlink'
					? entry.target.length
					: 0;
	const blocks = kernel || entry.kind === 'symlink' ? 0 : Math.ceil(size / 4096) * 8;
	return {entry, owner: ownerOf(proc, flavor, stat.path), links, size, blocks, mtime: mtimeOf(entry)};
}

/** ls's date column: month, day and time within six months before now, else month, day and year. */
export function lsDate(mtime: number, now: number, flavor: Flavor): string {
	const halfYear = flavor === 'bash' ? 15_778_476_000 : 182 * 86_400_000;
	const recent = mtime <= now && now - mtime < halfYear;
	return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', mtime);
}

function lsProgram(flavor: Flavor): Program {
	return proc => {
		const {fs} = proc.shell;
		const {flags, operands} = parseFlags(proc.argv.slice(1));
		const all = flags.has('a');
		const almostAll = flags.has('A');
		const long = flags.has('l');
		const human = flags.has('h');
		const recursive = flags.has('R');
		const onePerLine = flags.has('1') || (!proc.stdoutIsTty && !flags.has('C'));
		const dirAsFile = flags.has('d');
		const now = fs.now() ?? 0;
		let status = 0;
		const targets = operands.length > 0 ? operands : ['.'];
		const files: string[] = [];
		const dirs: string[] = [];
		for (const target of targets) {
			try {
				const stat = fs.stat(abs(proc, target), !long || target.endsWith('/'));
				if (stat.entry.kind === 'dir' && !dirAsFile) dirs.push(target);
				else files.push(target);
			} catch (error) {
				const text = errno(error);
				proc.err(flavor === 'bash' ? `ls: cannot access ${q(target)}: ${text}\n` : `ls: ${target}: ${text}\n`);
				status = flavor === 'bash' ? 2 : 1;
			}
		}
		const sizeText = (size: number) => (human ? (flavor === 'bash' ? gnuHuman(size) : busyboxHuman(size)) : String(size));
		const render = (items: Array<{name: string; path: string}>): string => {
			if (!long) {
				const names = items.map(item => item.name);
				return onePerLine ? names.map(name => name + '\n').join('') : columns(names, proc.shell.columns);
			}
			const rows = items.map(item => ({name: item.name, facts: fileFacts(proc, flavor, item.path)}));
			if (flavor === 'busybox') {
				return rows
					.map(({name, facts}) => {
						const {entry} = facts;
						const mode = entry.kind === 'file' || entry.kind === 'dir' ? entry.mode : 0o777;
						const link = entry.kind === 'symlink' ? ` -> ${entry.target}` : '';
						const size = human ? sizeText(facts.size).padStart(7) : String(facts.size).padStart(9);
						return `${modeString(entry.kind, mode)} ${String(facts.links).padStart(4)} ${facts.owner.padEnd(8)} ${facts.owner.padEnd(8)} ${size} ${lsDate(facts.mtime, now, flavor)} ${name}${link}\n`;
					})
					.join('');
			}
			const width = (values: string[]) => Math.max(0, ...values.map(value => value.length));
			const linksWidth = width(rows.map(row => String(row.facts.links)));
			const ownerWidth = width(rows.map(row => row.facts.owner));
			const sizeWidth = width(rows.map(row => sizeText(row.facts.size)));
			return rows
				.map(({name, facts}) => {
					const {entry} = facts;
					const mode = entry.kind === 'file' || entry.kind === 'dir' ? entry.mode : 0o777;
					const link = entry.kind === 'symlink' ? ` -> ${entry.target}` : '';
					return `${modeString(entry.kind, mode)} ${String(facts.links).padStart(linksWidth)} ${facts.owner.padEnd(ownerWidth)} ${facts.owner.padEnd(ownerWidth)} ${sizeText(facts.size).padStart(sizeWidth)} ${lsDate(facts.mtime, now, flavor)} ${name}${link}\n`;
				})
				.join('');
		};
		const totalLine = (items: Array<{path: string}>): string => {
			let blocks = 0;
			for (const item of items) {
				try {
					blocks += fileFacts(proc, flavor, item.path).blocks;
				} catch {
					// vanished: counted as nothing
				}
			}
			const kib = blocks / 2;
			if (!human) return `total ${kib}\n`;
			return flavor === 'bash' ? `total ${gnuHuman(kib * 1024)}\n` : `total ${busyboxHuman(kib * 1024, true).padEnd(7)}\n`;
		};
		let output = render(files.sort().map(name => ({name, path: abs(proc, name)})));
		let sections = files.length;
		const listDir = (dir: string, withHeader: boolean) => {
			spend();
			let names: string[];
			const path = abs(proc, dir);
			try {
				names = fs.list(path);
			} catch (error) {
				proc.err(flavor === 'bash' ? `ls: cannot open directory ${q(dir)}: ${errno(error)}\n` : `ls: ${dir}: ${errno(error)}\n`);
				status = flavor === 'bash' ? 2 : 1;
				return;
			}
			const shown = all ? ['.', '..', ...names] : almostAll ? names : names.filter(name => !name.startsWith('.'));
			const items = shown.map(name => ({name, path: name === '.' ? path : name === '..' ? abs(proc, joinPath(path, '..')) : joinPath(path, name)}));
			const header = withHeader ? `${sections > 0 ? '\n' : ''}${dir}:\n` : '';
			sections++;
			output += header + (long ? totalLine(items) : '') + render(items);
			if (!recursive) return;
			for (const item of items) {
				if (item.name === '.' || item.name === '..') continue;
				let kind: string;
				try {
					kind = fs.stat(item.path, false).entry.kind;
				} catch {
					continue;
				}
				if (kind === 'dir') listDir(dir.endsWith('/') ? dir + item.name : `${dir}/${item.name}`, true);
			}
		};
		for (const dir of dirs.sort()) listDir(dir, targets.length > 1 || recursive);
		proc.out(output);
		return status;
	};
}

// ---------------------------------------------------------------- cat

function catProgram(flavor: Flavor): Program {
	return proc => {
		const operands = proc.argv.slice(1).filter(arg => arg === '-' || !arg.startsWith('-'));
		if (operands.length === 0) {
			proc.out(proc.stdin);
			return 0;
		}
		let status = 0;
		for (const file of operands) {
			if (file === '-') {
				proc.out(proc.stdin);
				continue;
			}
			try {
				proc.out(proc.shell.fs.read(abs(proc, file)));
			} catch (error) {
				const text = errno(error);
				if (flavor === 'bash') proc.err(`cat: ${file}: ${text}\n`);
				else if (code(error) === 'EISDIR') proc.err(`cat: read error: ${text}\n`);
				else proc.err(`cat: can't open ${q(file)}: ${text}\n`);
				status = 1;
			}
		}
		return status;
	};
}

// ---------------------------------------------------------------- mkdir, rm, touch

function mkdirProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, operands} = parseFlags(proc.argv.slice(1));
		if (operands.length === 0) {
			proc.err(flavor === 'bash' ? "mkdir: missing operand\nTry 'mkdir --help' for more information.\n" : BUSYBOX_USAGE.mkdir!);
			return 1;
		}
		let status = 0;
		for (const dir of operands) {
			try {
				proc.shell.fs.mkdir(abs(proc, dir), {parents: flags.has('p')});
			} catch (error) {
				proc.err(flavor === 'bash' ? `mkdir: cannot create directory ${q(dir)}: ${errno(error)}\n` : `mkdir: can't create directory ${q(dir)}: ${errno(error)}\n`);
				status = 1;
			}
		}
		return status;
	};
}

function rmProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, operands} = parseFlags(proc.argv.slice(1));
		const recursive = flags.has('r') || flags.has('R') || flags.has('--recursive');
		const force = flags.has('f') || flags.has('--force');
		if (operands.length === 0 && !force) {
			proc.err(flavor === 'bash' ? "rm: missing operand\nTry 'rm --help' for more information.\n" : BUSYBOX_USAGE.rm!);
			return 1;
		}
		let status = 0;
		for (const target of operands) {
			const path = abs(proc, target);
			try {
				const stat = proc.shell.fs.stat(path, false);
				if (stat.entry.kind === 'dir' && !recursive) {
					proc.err(flavor === 'bash' ? `rm: cannot remove ${q(target)}: Is a directory\n` : `rm: ${q(target)} is a directory\n`);
					status = 1;
					continue;
				}
				proc.shell.fs.remove(path, {recursive});
			} catch (error) {
				if (force && code(error) === 'ENOENT') continue;
				proc.err(flavor === 'bash' ? `rm: cannot remove ${q(target)}: ${errno(error)}\n` : `rm: can't remove ${q(target)}: ${errno(error)}\n`);
				status = 1;
			}
		}
		return status;
	};
}

function rmdirProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, operands} = parseFlags(proc.argv.slice(1));
		if (operands.length === 0) {
			proc.err(flavor === 'bash' ? "rmdir: missing operand\nTry 'rmdir --help' for more information.\n" : BUSYBOX_USAGE.rmdir!);
			return 1;
		}
		let status = 0;
		for (const dir of operands) {
			const chain = [dir];
			if (flags.has('p')) for (let parent = dir.replace(/\/+$/, ''); parent.includes('/');) chain.push((parent = parent.slice(0, parent.lastIndexOf('/'))));
			for (const target of chain.filter(Boolean)) {
				try {
					const stat = proc.shell.fs.stat(abs(proc, target), false);
					if (stat.entry.kind !== 'dir') throw new FsError('ENOTDIR');
					if (proc.shell.fs.list(stat.path).length > 0) throw new FsError('ENOTEMPTY');
					proc.shell.fs.remove(stat.path);
				} catch (error) {
					proc.err(flavor === 'bash' ? `rmdir: failed to remove ${q(target)}: ${errno(error)}\n` : `rmdir: ${q(target)}: ${errno(error)}\n`);
					status = 1;
					break;
				}
			}
		}
		return status;
	};
}

/** ln [-s] [-f] TARGET LINK|DIR: symbolic links; a hard link is made as a copy of the file (the lab keeps no inodes). */
function lnProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, operands} = parseFlags(proc.argv.slice(1));
		if (operands.length === 0) {
			proc.err(flavor === 'bash' ? "ln: missing file operand\nTry 'ln --help' for more information.\n" : BUSYBOX_USAGE.ln!);
			return 1;
		}
		const {fs} = proc.shell;
		const symbolic = flags.has('s');
		const targets = operands.length === 1 ? operands : operands.slice(0, -1);
		const destination = operands.length === 1 ? '.' : operands.at(-1)!;
		let destIsDir = false;
		try {
			destIsDir = !flags.has('n') && fs.stat(abs(proc, destination)).entry.kind === 'dir';
		} catch {
			destIsDir = false;
		}
		let status = 0;
		for (const target of targets) {
			const name = destIsDir ? `${destination.replace(/\/$/, '')}/${basename(target.replace(/\/+$/, ''))}` : destination;
			const path = abs(proc, name);
			try {
				if (flags.has('f')) {
					try {
						if (fs.stat(path, false).entry.kind !== 'dir') fs.remove(path);
					} catch (error) {
						if (code(error) !== 'ENOENT') throw error;
					}
				}
				let exists = false;
				try {
					fs.stat(path, false);
					exists = true;
				} catch (error) {
					if (code(error) !== 'ENOENT') throw error;
				}
				if (exists) throw new FsError('EEXIST');
				if (symbolic) fs.symlink(path, target);
				else copyPath(fs, abs(proc, target), fs, path);
			} catch (error) {
				const how = `${symbolic ? 'symbolic' : 'hard'} link ${q(name)}`;
				proc.err(flavor === 'bash' ? `ln: failed to create ${how}: ${errno(error)}\n` : `ln: ${name}: ${errno(error)}\n`);
				status = 1;
			}
		}
		return status;
	};
}

/** A date as `touch -d` and `date -d` read it: `@SECONDS`, an ISO time, or `YYYY-MM-DD[ HH:MM[:SS]]` (UTC). */
export function parseDate(value: string, flavor: Flavor = 'bash', now = 0): number | undefined {
	const text = value.trim();
	if (/^@-?\d+$/.test(text)) return Number(text.slice(1)) * 1000;
	// busybox keeps the present's seconds when the time has none (`touch -d '2024-01-01 10:00'`).
	if (flavor === 'busybox' && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d$/.test(text)) {
		const minute = parseDate(text);
		return minute === undefined ? undefined : minute + (Math.floor(now / 1000) % 60) * 1000;
	}
	if (!/^\d{4}-\d\d-\d\d([ T]\d\d:\d\d(:\d\d(\.\d+)?)?)?( ?(Z|UTC|[+-]\d\d:?\d\d))?$/.test(text)) return undefined;
	const iso = text
		.replace(' UTC', 'Z')
		.replace(/ (?=[+-]\d)/, '')
		.replace(' ', 'T');
	const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso.includes('T') ? iso + 'Z' : iso + 'T00:00:00Z');
	return Number.isFinite(parsed) ? parsed : undefined;
}

/** touch [-c] [-d DATE] [-r FILE] FILE…: creates empty files, or sets the time of existing ones (the clock's, or the one given). */
function touchProgram(flavor: Flavor): Program {
	return proc => {
		const {fs} = proc.shell;
		const args = proc.argv.slice(1);
		const files: string[] = [];
		let time: number | undefined;
		let noCreate = false;
		for (let i = 0; i < args.length; i++) {
			const arg = args[i]!;
			const dateValue = arg === '-d' || arg === '--date' ? args[++i] : arg.startsWith('--date=') ? arg.slice(7) : arg.startsWith('-d') && arg.length > 2 ? arg.slice(2) : undefined;
			if (dateValue !== undefined || arg === '-d') {
				time = parseDate(dateValue ?? '', flavor, fs.now() ?? 0);
				if (time === undefined) {
					proc.err(flavor === 'bash' ? `touch: invalid date format ${q(dateValue ?? '')}\n` : `touch: invalid date '${dateValue ?? ''}'\n`);
					return 1;
				}
			} else if (arg === '-r' || arg === '--reference') {
				const reference = args[++i] ?? '';
				try {
					time = mtimeOf(fs.stat(abs(proc, reference)).entry);
				} catch (error) {
					proc.err(flavor === 'bash' ? `touch: failed to get attributes of ${q(reference)}: ${errno(error)}\n` : `touch: ${reference}: ${errno(error)}\n`);
					return 1;
				}
			} else if (arg === '-c' || arg === '--no-create') noCreate = true;
			else if (arg === '-m' || arg === '-a') continue;
			else files.push(arg);
		}
		let status = 0;
		for (const file of files) {
			const path = abs(proc, file);
			try {
				try {
					fs.stat(path);
				} catch (error) {
					if (code(error) !== 'ENOENT') throw error;
					if (noCreate) continue;
					fs.write(path, '');
				}
				fs.utime(path, time ?? fs.now() ?? 0);
			} catch (error) {
				proc.err(flavor === 'bash' ? `touch: cannot touch ${q(file)}: ${errno(error)}\n` : `touch: ${file}: ${errno(error)}\n`);
				status = 1;
			}
		}
		return status;
	};
}

// ---------------------------------------------------------------- cp, mv

/**
 * Copies a file or directory tree from one filesystem to another (or the same). `enter` is asked
 * before each sub-directory is copied (source path, resolved path): false leaves it out (a copy of a
 * folder into itself). Every entry is a step of the command's budget.
 */
export function copyPath(from: FsApi, source: string, to: FsApi, target: string, enter?: (display: string, path: string) => boolean, display = source, preserve = false): void {
	spend();
	const stat = from.stat(source);
	// cp -p, cp -a and mv keep the modification time; a plain cp stamps the copy with the clock's.
	const keepTime = () => preserve && to.utime(target, mtimeOf(stat.entry));
	if (stat.entry.kind === 'dir') {
		try {
			to.mkdir(target);
		} catch (error) {
			if (!(error instanceof FsError && error.code === 'EEXIST')) throw error;
		}
		for (const name of from.list(stat.path)) {
			const child = joinPath(stat.path, name);
			const childDisplay = display === '/' ? `/${name}` : `${display.replace(/\/$/, '')}/${name}`;
			if (enter && !enter(childDisplay, child)) continue;
			copyPath(from, child, to, joinPath(target, name), enter, childDisplay, preserve);
		}
		keepTime();
		return;
	}
	const mode = stat.entry.kind === 'file' ? stat.entry.mode : undefined;
	to.write(target, from.read(stat.path), {mode});
	keepTime();
}

function cpProgram(flavor: Flavor, move = false): Program {
	const name = move ? 'mv' : 'cp';
	return proc => {
		const {fs} = proc.shell;
		const {flags, operands} = parseFlags(proc.argv.slice(1));
		const recursive = move || flags.has('r') || flags.has('R') || flags.has('a');
		if (operands.length < 2) {
			proc.err(
				flavor === 'bash'
					? `${name}: missing ${operands.length === 0 ? 'file operand' : `destination file operand after ${q(operands[0]!)}`}\nTry '${name} --help' for more information.\n`
					: BUSYBOX_USAGE[name]!,
			);
			return 1;
		}
		const dest = operands.at(-1)!;
		const destPath = abs(proc, dest);
		let destIsDir = false;
		try {
			destIsDir = fs.stat(destPath).entry.kind === 'dir';
		} catch {
			destIsDir = false;
		}
		let status = 0;
		for (const source of operands.slice(0, -1)) {
			const sourcePath = abs(proc, source);
			const last = source.replace(/\/+$/, '').split('/').pop() ?? '';
			const target = destIsDir ? (last === '.' || last === '' ? destPath : joinPath(destPath, basename(sourcePath))) : destPath;
			try {
				const stat = fs.stat(sourcePath);
				if (stat.entry.kind === 'dir' && !recursive) {
					proc.err(flavor === 'bash' ? `cp: -r not specified; omitting directory ${q(source)}\n` : `cp: omitting directory ${q(source)}\n`);
					status = 1;
					continue;
				}
				const intoItself = stat.entry.kind === 'dir' && (target === stat.path || target.startsWith(stat.path === '/' ? '/' : stat.path + '/'));
				const shownTarget = destIsDir ? `${dest.replace(/\/$/, '')}/${last || source}` : dest;
				if (move && intoItself) {
					proc.err(flavor === 'bash' ? `mv: cannot move ${q(source)} to a subdirectory of itself, ${q(shownTarget)}\n` : `mv: can't rename ${q(source)}: Invalid argument\n`);
					status = 1;
					continue;
				}
				if (intoItself) {
					// GNU cp refuses to descend into a folder it made itself; busybox skips the copy's own
					// destination; both finish the rest and fail.
					const created = new Set<string>();
					const wrote = {...fs, mkdir: (path: string, options?: {parents?: boolean}) => (fs.mkdir(path, options), created.add(path))};
					let reported = false;
					copyPath(
						fs,
						sourcePath,
						wrote,
						target,
						(display, path) => {
							const stop = flavor === 'bash' ? created.has(path) : path === target;
							if (stop && !reported) {
								proc.err(
									flavor === 'bash' ? `cp: cannot copy a directory, ${q(source)}, into itself, ${q(shownTarget)}\n` : `cp: recursion detected, omitting directory ${q(display)}\n`,
								);
								reported = flavor === 'bash';
							}
							return !stop;
						},
						source,
					);
					status = 1;
					continue;
				}
				copyPath(fs, sourcePath, fs, target, undefined, undefined, move || flags.has('p') || flags.has('a'));
				if (move) fs.remove(sourcePath, {recursive: true});
			} catch (error) {
				const text = errno(error);
				proc.err(flavor === 'bash' ? `${name}: cannot stat ${q(source)}: ${text}\n` : `${name}: can't stat ${q(source)}: ${text}\n`);
				status = 1;
			}
		}
		return status;
	};
}

// ---------------------------------------------------------------- chmod, sleep, env

export function applyMode(mode: number, spec: string): number | undefined {
	if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
	let result = mode;
	for (const clause of spec.split(',')) {
		const match = /^([ugoa]*)([+=-])([rwxX]*)$/.exec(clause);
		if (!match) return undefined;
		const who = match[1] || 'a';
		let bits = 0;
		for (const p of match[3]!) bits |= p === 'r' ? 4 : p === 'w' ? 2 : 1;
		let mask = 0;
		if (who.includes('u') || who.includes('a')) mask |= bits << 6;
		if (who.includes('g') || who.includes('a')) mask |= bits << 3;
		if (who.includes('o') || who.includes('a')) mask |= bits;
		if (match[2] === '+') result |= mask;
		else if (match[2] === '-') result &= ~mask;
		else result = mask;
	}
	return result;
}

function chmodProgram(flavor: Flavor): Program {
	return proc => {
		const [spec, ...files] = proc.argv.slice(1);
		if (!spec || files.length === 0) {
			proc.err(flavor === 'bash' ? "chmod: missing operand\nTry 'chmod --help' for more information.\n" : BUSYBOX_USAGE.chmod!);
			return 1;
		}
		let status = 0;
		for (const file of files) {
			try {
				const stat = proc.shell.fs.stat(abs(proc, file));
				const current = stat.entry.kind === 'file' || stat.entry.kind === 'dir' ? stat.entry.mode : 0o777;
				const mode = applyMode(current, spec);
				if (mode === undefined) {
					proc.err(flavor === 'bash' ? `chmod: invalid mode: ${q(spec)}\n` : `chmod: invalid mode '${spec}'\n`);
					return 1;
				}
				proc.shell.fs.chmod(stat.path, mode);
			} catch (error) {
				proc.err(flavor === 'bash' ? `chmod: cannot access ${q(file)}: ${errno(error)}\n` : `chmod: ${file}: ${errno(error)}\n`);
				status = 1;
			}
		}
		return status;
	};
}

function sleepProgram(flavor: Flavor): Program {
	return proc => {
		const arg = proc.argv[1];
		if (arg === undefined || !/^[0-9.]+[smhd]?$/.test(arg)) {
			proc.err(
				flavor === 'bash'
					? arg === undefined
						? "sleep: missing operand\nTry 'sleep --help' for more information.\n"
						: `sleep: invalid time interval ${q(arg)}\nTry 'sleep --help' for more information.\n`
					: `sleep: invalid number '${arg ?? ''}'\n`,
			);
			return 1;
		}
		return 0;
	};
}

const envProgram: Program = proc => {
	proc.out(
		Object.entries(proc.env)
			.map(([k, v]) => `${k}=${v}\n`)
			.join(''),
	);
	return 0;
};

const printenvProgram: Program = proc => {
	const names = proc.argv.slice(1);
	if (names.length === 0) return envProgram(proc);
	let status = 0;
	for (const name of names) {
		if (proc.env[name] === undefined) status = 1;
		else proc.out(proc.env[name] + '\n');
	}
	return status;
};

// ---------------------------------------------------------------- wc, head, tail, grep

/** Reads the named files (or stdin), reporting unreadable ones the flavour's way. */
function inputs(proc: Proc, flavor: Flavor, name: string, files: string[]): {texts: Array<{file: string; text: string}>; status: number} {
	if (files.length === 0) return {texts: [{file: '', text: proc.stdin}], status: 0};
	const texts: Array<{file: string; text: string}> = [];
	let status = 0;
	for (const file of files) {
		try {
			texts.push({file, text: file === '-' ? proc.stdin : proc.shell.fs.read(abs(proc, file))});
		} catch (error) {
			proc.err(flavor === 'bash' ? `${name}: ${file}: ${errno(error)}\n` : `${name}: can't open ${q(file)}: ${errno(error)}\n`);
			status = flavor === 'bash' && name === 'grep' ? 2 : 1;
		}
	}
	return {texts, status};
}

function countArg(args: string[], fallback: number): {count: number; bytes?: number; rest: string[]} {
	let count = fallback;
	let bytes: number | undefined;
	const rest: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '-c') bytes = Number(args[++i]);
		else if (/^-c\d+$/.test(arg)) bytes = Number(arg.slice(2));
		else if (/^--bytes=\d+$/.test(arg)) bytes = Number(arg.slice(8));
		else if (arg === '-n') count = Number(args[++i]);
		else if (/^-n\d+$/.test(arg)) count = Number(arg.slice(2));
		else if (/^-\d+$/.test(arg)) count = Number(arg.slice(1));
		else rest.push(arg);
	}
	return {count, ...(bytes === undefined ? {} : {bytes}), rest};
}

function lineList(text: string): string[] {
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	return lines;
}

function wcProgram(flavor: Flavor): Program {
	return proc => {
		const {flags, operands} = parseFlags(proc.argv.slice(1));
		const {texts, status} = inputs(proc, flavor, 'wc', operands);
		const all = !flags.has('l') && !flags.has('w') && !flags.has('c');
		const rows = texts.map(({file, text}) => {
			const counts: number[] = [];
			if (all || flags.has('l')) counts.push((text.match(/\n/g) ?? []).length);
			if (all || flags.has('w')) counts.push(text.split(/\s+/).filter(Boolean).length);
			if (all || flags.has('c')) counts.push(Buffer.byteLength(text));
			return {file, counts};
		});
		if (rows.length > 1) rows.push({file: 'total', counts: rows[0]!.counts.map((_, index) => rows.reduce((sum, row) => sum + row.counts[index]!, 0))});
		const single = rows.length === 1 && rows[0]!.counts.length === 1;
		const width = single ? 0 : flavor === 'busybox' ? 9 : operands.length === 0 ? 7 : Math.max(1, ...rows.flatMap(row => row.counts.map(n => String(n).length)));
		for (const row of rows) proc.out(`${row.counts.map(n => String(n).padStart(width)).join(' ')}${row.file ? ' ' + row.file : ''}\n`);
		return status;
	};
}

function headTail(flavor: Flavor, name: 'head' | 'tail'): Program {
	return proc => {
		const {count, bytes, rest} = countArg(proc.argv.slice(1), 10);
		const {texts, status} = inputs(proc, flavor, name, rest);
		for (const {text} of texts) {
			if (bytes !== undefined) {
				// -c N: the first (or last) N bytes, as the real programs count them.
				const data = Buffer.from(text, 'utf8');
				proc.out((name === 'head' ? data.subarray(0, bytes) : data.subarray(Math.max(0, data.length - bytes))).toString('utf8'));
				continue;
			}
			const lines = lineList(text);
			const picked = name === 'head' ? lines.slice(0, count) : lines.slice(Math.max(0, lines.length - count));
			proc.out(picked.map(line => line + '\n').join(''));
		}
		return status;
	};
}

export function utilities(flavor: Flavor): Record<string, Program> {
	return {
		ls: lsProgram(flavor),
		cat: catProgram(flavor),
		mkdir: mkdirProgram(flavor),
		rm: rmProgram(flavor),
		rmdir: rmdirProgram(flavor),
		ln: lnProgram(flavor),
		touch: touchProgram(flavor),
		cp: cpProgram(flavor),
		mv: cpProgram(flavor, true),
		chmod: chmodProgram(flavor),
		sleep: sleepProgram(flavor),
		env: envProgram,
		printenv: printenvProgram,
		wc: wcProgram(flavor),
		head: headTail(flavor, 'head'),
		tail: headTail(flavor, 'tail'),
	};
}
