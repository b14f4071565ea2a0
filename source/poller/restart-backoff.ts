// The wait before a walk starts over on an expired paging token: the same full-jitter backoff as a
// failed call, by the number of restarts so far, so a quota that was busy enough to let the token
// age gets room before the walk sends its first page again.
import {nextDelay} from '../core/backoff.js';
import {sleep, type Scheduler} from './time.js';

export function restartBackoff(context: {scheduler: Scheduler; random: () => number; signal: AbortSignal}, progress: {restarts: number}): Promise<void> {
	return sleep(context.scheduler, nextDelay(progress.restarts - 1, context.random), context.signal);
}
