import {describe, expect, it} from 'vitest';
import type {ApiError} from '../../source/core/api-error.js';
import {pacedCall} from '../../source/poller/paced-call.js';
import {createPacer} from '../../source/poller/pacer.js';
import {fakeTime} from './fake-time.js';
import {serverError, throttled} from './fake-api.js';

async function attemptsUntilGivingUp(error: (call: number) => ApiError, limits: {maxAttempts: number; maxThrottledAttempts?: number}) {
	const time = fakeTime();
	const context = {
		clock: time,
		scheduler: time,
		random: () => 0.5,
		pacer: createPacer({maxRps: 100, clock: time, scheduler: time}),
		signal: new AbortController().signal,
		...limits,
	};
	let calls = 0;
	const outcome = pacedCall(context, async () => {
		throw error(calls++);
	}).catch((thrown: ApiError) => thrown);
	for (let i = 0; i < 100 && calls < 50; i++) await time.advance(60_000);
	return {calls, error: await outcome};
}

describe('a bounded call (--once)', () => {
	it('gives up on a failing endpoint after maxAttempts, with the last error', async () => {
		const {calls, error} = await attemptsUntilGivingUp(serverError, {maxAttempts: 4, maxThrottledAttempts: 10});
		expect(calls).toBe(4);
		expect(error.kind).toBe('server');
	});

	it('is more patient with throttling, which the quota always cures', async () => {
		const {calls, error} = await attemptsUntilGivingUp(() => throttled(), {maxAttempts: 4, maxThrottledAttempts: 10});
		expect(calls).toBe(10);
		expect(error.kind).toBe('throttled');
	});

	it('429s do not use up the attempts meant for a failing endpoint', async () => {
		// Three 429s, then the endpoint fails: still 4 failures allowed after the throttling.
		const {calls, error} = await attemptsUntilGivingUp(call => (call < 3 ? throttled() : serverError()), {maxAttempts: 4, maxThrottledAttempts: 10});
		expect(calls).toBe(3 + 4);
		expect(error.kind).toBe('server');
	});

	it('failures do not use up the patience meant for throttling', async () => {
		const {calls, error} = await attemptsUntilGivingUp(call => (call < 3 ? serverError() : throttled()), {maxAttempts: 4, maxThrottledAttempts: 10});
		expect(calls).toBe(3 + 10);
		expect(error.kind).toBe('throttled');
	});
});
