// --notify: what deserves a desktop notification. Only news: a step that turns FAILED, or the
// workflow reaching a final status while we watched. The state found at start is not news.
import {isFinalStatus} from '../core/status.js';
import {sanitize} from '../core/sanitize.js';
import type {FeedEvent} from './watch-feed.js';

export interface Notification {
	title: string;
	body: string;
}

export function notificationFor(event: FeedEvent): Notification | undefined {
	if (event.initial) return undefined;
	if (event.type === 'step') {
		if (event.step.Status !== 'FAILED' || event.previousStatus === 'FAILED') return undefined;
		return {
			title: 'cp-watch: step failed',
			body: `${sanitize(event.step.FlowName)}: ${sanitize(event.step.ExecutionMessage)}`,
		};
	}
	if (!isFinalStatus(event.workflow.Status) || event.previousStatus === event.workflow.Status) return undefined;
	return {
		title: `cp-watch: workflow ${event.workflow.Status}`,
		body: `${event.workflow.WorkflowId}${event.workflow.ErrorDescription ? `: ${sanitize(event.workflow.ErrorDescription)}` : ''}`,
	};
}
