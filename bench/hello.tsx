/**
 * The baseline for bench/startup.mjs: the smallest Ink app, built with the same tsup settings as the
 * lab. It draws one bordered frame whose last line is READY, like the lab's help bar ends its frame.
 */
import React from 'react';
import {Box, Text, render} from 'ink';

render(
	<Box flexDirection="column" borderStyle="round">
		<Text>hello, layerlab</Text>
		<Text>READY</Text>
	</Box>,
	{exitOnCtrlC: true, patchConsole: false},
);
