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
import {memoSlots} from '../panes/common.js';

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

/** Same component with props that draw the same: by its memo's own comparison where it has one, else shallowly equal. */
function sameContent(a: React.ReactNode, b: React.ReactNode): boolean {
	if (a === b) return true;
	if (!isValidElement(a) || !isValidElement(b) || a.type !== b.type || a.key !== b.key) return false;
	const compare = (a.type as {compare?: unknown}).compare;
	if (typeof compare === 'function') return Boolean(compare(a.props, b.props));
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
export const Pane = memo(function Pane(props: PaneProps) {
	return paneFrame(props);
}, samePane);

/**
 * The pane at a place of the layout (`place`: one per pane), as one element per thing it shows: the
 * same element as the last time it showed the same (samePane), which React passes over without a
 * component to run. Two kept per place: the frame on screen and the one the pause before an Enter
 * made for the Enter's state.
 */
export function placedPane(place: string, props: PaneProps): React.ReactNode {
	let frame = placed.get(place);
	if (frame === undefined) placed.set(place, (frame = memoSlots(2, paneFrame, ([a], [b]) => samePane(a, b))));
	return frame(props);
}

const placed = new Map<string, (props: PaneProps) => React.ReactNode>();

function paneFrame({title, info = '', focused, width, height, theme, children}: PaneProps): React.ReactNode {
	const border = theme.border(focused);
	return box(
		{flexDirection: 'column', width, height, flexShrink: 0},
		paneTitle(title, info, focused, width, theme),
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
}

/**
 * The top border with the title (or tab strip) and the info: one element per text, so a frame whose
 * content changed keeps its title's element (and Ink its node). One text of painted pieces
 * (paint.ts), as Ink's nested `<Text>`s would have styled them, so a tab strip is one text node
 * rather than a `<Text>` per piece.
 */
function paneTitle(title: TitlePart[], info: string, focused: boolean, width: number, theme: Theme): React.ReactNode {
	let known = titles.get(theme);
	if (known === undefined) titles.set(theme, (known = new Map()));
	let key = `${focused ? 1 : 0}${width} ${info}`;
	for (const part of title) key += `\0${part.active ? 1 : 0}${part.news ? 1 : 0}${part.text}`;
	let made = known.get(key);
	if (made === undefined) {
		if (known.size >= 1024) known.clear();
		known.set(key, (made = line(paintedTitle(title, info, focused, width, theme))));
	}
	return made;
}

function paintedTitle(title: TitlePart[], info: string, focused: boolean, width: number, theme: Theme): string {
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
	return text;
}

/** Title lines per theme, by what they say. */
const titles = new WeakMap<Theme, Map<string, React.ReactNode>>();
