/**
 * The engine's second surface: what the lab's first frame reads from a world (the merged file tree,
 * where each file comes from, finding a container) and the step budgets, without the shell, the
 * programs and the daemon actions that index.ts brings. The rest loads with the shell, after the
 * first frame (lab/model/runner.ts). Everything here is also exported by index.ts.
 */
export {BudgetExceeded, spent, withBudget} from './budget.js';
export {FsError} from './fsapi.js';
export {containerChanges, findContainer, writableSize} from './lookup.js';
export {ancestors, normalizePath} from './path.js';
export {parseImageRef} from './refs.js';
export {bytewise, childNames} from './tree.js';
export {treeFs} from './treefs.js';
export {containerFs, imageLayers, listMerged, lookupIn, originsOf} from './unionfs.js';
export {own} from './world.js';
