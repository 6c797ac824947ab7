/**
 * The programs that show what the filesystem knows about a file beyond its bytes: `stat`, `du`, `df`.
 * GNU coreutils' text on the host, busybox's in containers. Times come from the entries' mtimes (the
 * world's clock); the lab keeps one time per file, so access and change times read as the
 * modification time. Device and inode numbers are the lab's own (a hash of the path): a real kernel
 * gives each run different ones.
 */
import {FsError} from '../fsapi.js';
import {joinPath, normalizePath} from '../path.js';
import type {Program, Proc} from '../shell/interpreter.js';
import {spend} from '../budget.js';
import {busyboxHuman, fileFacts, gnuHuman, type FileFacts, type Flavor} from './coreutils.js';
import {strftime} from './strftime.js';

function errno(error: unknown): string {
	if (error instanceof FsError) return error.message;
	throw error;
}

const abs = (proc: Proc, path: string) => normalizePath(path, proc.shell.cwd);

function modeBits(facts: FileFacts): number {
	const {entry} = facts;
	return entry.kind === 'file' || entry.kind === 'dir' ? entry.mode : 0o777;
}

function modeText(facts: FileFacts): string {
	const {entry} = facts;
	const mode = modeBits(facts);
	let bits = '';
	for (let shift = 6; shift >= 0; shift -= 3) {
		const v = (mode >> shift) & 7;
		bits += (v & 4 ? 'r' : '-') + (v & 2 ? 'w' : '-') + (v & 1 ? 'x' : '-');
	}
	if (mode & 0o1000) bits = bits.slice(0, 8) + (bits[8] === 'x' ? 't' : 'T');
	return (entry.kind === 'dir' ? 'd' : entry.kind === 'symlink' ? 'l' : '-') + bits;
}

function fileType(facts: FileFacts): string {
	const {entry} = facts;
	if (entry.kind === 'dir') return 'directory';
	if (entry.kind === 'symlink') return 'symbolic link';
	return facts.size === 0 ? 'regular empty file' : 'regular file';
}

/** stat's full time: `2024-02-29 08:05:03.000000000 +0000`. */
function fullTime(ms: number): string {
	return strftime('%Y-%m-%d %H:%M:%S.%N +0000', ms);
}

/** The lab's inode number for a path: stable, and different for different paths. */
function inode(path: string): number {
	let hash = 2166136261;
	for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 16777619) >>> 0;
	return 2_000_000 + (hash % 1_000_000);
}

const octal = (mode: number) => mode.toString(8).padStart(4, '0');

function ids(proc: Proc, owner: string): number {
	if (owner === 'root') return 0;
	return 1000;
}

function statFormat(proc: Proc, flavor: Flavor, format: string, shown: string, path: string, facts: FileFacts): string {
	const {entry} = facts;
	const quoted = (name: string) => `'${name}'`;
	return format.replace(/%([a-zA-Z%])/g, (whole, code: string) => {
		switch (code) {
			case 'n':
				return shown;
			case 'N':
				if (entry.kind === 'symlink') return `${quoted(shown)} -> ${quoted(entry.target)}`;
				return flavor === 'bash' ? quoted(shown) : shown;
			case 's':
				return String(facts.size);
			case 'b':
				return String(facts.blocks);
			case 'B':
				return '512';
			case 'o':
				return '4096';
			case 'h':
				return String(facts.links);
			case 'i':
				return String(inode(path));
			case 'a':
				return modeBits(facts).toString(8);
			case 'A':
				return modeText(facts);
			case 'F':
				return fileType(facts);
			case 'U':
			case 'G':
				return facts.owner;
			case 'u':
			case 'g':
				return String(ids(proc, facts.owner));
			case 'x':
			case 'y':
			case 'z':
				return fullTime(facts.mtime);
			case 'X':
			case 'Y':
			case 'Z':
				return String(Math.floor(facts.mtime / 1000));
			case '%':
				return '%';
			default:
				return whole;
		}
	});
}

