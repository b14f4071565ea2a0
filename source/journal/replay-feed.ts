// A journal back into the event stream line mode and NDJSON print: a snapshot is the first walk's
// events (the workflow, then each step in the API's order, as followWatch emits them), step and
// workflow records are one event each. Everything else (counters, troubles) was never printed.
import type {FeedEvent} from '../output/watch-feed.js';
import type {JournalRecord} from './journal-format.js';

export function feedEventsOf(record: JournalRecord): FeedEvent[] {
	switch (record.kind) {
		case 'snapshot': {
			const events: FeedEvent[] = [];
			if (record.workflow !== null) events.push({type: 'workflow', time: record.time, workflow: record.workflow, initial: true});
			for (const step of record.steps) events.push({type: 'step', time: record.time, step, initial: true});
			return events;
		}
		case 'step':
			return [{type: 'step', time: record.time, step: record.step, previousStatus: record.previousStatus ?? undefined, initial: false}];
		case 'workflow':
			return [{type: 'workflow', time: record.time, workflow: record.workflow, previousStatus: record.previousStatus ?? undefined, initial: false}];
		default:
			return [];
	}
}
