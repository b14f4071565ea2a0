// Which workflow the domain dashboard reads next. One request budget (--max-rps) serves every row,
// so the rule is a fair round robin: a running workflow is due once its numbers are an interval
// old, the oldest goes first, and finished rows (read once, then kept) take turns with the running
// ones instead of queueing ahead of them. Pure: the engine brings the clock.

/** More running workflows than this are listed but not read: at 2 rps, 50 rows already make a
 * round of at least 25 s. */
export const MAX_WATCHED_RUNNING = 50;

export interface ScheduleCandidate {
	WorkflowId: string;
	Status: string;
}

/** Running ids to watch: IN_PROGRESS before NOT_STARTED, each in list order, at most `max`. */
export function watchedRunning(items: readonly ScheduleCandidate[], max = MAX_WATCHED_RUNNING): string[] {
	const inProgress = items.filter(item => item.Status === 'IN_PROGRESS');
	const queued = items.filter(item => item.Status === 'NOT_STARTED');
	return [...inProgress, ...queued].slice(0, max).map(item => item.WorkflowId);
}

export interface ScheduleInput {
	/** Running workflows in the order watchedRunning gave them. */
	running: readonly string[];
	/** When each workflow's numbers were last read (epoch ms); absent: never. */
	readAt: ReadonlyMap<string, number>;
	/** Finished workflows worth reading once, not read yet, most wanted first. */
	unreadFinished: readonly string[];
	/** Whether the previous visit read a finished workflow (they alternate with running ones). */
	lastWasFinished: boolean;
	now: number;
	intervalMs: number;
}

export type NextVisit = {id: string; running: boolean} | {waitMs: number} | {idle: true};

export function nextVisit(input: ScheduleInput): NextVisit {
	const {running, readAt, now, intervalMs} = input;
	let due: string | undefined;
	let dueAt = Number.POSITIVE_INFINITY;
	let nextDueIn = Number.POSITIVE_INFINITY;
	for (const id of running) {
		const at = readAt.get(id);
		// Never read counts as read at -infinity: new rows come first, in list order.
		const readTime = at ?? Number.NEGATIVE_INFINITY;
		if (now - readTime >= intervalMs) {
			if (readTime < dueAt) {
				due = id;
				dueAt = readTime;
			}
		} else {
			nextDueIn = Math.min(nextDueIn, readTime + intervalMs - now);
		}
	}
	const finished = input.unreadFinished[0];
	if (finished !== undefined && (due === undefined || !input.lastWasFinished)) return {id: finished, running: false};
	if (due !== undefined) return {id: due, running: true};
	return Number.isFinite(nextDueIn) ? {waitMs: Math.max(0, nextDueIn)} : {idle: true};
}

/** The longest a running row can wait between two reads when every row is due at once: each
 * visit costs its probe plus up to `pagesPerVisit` step pages, and the domain's list shares the
 * pace. What the bench and the tests hold the engine to. */
export function roundBoundMs(options: {running: number; pagesPerVisit: number; maxRps: number; intervalMs: number; listRequests?: number}): number {
	const perRound = options.running * (1 + options.pagesPerVisit) + (options.listRequests ?? 1);
	return Math.max(options.intervalMs, (perRound / options.maxRps) * 1000) + 1000 / options.maxRps;
}
