/**
 * Ink's own elements, made as its `<Box>` and `<Text wrap="truncate-end">` make them, but with
 * props that stay the same objects while what they say stays the same. Ink's components make a new
 * style (and a text's transform) on every render, so each box or text drawn again was a component
 * to run and a node whose props all changed; made here, a box drawn again changes only its children.
 * For boxes and texts with no background colour and no aria props (the lab uses none): the nodes,
 * and so the screen, are the ones `<Box>` and `<Text>` make.
 */
import {createElement, type ReactNode} from 'react';
import type {BoxProps} from 'ink';

/** A box's own style, as `<Box>` takes it (no background colour: it needs a context; no aria props). */
type BoxStyle = Omit<BoxProps, 'children' | 'backgroundColor' | 'aria-label' | 'aria-hidden' | 'aria-role' | 'aria-state'>;
export type NodeStyle = Readonly<Record<string, unknown>>;

/** `<Box>`'s accessibility attribute with no aria props: one object. */
const NO_ACCESSIBILITY = {role: undefined, state: undefined};

/** The full styles `<Box>` gives its node, one object per set of props (bounded: a resize makes new sizes). */
const boxStyles = new Map<string, NodeStyle>();

export function boxStyle(style: BoxStyle): NodeStyle {
	let key = '';
	for (const name in style) key += `${name}:${String(style[name as keyof BoxStyle])};`;
	let made = boxStyles.get(key);
	if (made === undefined) {
		if (boxStyles.size >= 4096) boxStyles.clear();
		made = {
			flexWrap: 'nowrap',
			flexDirection: 'row',
			flexGrow: 0,
			flexShrink: 1,
			...style,
			backgroundColor: undefined,
			overflowX: style.overflowX ?? style.overflow ?? 'visible',
			overflowY: style.overflowY ?? style.overflow ?? 'visible',
		};
		boxStyles.set(key, made);
	}
	return made;
}

/** `<Box {...style}>{children}</Box>`. */
export function box(style: BoxStyle, ...children: ReactNode[]): ReactNode {
	return styledBox(boxStyle(style), ...children);
}

/** The same, with the styles `boxStyle` gave (a caller that keeps them skips working out their key). */
export function styledBox(style: NodeStyle, ...children: ReactNode[]): ReactNode {
	return createElement('ink-box', {style, internal_accessibility: NO_ACCESSIBILITY}, ...children);
}

/**
 * What `<Text wrap="truncate-end">` with no style of its own gives its node: this layout style, and
 * a transform that returns the text as it is (so none is needed).
 */
const LINE_STYLE = {flexGrow: 0, flexShrink: 1, flexDirection: 'row', textWrap: 'truncate-end'} as const;

/** `<Text wrap="truncate-end">{text}</Text>`, for a text painted already (paint.ts). */
export function line(text: string): ReactNode {
	return createElement('ink-text', {style: LINE_STYLE}, text);
}
