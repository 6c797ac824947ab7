/**
 * The book's to-do web app, as docs/TODO-APP.md specifies it (the real-engine stand-in follows the
 * same page): configuration from /app/appsettings.json then /app/config/{config,secrets}.json, the
 * start-up log, a database file created on the first request that needs it, and three pages.
 */
import type {AppState, Container, World} from '../world.js';
import {BlockSignal, type Program} from '../shell/interpreter.js';
import {containerFs} from '../unionfs.js';
import {dirname} from '../path.js';
import {randomUuid} from '../random.js';
import {contextOf} from '../context.js';
import type {FsApi} from '../fsapi.js';

const CONFIG_FILES = ['/app/appsettings.json', '/app/config/config.json', '/app/config/secrets.json'];

function readConfig(fs: FsApi): {dbPath: string; debug: boolean} {
	let dbPath = '';
	let level = '';
	for (const file of CONFIG_FILES) {
		let text: string;
		try {
			text = fs.read(file);
		} catch {
			continue;
		}
		for (const line of text.split('\n')) {
			const db = /"ToDoDb":\s*"Filename=([^"]*)"/.exec(line);
			if (db) dbPath = db[1]!;
			const log = /"Default":\s*"([^"]*)"/.exec(line);
			if (log) level = log[1]!;
		}
	}
	return {dbPath, debug: level === 'Debug'};
}

const lines = (...items: string[]) => items.map(item => item + '\n').join('');

export const todoApp: Program = proc => {
	const {world, container} = contextOf(proc);
	const {dbPath, debug} = readConfig(proc.shell.fs);
	if (debug) proc.out(lines('dbug: Microsoft.Extensions.Hosting.Internal.Host[1]', '      Hosting starting'));
	proc.out(
		lines(
			'warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]',
			"      Storing keys in a directory '/root/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed.",
			'warn: Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]',
			`      No XML encryptor configured. Key {${randomUuid(world)}} may be persisted to storage in unencrypted form.`,
			'info: Microsoft.Hosting.Lifetime[0]',
			'      Now listening on: http://[::]:80',
			'info: Microsoft.Hosting.Lifetime[0]',
			'      Application started. Press Ctrl+C to shut down.',
			'info: Microsoft.Hosting.Lifetime[0]',
			'      Hosting environment: Production',
			'info: Microsoft.Hosting.Lifetime[0]',
			'      Content root path: /app',
		),
	);
	if (debug) proc.out(lines('dbug: Microsoft.Extensions.Hosting.Internal.Host[2]', '      Hosting started'));
	container.app = {program: 'todo', port: 80, dbPath, debug} satisfies AppState;
	throw new BlockSignal('todo');
};

/** What the app writes when `docker container stop` sends SIGTERM; it then exits 0. */
export function todoShutdown(): string {
	return lines('info: Microsoft.Hosting.Lifetime[0]', '      Application is shutting down...');
}

export interface HttpRequest {
	method: string;
	/** Path with query, as requested. */
	target: string;
	host: string;
	body: string;
}

export interface HttpResponse {
	status: number;
	body: string;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `date -d 2019-09-19 '+%A, %-d %B %Y'` → `Thursday, 19 September 2019`. */
export function longDate(day: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) return day;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return `${DAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const HEAD = lines('<!DOCTYPE html>', '<html>', '<head><title>DIAMOL To-Do List</title></head>', '<body>');

interface Item {
	id: string;
	item: string;
	day: string;
}

function parseDb(text: string): Item[] {
	return text
		.split('\n')
		.filter(line => line !== '')
		.map(line => {
			const [id = '', item = '', day = ''] = line.split('|');
			return {id, item, day};
		});
}

function homePage(items: Item[]): string {
	return HEAD + lines('<h1>Welcome to the TODO list</h1>', `<p>You have ${items.length} items to do.</p>`, '</body>', '</html>');
}

function listPage(items: Item[]): string {
	const rows = items.filter(row => row.id !== '').map(row => `<tr><td>${escapeHtml(row.item)}</td><td>${longDate(row.day)}</td></tr>\n`);
	return (
		HEAD +
		lines('<h1>TODO List</h1>', '<p>There is much still to do.</p>', "<p>But there's always room to add more.</p>", '<table>', '<tr><th>Item</th><th>Date Added</th></tr>') +
		rows.join('') +
		lines('</table>', '</body>', '</html>')
	);
}

/** The form field `item`, decoded like the app's model binder (`+` and `%XX`). */
export function formItem(body: string): string {
	let item = '';
	for (const field of body.split('&')) if (field.startsWith('item=')) item = field.slice(5);
	const bytes: number[] = [];
	const raw = item.replace(/\+/g, ' ');
	for (let i = 0; i < raw.length; i++) {
		const hex = /^%([0-9A-Fa-f]{2})/.exec(raw.slice(i));
		if (hex) {
			bytes.push(parseInt(hex[1]!, 16));
			i += 2;
		} else bytes.push(...Buffer.from(raw[i]!, 'utf8'));
	}
	return Buffer.from(bytes)
		.toString('utf8')
		.replace(/[\n\r]/g, ' ')
		.replace(/\|/g, '/');
}

/** Serves one request; the database lives wherever the container's mounts put it. */
export function todoRequest(world: World, container: Container, request: HttpRequest): HttpResponse {
	const app = container.app!;
	const fs = containerFs(world, container);
	const log = (text: string) => container.logs.push({stream: 'stdout', text});
	const path = request.target.split('?')[0]!;
	if (app.debug) log(lines('info: Microsoft.AspNetCore.Hosting.Diagnostics[1]', `      Request starting HTTP/1.1 ${request.method} http://${request.host}${request.target}`));

	const ensureDb = (): boolean => {
		try {
			fs.stat(app.dbPath);
			return true;
		} catch {
			// Missing: created below when its folder exists and is writable.
		}
		try {
			if (fs.stat(dirname(app.dbPath)).entry.kind !== 'dir') return false;
			fs.write(app.dbPath, '');
		} catch {
			return false;
		}
		if (app.debug) log(lines('dbug: Microsoft.EntityFrameworkCore.Database.Command[20101]', '      Executed DbCommand CREATE TABLE "ToDos"'));
		return true;
	};
	const items = () => parseDb(fs.read(app.dbPath));

	let response: HttpResponse;
	const route = `${request.method} ${path}`;
	if (route === 'GET /' || route === 'GET /list' || route === 'POST /new') {
		if (!ensureDb()) response = {status: 500, body: ''};
		else if (route === 'GET /') response = {status: 200, body: homePage(items())};
		else if (route === 'GET /list') response = {status: 200, body: listPage(items())};
		else {
			const item = formItem(request.body);
			let ok = true;
			if (item !== '') {
				const existing = items();
				const last = Number(existing.at(-1)?.id ?? 0);
				try {
					fs.write(app.dbPath, `${(Number.isFinite(last) ? last : 0) + 1}|${item}|${isoDay(world.clock)}\n`, {append: true});
				} catch {
					ok = false;
				}
			}
			response = ok ? {status: 200, body: listPage(items())} : {status: 500, body: ''};
		}
	} else response = {status: 404, body: ''};

	if (response.status === 500)
		log(lines('fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]', '      An unhandled exception has occurred while executing the request.'));
	if (app.debug)
		log(
			lines('info: Microsoft.AspNetCore.Hosting.Diagnostics[2]', `      Request finished HTTP/1.1 ${request.method} http://${request.host}${request.target} - ${response.status}`),
		);
	return response;
}
