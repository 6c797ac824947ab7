/** The learner's language: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG), else English. */
export function detectLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
	const pick = (value: string | undefined) => {
		if (!value) return undefined;
		const match = /^([a-z]{2,3})(?:[_-]|\.|$)/i.exec(value.trim());
		if (!match || value === 'C' || value === 'POSIX') return undefined;
		return match[1]!.toLowerCase();
	};
	return pick(flag) ?? pick(env.LC_ALL) ?? pick(env.LC_MESSAGES) ?? pick(env.LANG) ?? 'en';
}
