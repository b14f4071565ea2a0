// NDJSON: one JSON object per event, so `cp-watch --json | jq` works live.
import {safeJson} from '../core/safe-json.js';
import {stepToJson} from '../core/step-json.js';
import {workflowToJson} from './snapshot-json.js';
import type {FeedEvent} from './watch-feed.js';

export function formatFeedJson(event: FeedEvent): string {
	const head = {
		type: event.type,
		time: new Date(event.time).toISOString(),
		initial: event.initial,
		previousStatus: event.previousStatus ?? null,
		...(event.workflowId === undefined ? {} : {workflowId: event.workflowId}),
	};
	if (event.type === 'step') return safeJson({...head, ...stepToJson(event.step)});
	return safeJson({...head, workflow: workflowToJson(event.workflow)});
}
