/** Go's encoding/csv, as docker/cli reads a comma-separated flag value: one record, Go's error texts. */

/** csv.NewReader(strings.NewReader(input)).Read(): the first record, with Go's error texts. */
export function readCsv(input: string): {fields: string[]; error?: string} {
	const lines = input.replace(/\r\n/g, '\n').split(/(?<=\n)/);
	// blank lines before the record are skipped
	while (lines.length > 0 && (lines[0] === '\n' || lines[0] === '')) lines.shift();
	if (lines.length === 0) return {fields: [], error: 'EOF'};
	const startLine =
		input
			.replace(/\r\n/g, '\n')
			.split('\n')
			.findIndex(l => l !== '') + 1;
	let lineNo = startLine;
	let line = lines.shift() as string;
	const fields: string[] = [];
	const parseError = (col: number, err: string, at = lineNo) =>
		at === startLine ? `parse error on line ${at}, column ${col}: ${err}` : `record on line ${startLine}; parse error on line ${at}, column ${col}: ${err}`;
	let col = 1;
	for (;;) {
		if (line[0] !== '"') {
			const comma = line.indexOf(',');
			const field = comma >= 0 ? line.slice(0, comma) : line.replace(/\n$/, '');
			const quote = field.indexOf('"');
			if (quote >= 0) return {fields, error: parseError(col + quote, 'bare " in non-quoted-field')};
			fields.push(field);
			if (comma < 0) return {fields};
			line = line.slice(comma + 1);
			col += comma + 1;
			continue;
		}
		let field = '';
		line = line.slice(1);
		col += 1;
		for (;;) {
			const quote = line.indexOf('"');
			if (quote >= 0) {
				field += line.slice(0, quote);
				line = line.slice(quote + 1);
				col += quote + 1;
				const next = line[0];
				if (next === '"') {
					field += '"';
					line = line.slice(1);
					col += 1;
				} else if (next === ',') {
					line = line.slice(1);
					col += 1;
					fields.push(field);
					break;
				} else if (line === '' || line === '\n') {
					fields.push(field);
					return {fields};
				} else {
					// Go reports the column of the closing quote
					return {fields, error: parseError(col - 1, 'extraneous or missing " in quoted-field')};
				}
			} else if (line.length > 0) {
				field += line;
				col += line.length;
				const more = lines.shift();
				if (more === undefined) {
					return {fields, error: parseError(col, 'extraneous or missing " in quoted-field')};
				}
				line = more;
				lineNo += 1;
				col = 1;
			} else {
				return {fields, error: parseError(col, 'extraneous or missing " in quoted-field')};
			}
		}
	}
}
