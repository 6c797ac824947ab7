/** The title bar (where you are) and the help bar (the keys that work now, from keys.ts). */
import React, {memo} from 'react';
import {box} from './host.js';
import {RowView} from './RowView.js';
import {barItems, type Scope} from '../keys.js';
import {clipRow, row, rowWidth, seg, type Segment} from '../rows.js';
import type {Theme} from '../theme.js';
import {textWidth, truncate} from '../text/width.js';
import type {Overlay} from '../state.js';
import {t, tOr} from '../../lab/messages.js';

interface TitleBarProps {
	left: Segment[];
	right: string;
	width: number;
	theme: Theme;
}

const sameTitleBar = (a: TitleBarProps, b: TitleBarProps) => a.left === b.left && a.right === b.right && a.width === b.width && a.theme === b.theme;

/**
 * Where you are on the left, the history position on the right (the right side wins when short of
 * room). Drawn again only when they change: the App keeps the left side's segments while the prompt is edited.
 */
export const TitleBar = memo(function TitleBar({left, right, width, theme}: TitleBarProps) {
	const rightText = truncate(right, Math.max(0, Math.floor(width / 3)));
	const shown = clipRow(row(left), Math.max(0, width - textWidth(rightText) - 1));
	const leftWidth = rowWidth(shown);
	const gap = Math.max(1, width - leftWidth - textWidth(rightText));
	// Two text nodes: the history position changes with every command, the left side seldom, and Ink
	// keeps what it measured and tokenized of a text that did not change (the screen is the same).
	return box(
		{width, height: 1, flexShrink: 0},
		box({width: leftWidth + gap, flexShrink: 0}, <RowView row={shown} width={leftWidth} theme={theme} />),
		<RowView row={row([seg(rightText, 'dim')])} width={textWidth(rightText)} theme={theme} />,
	);
}, sameTitleBar);

interface HelpBarProps {
	scopes: readonly Scope[];
	overlay: Overlay;
	width: number;
	theme: Theme;
	lang?: string;
}

const sameHelpBar = (a: HelpBarProps, b: HelpBarProps) =>
	a.overlay === b.overlay &&
	a.width === b.width &&
	a.theme === b.theme &&
	a.lang === b.lang &&
	a.scopes.length === b.scopes.length &&
	a.scopes.every((scope, index) => scope === b.scopes[index]);

/** The keys that work now: drawn again only when the scopes (by value), the overlay or the width change, not on every keystroke. */
export const HelpBar = memo(function HelpBar({scopes, overlay, width, theme, lang = 'en'}: HelpBarProps) {
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
	return <RowView row={row(segments)} width={width} theme={theme} />;
}, sameHelpBar);
