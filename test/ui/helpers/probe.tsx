/** The App inside a column box whose Ink node is handed to `probe.current`, so a test or bench can read Ink's tree. */
import React, {useRef, type ReactNode} from 'react';
import {Box, type DOMElement} from 'ink';

export function Probe({children, probe}: {children: ReactNode; probe: {current: DOMElement | null}}) {
	const ref = useRef<DOMElement>(null);
	return (
		<Box
			flexDirection="column"
			ref={node => {
				ref.current = node;
				probe.current = node;
			}}
		>
			{children}
		</Box>
	);
}
