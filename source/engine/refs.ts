/** Image references as the daemon reads them (`diamol/ch06-random-number`, `nginx:alpine`). */
export interface ImageRef {
	/** `diamol/ch06-random-number` (Docker's familiar form: no docker.io/, no library/). */
	repository: string;
	tag: string;
	/** `repository:tag`. */
	full: string;
}

export function parseImageRef(ref: string): ImageRef {
	let name = ref;
	let tag = 'latest';
	const slash = name.lastIndexOf('/');
	const colon = name.lastIndexOf(':');
	if (colon > slash) {
		tag = name.slice(colon + 1);
		name = name.slice(0, colon);
	}
	name = name.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');
	return {repository: name, tag, full: `${name}:${tag}`};
}
