// Which rows of the workflows list get a GetWorkflow probe for their progress: the selected one
// first, then the running ones on screen, capped so a domain with many running workflows costs at
// most `max` requests per interval.

export interface ProbeCandidate {
	WorkflowId: string;
	Status: string;
}

/** Workflow ids to probe, the selected one first, then IN_PROGRESS rows of [windowStart,
 * windowEnd) in list order. */
export function probeTargets(
	rows: readonly ProbeCandidate[],
	selectedIndex: number,
	windowStart: number,
	windowEnd: number,
	max: number,
): string[] {
	const targets: string[] = [];
	const selected = rows[selectedIndex];
	if (selected !== undefined && max > 0) targets.push(selected.WorkflowId);
	const end = Math.min(windowEnd, rows.length);
	for (let i = Math.max(0, windowStart); i < end && targets.length < max; i++) {
		const row = rows[i];
		if (i !== selectedIndex && row.Status === 'IN_PROGRESS') targets.push(row.WorkflowId);
	}
	return targets;
}

/** Whether two target lists probe the same workflows in the same order. */
export function sameTargets(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((id, i) => id === b[i]);
}
