/**
 * Go's text/tabwriter (Writer.Write of all the text, then Flush), for padding with a character other
 * than a tab. Cells are tab-terminated: a line's last cell does not count towards its column's width.
 * A column block is a run of consecutive lines that all have a cell in that column; each block is as
 * wide as its widest cell plus `padding`, and at least `minwidth`. Widths count runes. Not modelled:
 * the escape character (0xff) and the FilterHTML, StripEscape and TabIndent flags.
 */

interface TabwriterConfig {
	minwidth: number;
	padding: number;
	/** The padding character (a tab is not supported). */
	padchar: string;
	/** AlignRight: pad on the left of each cell. */
	alignRight?: boolean;
	/** DiscardEmptyColumns: a column block whose cells are all empty takes no width. */
	discardEmptyColumns?: boolean;
	/** Debug: a | between columns. */
	debug?: boolean;
}

interface Cell {
	text: string;
	width: number;
	/** Terminated by a tab (a vertical tab \v also ends a cell, without this). */
	htab: boolean;
}

const runeCount = (s: string): number => {
	let n = 0;
	for (const _ of s) n++;
	return n;
};

/** Splits text into lines of cells as Writer.Write does: \t and \v end a cell, \n a line. */
function cells(text: string): Cell[][] {
	const lines: Cell[][] = [[]];
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c !== '\t' && c !== '\n' && c !== '\v') continue;
		const cellText = text.slice(start, i);
		const line = lines[lines.length - 1]!;
		line.push({text: cellText, width: runeCount(cellText), htab: c === '\t'});
		start = i + 1;
		if (c === '\n') lines.push([]);
	}
	// Flush terminates the last cell if it has text.
	if (start < text.length) {
		const cellText = text.slice(start);
		lines[lines.length - 1]!.push({text: cellText, width: runeCount(cellText), htab: false});
	}
	return lines;
}

/**
 * What a tabwriter.NewWriter(out, minwidth, _, padding, padchar, flags) writes for `text`, flushed.
 * A form feed \f ends a line and flushes: the lines after it are sized on their own.
 */
export function tabwrite(text: string, config: TabwriterConfig): string {
	const parts = text.split('\f');
	return parts.map((part, i) => format(cells(i < parts.length - 1 ? part + '\n' : part), config)).join('');
}

/** Writer.format over buffered lines, then writeLines. */
function format(lines: Cell[][], config: TabwriterConfig): string {
	const widths: number[] = [];
	const out: string[] = [];
	const pad = (textWidth: number, cellWidth: number): string => config.padchar.repeat(Math.max(0, cellWidth - textWidth));

	const writeLines = (line0: number, line1: number): void => {
		for (let i = line0; i < line1; i++) {
			const line = lines[i]!;
			let s = '';
			line.forEach((c, j) => {
				if (j > 0 && config.debug) s += '|';
				if (c.width === 0) {
					if (j < widths.length) s += pad(c.width, widths[j]!);
				} else if (config.alignRight) {
					if (j < widths.length) s += pad(c.width, widths[j]!);
					s += c.text;
				} else {
					s += c.text;
					if (j < widths.length) s += pad(c.width, widths[j]!);
				}
			});
			out.push(i + 1 === lines.length ? s : s + '\n');
		}
	};

	// Writer.format(line0, line1) recurses once per column; a stack of its frames keeps a line of
	// many thousand cells from overflowing the JS stack. widths.length is the frame's column.
	const stack = [{line0: 0, line1: lines.length, row: 0}];
	while (stack.length > 0) {
		const f = stack[stack.length - 1]!;
		const column = widths.length;
		while (f.row < f.line1 && column >= lines[f.row]!.length - 1) f.row++;
		if (f.row >= f.line1) {
			writeLines(f.line0, f.line1);
			stack.pop();
			if (stack.length > 0) widths.pop();
			continue;
		}
		// A column block begins at f.row: print the lines before it, then size the block.
		writeLines(f.line0, f.row);
		const begin = f.row;
		let end = begin;
		let width = config.minwidth;
		let discardable = true;
		for (; end < f.line1; end++) {
			const line = lines[end]!;
			if (column >= line.length - 1) break;
			const c = line[column]!;
			width = Math.max(width, c.width + config.padding);
			if (c.width > 0 || c.htab) discardable = false;
		}
		if (discardable && config.discardEmptyColumns) width = 0;
		widths.push(width);
		f.line0 = end;
		f.row = end;
		stack.push({line0: begin, line1: end, row: begin});
	}
	return out.join('');
}
