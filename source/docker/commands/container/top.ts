/** `docker container top CONTAINER`: the container's process, as the host's `ps -ef` shows it. */
import type {ParsedCommand} from '../../parse.js';
import {daemonError, type DockerContext} from '../../io.js';
import {withContainer} from '../container.js';

/** The CLI's tabwriter for top: columns at least 20 wide, 3 spaces of padding. */
function topTable(rows: string[][]): string {
	const widths = rows[0]!.map((_, c) => Math.max(20, ...rows.map(row => [...row[c]!].length + 3)));
	return rows.map(row => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('') + '\n').join('');
}

export function top(ctx: DockerContext, command: ParsedCommand): number {
	return withContainer(
		ctx,
		command.args[0]!,
		container => {
			if (container.status !== 'running') return daemonError(ctx.io, `Container ${container.id} is not running`);
			const started = new Date(container.startedAt);
			const stime = `${String(started.getUTCHours()).padStart(2, '0')}:${String(started.getUTCMinutes()).padStart(2, '0')}`;
			const cmd = [container.path, ...container.args].join(' ');
			ctx.io.out(
				topTable([
					['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
					[container.config.user || 'root', String(container.pid), String(container.pid - 21), '0', stime, container.config.tty ? 'pts/0' : '?', '00:00:00', cmd],
				]),
			);
			return 0;
		},
		{read: true},
	);
}
