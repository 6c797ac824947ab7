/** The command line's flags, as cli.tsx reads them and every mode receives them (a module of its own, so modes never import the entry point). */
export interface Flags {
	seed: number | undefined;
	preload: boolean;
	scenario: string | undefined;
	lang: string | undefined;
	color: boolean;
	json: boolean;
	docker: boolean;
}
