/**
 * The part of Go's library the lab's panes need to draw sizes as the CLI prints them (FormatFloat),
 * without text/template and the rest that index.ts brings: the first frame loads only this.
 */
export {formatFloat} from './strconv.js';