function statDefault(proc: Proc, flavor: Flavor, shown: string, path: string, facts: FileFacts): string {
	const {entry} = facts;
	const name = entry.kind === 'symlink' ? (flavor === 'bash' ? `${shown} -> ${entry.target}` : `'${shown}' -> '${entry.target}'`) : shown;
	const id = (owner: string) => `${String(ids(proc, owner)).padStart(5)}/${owner.padStart(8)}`;
	const device = flavor === 'bash' ? 'Device: 254,0\t' : 'Device: 29h/41d\t';
	const time = fullTime(facts.mtime);
	return (
		`  File: ${name}\n` +
		`  Size: ${String(facts.size).padEnd(10)}\tBlocks: ${String(facts.blocks).padEnd(10)} IO Block: 4096   ${fileType(facts)}\n` +
		`${device}Inode: ${String(inode(path)).padEnd(11)} Links: ${facts.links}\n` +
		`Access: (${octal(modeBits(facts))}/${modeText(facts)})  Uid: (${id(facts.owner)})   Gid: (${id(facts.owner)})\n` +
		`Access: ${time}\nModify: ${time}\nChange: ${time}\n` +
		(flavor === 'bash' ? ' Birth: -\n' : '')
	);
}

/** stat [-L] [-c FORMAT] FILE…: the default report, or the format's fields. */
function statProgram(flavor: Flavor): Program {
	return proc => {
		const args = proc.argv.slice(1);
		let format: string | undefined;
		let follow = false;
		const files: string[] = [];
		for (let i = 0; i < args.length; i++) {
			const arg = args[i]!;
			if (arg === '-c' || arg === '--format') format = (args[++i] ?? '') + '\n';
			else if (arg.startsWith('--format=')) format = arg.slice(9) + '\n';
			else if (arg.startsWith('--printf=')) format = arg.slice(9).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
			else if (arg === '-L' || arg === '--dereference') follow = true;
			else files.push(arg);
		}
		if (files.length === 0) {
			proc.err(flavor === 'bash' ? "stat: missing operand\nTry 'stat --help' for more information.\n" : 'stat: missing operand\n');
			return 1;
		}
		let status = 0;
		for (const file of files) {
			try {
				const path = abs(proc, file);
				const facts = fileFacts(proc, flavor, path, follow);
				const real = proc.shell.fs.stat(path, follow).path;
				proc.out(format === undefined ? statDefault(proc, flavor, file, real, facts) : statFormat(proc, flavor, format, file, real, facts));
			} catch (error) {
				proc.err(flavor === 'bash' ? `stat: cannot statx '${file}': ${errno(error)}\n` : `stat: can't stat '${file}': ${errno(error)}\n`);
				status = 1;
			}
		}
		return status;
	};
}

/** du [-s] [-h] [-a] [-k] PATH…: 1K blocks used by each folder (and file with -a), deepest first. */
function duProgram(flavor: Flavor): Program {
	return proc => {
		const flags = new Set<string>();
		const operands: string[] = [];
		for (const arg of proc.argv.slice(1)) {
			if (arg.startsWith('-') && arg.length > 1) for (const ch of arg.slice(1)) flags.add(ch);
			else operands.push(arg);
		}
		const summary = flags.has('s');
		const everyFile = flags.has('a');
		const human = flags.has('h');
		const show = (kib: number) => (human ? (flavor === 'bash' ? gnuHuman(kib * 1024) : busyboxHuman(kib * 1024)) : String(kib));
		let status = 0;
		let out = '';
		const walk = (shown: string, path: string, depth: number): number => {
			spend();
			const facts = fileFacts(proc, flavor, path, depth === 0);
			let kib = facts.blocks / 2;
			if (facts.entry.kind === 'dir') {
				for (const name of proc.shell.fs.list(path)) kib += walk(shown.endsWith('/') ? shown + name : `${shown}/${name}`, joinPath(path, name), depth + 1);
				if (!summary || depth === 0) out += `${show(kib)}\t${shown}\n`;
			} else if (depth === 0 || (everyFile && !summary)) out += `${show(kib)}\t${shown}\n`;
			return kib;
		};
		for (const operand of operands.length > 0 ? operands : ['.']) {
			try {
				walk(operand, abs(proc, operand), 0);
			} catch (error) {
				proc.out(out);
				out = '';
				proc.err(flavor === 'bash' ? `du: cannot access '${operand}': ${errno(error)}\n` : `du: ${operand}: ${errno(error)}\n`);
				status = 1;
			}
		}
		proc.out(out);
		return status;
	};
}

/**
 * df [-h]: the disk a simulated machine cannot measure. The numbers are the ones the real engine
 * showed when recorded (docs/FIDELITY.md): the root filesystem's size and use, in a container its
 * overlay and the files Docker mounts into it.
 */
