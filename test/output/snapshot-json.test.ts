import {describe, expect, it} from 'vitest';
import {snapshotDocument, snapshotJson, workflowToJson} from '../../source/output/snapshot-json.js';
import {fakeApi, makeStep, makeWorkflow, serverError, throttled} from '../poller/fake-api.js';
import {fakeTime} from '../poller/fake-time.js';

const ID = '0123456789abcdef0123456789abcdef';

describe('snapshotJson', () => {
	it('walks every step once, in order, with wire names and ISO timestamps', async () => {
		const time = fakeTime();
		const api = fakeApi(time, 10, 4);
		const running = snapshotJson(api, 'retail-prod', ID, {clock: time, scheduler: time, maxRps: 2, random: () => 0.5});
		await time.advance(10_000);
		const document = await running;
		expect(document.steps.map(step => step.FlowName)).toEqual(api.steps.map(step => step.FlowName));
		expect(document.steps[0]).toMatchObject({CreatedAt: '2026-11-24T09:00:00.000Z', Status: 'NOT_STARTED'});
		expect(document.workflow).toMatchObject({WorkflowId: ID, Status: 'IN_PROGRESS', Metrics: {AppflowIntegration: {TotalSteps: 10}}});
	});

	it('rides out throttling and server errors without losing or repeating a step', async () => {
		const time = fakeTime();
		const api = fakeApi(time, 10, 4);
		api.failNext('getWorkflowStepsPage', null, throttled(), serverError(), null, throttled(3000));
		const running = snapshotJson(api, 'retail-prod', ID, {clock: time, scheduler: time, random: () => 0.5});
		await time.advance(60_000);
		const document = await running;
		expect(document.steps.map(step => step.FlowName)).toEqual(api.steps.map(step => step.FlowName));
	});

	it('gives up with the classified error when it cannot be fixed by waiting', async () => {
		const time = fakeTime();
		const api = fakeApi(time, 10, 4);
		api.failNext('getWorkflow', {kind: 'not-found', message: 'no such workflow', retryable: false});
		await expect(snapshotJson(api, 'retail-prod', ID, {clock: time, scheduler: time})).rejects.toMatchObject({kind: 'not-found'});
	});

	it('nests attributes and metrics as on the wire and leaves out what is missing', () => {
		const json = workflowToJson(makeWorkflow({SourceConnectorType: 'Salesforce', RecordsProcessed: undefined, StepsCompleted: undefined, TotalSteps: undefined}));
		expect(json.Attributes).toEqual({AppflowIntegration: {SourceConnectorType: 'Salesforce'}});
		expect(json).not.toHaveProperty('Metrics');
		expect(json.StartDate).toBe('2026-11-24T09:00:00.000Z');
	});

	it('--once --json prints the same document the walk makes, for the steps it is given', async () => {
		const time = fakeTime();
		const api = fakeApi(time, 6, 4);
		api.steps[2] = makeStep(2, {Status: 'FAILED'});
		const running = snapshotJson(api, 'retail-prod', ID, {clock: time, scheduler: time, random: () => 0.5});
		await time.advance(10_000);
		expect(await running).toEqual(snapshotDocument(api.workflow, api.steps));
		const failed = snapshotDocument(api.workflow, api.steps.filter(step => step.Status === 'FAILED'));
		expect(failed.steps).toEqual([expect.objectContaining({FlowName: 'flow-00002', Status: 'FAILED', CreatedAt: '2026-11-24T09:00:00.002Z'})]);
		expect(failed.workflow).toEqual(workflowToJson(api.workflow));
	});
});

describe('snapshotJsonText', () => {
	it('is exactly JSON.stringify of the document, two-space indented, in pieces', async () => {
		const {makeStep} = await import('../support/step-fixtures.js');
		const {snapshotJsonText} = await import('../../source/output/snapshot-json.js');
		const workflow = {
			WorkflowId: 'w'.repeat(32),
			WorkflowType: 'APPFLOW_INTEGRATION',
			Status: 'RUNNING',
			StartDate: 1_700_000_000_000,
			LastUpdatedAt: 1_700_000_100_000,
			TotalSteps: 5,
		} as unknown as Parameters<typeof snapshotDocument>[0];
		const steps = Array.from({length: 5}, (_, i) => makeStep({FlowName: `flow "${i}"\n`, CreatedAt: i}));
		for (const list of [steps, []]) {
			const pieces = [...snapshotJsonText(workflow, list, 2)];
			expect(pieces.join('')).toBe(`${JSON.stringify(snapshotDocument(workflow, list), null, 2)}\n`);
			if (list.length > 0) expect(pieces.length).toBe(1 + 3 + 1);
		}
	});
});
