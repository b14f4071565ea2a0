// NDJSON: one JSON object per event, so `cp-watch --json | jq` works live. JSON.stringify already
// escapes C0 controls; C1 controls and bidi overrides are escaped too, so `jq -r` of a hostile
// message cannot reach a terminal raw.
import {stepToJson} from '../core/step-csv.js';
import {workflowToJson} from './snapshot-json.js';
import type {FeedEvent} from './watch-feed.js';

const UNSAFE = /[\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

export function safeJson(value: unknown): string {
	return JSON.stringify(value).replace(UNSAFE, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatFeedJson(event: FeedEvent): string {
	const head = {
		type: event.type,
		time: new Date(event.time).toISOString(),
		initial: event.initial,
		previousStatus: event.previousStatus ?? null,
	};
	if (event.type === 'step') return safeJson({...head, ...stepToJson(event.step)});
	return safeJson({...head, workflow: workflowToJson(event.workflow)});
}
