import {describe, expect, it} from 'vitest';
import {formatFeedJson} from '../../source/output/ndjson-format.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

describe('NDJSON events', () => {
	it('is one parseable object per line with type, time and previous status', () => {
		const text = formatFeedJson({type: 'step', time: Date.parse('2026-11-24T09:01:00Z'), step: makeStep(), previousStatus: 'NOT_STARTED', initial: false});
		expect(text).not.toContain('\n');
		expect(JSON.parse(text)).toEqual({
			type: 'step',
			time: '2026-11-24T09:01:00.000Z',
			initial: false,
			previousStatus: 'NOT_STARTED',
			FlowName: 'sf-backfill-0001',
			Status: 'IN_PROGRESS',
			ExecutionMessage: 'Running',
			RecordsProcessed: 1200,
			BatchRecordsStartTime: '2026-01-01T00:00:00Z',
			BatchRecordsEndTime: '2026-03-01T00:00:00Z',
			CreatedAt: '2026-11-24T09:00:00.000Z',
			LastUpdatedAt: '2026-11-24T09:00:12.000Z',
		});
	});

	it('carries the workflow for workflow events, previous status null when there was none', () => {
		const parsed = JSON.parse(formatFeedJson({type: 'workflow', time: 0, workflow: makeWorkflow(), initial: true}));
		expect(parsed).toMatchObject({type: 'workflow', previousStatus: null, workflow: {Status: 'IN_PROGRESS', StartDate: '2026-11-24T09:00:00.000Z'}});
	});

	it('escapes every control and bidi character, so jq -r cannot emit them raw', () => {
		const step = makeStep({ExecutionMessage: 'a\u001B[2J\u009B\u202Eb'});
		const text = formatFeedJson({type: 'step', time: 0, step, initial: true});
		expect(text).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E]/);
		expect(JSON.parse(text).ExecutionMessage).toBe('a\u001B[2J\u009B\u202Eb');
	});
});
