// Line mode's word on retryable trouble, on stderr: a line per failed attempt (its number, the
// error, when the next try is) for the first few, then at most one a minute, counting the attempts
// in between, so a dead endpoint is neither silent for hours nor a flood. A success after a run of
// failures says so, and the next episode starts over.
import {formatDurationWords} from '../core/duration.js';

/** Attempts reported one by one before the rate falls to one line a minute. */
export const REPORTED_ATTEMPTS = 5;
export const QUIET_REPORT_MS = 60_000;
const RECOVERY_WORTH_A_LINE = 3;

export interface FailedAttempt {
	/** Failed attempts in a row, this one included. */
	attempt: number;
	/** The error, one line, already sanitized. */
	message: string;
	/** Epoch ms of the next try. */
	retryAt?: number;
	now: number;
}

export interface RetryReporter {
	/** The line for a failed attempt, or undefined when it is not yet time for one. */
	failed(attempt: FailedAttempt): string | undefined;
	/** A line when calls succeed again after a reported failure. */
	recovered(): string | undefined;
}

export function createRetryReporter(): RetryReporter {
	let lastLineAt: number | undefined;
	let lastReported = 0;
	let worst = 0;
	return {
		failed({attempt, message, retryAt, now}) {
			worst = Math.max(worst, attempt);
			if (attempt <= lastReported) return undefined;
			const due = attempt <= REPORTED_ATTEMPTS || lastLineAt === undefined || now - lastLineAt >= QUIET_REPORT_MS;
			if (!due) return undefined;
			const skipped = attempt - lastReported - 1;
			const since = skipped > 0 ? ` (${skipped} more failed since the last line)` : '';
			const next = retryAt === undefined ? 'retrying' : `next try in ${formatDurationWords(Math.max(0, retryAt - now))}`;
			const quieter = attempt === REPORTED_ATTEMPTS ? '; from now on at most a line a minute' : '';
			lastLineAt = now;
			lastReported = attempt;
			return `cp-watch: attempt ${attempt} failed${since}: ${message}; ${next}${quieter}`;
		},
		recovered() {
			// One 429 and a success is routine; say so only after a run of failures.
			const line = worst >= RECOVERY_WORTH_A_LINE && lastReported > 0 ? `cp-watch: requests succeed again after ${worst} failed attempt${worst === 1 ? '' : 's'}` : undefined;
			lastLineAt = undefined;
			lastReported = 0;
			worst = 0;
			return line;
		},
	};
}

/** What a watch's state says about its calls, as far as the retry line cares. */
export interface RetryState {
	phase: string;
	error?: {message: string; retryable: boolean};
	failedAttempts?: number;
	retryAt?: number;
	lastSuccessAt?: number;
}

/**
 * The retry line, if any, for the states of the watches a stream follows (one workflow's, or a
 * domain's list and workflows: they share one pace, so a 429 is everyone's). The first watch that
 * is retrying speaks for all; once none is failing and one has succeeded, the episode is over. An
 * error waiting will not fix is not a retry: its own line comes from whoever ends on it.
 */
export function retryLineFor(reporter: RetryReporter, states: readonly RetryState[], now: number): string | undefined {
	const troubled = states.find(state => state.phase === 'throttled' || (state.phase === 'error' && state.error?.retryable === true));
	if (troubled !== undefined) {
		if (troubled.failedAttempts === undefined) return undefined;
		return reporter.failed({attempt: troubled.failedAttempts, message: troubled.error?.message ?? 'error', retryAt: troubled.retryAt, now});
	}
	const failing = states.some(state => state.failedAttempts !== undefined);
	return !failing && states.some(state => state.lastSuccessAt !== undefined) ? reporter.recovered() : undefined;
}
