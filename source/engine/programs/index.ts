import type {Program} from '../shell/interpreter.js';
import {gols} from './gols.js';
import {todoApp} from './todo.js';

/** Simulated programs, by the `program` name a catalog file carries. */
export const NATIVE_PROGRAMS: Record<string, Program> = {
	gols,
	todo: todoApp,
};
