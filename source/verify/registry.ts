/**
 * The engine's registry mirror, spoken to over the Registry HTTP API v2 (Docker's distribution 2.8,
 * as Debian's docker-registry serves it). Used to give built images the catalog's creation times and
 * to remember which catalog content an image was built from (a `layerlab-<hash>` tag).
 */
import {createHash} from 'node:crypto';

const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';

export interface Manifest {
	schemaVersion: number;
	mediaType: string;
	config: {mediaType: string; size: number; digest: string};
	layers: Array<{mediaType: string; size: number; digest: string}>;
}

export interface ImageConfigJson {
	created: string;
	history?: Array<{created?: string; created_by?: string; empty_layer?: boolean}>;
	[key: string]: unknown;
}

export class Registry {
	/** `host:port` (no scheme), as image references spell it. */
	readonly address: string;
	private readonly base: string;

	constructor(url: string) {
		const parsed = new URL(/^[a-z]+:\/\//.test(url) ? url : `http://${url}`);
		this.address = parsed.host;
		this.base = `${parsed.protocol}//${parsed.host}`;
	}

	private async request(method: string, path: string, init: {body?: Buffer | string; headers?: Record<string, string>} = {}): Promise<Response> {
		const url = path.startsWith('http') ? path : `${this.base}${path}`;
		const body = typeof init.body === 'string' ? init.body : init.body === undefined ? undefined : new Uint8Array(init.body);
		return fetch(url, {method, headers: init.headers, body, signal: AbortSignal.timeout(60_000)});
	}

	async ping(): Promise<boolean> {
		try {
			const response = await this.request('GET', '/v2/');
			return response.ok;
		} catch {
			return false;
		}
	}

	/** The manifest's digest, or undefined when the tag does not exist. */
	async manifestDigest(repository: string, tag: string): Promise<string | undefined> {
		const response = await this.request('HEAD', `/v2/${repository}/manifests/${tag}`, {headers: {Accept: MANIFEST_V2}});
		if (response.status === 404) return undefined;
		if (!response.ok) throw new Error(`registry ${this.address}: HEAD ${repository}:${tag}: ${response.status}`);
		return response.headers.get('docker-content-digest') ?? undefined;
	}

	async manifest(repository: string, tag: string): Promise<Manifest> {
		const response = await this.request('GET', `/v2/${repository}/manifests/${tag}`, {headers: {Accept: MANIFEST_V2}});
		if (!response.ok) throw new Error(`registry ${this.address}: GET ${repository}:${tag}: ${response.status}`);
		return (await response.json()) as Manifest;
	}

	async blob(repository: string, digest: string): Promise<Buffer> {
		const response = await this.request('GET', `/v2/${repository}/blobs/${digest}`);
		if (!response.ok) throw new Error(`registry ${this.address}: GET blob ${digest}: ${response.status}`);
		return Buffer.from(await response.arrayBuffer());
	}

	async putBlob(repository: string, data: Buffer): Promise<string> {
		const digest = 'sha256:' + createHash('sha256').update(data).digest('hex');
		const start = await this.request('POST', `/v2/${repository}/blobs/uploads/`, {body: ''});
		const location = start.headers.get('location');
		if (!start.ok || !location) throw new Error(`registry ${this.address}: blob upload: ${start.status}`);
		const url = new URL(location, this.base);
		url.searchParams.set('digest', digest);
		const done = await this.request('PUT', url.toString(), {body: data, headers: {'Content-Type': 'application/octet-stream'}});
		if (!done.ok) throw new Error(`registry ${this.address}: blob upload: ${done.status} ${await done.text()}`);
		return digest;
	}

	async putManifest(repository: string, tag: string, manifest: Manifest): Promise<void> {
		const response = await this.request('PUT', `/v2/${repository}/manifests/${tag}`, {body: JSON.stringify(manifest, null, 3), headers: {'Content-Type': MANIFEST_V2}});
		if (!response.ok) throw new Error(`registry ${this.address}: PUT ${repository}:${tag}: ${response.status} ${await response.text()}`);
	}
}

/** Where Docker Hub keeps a name: `alpine:3.9` → library/alpine, tag 3.9. */
export function hubPath(ref: string): {repository: string; tag: string} {
	const colon = ref.lastIndexOf(':');
	const name = colon > ref.lastIndexOf('/') ? ref.slice(0, colon) : ref;
	const tag = colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : 'latest';
	return {repository: name.includes('/') ? name : `library/${name}`, tag};
}
