import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseDocker, type ParsedCommand} from '../../source/docker/parse.js';
import {simulatedPaths} from '../../source/docker/registry.js';

/**
 * Every argv in fixtures/cli/cases.json, with what the real Docker CLI 28.2.2 printed for it, recorded by
 * scripts/record-cli.mjs. `daemonCalls` lists the API requests the CLI made after its /_ping: any
 * request means it accepted the command line.
 */
interface Recorded {
	argv: string[];
	stdout: string;
	stderr: string;
	exitCode: number;
	daemonCalls: string[];
}

const recorded: Recorded[] = JSON.parse(readFileSync(new URL('./fixtures/cli/recorded.json', import.meta.url), 'utf8'));
const byArgv = new Map(recorded.map(r => [JSON.stringify(r.argv), r]));
const show = (argv: string[]) => `docker ${argv.join(' ')}`.trim();

/** command lines the CLI accepts and then refuses itself, after parsing, without asking the engine */
const REFUSED_AFTER_PARSING = new Map<string, string>([
	['["run","-d","--","--foo"]', 'docker: invalid reference format'],
	['["run","-p","99999:80","img"]', 'docker: invalid hostPort: 99999'],
	['["run","--pull","foo","img"]', 'docker: invalid pull option'],
	['["run","--restart","always","--rm","img"]', 'docker: conflicting options: cannot specify both --restart and --rm'],
	['["run","--network","name=n,mac-address=x","img"]', 'is not a valid mac address'],
	['["run","--","--","img"]', 'docker: invalid reference format'],
	['["container","run","-it","--rm","alpine","sh"]', 'the input device is not a TTY'],
	['["run","--health-interval","-5s","img"]', 'docker: --health-interval cannot be negative'],
	['["run","--net","host","--net-alias","a","--dns-opt","x","img"]', 'network-scoped aliases are only supported for user-defined networks'],
	['["build","-t","x","/nonexistent"]', 'unable to prepare context'],
	['["image","build","/nonexistent"]', 'unable to prepare context'],
]);

describe('parseDocker against the real CLI, case by case', () => {
	it('has the recorded battery', () => {
		expect(recorded.length).toBeGreaterThanOrEqual(60);
	});

	for (const r of recorded) {
		it(show(r.argv), () => {
			const outcome = parseDocker(r.argv);
			if (outcome.kind === 'output') {
				expect({stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.exitCode}).toEqual({
					stdout: r.stdout,
					stderr: r.stderr,
					exitCode: r.exitCode,
				});
			} else if (outcome.kind === 'command') {
				// the real CLI went past parsing: it asked the engine, or refused the values itself afterwards
				const after = REFUSED_AFTER_PARSING.get(JSON.stringify(r.argv));
				if (after) expect(r.stderr).toContain(after);
				else expect(r.daemonCalls.length, `${show(r.argv)}: ${r.stderr}`).toBeGreaterThan(0);
				// and printed the same notices before doing so
				expect(r.stdout.startsWith(outcome.command.notices?.stdout ?? '')).toBe(true);
				expect(r.stderr.startsWith(outcome.command.notices?.stderr ?? '')).toBe(true);
			} else {
				// a command the registry does not simulate, named by its canonical path
				expect(simulatedPaths(), show(r.argv)).not.toContain(outcome.path.join(' '));
				expect(outcome.path.length, show(r.argv)).toBeGreaterThan(0);
			}
		});
	}
});

type Expected = Pick<ParsedCommand, 'path' | 'typed' | 'flags' | 'args'> & {globalFlags?: ParsedCommand['globalFlags']};

