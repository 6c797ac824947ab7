/** The host layer's surface: the reducer every mode uses, and the types of what it returns. */
export {afterStopped, LineStopped, runLine, type Chunk, type LineResult} from './run-line.js';
export type {TerminalOptions} from './context.js';
export {promptText} from './prompt.js';
export {HOST_SUPPLIED} from './programs.js';
export {DETACH_KEYS, isKeyLine, keyLine} from './keys.js';
