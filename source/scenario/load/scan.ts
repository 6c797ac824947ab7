/**
 * What command lines create, read without running them: container names (`--name rn1`) and volume
 * names (`docker volume create todo-list`, `-v todo-list:/data`, `--mount source=todo-list,…`).
 * The loader uses it to report checks that name a container or volume no line ever creates.
 */

/** Splits a line into words the way the shell would before expansion (quotes removed, `$x` kept). */
export function shellWords(line: string): string[] {
	const words: string[] = [];
	let current = '';
	let inWord = false;
	let quote: '"' | "'" | undefined;
	for (let i = 0; i < line.length; i++) {
		const char = line[i]!;
		if (quote) {
			if (char === quote) quote = undefined;
			else if (char === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
			else current += char;
			continue;
		}
		if (char === '"' || char === "'") {
			quote = char;
			inWord = true;
		} else if (char === '\\' && i + 1 < line.length) {
			current += line[++i];
			inWord = true;
		} else if (/\s/.test(char) || char === ';' || char === '|' || char === '&' || char === '(' || char === ')') {
			if (inWord) words.push(current);
			current = '';
			inWord = false;
			if (char !== ' ' && char !== '\t') words.push(char);
		} else {
			current += char;
			inWord = true;
		}
	}
	if (inWord) words.push(current);
	return words;
}

const VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

function volumeFromBind(spec: string): string | undefined {
	const source = spec.split(':')[0] ?? '';
	if (!spec.includes(':')) return undefined;
	return VOLUME_NAME.test(source) ? source : undefined;
}

function volumeFromMount(spec: string): string | undefined {
	const fields = new Map<string, string>();
	for (const part of spec.split(',')) {
		const [key = '', ...rest] = part.split('=');
		fields.set(key.trim(), rest.join('='));
	}
	const type = fields.get('type') ?? 'volume';
	const source = fields.get('source') ?? fields.get('src');
	return type === 'volume' && source && VOLUME_NAME.test(source) ? source : undefined;
}

export interface Created {
	containers: Set<string>;
	volumes: Set<string>;
}

/** The container and volume names some line creates. */
export function createdNames(lines: Iterable<string>): Created {
	const containers = new Set<string>();
	const volumes = new Set<string>();
	for (const line of lines) {
		if (!line.includes('docker')) continue;
		const words = shellWords(line);
		for (let i = 0; i < words.length; i++) {
			const word = words[i]!;
			const next = words[i + 1];
			if (word === '--name' && next !== undefined) containers.add(next.replace(/^\//, ''));
			else if (word.startsWith('--name=')) containers.add(word.slice(7).replace(/^\//, ''));
			else if ((word === '-v' || word === '--volume') && next !== undefined) add(volumes, volumeFromBind(next));
			else if (word.startsWith('--volume=')) add(volumes, volumeFromBind(word.slice(9)));
			else if (word.startsWith('-v') && word.length > 2 && !word.startsWith('--')) add(volumes, volumeFromBind(word.slice(2)));
			else if (word === '--mount' && next !== undefined) add(volumes, volumeFromMount(next));
			else if (word.startsWith('--mount=')) add(volumes, volumeFromMount(word.slice(8)));
			else if (word === 'rename' && words[i + 2] !== undefined) containers.add(words[i + 2]!);
			else if (word === 'volume' && next === 'create') {
				for (let j = i + 2; j < words.length && !['&', ';', '|'].includes(words[j]!); j++) {
					const arg = words[j]!;
					if (arg === '--name' || arg === '-d' || arg === '--driver' || arg === '--label' || arg === '-o' || arg === '--opt') {
						if (arg === '--name') add(volumes, words[j + 1]);
						j++;
					} else if (!arg.startsWith('-')) add(volumes, arg);
				}
			}
		}
	}
	return {containers, volumes};
}

function add(set: Set<string>, value: string | undefined): void {
	if (value !== undefined && value !== '') set.add(value);
}
