/** `docker container stats --no-stream`: one snapshot; the lab's containers use no CPU and a fixed, small memory. */
import type {ParsedCommand} from '../../parse.js';
import type {DockerContext} from '../../io.js';
import {flagBool, flagString} from '../../flags.js';
import {readonly, findContainer} from '../../../engine/index.js';
import {table} from '../../render/format.js';
import {printRows} from '../../render/listformat.js';

const LIMIT = '3.84GiB';

export function stats(ctx: DockerContext, command: ParsedCommand): number {
	const all = flagBool(command, 'all');
	const named = command.args.length > 0;
	const containers = named
		? command.args.map(ref => findContainer(ctx.world, ref) ?? ref)
		: Object.values(readonly(ctx.world.containers))
				.filter(c => all || c.status === 'running')
				.sort((a, b) => b.created - a.created);
	const missing = containers.filter(c => typeof c === 'string');
	if (missing.length > 0) {
		ctx.io.err(`Error response from daemon: No such container: ${missing[0]}\n`);
		return 1;
	}
	if (!flagBool(command, 'no-stream')) ctx.io.err('layerlab: `docker stats` shows one snapshot here (as with --no-stream); a real terminal would refresh it until Ctrl+C.\n');
	const rows = containers
		.flatMap(c => (typeof c === 'string' ? [] : [c]))
		.map(c => {
			const running = c.status === 'running';
			return {
				Container: named ? command.args[0]! : c.id.slice(0, 12),
				ID: c.id.slice(0, 12),
				Name: c.name,
				CPUPerc: running ? '0.00%' : '0.00%',
				MemUsage: running ? `${c.app ? '24.1MiB' : '340KiB'} / ${LIMIT}` : '0B / 0B',
				MemPerc: running ? (c.app ? '0.61%' : '0.01%') : '0.00%',
				NetIO: running ? '1.05kB / 0B' : '0B / 0B',
				BlockIO: '0B / 0B',
				PIDs: running ? (c.app ? '15' : '1') : '0',
			};
		});
	const format = flagString(command, 'format');
	if (format !== undefined && format !== 'table') return printRows(ctx.io, format, rows);
	ctx.io.out(
		table([
			['CONTAINER ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS'],
			...rows.map(r => [r.ID, r.Name, r.CPUPerc, r.MemUsage, r.MemPerc, r.NetIO, r.BlockIO, r.PIDs]),
		]),
	);
	return 0;
}
