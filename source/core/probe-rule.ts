// Probe, then walk: a GetWorkflow (1 request) each interval decides whether the steps (up to 100
// requests) need walking. See docs/polling.md.
import type {Workflow} from './step.js';

export type WalkReason = 'first-load' | 'refresh' | 'changed' | 'max-age' | 'final' | 'incomplete';

export interface ProbeInput {
	/** The probe that preceded the last complete walk; undefined before the first one. */
	walked?: Workflow;
	/** Epoch ms of that probe. */
	walkedAt?: number;
	/** The probe just answered. */
	current: Workflow;
	now: number;
	maxWalkAgeMs: number;
	/** How long the last complete walk spent walking (not paused, not between cycles). */
	walkDurationMs?: number;
	refreshRequested: boolean;
}

// A safety-net walk of a big workflow must not eat the quota the probe saves: the maximum age
// grows to ten times the walk's own duration (a 100-page walk at 2 rps takes 50 s: 500 s), but
// by no more than 10 minutes, so one slow walk (a quota storm) cannot switch the safety net off.
export const WALK_AGE_PER_WALK_TIME = 10;
export const MAX_WALK_AGE_STRETCH_MS = 10 * 60_000;

export function effectiveMaxWalkAge(maxWalkAgeMs: number, walkDurationMs = 0): number {
	return Math.max(maxWalkAgeMs, Math.min(MAX_WALK_AGE_STRETCH_MS, walkDurationMs * WALK_AGE_PER_WALK_TIME));
}

/** Why the steps should be walked now, or undefined when the last walk still tells the truth. */
export function walkReason(input: ProbeInput): WalkReason | undefined {
	const {walked, walkedAt, current} = input;
	if (walked === undefined || walkedAt === undefined) return 'first-load';
	if (input.refreshRequested) return 'refresh';
	if (workflowChanged(walked, current)) return 'changed';
	if (input.now - walkedAt >= effectiveMaxWalkAge(input.maxWalkAgeMs, input.walkDurationMs)) return 'max-age';
	return undefined;
}

/** The fields that move when any step moves: status, last update and the step metrics. */
export function workflowChanged(before: Workflow, after: Workflow): boolean {
	return (
		before.Status !== after.Status ||
		before.LastUpdatedAt !== after.LastUpdatedAt ||
		before.RecordsProcessed !== after.RecordsProcessed ||
		before.StepsCompleted !== after.StepsCompleted ||
		before.TotalSteps !== after.TotalSteps
	);
}
