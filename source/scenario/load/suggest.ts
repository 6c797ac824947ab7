/** "Did you mean …?" for keys, ids, image names and enum values. */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[][] = Array.from({length: rows}, (_, i) => Array.from({length: cols}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
			d[i]![j] = best;
		}
	}
	return d[rows - 1]![cols - 1]!;
}

/**
 * The closest candidate, if it is close enough to be a likely typo: at most a third of the word
 * changed (at least one edit allowed), or the same word in another case, or one a prefix of the other.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestScore = Infinity;
	const lower = word.toLowerCase();
	for (const candidate of candidates) {
		if (candidate === word) continue;
		const other = candidate.toLowerCase();
		let score = editDistance(lower, other);
		if (score > 0 && (other.startsWith(lower) || lower.startsWith(other)) && Math.min(lower.length, other.length) >= 3) score = Math.min(score, 1.5);
		if (score < bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	if (best === undefined) return undefined;
	const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
	return bestScore <= limit || bestScore === 1.5 ? best : undefined;
}