const CONTAINER_DF: ReadonlyArray<[string, number, number, number, string]> = [
	['overlay', 264212084, 25981152, 80409760, '/'],
	['tmpfs', 65536, 0, 65536, '/dev'],
	['tmpfs', 12341832, 0, 12341832, '/sys/fs/cgroup'],
	['shm', 65536, 0, 65536, '/dev/shm'],
	['/dev/vda', 264212084, 25981152, 80409760, '/etc/resolv.conf'],
	['/dev/vda', 264212084, 25981152, 80409760, '/etc/hostname'],
	['/dev/vda', 264212084, 25981152, 80409760, '/etc/hosts'],
	['tmpfs', 12341832, 0, 12341832, '/proc/acpi'],
	['tmpfs', 65536, 0, 65536, '/proc/keys'],
	['tmpfs', 65536, 0, 65536, '/proc/timer_list'],
	['tmpfs', 12341832, 0, 12341832, '/sys/firmware'],
];

const HOST_DF: ReadonlyArray<[string, number, number, number, string]> = [
	['udev', 12341832, 0, 12341832, '/dev'],
	['tmpfs', 2468368, 600, 2467768, '/run'],
	['/dev/vda', 264212084, 25981152, 80409760, '/'],
	['tmpfs', 12341832, 0, 12341832, '/dev/shm'],
];

/** The Use% column: GNU rounds up, busybox to the nearest. */
function percent(used: number, available: number, flavor: Flavor): number {
	const total = used + available;
	if (total === 0) return 0;
	return flavor === 'bash' ? Math.ceil((used * 100) / total) : Math.floor((used * 100 + Math.floor(total / 2)) / total);
}

function dfProgram(flavor: Flavor): Program {
	return proc => {
		const args = proc.argv.slice(1);
		const human = args.some(arg => /^-[a-zA-Z]*h/.test(arg));
		const paths = args.filter(arg => !arg.startsWith('-'));
		const table = flavor === 'bash' ? HOST_DF : CONTAINER_DF;
		let rows = table;
		if (paths.length > 0) {
			rows = [];
			for (const path of paths) {
				try {
					proc.shell.fs.stat(abs(proc, path));
				} catch (error) {
					proc.err(`df: ${flavor === 'bash' ? `'${path}'` : path}: ${errno(error)}\n`);
					return 1;
				}
				const full = abs(proc, path);
				const best = table.filter(row => full === row[4] || full.startsWith(row[4] === '/' ? '/' : row[4] + '/')).sort((a, b) => b[4].length - a[4].length)[0];
				if (best) rows = [...rows, best];
			}
		}
		if (flavor === 'busybox') {
			const size = (kib: number) => (human ? (kib === 0 ? '0' : busyboxHuman(kib * 1024)) : String(kib));
			let out = human ? 'Filesystem                Size      Used Available Use% Mounted on\n' : 'Filesystem           1K-blocks      Used Available Use% Mounted on\n';
			for (const [name, total, used, available, mount] of rows) {
				const first = name.length > 20 ? `${name}\n${''.padEnd(20)}` : name.padEnd(20);
				out += human
					? `${first.padEnd(20)} ${size(total).padStart(9)} ${size(used).padStart(9)} ${size(available).padStart(9)} ${String(percent(used, available, flavor)).padStart(3)}% ${mount}\n`
					: `${first} ${String(total).padStart(9)} ${String(used).padStart(9)} ${String(available).padStart(9)} ${String(percent(used, available, flavor)).padStart(3)}% ${mount}\n`;
			}
			proc.out(out);
			return 0;
		}
		const cells = rows.map(([name, total, used, available, mount]) => [
			name,
			human ? gnuDfHuman(total) : String(total),
			human ? gnuDfHuman(used) : String(used),
			human ? gnuDfHuman(available) : String(available),
			`${percent(used, available, flavor)}%`,
			mount,
		]);
		const header = ['Filesystem', human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
		const widths = header.map((title, index) => Math.max(title.length, ...cells.map(row => row[index]!.length)));
		widths[0] = Math.max(widths[0]!, 14);
		if (human) for (const index of [1, 2, 3]) widths[index] = Math.max(widths[index]!, 5);
		const line = (row: string[]) =>
			row.map((cell, index) => (index === 0 || index === 5 ? cell.padEnd(index === 5 ? 0 : widths[index]!) : cell.padStart(widths[index]!))).join(' ');
		proc.out([header, ...cells].map(row => line(row).trimEnd() + '\n').join(''));
		return 0;
	};
}

/** GNU df -h: sizes in powers of 1024, rounded up, one decimal below 10. */
function gnuDfHuman(kib: number): string {
	return kib === 0 ? '0' : gnuHuman(kib * 1024);
}

export function fileUtilities(flavor: Flavor): Record<string, Program> {
	return {
		stat: statProgram(flavor),
		du: duProgram(flavor),
		df: dfProgram(flavor),
	};
}
