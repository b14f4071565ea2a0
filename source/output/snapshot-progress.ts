// The progress of a --once walk, for a terminal on stderr: "1,200 of 10,000 steps · 12 pages",
// or without a known total "1,200 steps · 12 pages". One short line, rewritten in place.

export interface SnapshotProgress {
	steps: number;
	pages: number;
	/** The workflow's TotalSteps, when GetWorkflow said. */
	total?: number;
	/** Times the walk started over on an expired paging token. */
	restarts: number;
}

const count = (n: number) => n.toLocaleString('en-US');

export function formatSnapshotProgress(progress: SnapshotProgress): string {
	const steps = progress.total === undefined ? `${count(progress.steps)} steps` : `${count(progress.steps)} of ${count(progress.total)} steps`;
	const pages = `${count(progress.pages)} page${progress.pages === 1 ? '' : 's'}`;
	const restarted = progress.restarts === 0 ? '' : ` · started over ${progress.restarts === 1 ? 'once' : `${progress.restarts} times`} (paging token expired)`;
	return `cp-watch: reading steps: ${steps} · ${pages}${restarted}`;
}
