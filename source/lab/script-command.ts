/** `layerlab script [FILE]`: the headless contract other checks use. */
import {readFileSync} from 'node:fs';
import {defaultWorld} from '../scenario/default-world.js';
import {commandLines, runScript} from './script.js';

export interface ScriptOptions {
	file?: string;
	seed: number;
	preload: boolean;
}

export async function scriptCommand(args: string[], flags: {seed?: number; preload: boolean}): Promise<number> {
	return runScriptFile({file: args[0], seed: flags.seed ?? 1, preload: flags.preload});
}

export async function runScriptFile(options: ScriptOptions): Promise<number> {
	let text: string;
	try {
		text = options.file === undefined || options.file === '-' ? await readStdin() : readFileSync(options.file, 'utf8');
	} catch (error) {
		const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'No such file or directory' : error instanceof Error ? error.message : String(error);
		process.stderr.write(`layerlab: cannot read ${options.file}: ${reason}\n`);
		return 1;
	}
	const world = defaultWorld({seed: options.seed, preload: options.preload});
	const columns = Number(process.env.COLUMNS) || process.stdout.columns || 80;
	let pending = '';
	const flush = () => {
		if (pending) process.stdout.write(pending);
		pending = '';
	};
	runScript(world, commandLines(text), chunk => {
		pending += chunk;
		if (pending.length > 64 * 1024) flush();
	}, {columns, tty: true});
	flush();
	return 0;
}

async function readStdin(): Promise<string> {
	if (process.stdin.isTTY) {
		process.stderr.write('layerlab script: reading command lines from the terminal; end with Ctrl+D\n');
	}
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
