// The lifecycle every watch shares: poll on an interval, pause, resume, refresh now, stop, and
// say on screen why it is waiting (throttled until, error since). What one poll does is the
// caller's `cycle`; this file only decides when cycles run and what the phase is.
import {classifyError} from '../aws/classify-error.js';
import type {ApiError} from '../core/api-error.js';
import type {Pacer} from './pacer.js';
import {pacedCall, type CallObserver} from './paced-call.js';
import type {Store} from './store.js';
import type {Clock, Scheduler, TimerHandle} from './time.js';
import type {Controller, PollStatus, Traffic, WatchPhase} from './watch-state.js';

export interface LoopContext {
	pacer: Pacer;
	/** The source's totals, shared by every watch. */
	traffic: Traffic;
	clock: Clock;
	scheduler: Scheduler;
	random: () => number;
	intervalMs: number;
	observer?: CallObserver;
}

export type Call = <T>(call: (signal: AbortSignal) => Promise<T>) => Promise<T>;

export interface PollLoopOptions<S extends PollStatus> {
	store: Store<S>;
	context: LoopContext;
	/** One poll: returns true when there is nothing more to poll (the workflow is final and walked). */
	cycle(call: Call, signal: AbortSignal, refresh: boolean): Promise<boolean>;
	/** 'loading' until a first complete result is in. */
	settledPhase(): 'loading' | 'live';
}

export function createPollLoop<S extends PollStatus>(options: PollLoopOptions<S>): Controller<S> {
	const {store, context} = options;
	const {clock, scheduler} = context;
	// Patches name fields of S's common part; the cast is where the generic store meets them.
	const set = (patch: Partial<PollStatus>) => store.set(patch as Partial<S>);
	let running = false;
	let paused = false;
	let done = false;
	let refreshRequested = false;
	let inFlight: AbortController | undefined;
	let timer: TimerHandle | undefined;
	let failingSince: number | undefined;

	const basePhase = (): WatchPhase => (paused ? 'paused' : done ? 'done' : options.settledPhase());

	function clearTimer() {
		if (timer !== undefined) scheduler.clearTimeout(timer);
		timer = undefined;
	}

	function schedule(ms: number) {
		clearTimer();
		timer = scheduler.setTimeout(() => {
			timer = undefined;
			void runCycle();
		}, ms);
		set({nextPollAt: clock.now() + ms});
	}

	function fail(error: ApiError, retryAt?: number) {
		failingSince ??= clock.now();
		const phase = paused ? 'paused' : error.kind === 'throttled' ? 'throttled' : 'error';
		set({phase, error: staleError(error, failingSince), retryAt, failedAttempts: (store.get().failedAttempts ?? 0) + 1});
	}

	const hooks = {
		onSent() {
			context.traffic.requests++;
			set({requests: store.get().requests + 1});
		},
		onThrottled() {
			context.traffic.throttles++;
			set({throttles: store.get().throttles + 1});
		},
		onRetry: (error: ApiError, retryAt: number) => fail(error, retryAt),
		onSuccess() {
			set({lastSuccessAt: clock.now(), failedAttempts: undefined});
			// A transient failure is over once its retry succeeds; a lasting one (access denied on
			// the steps while the probe works) stays on screen until a whole cycle succeeds.
			const current = store.get();
			if (current.error === undefined || current.error.retryable) {
				failingSince = undefined;
				set({phase: basePhase(), error: undefined, retryAt: undefined});
			}
		},
	};

	async function runCycle(): Promise<void> {
		if (!running || inFlight !== undefined) return;
		clearTimer();
		const abort = new AbortController();
		inFlight = abort;
		const refresh = refreshRequested;
		refreshRequested = false;
		set({nextPollAt: undefined});
		const call: Call = fn => pacedCall({...context, ...hooks, signal: abort.signal}, fn);
		try {
			const finished = await options.cycle(call, abort.signal, refresh);
			if (abort.signal.aborted) return;
			done = finished;
			failingSince = undefined;
			set({phase: basePhase(), error: undefined, retryAt: undefined});
		} catch (thrown) {
			if (abort.signal.aborted) return;
			fail(classifyError(thrown));
		} finally {
			if (inFlight === abort) inFlight = undefined;
		}
		if (!running || paused) return;
		if (refreshRequested) schedule(0);
		else if (!done) schedule(context.intervalMs);
	}

	return {
		getState: store.get,
		subscribe: store.subscribe,
		start() {
			if (running) return;
			running = true;
			if (paused) set({phase: 'paused'});
			else void runCycle();
		},
		stop() {
			running = false;
			clearTimer();
			inFlight?.abort();
			inFlight = undefined;
			set({nextPollAt: undefined, retryAt: undefined});
		},
		togglePause() {
			paused = !paused;
			if (paused) {
				// Pausing is for sparing the quota: requests in flight are cancelled too.
				clearTimer();
				inFlight?.abort();
				inFlight = undefined;
				set({phase: 'paused', nextPollAt: undefined, retryAt: undefined});
				return;
			}
			const error = store.get().error;
			set({phase: error && !error.retryable ? 'error' : basePhase()});
			if (running && !done) void runCycle();
		},
		refresh() {
			refreshRequested = true;
			if (!running) return;
			// While paused this polls once and stays paused (runCycle schedules nothing after it).
			if (inFlight === undefined) void runCycle();
		},
	};
}

/** Field by field: an apiFailure is an Error, whose own `message` a spread would drop. */
function staleError(error: ApiError, staleSince: number): ApiError & {staleSince: number} {
	return {
		kind: error.kind,
		...(error.code === undefined ? {} : {code: error.code}),
		message: error.message,
		...(error.action === undefined ? {} : {action: error.action}),
		...(error.retryAfterMs === undefined ? {} : {retryAfterMs: error.retryAfterMs}),
		retryable: error.retryable,
		staleSince,
	};
}