/** valid command lines and what the simulator must receive (hand-written) */
const VALID: Array<[string[], Expected]> = [
	[
		['container', 'run', '--name', 'rn1', 'diamol/ch06-random-number'],
		{path: ['container', 'run'], typed: ['container', 'run'], flags: {name: 'rn1'}, args: ['diamol/ch06-random-number']},
	],
	[
		['container', 'run', '--name', 'todo1', '-d', '-p', '8010:80', 'diamol/ch06-todo-list'],
		{path: ['container', 'run'], typed: ['container', 'run'], flags: {name: 'todo1', detach: true, publish: ['8010:80']}, args: ['diamol/ch06-todo-list']},
	],
	[
		['run', '-p8080:80', '--rm=false', '-dit', '--name=x', 'img', 'sh', '-c', 'echo hi'],
		{
			path: ['container', 'run'],
			typed: ['run'],
			flags: {publish: ['8080:80'], rm: false, detach: true, interactive: true, tty: true, name: 'x'},
			args: ['img', 'sh', '-c', 'echo hi'],
		},
	],
	[['run', '-p=8080:80', '-P', 'img'], {path: ['container', 'run'], typed: ['run'], flags: {publish: ['8080:80'], 'publish-all': true}, args: ['img']}],
	// after the image everything is the container's command
	[['run', 'img', '-d', '--rm'], {path: ['container', 'run'], typed: ['run'], flags: {}, args: ['img', '-d', '--rm']}],
	[['run', '--', 'img', 'ls'], {path: ['container', 'run'], typed: ['run'], flags: {}, args: ['img', 'ls']}],
	[['run', '-d', '--', '--foo'], {path: ['container', 'run'], typed: ['run'], flags: {detach: true}, args: ['--foo']}],
	[
		['container', 'run', '--rm', '-e', 'GREETING=hello', 'diamol/ch06-file-display', 'sh', '-c', 'echo $GREETING'],
		{
			path: ['container', 'run'],
			typed: ['container', 'run'],
			flags: {rm: true, env: ['GREETING=hello']},
			args: ['diamol/ch06-file-display', 'sh', '-c', 'echo $GREETING'],
		},
	],
	[
		[
			'container',
			'run',
			'--mount',
			'type=bind,source=/home/student/diamol/ch06/exercises/todo-list/config,target=/app/config,readonly',
			'-d',
			'-p',
			'8013:80',
			'diamol/ch06-todo-list',
		],
		{
			path: ['container', 'run'],
			typed: ['container', 'run'],
			flags: {
				mount: ['type=bind,source=/home/student/diamol/ch06/exercises/todo-list/config,target=/app/config,readonly'],
				detach: true,
				publish: ['8013:80'],
			},
			args: ['diamol/ch06-todo-list'],
		},
	],
	[
		['container', 'run', '-v', 'todo-list:/data', '-v', '/x:/y:ro', '--volumes-from', 'todo1', '--volumes-from=t2', '-e', 'A', '-e=B=1', 'img'],
		{
			path: ['container', 'run'],
			typed: ['container', 'run'],
			flags: {volume: ['todo-list:/data', '/x:/y:ro'], 'volumes-from': ['todo1', 't2'], env: ['A', 'B=1']},
			args: ['img'],
		},
	],
	[
		['container', 'run', '--rm', '--entrypoint', 'ls', 'diamol/ch06-bind-mount', '/'],
		{path: ['container', 'run'], typed: ['container', 'run'], flags: {rm: true, entrypoint: 'ls'}, args: ['diamol/ch06-bind-mount', '/']},
	],
	[
		['container', 'run', '--rm', '-w', '/tmp', 'diamol/ch06-bind-mount', '.'],
		{path: ['container', 'run'], typed: ['container', 'run'], flags: {rm: true, workdir: '/tmp'}, args: ['diamol/ch06-bind-mount', '.']},
	],
	[['create', '--name', 'c1', 'diamol/ch06-file-display'], {path: ['container', 'create'], typed: ['create'], flags: {name: 'c1'}, args: ['diamol/ch06-file-display']}],
	[['container', 'create', '-it', 'alpine'], {path: ['container', 'create'], typed: ['container', 'create'], flags: {interactive: true, tty: true}, args: ['alpine']}],
	// run's -h is --hostname
	[['run', '-h', 'myhost', 'img'], {path: ['container', 'run'], typed: ['run'], flags: {hostname: 'myhost'}, args: ['img']}],
	// the hidden old spellings fill the flags they stand for
	[
		['run', '--net', 'host', '--net-alias', 'a', '--dns-opt', 'x', 'img'],
		{path: ['container', 'run'], typed: ['run'], flags: {network: ['host'], 'network-alias': ['a'], 'dns-option': ['x']}, args: ['img']},
	],
	[
		['run', '--memory-swap', '-1', '-m', '512m', '--cpus', '1.5', 'img'],
		{path: ['container', 'run'], typed: ['run'], flags: {'memory-swap': '-1', memory: '512m', cpus: '1.5'}, args: ['img']},
	],
	[
		['run', '--health-interval', '1m30s', '--gpus', 'all', '--ulimit', 'nofile=1024:2048', '--add-host', 'db=10.0.0.2', 'img'],
		{
			path: ['container', 'run'],
			typed: ['run'],
			flags: {'health-interval': '1m30s', gpus: ['all'], ulimit: ['nofile=1024:2048'], 'add-host': ['db=10.0.0.2']},
			args: ['img'],
		},
	],
	[['container', 'start', '--attach', 'f1'], {path: ['container', 'start'], typed: ['container', 'start'], flags: {attach: true}, args: ['f1']}],
	[['start', '-ai', 'c1'], {path: ['container', 'start'], typed: ['start'], flags: {attach: true, interactive: true}, args: ['c1']}],
	[['container', 'stop', 'todo1'], {path: ['container', 'stop'], typed: ['container', 'stop'], flags: {}, args: ['todo1']}],
	[['stop', '-s', 'SIGKILL', 'a', 'b'], {path: ['container', 'stop'], typed: ['stop'], flags: {signal: 'SIGKILL'}, args: ['a', 'b']}],
	// flags may follow the containers
	[['stop', 'a', '-t', '3'], {path: ['container', 'stop'], typed: ['stop'], flags: {timeout: 3}, args: ['a']}],
	[['stop', '--time', '5', 'x'], {path: ['container', 'stop'], typed: ['stop'], flags: {timeout: 5}, args: ['x']}],
	[['restart', '-t', '0', 'x'], {path: ['container', 'restart'], typed: ['restart'], flags: {timeout: 0}, args: ['x']}],
	[['container', 'rm', '-f', 'todo1'], {path: ['container', 'rm'], typed: ['container', 'rm'], flags: {force: true}, args: ['todo1']}],
	[['rm', '-fv', 'a', 'b'], {path: ['container', 'rm'], typed: ['rm'], flags: {force: true, volumes: true}, args: ['a', 'b']}],
	[['rm', 'a', '-f'], {path: ['container', 'rm'], typed: ['rm'], flags: {force: true}, args: ['a']}],
	[['container', 'remove', 'x'], {path: ['container', 'rm'], typed: ['container', 'remove'], flags: {}, args: ['x']}],
	[['container', 'ls'], {path: ['container', 'ls'], typed: ['container', 'ls'], flags: {}, args: []}],
	[['ps', '-a'], {path: ['container', 'ls'], typed: ['ps'], flags: {all: true}, args: []}],
	[['container', 'ls', '-aq'], {path: ['container', 'ls'], typed: ['container', 'ls'], flags: {all: true, quiet: true}, args: []}],
	[['container', 'ls', '-a', '-s'], {path: ['container', 'ls'], typed: ['container', 'ls'], flags: {all: true, size: true}, args: []}],
	[['container', 'ls', '-n', '1'], {path: ['container', 'ls'], typed: ['container', 'ls'], flags: {last: 1}, args: []}],
	[['container', 'ls', '-l'], {path: ['container', 'ls'], typed: ['container', 'ls'], flags: {latest: true}, args: []}],
	[['container', 'ls', '-an1'], {path: ['container', 'ls'], typed: ['container', 'ls'], flags: {all: true, last: 1}, args: []}],
	[['ps', '-n=3'], {path: ['container', 'ls'], typed: ['ps'], flags: {last: 3}, args: []}],
	[['ps', '-n', '0x10'], {path: ['container', 'ls'], typed: ['ps'], flags: {last: 16}, args: []}],
	[['ps', '-n', '1_000'], {path: ['container', 'ls'], typed: ['ps'], flags: {last: 1000}, args: []}],
	[['ps', '-n', '-3'], {path: ['container', 'ls'], typed: ['ps'], flags: {last: -3}, args: []}],
	[['container', 'list', '-q'], {path: ['container', 'ls'], typed: ['container', 'list'], flags: {quiet: true}, args: []}],
	[['ps', '-f', 'status=exited', '-f', 'name=x'], {path: ['container', 'ls'], typed: ['ps'], flags: {filter: ['status=exited', 'name=x']}, args: []}],
	[['ps', '--format', '{{.Names}}'], {path: ['container', 'ls'], typed: ['ps'], flags: {format: '{{.Names}}'}, args: []}],
	[['container', 'ls', '--all=1'], {path: ['container', 'ls'], typed: ['container', 'ls'], flags: {all: true}, args: []}],
	[['ps', '--'], {path: ['container', 'ls'], typed: ['ps'], flags: {}, args: []}],
	[['-D', 'ps'], {path: ['container', 'ls'], typed: ['ps'], flags: {}, args: [], globalFlags: {debug: true}}],
	[['--debug', '--log-level', 'debug', 'ps', '-a'], {path: ['container', 'ls'], typed: ['ps'], flags: {all: true}, args: [], globalFlags: {debug: true, 'log-level': 'debug'}}],
	[['--', 'ps'], {path: ['container', 'ls'], typed: ['ps'], flags: {}, args: []}],
	[['container', 'logs', 'todo-configured'], {path: ['container', 'logs'], typed: ['container', 'logs'], flags: {}, args: ['todo-configured']}],
	[['logs', '-f', '--tail', '10', 'c'], {path: ['container', 'logs'], typed: ['logs'], flags: {follow: true, tail: '10'}, args: ['c']}],
	[['logs', 'c', '-f', '-n', 'x'], {path: ['container', 'logs'], typed: ['logs'], flags: {follow: true, tail: 'x'}, args: ['c']}],
	[['container', 'exec', 'todo2', 'ls', '/data'], {path: ['container', 'exec'], typed: ['container', 'exec'], flags: {}, args: ['todo2', 'ls', '/data']}],
	[['exec', '-it', 'c', 'sh'], {path: ['container', 'exec'], typed: ['exec'], flags: {interactive: true, tty: true}, args: ['c', 'sh']}],
	// exec stops at the container: -it belongs to the command
	[['exec', 'c', '-it', 'sh'], {path: ['container', 'exec'], typed: ['exec'], flags: {}, args: ['c', '-it', 'sh']}],
	[
		['exec', '-u', 'root', '-w', '/tmp', '-e', 'A=1', 'c', 'ls', '-l'],
		{path: ['container', 'exec'], typed: ['exec'], flags: {user: 'root', workdir: '/tmp', env: ['A=1']}, args: ['c', 'ls', '-l']},
	],
	[
		['container', 'cp', 'rn1:/random/number.txt', 'number1.txt'],
		{path: ['container', 'cp'], typed: ['container', 'cp'], flags: {}, args: ['rn1:/random/number.txt', 'number1.txt']},
	],
	[['cp', '-a', '-L', 'x:/a', '.'], {path: ['container', 'cp'], typed: ['cp'], flags: {archive: true, 'follow-link': true}, args: ['x:/a', '.']}],
	[['cp', 'x:/a', '.', '-q'], {path: ['container', 'cp'], typed: ['cp'], flags: {quiet: true}, args: ['x:/a', '.']}],
	[['container', 'diff', 'rn1'], {path: ['container', 'diff'], typed: ['container', 'diff'], flags: {}, args: ['rn1']}],
	[
		['container', 'inspect', '--format', '{{.State.Status}}', 'rn1'],
		{path: ['container', 'inspect'], typed: ['container', 'inspect'], flags: {format: '{{.State.Status}}'}, args: ['rn1']},
	],
	[
		['container', 'inspect', '-s', '-f', '{{json .Mounts}}', 'a', 'b'],
		{path: ['container', 'inspect'], typed: ['container', 'inspect'], flags: {size: true, format: '{{json .Mounts}}'}, args: ['a', 'b']},
	],
	[['container', 'commit', 'todo1', 'my-todo'], {path: ['container', 'commit'], typed: ['container', 'commit'], flags: {}, args: ['todo1', 'my-todo']}],
	[
		['commit', '-c', 'CMD ls', '-m', 'msg', '-a', 'me', '-p=false', 'c'],
		{path: ['container', 'commit'], typed: ['commit'], flags: {change: ['CMD ls'], message: 'msg', author: 'me', pause: false}, args: ['c']},
	],
	[['container', 'prune', '-f'], {path: ['container', 'prune'], typed: ['container', 'prune'], flags: {force: true}, args: []}],
	[['container', 'prune', '--filter', 'until=24h', '-f'], {path: ['container', 'prune'], typed: ['container', 'prune'], flags: {filter: ['until=24h'], force: true}, args: []}],
	[['pull', 'diamol/ch06-file-display'], {path: ['image', 'pull'], typed: ['pull'], flags: {}, args: ['diamol/ch06-file-display']}],
	[['image', 'pull', '-q', '-a', 'alpine'], {path: ['image', 'pull'], typed: ['image', 'pull'], flags: {quiet: true, 'all-tags': true}, args: ['alpine']}],
	[['image', 'ls'], {path: ['image', 'ls'], typed: ['image', 'ls'], flags: {}, args: []}],
	[['images'], {path: ['image', 'ls'], typed: ['images'], flags: {}, args: []}],
	[['image', 'list', '-q', '--no-trunc'], {path: ['image', 'ls'], typed: ['image', 'list'], flags: {quiet: true, 'no-trunc': true}, args: []}],
	[['image', 'ls', '--format', '{{.ID}}', 'alpine'], {path: ['image', 'ls'], typed: ['image', 'ls'], flags: {format: '{{.ID}}'}, args: ['alpine']}],
	[['image', 'history', 'diamol/ch06-random-number'], {path: ['image', 'history'], typed: ['image', 'history'], flags: {}, args: ['diamol/ch06-random-number']}],
	[['history', '-H=false', '--no-trunc', '-q', 'x'], {path: ['image', 'history'], typed: ['history'], flags: {human: false, 'no-trunc': true, quiet: true}, args: ['x']}],
	[
		['image', 'inspect', '--format', '{{json .RootFS.Layers}}', 'x'],
		{path: ['image', 'inspect'], typed: ['image', 'inspect'], flags: {format: '{{json .RootFS.Layers}}'}, args: ['x']},
	],
	[['image', 'rm', 'my-todo'], {path: ['image', 'rm'], typed: ['image', 'rm'], flags: {}, args: ['my-todo']}],
	[['rmi', '-f', 'a', 'b'], {path: ['image', 'rm'], typed: ['rmi'], flags: {force: true}, args: ['a', 'b']}],
	[['image', 'remove', 'x'], {path: ['image', 'rm'], typed: ['image', 'remove'], flags: {}, args: ['x']}],
	[['volume', 'create', 'todo-list'], {path: ['volume', 'create'], typed: ['volume', 'create'], flags: {}, args: ['todo-list']}],
	[['volume', 'create'], {path: ['volume', 'create'], typed: ['volume', 'create'], flags: {}, args: []}],
	[
		['volume', 'create', '-d', 'local', '-o', 'type=tmpfs', '--label', 'a=b', 'v'],
		{path: ['volume', 'create'], typed: ['volume', 'create'], flags: {driver: 'local', opt: ['type=tmpfs'], label: ['a=b']}, args: ['v']},
	],
	[['volume', 'create', '--name', 'v'], {path: ['volume', 'create'], typed: ['volume', 'create'], flags: {name: 'v'}, args: []}],
	[['volume', 'ls', '-q'], {path: ['volume', 'ls'], typed: ['volume', 'ls'], flags: {quiet: true}, args: []}],
	[['volume', 'list'], {path: ['volume', 'ls'], typed: ['volume', 'list'], flags: {}, args: []}],
	[['volume', 'inspect', 'demo'], {path: ['volume', 'inspect'], typed: ['volume', 'inspect'], flags: {}, args: ['demo']}],
	[['volume', 'rm', 'demo'], {path: ['volume', 'rm'], typed: ['volume', 'rm'], flags: {}, args: ['demo']}],
	[['volume', 'remove', '-f', 'a'], {path: ['volume', 'rm'], typed: ['volume', 'remove'], flags: {force: true}, args: ['a']}],
	[['volume', 'prune', '-a', '-f'], {path: ['volume', 'prune'], typed: ['volume', 'prune'], flags: {all: true, force: true}, args: []}],
	[['inspect', 'rn1'], {path: ['inspect'], typed: ['inspect'], flags: {}, args: ['rn1']}],
	[['inspect', '--type', 'volume', '-f', '{{.Name}}', 'x'], {path: ['inspect'], typed: ['inspect'], flags: {type: 'volume', format: '{{.Name}}'}, args: ['x']}],
];

