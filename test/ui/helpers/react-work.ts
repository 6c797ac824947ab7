/**
 * What React did in each commit of the Ink roots a test renders, read from the fibers it committed
 * (through React's devtools hook, which the reconciler calls on every commit): the components whose
 * function ran, and the lines (`ink-text` elements) it drew again, with their text. A fiber React did
 * not visit is the same object as in the commit before; a line drawn again has new props (a line that
 * shows what it showed is the same element, and React passes it over).
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

interface Fiber {
	type: unknown;
	flags: number;
	memoizedProps: unknown;
	alternate: Fiber | null;
	child: Fiber | null;
	sibling: Fiber | null;
}

/** React's flag on a fiber whose component function ran in this render. */
const PERFORMED_WORK = 1;

export interface ReactWork {
	/** Names of the components run, in tree order. */
	components: string[];
	/** Texts of the lines drawn again (new or with new props). */
	lines: string[];
}

let work: ReactWork = {components: [], lines: []};
/** The fibers each root committed last. */
const committed = new WeakMap<object, Set<Fiber>>();
let hooked: Promise<void> | undefined;

function name(type: unknown): string {
	const named = type as {displayName?: string; name?: string; type?: {name?: string}};
	return named.displayName ?? named.name ?? named.type?.name ?? '?';
}

function text(fiber: Fiber): string {
	const props = fiber.memoizedProps as {children?: unknown};
	return typeof props?.children === 'string' ? props.children.replaceAll(/\u001B\[[\d;]*m/g, '') : '';
}

function record(root: {current: Fiber}): void {
	const seen = committed.get(root) ?? new Set<Fiber>();
	const now = new Set<Fiber>();
	const visit = (first: Fiber | null) => {
		for (let fiber = first; fiber; fiber = fiber.sibling) {
			now.add(fiber);
			if (!seen.has(fiber)) {
				if (typeof fiber.type === 'function' || (typeof fiber.type === 'object' && fiber.type !== null)) {
					if (fiber.flags & PERFORMED_WORK) work.components.push(name(fiber.type));
				} else if (fiber.type === 'ink-text' && fiber.memoizedProps !== fiber.alternate?.memoizedProps) {
					work.lines.push(text(fiber));
				}
			}
			visit(fiber.child);
		}
	};
	visit(root.current.child);
	committed.set(root, now);
}

/** Starts recording (once per test file, before or after roots are made); `take` returns what was done since the last take. */
export async function watchReactWork(): Promise<{take(): ReactWork}> {
	hooked ??= (async () => {
		(globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
			supportsFiber: true,
			renderers: new Map(),
			inject: () => 1,
			checkDCE() {},
			onScheduleFiberRoot() {},
			onCommitFiberUnmount() {},
			onPostCommitFiberRoot() {},
			onCommitFiberRoot: (_id: number, root: {current: Fiber}) => record(root),
		};
		const ink = path.dirname(createRequire(import.meta.url).resolve('ink'));
		const {default: reconciler} = (await import(pathToFileURL(path.join(ink, 'reconciler.js')).href)) as {default: {injectIntoDevTools(config: object): boolean}};
		if (!reconciler.injectIntoDevTools({bundleType: 1, version: '19.0.0', rendererPackageName: 'ink'})) throw new Error("React's devtools hook was not taken");
	})();
	await hooked;
	return {
		take() {
			const done = work;
			work = {components: [], lines: []};
			return done;
		},
	};
}
