/** Dockerfiles a test bounds by counts and a benchmark times, written by the learner's own shell lines. */

/** Ten instructions, one of each kind the legacy builder runs: FROM, ARG, ENV, WORKDIR, COPY, RUN, LABEL, EXPOSE, USER, CMD. */
export const TEN_INSTRUCTIONS = [
	'FROM alpine:3.9',
	'ARG A=1',
	'ENV B=2',
	'WORKDIR /app',
	'COPY Dockerfile .',
	'RUN echo $A $B > out.txt',
	'LABEL x=y',
	'EXPOSE 80',
	'USER 1000',
	'CMD ["cat", "out.txt"]',
];

/** One shell line that makes folder `dir`, enters it and writes `lines` into its Dockerfile with echo. */
export function writeDockerfileLine(dir: string, lines: readonly string[]): string {
	return `mkdir ${dir} && cd ${dir} && ${lines.map((line, i) => `echo '${line}' ${i === 0 ? '>' : '>>'} Dockerfile`).join(' && ')}`;
}
