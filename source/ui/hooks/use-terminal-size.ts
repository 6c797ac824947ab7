/**
 * The terminal's size from Ink's (injectable) stdout, following resizes; a size given by the caller
 * (tests) wins. ink-testing-library's stdout has 100 `columns` and no `rows`, hence the fallbacks.
 */
import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export interface Size {
	columns: number;
	rows: number;
}

const readSize = (stdout: NodeJS.WriteStream): Size => ({columns: stdout.columns || 80, rows: stdout.rows || 24});

export function useTerminalSize(override?: Size): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState<Size>(() => readSize(stdout));
	useEffect(() => {
		if (override) return;
		const onResize = () => setSize(readSize(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, override]);
	return override ?? size;
}
