/**
 * A pane's frame: a rounded border whose top line carries the title (or the tab strip of a tab
 * group), a fixed outer size, and content that can never grow it: Ink 6 clears the whole screen on every frame as tall as
 * the terminal, yoga shrinks rows in a fixed-height column unless they have flexShrink 0, and
 * text wraps (adding lines) unless told to truncate.
 */
import React from 'react';
import {Box, Text} from 'ink';
import type {Theme} from '../theme.js';
import {safeText} from '../../text/safe.js';
import {textWidth, truncate} from '../text/width.js';

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

export function Pane({title, info = '', focused, width, height, theme, children}: PaneProps) {
	const border = theme.border(focused);
	const parts: React.ReactNode[] = [];
	let used = 2;
	const room = width - 4;
	title.forEach((part, index) => {
		if (used >= room) return;
		const separator = index > 0 ? ' │ ' : ' ';
		const label = truncate(safeText(part.text) + (part.news ? ' •' : ''), Math.max(1, room - used - separator.length));
		used += separator.length + textWidth(label);
		parts.push(
			<Text key={index} {...border}>
				{separator}
			</Text>,
			<Text
				key={`t${index}`}
				bold={part.active}
				inverse={part.active && focused}
				{...(part.active ? {} : {dimColor: true})}
				{...(theme.color && part.active ? {color: focused ? 'cyan' : undefined} : {})}
			>
				{label}
			</Text>,
		);
	});
	const infoText = info ? truncate(safeText(info), Math.max(0, width - used - 6)) : '';
	const fill = Math.max(0, width - used - 1 - (infoText ? textWidth(infoText) + 2 : 0));
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<Text wrap="truncate-end">
				<Text {...border}>╭─</Text>
				{parts}
				<Text {...border}>{' ' + '─'.repeat(Math.max(0, fill - 1))}</Text>
				{infoText ? (
					<>
						<Text dimColor> {infoText} </Text>
					</>
				) : null}
				<Text {...border}>╮</Text>
			</Text>
			<Box
				flexDirection="column"
				width={width}
				height={height - 1}
				borderStyle="round"
				borderTop={false}
				borderColor={border.color}
				borderDimColor={border.dimColor}
				paddingLeft={0}
				overflow="hidden"
			>
				{children}
			</Box>
		</Box>
	);
}
