/**
 * The host layer's second surface: what the lab's screen needs before the shell and the docker CLI
 * have loaded (the prompt's text and the key lines Docker's detach keys send). index.ts re-exports
 * the shell's runLine, and with it every docker command; importing this file instead keeps all of
 * that out of the modules the first frame waits for (lab/model/runner.ts loads them after it).
 */
export {promptText} from './prompt.js';
export {DETACH_KEYS, isKeyLine, keyLine} from './keys.js';
