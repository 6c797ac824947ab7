/**
 * Simulated applications: the programs a catalog image's file runs instead of a real binary (the
 * catalog marks the file with `program: NAME`). Each app is one module and one row of APPS; the
 * process runner starts it, the host's network sends it HTTP requests, `docker stop` asks it to
 * shut down. Nothing else knows an app by name.
 */
import type {Container, World} from '../world.js';
import type {Program} from '../shell/interpreter.js';
import {gols} from './gols.js';
import {todoApp, todoRequest, todoShutdown, type HttpRequest, type HttpResponse} from './todo.js';

export type {HttpRequest, HttpResponse};

export interface SimulatedApp {
	/** What runs when the marked file is executed (a server throws BlockSignal to keep running). */
	program: Program;
	/** Answers an HTTP request on the port the running app listens on (`container.app.port`). */
	request?(world: World, container: Container, request: HttpRequest): HttpResponse;
	/** What the app logs when SIGTERM stops it; an app without it is killed after the timeout. */
	shutdown?(): string;
}

export const APPS = {
	gols: {program: gols},
	todo: {program: todoApp, request: todoRequest, shutdown: todoShutdown},
} satisfies Record<string, SimulatedApp>;

export type AppName = keyof typeof APPS;

export const APP_NAMES = Object.keys(APPS) as AppName[];

export function appNamed(name: string): SimulatedApp | undefined {
	return Object.hasOwn(APPS, name) ? (APPS as Record<string, SimulatedApp>)[name] : undefined;
}

/** The app serving `port` in a running container, if one listens there. */
export function listeningApp(container: Container, port: number): SimulatedApp | undefined {
	if (!container.app || container.app.port !== port) return undefined;
	const app = appNamed(container.app.program);
	return app?.request ? app : undefined;
}
