/** A failure the daemon reports, with the daemon's own message (the CLI adds "Error response from daemon: "). */
export class DaemonError extends Error {}
