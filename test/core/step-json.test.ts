import {describe, expect, it} from 'vitest';
import {stepToJson} from '../../source/core/step-json.js';
import {makeStep} from '../poller/fake-api.js';

describe('stepToJson', () => {
	it('writes a step with the wire names and ISO timestamps', () => {
		expect(stepToJson(makeStep(0, {FlowName: 'sf-prod-Account-2024-01', RecordsProcessed: 48211, CreatedAt: Date.UTC(2026, 10, 24, 9, 0, 0)}))).toEqual({
			FlowName: 'sf-prod-Account-2024-01',
			Status: 'NOT_STARTED',
			ExecutionMessage: 'Queued',
			RecordsProcessed: 48211,
			BatchRecordsStartTime: '2026-01-01T00:00:00Z',
			BatchRecordsEndTime: '2026-03-01T00:00:00Z',
			CreatedAt: '2026-11-24T09:00:00.000Z',
			LastUpdatedAt: '2026-11-24T09:00:00.000Z',
		});
	});
});