describe('parseDocker on valid command lines', () => {
	for (const [argv, expected] of VALID) {
		it(show(argv), () => {
			// the real CLI accepted it too
			expect(byArgv.has(JSON.stringify(argv)), `${show(argv)} is in cases.json`).toBe(true);
			const outcome = parseDocker(argv);
			expect(outcome.kind).toBe('command');
			if (outcome.kind !== 'command') return;
			const {path, typed, flags, args, globalFlags} = outcome.command;
			expect({path, typed, flags, args, globalFlags}).toEqual({globalFlags: {}, ...expected});
		});
	}
});

describe('typed words, aliases and the command path the CLI prints', () => {
	const cases: Array<[string[], string[], string[], string[]]> = [
		// argv, path, typed, commandPath
		[['ps'], ['container', 'ls'], ['ps'], ['ps']],
		[
			['container', 'ps'],
			['container', 'ls'],
			['container', 'ps'],
			['container', 'ls'],
		],
		[
			['container', 'list'],
			['container', 'ls'],
			['container', 'list'],
			['container', 'ls'],
		],
		[['images'], ['image', 'ls'], ['images'], ['images']],
		[
			['image', 'list'],
			['image', 'ls'],
			['image', 'list'],
			['image', 'ls'],
		],
		[
			['volume', 'list'],
			['volume', 'ls'],
			['volume', 'list'],
			['volume', 'ls'],
		],
		[['rmi', 'x'], ['image', 'rm'], ['rmi'], ['rmi']],
		[
			['image', 'remove', 'x'],
			['image', 'rm'],
			['image', 'remove'],
			['image', 'rm'],
		],
		[
			['container', 'remove', 'x'],
			['container', 'rm'],
			['container', 'remove'],
			['container', 'rm'],
		],
		[
			['volume', 'remove', 'x'],
			['volume', 'rm'],
			['volume', 'remove'],
			['volume', 'rm'],
		],
		[['run', 'x'], ['container', 'run'], ['run'], ['run']],
		[
			['container', 'run', 'x'],
			['container', 'run'],
			['container', 'run'],
			['container', 'run'],
		],
		[['pull', 'x'], ['image', 'pull'], ['pull'], ['pull']],
		[['history', 'x'], ['image', 'history'], ['history'], ['history']],
		[['inspect', 'x'], ['inspect'], ['inspect'], ['inspect']],
	];
	for (const [argv, path, typed, commandPath] of cases) {
		it(show(argv), () => {
			const outcome = parseDocker(argv);
			expect(outcome).toMatchObject({kind: 'command', command: {path, typed, commandPath}});
		});
	}

	it('names the canonical command in usage errors, whatever alias was typed', () => {
		const outcome = parseDocker(['container', 'ps', 'a']);
		expect(outcome).toMatchObject({kind: 'output', exitCode: 1});
		if (outcome.kind === 'output') expect(outcome.stderr).toContain("'docker container ls' accepts no arguments");
	});

	it('passes deprecation notices on with the command', () => {
		expect(parseDocker(['stop', '--time', '5', 'x'])).toMatchObject({
			kind: 'command',
			command: {notices: {stdout: 'Flag --time has been deprecated, use --timeout instead\n', stderr: ''}},
		});
		expect(parseDocker(['ps', '-h=false'])).toMatchObject({
			kind: 'command',
			command: {flags: {}, notices: {stdout: 'Flag shorthand -h has been deprecated, use --help\n', stderr: ''}},
		});
	});
});
