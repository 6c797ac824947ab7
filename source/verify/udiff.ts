/** A unified diff of two short texts, line by line (LCS; outputs here are at most a few hundred lines). */

type Op = {kind: ' ' | '-' | '+'; text: string; a: number; b: number};

function operations(a: string[], b: string[]): Op[] {
	const n = a.length;
	const m = b.length;
	// lengths[i][j] = LCS of a[i:] and b[j:]
	const lengths: Uint32Array[] = Array.from({length: n + 1}, () => new Uint32Array(m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
		}
	}
	const ops: Op[] = [];
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && a[i] === b[j]) ops.push({kind: ' ', text: a[i]!, a: i++, b: j++});
		else if (i < n && (j === m || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) ops.push({kind: '-', text: a[i]!, a: i++, b: j});
		else ops.push({kind: '+', text: b[j]!, a: i, b: j++});
	}
	return ops;
}

/** `---`/`+++` headers and `@@` hunks with `context` lines around each change; '' when equal. */
export function unifiedDiff(a: string, b: string, labels: {a: string; b: string}, context = 3): string {
	if (a === b) return '';
	const split = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
	const ops = operations(split(a), split(b));
	const out = [`--- ${labels.a}`, `+++ ${labels.b}`];
	let index = 0;
	while (index < ops.length) {
		while (index < ops.length && ops[index]!.kind === ' ') index++;
		if (index >= ops.length) break;
		const start = Math.max(0, index - context);
		let end = index;
		// extend while changes are closer than 2*context apart
		let lastChange = index;
		for (let k = index; k < ops.length; k++) {
			if (ops[k]!.kind !== ' ') lastChange = k;
			else if (k - lastChange > context * 2) break;
			end = k;
		}
		end = Math.min(ops.length - 1, lastChange + context);
		const hunk = ops.slice(start, end + 1);
		const aCount = hunk.filter(op => op.kind !== '+').length;
		const bCount = hunk.filter(op => op.kind !== '-').length;
		const aStart = hunk[0]!.a + (aCount > 0 ? 1 : 0);
		const bStart = hunk[0]!.b + (bCount > 0 ? 1 : 0);
		out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
		for (const op of hunk) out.push(`${op.kind}${op.text}`);
		index = end + 1;
	}
	return out.join('\n') + '\n';
}
