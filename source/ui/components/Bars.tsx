/** The title bar (where you are) and the help bar (the keys that work now, from keys.ts). */
import type React from 'react';
import {box} from './host.js';
import {rowLine} from './RowView.js';
import {memoSlots, sameParts} from '../panes/common.js';
import {barItems, type Scope} from '../keys.js';
import {clipRow, row, rowWidth, seg, type Segment} from '../rows.js';
import type {Theme} from '../theme.js';
import {textWidth, truncate} from '../text/width.js';
import type {Overlay} from '../state.js';
import {t, tOr} from '../../lab/messages.js';

/**
 * Where you are on the left, the history position on the right (the right side wins when short of
 * room): one element per set of texts, so a frame that keeps them passes the bar over. The App keeps
 * the left side's segments while the prompt is edited, and the pause before an Enter makes the
 * Enter's bar (its history position) ahead.
 */
export const titleBar = memoSlots(2, (left: Segment[], right: string, width: number, theme: Theme): React.ReactNode => {
	const rightText = truncate(right, Math.max(0, Math.floor(width / 3)));
	const shown = clipRow(row(left), Math.max(0, width - textWidth(rightText) - 1));
	const leftWidth = rowWidth(shown);
	const gap = Math.max(1, width - leftWidth - textWidth(rightText));
	// Two text nodes: the history position changes with every command, the left side seldom, and Ink
	// keeps what it measured and tokenized of a text that did not change (the screen is the same).
	return box(
		{width, height: 1, flexShrink: 0},
		box({width: leftWidth + gap, flexShrink: 0}, rowLine(shown, leftWidth, theme)),
		rowLine(row([seg(rightText, 'dim')]), textWidth(rightText), theme),
	);
});

/** The keys that work now: one element per set of scopes (by value), overlay, width and language, not one per keystroke. */
export const helpBar = memoSlots(
	4,
	(scopes: readonly Scope[], overlay: Overlay, width: number, theme: Theme, lang: string): React.ReactNode => {
		const segments: Segment[] = [];
		if (overlay?.kind === 'confirm') segments.push(seg(t(lang, overlay.question) + '  ', 'warn', {bold: true}));
		let used = segments.reduce((sum, s) => sum + textWidth(s.text), 0);
		for (const item of barItems(scopes)) {
			const label = tOr(lang, `bar.${item.label}`, item.label);
			const piece = `${item.key} ${label}`;
			if (used + textWidth(piece) + 2 > width) break;
			if (used > 0) segments.push(seg('  '));
			segments.push(seg(item.key, 'key'), seg(' ' + label, 'dim'));
			used += textWidth(piece) + 2;
		}
		return rowLine(row(segments), width, theme);
	},
	// The scopes by value (the App works them out again on every render), the rest by identity.
	([scopes, ...rest], [otherScopes, ...otherRest]) => sameParts(scopes, otherScopes) && sameParts(rest, otherRest),
);
