import {describe, expect, it} from 'vitest';
import {createRetryReporter, QUIET_REPORT_MS, retryLineFor, type RetryState} from '../../source/output/retry-report.js';

const MESSAGE = 'network error (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:1';

describe('line mode retry lines', () => {
	it('a line per failed attempt with its number, the error and when the next try is', () => {
		const report = createRetryReporter();
		expect(report.failed({attempt: 1, message: MESSAGE, retryAt: 1_400, now: 1_000})).toBe(`cp-watch: attempt 1 failed: ${MESSAGE}; next try in 0.4s`);
		expect(report.failed({attempt: 2, message: MESSAGE, retryAt: 4_000, now: 2_000})).toBe(`cp-watch: attempt 2 failed: ${MESSAGE}; next try in 2s`);
		// The same attempt seen again (another store update) is not a second line.
		expect(report.failed({attempt: 2, message: MESSAGE, retryAt: 4_000, now: 2_500})).toBeUndefined();
	});

	it('after the first five, at most one line a minute, counting the attempts in between', () => {
		const report = createRetryReporter();
		const lines: string[] = [];
		// A dead endpoint for an hour, an attempt every 30 s once the backoff is at its cap.
		let now = 0;
		for (let attempt = 1; attempt <= 120; attempt++) {
			const line = report.failed({attempt, message: MESSAGE, retryAt: now + 30_000, now});
			if (line !== undefined) lines.push(`${now} ${line}`);
			now += 30_000;
		}
		expect(lines.slice(0, 5).map(line => /attempt (\d+) failed/.exec(line)?.[1])).toEqual(['1', '2', '3', '4', '5']);
		expect(lines[4]).toContain('from now on at most a line a minute');
		const later = lines.slice(5).map(line => Number(line.split(' ')[0]));
		for (let i = 1; i < later.length; i++) expect(later[i] - later[i - 1]).toBeGreaterThanOrEqual(QUIET_REPORT_MS);
		expect(lines[5]).toMatch(/attempt 7 failed \(1 more failed since the last line\)/);
		expect(lines.length).toBeLessThanOrEqual(5 + 60);
		expect(lines.length).toBeGreaterThan(50);
	});

	it('says when requests succeed again after a run of failures, and starts over', () => {
		const report = createRetryReporter();
		for (let attempt = 1; attempt <= 3; attempt++) report.failed({attempt, message: MESSAGE, now: attempt});
		expect(report.recovered()).toBe('cp-watch: requests succeed again after 3 failed attempts');
		expect(report.recovered()).toBeUndefined();
		expect(report.failed({attempt: 1, message: MESSAGE, now: 10})).toBe(`cp-watch: attempt 1 failed: ${MESSAGE}; retrying`);
		// One 429 and then a success is routine.
		expect(report.recovered()).toBeUndefined();
	});
});

describe('which watch the retry line speaks for', () => {
	const live: RetryState = {phase: 'live', lastSuccessAt: 1};
	const throttled = (attempt: number): RetryState => ({phase: 'throttled', error: {message: 'throttled (429)', retryable: true}, failedAttempts: attempt, retryAt: 3_000});

	it('the first watch that is retrying, with its attempt, even when others are fine', () => {
		const report = createRetryReporter();
		expect(retryLineFor(report, [live, throttled(1)], 1_000)).toBe('cp-watch: attempt 1 failed: throttled (429); next try in 2s');
		const network: RetryState = {phase: 'error', error: {message: 'network error', retryable: true}, failedAttempts: 2};
		expect(retryLineFor(report, [network, live], 1_000)).toBe('cp-watch: attempt 2 failed: network error; retrying');
	});

	it('an error waiting will not fix is not a retry line, and not a recovery either', () => {
		const report = createRetryReporter();
		const denied: RetryState = {phase: 'error', error: {message: 'access denied', retryable: false}, failedAttempts: 1, lastSuccessAt: 1};
		expect(retryLineFor(report, [denied], 1_000)).toBeUndefined();
		for (let attempt = 1; attempt <= 3; attempt++) retryLineFor(report, [throttled(attempt)], attempt);
		expect(retryLineFor(report, [denied, live], 1_000)).toBeUndefined();
	});

	it('says requests succeed again only once no watch is failing and one has succeeded', () => {
		const report = createRetryReporter();
		for (let attempt = 1; attempt <= 3; attempt++) retryLineFor(report, [live, throttled(attempt)], attempt);
		expect(retryLineFor(report, [{phase: 'loading'}], 10)).toBeUndefined();
		expect(retryLineFor(report, [live, {phase: 'live'}], 10)).toBe('cp-watch: requests succeed again after 3 failed attempts');
		expect(retryLineFor(report, [live], 11)).toBeUndefined();
	});
});
