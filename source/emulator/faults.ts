// The scenario's faults, decided per request: throttling first (per operation, real time), then
// denial, then the seeded random ones. Deterministic given the seed and the order of requests.
import {createPrng, between} from './prng.js';
import type {FaultsSpec, Operation} from './scenario.js';
import {createTokenBucket, type TokenBucket} from './token-bucket.js';

export type Fault =
	| {kind: 'none'}
	| {kind: 'throttle'; retryAfterSeconds: number | null}
	| {kind: 'deny'}
	| {kind: 'hangup'}
	| {kind: 'error'};

export interface FaultDecision {
	fault: Fault;
	latencyMs: number;
}

export interface Faults {
	decide(operation: Operation, nowMs: number): FaultDecision;
}

export function createFaults(spec: FaultsSpec): Faults {
	const random = createPrng(spec.seed);
	const buckets = new Map<Operation, TokenBucket>();
	const denied = new Set(spec.deny);
	return {
		decide(operation, nowMs) {
			// Three draws for every request, whatever happens, so one fault never shifts another.
			const hangup = random();
			const error = random();
			const latency = random();
			const latencyMs = Math.round(between(() => latency, spec.latencyMs[0], spec.latencyMs[1]));
			if (spec.throttle) {
				let bucket = buckets.get(operation);
				if (!bucket) {
					bucket = createTokenBucket(spec.throttle.ratePerSecond, spec.throttle.burst, nowMs);
					buckets.set(operation, bucket);
				}
				if (!bucket.take(nowMs)) return {fault: {kind: 'throttle', retryAfterSeconds: spec.throttle.retryAfterSeconds}, latencyMs};
			}
			if (denied.has(operation)) return {fault: {kind: 'deny'}, latencyMs};
			if (hangup < spec.hangupRate) return {fault: {kind: 'hangup'}, latencyMs};
			if (error < spec.errorRate) return {fault: {kind: 'error'}, latencyMs};
			return {fault: {kind: 'none'}, latencyMs};
		},
	};
}
