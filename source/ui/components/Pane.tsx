/**
 * A pane's frame: a rounded border whose top line carries the title (or the tab strip of a tab
 * group), a fixed outer size, and content that can never grow it: Ink 6 clears the whole screen on every frame as tall as
 * the terminal, yoga shrinks rows in a fixed-height column unless they have flexShrink 0, and
 * text wraps (adding lines) unless told to truncate.
 */
import React, {isValidElement, memo} from 'react';
import {box, line} from './host.js';
import type {Theme} from '../theme.js';
import {safeText} from '../../text/safe.js';
import {textWidth, truncate} from '../text/width.js';
import {paint} from '../text/paint.js';

export interface TitlePart {
	text: string;
	active?: boolean;
	/** Something changed in this pane since the last command. */
	news?: boolean;
}

export interface PaneProps {
	title: TitlePart[];
	/** Right-aligned in the top border (scroll position, counts). */
	info?: string;
	focused: boolean;
	width: number;
	height: number;
	theme: Theme;
	children: React.ReactNode;
}

function sameTitle(a: TitlePart[], b: TitlePart[]): boolean {
	return a === b || (a.length === b.length && a.every((part, index) => part.text === b[index]!.text && part.active === b[index]!.active && part.news === b[index]!.news));
}

/** Same component with shallowly equal props (its own memo decides about the rest). */
function sameContent(a: React.ReactNode, b: React.ReactNode): boolean {
	if (a === b) return true;
	if (!isValidElement(a) || !isValidElement(b) || a.type !== b.type || a.key !== b.key) return false;
	const x = a.props as Record<string, unknown>;
	const y = b.props as Record<string, unknown>;
	const keys = Object.keys(x);
	return keys.length === Object.keys(y).length && keys.every(key => Object.is(x[key], y[key]));
}

function samePane(a: PaneProps, b: PaneProps): boolean {
	return (
		a.focused === b.focused &&
		a.width === b.width &&
		a.height === b.height &&
		a.theme === b.theme &&
		(a.info ?? '') === (b.info ?? '') &&
		sameTitle(a.title, b.title) &&
		sameContent(a.children, b.children)
	);
}

/** Memoised on what it shows: the title's text, the info, the size, and its content's props. */
export const Pane = memo(function Pane({title, info = '', focused, width, height, theme, children}: PaneProps) {
	const border = theme.border(focused);
	return box(
		{flexDirection: 'column', width, height, flexShrink: 0},
		<PaneTitle title={title} info={info} focused={focused} width={width} theme={theme} />,
		box(
			{
				flexDirection: 'column',
				width,
				height: height - 1,
				borderStyle: 'round',
				borderTop: false,
				borderColor: border.color,
				borderDimColor: border.dimColor,
				paddingLeft: 0,
				overflowY: 'hidden',
			},
			children,
		),
	);
}, samePane);

type PaneTitleProps = Pick<PaneProps, 'title' | 'info' | 'focused' | 'width' | 'theme'>;

const samePaneTitle = (a: PaneTitleProps, b: PaneTitleProps) =>
	a.focused === b.focused && a.width === b.width && a.theme === b.theme && a.info === b.info && sameTitle(a.title, b.title);

/**
 * The top border with the title (or tab strip) and the info: drawn again only when they change, not
 * when the content does. One text of painted pieces (paint.ts), as Ink's nested `<Text>`s would
 * have styled them, so a tab strip is one text node rather than a `<Text>` per piece.
 */
const PaneTitle = memo(function PaneTitle({title, info = '', focused, width, theme}: PaneTitleProps) {
	const border = theme.border(focused);
	let text = paint('╭─', border);
	let used = 2;
	const room = width - 4;
	title.forEach((part, index) => {
		if (used >= room) return;
		const separator = index > 0 ? ' │ ' : ' ';
		const label = truncate(safeText(part.text) + (part.news ? ' •' : ''), Math.max(1, room - used - separator.length));
		used += separator.length + textWidth(label);
		text += paint(separator, border);
		text += paint(label, {
			bold: part.active,
			inverse: part.active && focused,
			...(part.active ? {} : {dimColor: true}),
			...(theme.color && part.active && focused ? {color: 'cyan'} : {}),
		});
	});
	const infoText = info ? truncate(safeText(info), Math.max(0, width - used - 6)) : '';
	const fill = Math.max(0, width - used - 1 - (infoText ? textWidth(infoText) + 2 : 0));
	text += paint(' ' + '─'.repeat(Math.max(0, fill - 1)), border);
	if (infoText) text += paint(` ${infoText} `, {dimColor: true});
	text += paint('╮', border);
	return line(text);
}, samePaneTitle);
