/**
 * busybox `ps` in a container, from what the engine knows of its processes: PID 1 is the main process
 * (its command line as the container's Path and Args give it), and a `docker exec` adds the process it
 * started. busybox runs `ps` without a new exec when a shell's script ends with it, so the process keeps
 * the shell's command line and shows its own name in braces (`{ps} sh -c ps`).
 */
import {contextOf, type ContainerContext} from '../context.js';
import type {Program, Proc} from '../shell/interpreter.js';
import {basename} from '../path.js';
import {BUSYBOX_USAGE} from './busybox-usage.js';

interface Row {
	pid: number;
	ppid: number;
	/** The process's name (what `comm` shows). */
	comm: string;
	/** Its command line, as `/proc/PID/cmdline` joined with spaces. */
	args: string;
}

interface Column {
	header: string;
	width: number;
	right?: boolean;
	cell: (row: Row, user: string) => string;
}

const COLUMNS: Readonly<Record<string, Column>> = {
	pid: {header: 'PID', width: 5, right: true, cell: row => String(row.pid)},
	ppid: {header: 'PPID', width: 5, right: true, cell: row => String(row.ppid)},
	user: {header: 'USER', width: 8, cell: (_, user) => user},
	ruser: {header: 'RUSER', width: 8, cell: (_, user) => user},
	group: {header: 'GROUP', width: 8, cell: (_, user) => user},
	rgroup: {header: 'RGROUP', width: 8, cell: (_, user) => user},
	comm: {header: 'COMMAND', width: 16, cell: row => row.comm},
	args: {header: 'COMMAND', width: 0, cell: row => row.args},
};

const SUPPORTED = 'user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss';
const IGNORED_FLAGS = new Set(['a', 'A', 'd', 'e', 'f', 'l', 'T']);

const SHELLS = new Set(['sh', 'ash']);

/** The script of `sh -c SCRIPT`, or undefined when argv is not a shell given a script. */
function shellScript(argv: readonly string[]): string | undefined {
	return argv.length >= 3 && SHELLS.has(basename(argv[0]!)) && argv[1] === '-c' ? argv[2] : undefined;
}

/** The main process as ps sees it: `sh -c 'one simple command'` has become that command (sh execs it). */
function mainRow(argv: readonly string[]): Row {
	const script = shellScript(argv);
	if (script !== undefined && /^ *[\w./-]+( +[\w./=-]+)* *$/.test(script)) {
		const words = script.trim().split(/ +/);
		return {pid: 1, ppid: 0, comm: basename(words[0]!), args: words.join(' ')};
	}
	return {pid: 1, ppid: 0, comm: basename(argv[0] ?? ''), args: argv.join(' ')};
}

/** The rows for the process that runs this `ps` (started as `top`, with pid `pid`), and ps itself. */
function ownRows(top: readonly string[], proc: Proc, pid: number): Row[] {
	const script = shellScript(top);
	if (script === undefined) {
		// an interactive shell (a `-it` session) starts ps as a child of its own
		if (SHELLS.has(basename(top[0] ?? '')))
			return [
				{pid, ppid: 0, comm: basename(top[0]!), args: top.join(' ')},
				{pid: pid + 6, ppid: pid, comm: 'ps', args: proc.argv.join(' ')},
			];
		return [{pid, ppid: 0, comm: 'ps', args: top.join(' ')}];
	}
	const own = {comm: 'ps', args: `{ps} ${top.join(' ')}`};
	// ps as the script's last command runs in the shell's own process
	if (script.trimEnd().endsWith(proc.argv.join(' '))) return [{pid, ppid: 0, ...own}];
	return [
		{pid, ppid: 0, comm: basename(top[0]!), args: top.join(' ')},
		{pid: pid + 6, ppid: pid, ...own},
	];
}

function processes(context: ContainerContext, proc: Proc): Row[] {
	const {container} = context;
	const main = [container.path, ...container.args];
	const top = context.argv ?? ['sh'];
	if (!context.exec && context.argv) return ownRows(top, proc, 1);
	return [mainRow(main), ...ownRows(top, proc, shellScript(main) === undefined ? 6 : 7)];
}

function parseColumns(spec: string): Column[] | string {
	const columns: Column[] = [];
	for (const item of spec.split(',')) {
		const [name = '', header] = item.split('=', 2) as [string, string | undefined];
		const column = Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : undefined;
		if (!column) return name;
		columns.push(header === undefined ? column : {...column, header, width: header === '' ? column.width : header.length});
	}
	return columns;
}

export const psApplet: Program = proc => {
	const specs: string[] = [];
	const args = proc.argv.slice(1);
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') break;
		if (!arg.startsWith('-') || arg === '-') continue;
		for (let j = 1; j < arg.length; j++) {
			const flag = arg[j]!;
			if (flag === 'o') {
				const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
				if (value === undefined) {
					proc.err(`ps: option requires an argument -- 'o'\n${BUSYBOX_USAGE.ps}`);
					return 1;
				}
				specs.push(value);
				break;
			}
			if (!IGNORED_FLAGS.has(flag)) {
				proc.err(`ps: invalid option -- '${flag}'\n${BUSYBOX_USAGE.ps}`);
				return 1;
			}
		}
	}
	let columns = [COLUMNS.pid!, COLUMNS.user!, COLUMNS.args!];
	if (specs.length > 0) {
		const parsed = parseColumns(specs.join(','));
		if (typeof parsed === 'string') {
			if (SUPPORTED.split(',').includes(parsed)) {
				proc.err(`layerlab: \`ps -o ${parsed}\` is not simulated here: use pid, ppid, user, group, comm or args.\n`);
			} else proc.err(`ps: bad -o argument '${parsed}', supported arguments: ${SUPPORTED}\n`);
			return 1;
		}
		columns = parsed;
	}
	const context = contextOf(proc);
	const user = (context.container.config.user || 'root').slice(0, 8);
	const line = (cells: string[]) => cells.join(' ').trimEnd() + '\n';
	let text = '';
	if (columns.some(column => column.header !== '')) text += line(columns.map(column => column.header.padEnd(column.width)));
	for (const row of processes(context, proc)) {
		text += line(
			columns.map(column => {
				const cell = column.cell(row, user);
				return column.right ? cell.padStart(column.width) : cell.padEnd(column.width);
			}),
		);
	}
	proc.out(text);
	return 0;
};
