/** The verify report: per scenario `matched/total`, then a unified diff for each mismatch. */
import type {ScenarioResult} from './compare.js';

export interface ReportStyle {
	color: boolean;
}

const paint = (style: ReportStyle, code: string, text: string) => (style.color ? `\u001B[${code}m${text}\u001B[0m` : text);

export function formatScenario(result: ScenarioResult, style: ReportStyle, seconds?: number): string {
	const ok = result.matched === result.total && !result.error;
	const mark = ok ? paint(style, '32', '✓') : paint(style, '31', '✗');
	const time = seconds === undefined ? '' : ` (${seconds.toFixed(1)} s)`;
	const out = [`${mark} ${result.id}  ${result.matched}/${result.total} matched${time}  ${paint(style, '2', result.source)}`];
	for (const line of result.lines) {
		if (line.matched) continue;
		out.push(`  ${paint(style, '31', '✗')} ${line.step}${line.kind === 'probe' ? ' (probe)' : ''}: $ ${line.command}`);
		for (const row of (line.diff ?? '').replace(/\n$/, '').split('\n')) {
			const colored =
				row.startsWith('+') && !row.startsWith('+++')
					? paint(style, '32', row)
					: row.startsWith('-') && !row.startsWith('---')
						? paint(style, '31', row)
						: row.startsWith('@@')
							? paint(style, '36', row)
							: row;
			out.push(`    ${colored}`);
		}
	}
	if (result.error) out.push(`  ${paint(style, '31', 'error:')} ${result.error}`);
	return out.join('\n') + '\n';
}

export function summary(results: ScenarioResult[]): {lines: number; matched: number; failed: number} {
	return {
		lines: results.reduce((sum, result) => sum + result.total, 0),
		matched: results.reduce((sum, result) => sum + result.matched, 0),
		failed: results.filter(result => result.matched !== result.total || result.error).length,
	};
}
