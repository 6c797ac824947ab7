/**
 * The simulated network as the host sees it: curl 7.88 against the published ports of running
 * containers on localhost, answered by the simulated app listening there (engine/apps).
 */
import {readonly, listeningApp, type Program} from '../engine/index.js';
import {hostContext} from './context.js';

/** curl 7.88 against the simulated network: published ports of running containers on localhost. */
export const curl: Program = proc => {
	const {world} = hostContext(proc);
	let method: string | undefined;
	let data: string | undefined;
	let include = false;
	let url: string | undefined;
	const args = proc.argv.slice(1);
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '-d' || arg === '--data' || arg === '--data-raw' || arg === '--data-urlencode') data = data === undefined ? (args[++i] ?? '') : `${data}&${args[++i] ?? ''}`;
		else if (arg === '-X' || arg === '--request') method = args[++i];
		else if (arg === '-i' || arg === '--include') include = true;
		else if (arg.startsWith('-')) continue;
		else url = arg;
	}
	if (url === undefined) {
		proc.err("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
		return 2;
	}
	const match = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)$/.exec(url);
	if (!match) {
		proc.err(`curl: (3) URL using bad/illegal format or missing URL\n`);
		return 3;
	}
	const [, scheme = 'http', host = '', portText, rest = ''] = match;
	const port = Number(portText ?? (scheme === 'https' ? 443 : 80));
	if (host !== 'localhost' && host !== '127.0.0.1' && host !== '0.0.0.0') {
		proc.err(`curl: (6) Could not resolve host: ${host}\n`);
		return 6;
	}
	const found = Object.values(readonly(world.containers)).find(
		container => container.status === 'running' && container.hostConfig.portBindings.some(binding => binding.hostPort === port),
	);
	const target = found && world.containers[found.id];
	if (!target) {
		proc.err(`curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`);
		return 7;
	}
	const binding = target.hostConfig.portBindings.find(candidate => candidate.hostPort === port)!;
	const app = listeningApp(target, binding.containerPort);
	if (!app?.request) {
		proc.err('curl: (56) Recv failure: Connection reset by peer\n');
		return 56;
	}
	const response = app.request(world, target, {
		method: method ?? (data !== undefined ? 'POST' : 'GET'),
		target: rest === '' ? '/' : rest,
		host: portText ? `${host}:${port}` : host,
		body: data ?? '',
	});
	if (include) {
		const reason = ({200: 'OK', 404: 'Not Found', 500: 'Internal Server Error'} as Record<number, string>)[response.status] ?? '';
		const headers = response.body
			? `HTTP/1.1 ${response.status} ${reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(response.body)}\r\nConnection: close\r\n\r\n`
			: `HTTP/1.1 ${response.status} ${reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`;
		proc.out(headers);
	}
	proc.out(response.body);
	return 0;
};
