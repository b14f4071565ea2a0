import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	GetDomainCommand,
	GetWorkflowCommand,
	GetWorkflowStepsCommand,
	ListDomainsCommand,
	ListIntegrationsCommand,
	ListWorkflowsCommand,
} from '@aws-sdk/client-customer-profiles';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {NO_FAULTS, raw, sdkClient, sdkError} from './support.js';

const START = '2026-11-24T09:00:00Z';
const START_S = Date.parse(START) / 1000;
const WF = 'abcdef0123456789abcdef0123456789';
const WF2 = '0123456789abcdef0123456789abcdef';

const scenario = {
	clock: {start: START, speed: 1},
	pageSize: 2,
	faults: NO_FAULTS,
	domains: [
		{
			DomainName: 'shop_main-1',
			Tags: {env: 'test'},
			at: -100,
			workflows: [
				{
					WorkflowId: WF,
					SourceConnectorType: 'Zendesk',
					ConnectorProfileName: 'zd',
					RoleArn: 'arn:aws:iam::123456789012:role/x',
					at: -50,
					steps: [
						{FlowName: 'b-flow', BatchRecordsStartTime: 's1', BatchRecordsEndTime: 'e1', at: -40, timeline: [{at: -40, Status: 'NOT_STARTED'}, {at: -30.5, Status: 'IN_PROGRESS', ExecutionMessage: 'Running', RecordsProcessed: 5}, {at: -10, Status: 'COMPLETE', ExecutionMessage: 'Done', RecordsProcessed: 100}]},
						{FlowName: 'a-flow', BatchRecordsStartTime: 's2', BatchRecordsEndTime: 'e2', at: -40, timeline: [{at: -40, Status: 'NOT_STARTED'}, {at: -20, Status: 'SPLIT', RecordsProcessed: 7}]},
						{FlowName: 'c-flow', BatchRecordsStartTime: 's3', BatchRecordsEndTime: 'e3', at: -35, timeline: [{at: -35, Status: 'IN_PROGRESS', RecordsProcessed: 3}]},
					],
				},
				{WorkflowId: WF2, SourceConnectorType: 'S3', at: -60, steps: [{FlowName: 'only', at: -60, timeline: [{at: -59, Status: 'FAILED', ExecutionMessage: 'Boom'}]}]},
			],
		},
		{DomainName: 'second', at: -200},
		{DomainName: 'third', at: -150},
	],
};

describe('the six operations through the real SDK', () => {
	let emu: Emulator;
	const client = () => sdkClient(emu.url);
	beforeAll(async () => {
		emu = await startEmulator({scenario});
	});
	afterAll(async () => {
		await emu.close();
	});

	it('GetWorkflowSteps returns steps ordered by CreatedAt then FlowName, with epoch timestamps and every member', async () => {
		const page = await client().send(new GetWorkflowStepsCommand({DomainName: 'shop_main-1', WorkflowId: WF, MaxResults: 10}));
		expect(page.WorkflowId).toBe(WF);
		expect(page.WorkflowType).toBe('APPFLOW_INTEGRATION');
		expect(page.NextToken).toBeUndefined();
		const steps = page.Items!.map(item => item.AppflowIntegration!);
		expect(steps.map(step => step.FlowName)).toEqual(['a-flow', 'b-flow', 'c-flow']);
		expect(steps[1]).toEqual({
			FlowName: 'b-flow',
			Status: 'COMPLETE',
			ExecutionMessage: 'Done',
			RecordsProcessed: 100,
			BatchRecordsStartTime: 's1',
			BatchRecordsEndTime: 'e1',
			CreatedAt: new Date((START_S - 40) * 1000),
			LastUpdatedAt: new Date((START_S - 10) * 1000),
		});
		expect(steps[0]).toMatchObject({Status: 'SPLIT', ExecutionMessage: 'Split into smaller batches', RecordsProcessed: 7});
		expect(steps[2]).toMatchObject({Status: 'IN_PROGRESS', ExecutionMessage: 'In progress', RecordsProcessed: 3});
	});

	it('GetWorkflow reports metrics consistent with the steps', async () => {
		const workflow = await client().send(new GetWorkflowCommand({DomainName: 'shop_main-1', WorkflowId: WF}));
		expect(workflow).toMatchObject({
			WorkflowId: WF,
			WorkflowType: 'APPFLOW_INTEGRATION',
			Status: 'IN_PROGRESS',
			StartDate: new Date((START_S - 50) * 1000),
			LastUpdatedAt: new Date((START_S - 10) * 1000),
			Attributes: {AppflowIntegration: {SourceConnectorType: 'Zendesk', ConnectorProfileName: 'zd', RoleArn: 'arn:aws:iam::123456789012:role/x'}},
			Metrics: {AppflowIntegration: {RecordsProcessed: 110, StepsCompleted: 2, TotalSteps: 3}},
		});
		expect(workflow.ErrorDescription).toBeUndefined();
		const failed = await client().send(new GetWorkflowCommand({DomainName: 'shop_main-1', WorkflowId: WF2}));
		expect(failed.Status).toBe('FAILED');
		expect(failed.ErrorDescription).toBe('only: Boom');
		expect(failed.Attributes?.AppflowIntegration?.ConnectorProfileName).toBe('s3-profile');
	});

	it('ListWorkflows pages and honours its filters', async () => {
		const all = await client().send(new ListWorkflowsCommand({DomainName: 'shop_main-1'}));
		expect(all.Items!.map(item => item.WorkflowId)).toEqual([WF2, WF]);
		expect(all.NextToken).toBeUndefined();
		expect(all.Items![1]).toMatchObject({WorkflowType: 'APPFLOW_INTEGRATION', Status: 'IN_PROGRESS', CreatedAt: new Date((START_S - 50) * 1000)});
		expect(all.Items![1].StatusDescription).toMatch(/2 of 3/);

		const failed = await client().send(new ListWorkflowsCommand({DomainName: 'shop_main-1', Status: 'FAILED'}));
		expect(failed.Items!.map(item => item.WorkflowId)).toEqual([WF2]);
		const type = await client().send(new ListWorkflowsCommand({DomainName: 'shop_main-1', WorkflowType: 'APPFLOW_INTEGRATION'}));
		expect(type.Items).toHaveLength(2);
		const late = await client().send(new ListWorkflowsCommand({DomainName: 'shop_main-1', QueryStartDate: new Date((START_S - 55) * 1000)}));
		expect(late.Items!.map(item => item.WorkflowId)).toEqual([WF]);
		const early = await client().send(new ListWorkflowsCommand({DomainName: 'shop_main-1', QueryEndDate: new Date((START_S - 55) * 1000)}));
		expect(early.Items!.map(item => item.WorkflowId)).toEqual([WF2]);

		const first = await client().send(new ListWorkflowsCommand({DomainName: 'shop_main-1', MaxResults: 1}));
		expect(first.Items!.map(item => item.WorkflowId)).toEqual([WF2]);
		expect(first.NextToken).toBeTruthy();
		const second = await client().send(new ListWorkflowsCommand({DomainName: 'shop_main-1', MaxResults: 1, NextToken: first.NextToken}));
		expect(second.Items!.map(item => item.WorkflowId)).toEqual([WF]);
		expect(second.NextToken).toBeUndefined();
	});

	it('ListDomains pages with the scenario page size when max-results is absent', async () => {
		const first = await client().send(new ListDomainsCommand({}));
		expect(first.Items!.map(item => item.DomainName)).toEqual(['second', 'third']);
		expect(first.Items![0].CreatedAt).toEqual(new Date((START_S - 200) * 1000));
		const second = await client().send(new ListDomainsCommand({NextToken: first.NextToken}));
		expect(second.Items!.map(item => item.DomainName)).toEqual(['shop_main-1']);
		expect(second.Items![0].Tags).toEqual({env: 'test'});
		expect(second.NextToken).toBeUndefined();
	});

	it('GetDomain describes the domain', async () => {
		const domain = await client().send(new GetDomainCommand({DomainName: 'shop_main-1'}));
		expect(domain).toMatchObject({DomainName: 'shop_main-1', DefaultExpirationDays: 366, CreatedAt: new Date((START_S - 100) * 1000), Tags: {env: 'test'}});
		expect(domain.Stats?.ProfileCount).toBe(110);
	});

	it('ListIntegrations lists one integration per workflow, paged', async () => {
		const first = await client().send(new ListIntegrationsCommand({DomainName: 'shop_main-1', MaxResults: 1, IncludeHidden: true}));
		expect(first.Items).toHaveLength(1);
		expect(first.Items![0]).toMatchObject({DomainName: 'shop_main-1', WorkflowId: WF2, ObjectTypeName: 'S3-Contact'});
		expect(first.Items![0].Uri).toMatch(/^arn:aws:appflow:us-east-1:123456789012:flow\//);
		const second = await client().send(new ListIntegrationsCommand({DomainName: 'shop_main-1', NextToken: first.NextToken}));
		expect(second.Items!.map(item => item.WorkflowId)).toEqual([WF]);
		expect(second.NextToken).toBeUndefined();
	});
});

describe('wire details', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator({scenario});
	});
	afterAll(async () => {
		await emu.close();
	});

	it('sends timestamps as epoch-second numbers and no NextToken key on the last page', async () => {
		const response = await raw(emu.url, `/domains/shop_main-1/workflows/${WF}/steps?max-results=10`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
		const text = await response.text();
		expect(text).not.toContain('NextToken');
		const body = JSON.parse(text);
		expect(body.Items[1].AppflowIntegration.CreatedAt).toBe(START_S - 40);
		expect(body.Items[1].AppflowIntegration.LastUpdatedAt).toBe(START_S - 10);
		const middle = JSON.parse(await (await raw(emu.url, `/domains/shop_main-1/workflows/${WF}/steps?max-results=10`)).text());
		expect(typeof middle.Items[0].AppflowIntegration.CreatedAt).toBe('number');
	});

	it('keeps fractional seconds', async () => {
		const emu2 = await startEmulator({scenario: {...scenario, domains: [{DomainName: 'd', workflows: [{WorkflowId: WF, steps: [{FlowName: 'f', at: 1.5, timeline: [{at: 2.25, Status: 'COMPLETE'}]}]}]}]}});
		emu2.advance(10);
		const body = await (await raw(emu2.url, `/domains/d/workflows/${WF}/steps`)).json();
		expect(body.Items[0].AppflowIntegration.CreatedAt).toBe(START_S + 1.5);
		expect(body.Items[0].AppflowIntegration.LastUpdatedAt).toBe(START_S + 2.25);
		await emu2.close();
	});

	it('decodes path labels per segment and accepts query parameters in any order', async () => {
		const response = await raw(emu.url, `/domains/shop%5Fmain%2D1/workflows/${WF}/steps?max-results=1`);
		expect(response.status).toBe(200);
		const encodedSlash = await raw(emu.url, `/domains/shop%2Fmain/workflows/${WF}`);
		expect(encodedSlash.status).toBe(400);
		expect(encodedSlash.headers.get('x-amzn-errortype')).toBe('BadRequestException');
		const first = await (await raw(emu.url, `/domains/shop_main-1/workflows/${WF}/steps?max-results=1`)).json();
		const reordered = await raw(emu.url, `/domains/shop_main-1/workflows/${WF}/steps?next-token=${encodeURIComponent(first.NextToken)}&max-results=1`);
		expect((await reordered.json()).Items[0].AppflowIntegration.FlowName).toBe('b-flow');
	});

	it('ListWorkflows takes an empty body or {} and refuses bad filters naming the member', async () => {
		for (const body of [undefined, '{}', '{"Unknown": 1}']) {
			const response = await raw(emu.url, '/domains/shop_main-1/workflows', {method: 'POST', body, headers: {'content-type': 'application/json'}});
			expect(response.status).toBe(200);
		}
		const cases: Array<[string, string]> = [
			['{"Status": "DONE"}', 'Status'],
			['{"WorkflowType": "OTHER"}', 'WorkflowType'],
			['{"QueryStartDate": "2026-01-01"}', 'QueryStartDate'],
			['{"QueryEndDate": true}', 'QueryEndDate'],
			['[1]', 'JSON object'],
			['{not json', 'JSON'],
		];
		for (const [body, member] of cases) {
			const response = await raw(emu.url, '/domains/shop_main-1/workflows', {method: 'POST', body});
			expect(response.status).toBe(400);
			expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
			expect((await response.json()).Message).toContain(member);
		}
	});

	it('answers GetWorkflow with the same Status and metrics as the steps show', async () => {
		const steps = (await (await raw(emu.url, `/domains/shop_main-1/workflows/${WF}/steps?max-results=100`)).json()).Items.map((item: {AppflowIntegration: {Status: string; RecordsProcessed: number}}) => item.AppflowIntegration);
		const workflow = await (await raw(emu.url, `/domains/shop_main-1/workflows/${WF}`)).json();
		const metrics = workflow.Metrics.AppflowIntegration;
		expect(metrics.TotalSteps).toBe(steps.length);
		expect(metrics.RecordsProcessed).toBe(steps.reduce((sum: number, step: {RecordsProcessed: number}) => sum + step.RecordsProcessed, 0));
		expect(metrics.StepsCompleted).toBe(steps.filter((step: {Status: string}) => step.Status === 'COMPLETE' || step.Status === 'SPLIT').length);
	});
});

describe('a workflow deleted mid-watch (workflows[].deletedAt)', () => {
	const GONE = 'dddddddddddddddddddddddddddddddd';
	const ids = [WF, GONE, WF2];
	it('is served until deletedAt, then answers 404 and is no longer listed; the others stay', async () => {
		const emu = await startEmulator({
			scenario: {
				clock: {start: START, speed: 1},
				pageSize: 2,
				faults: NO_FAULTS,
				domains: [{DomainName: 'shop', workflows: ids.map((WorkflowId, i) => ({WorkflowId, at: -30 + i, ...(WorkflowId === GONE ? {deletedAt: 10} : {}), steps: [{FlowName: 'f', at: -30 + i, timeline: [{at: -30 + i, Status: 'IN_PROGRESS'}]}]}))}],
			},
		});
		try {
			const client = sdkClient(emu.url);
			const listed = async () => (await client.send(new ListWorkflowsCommand({DomainName: 'shop', MaxResults: 10}))).Items?.map(item => item.WorkflowId);
			const integrations = async () => {
				const found: string[] = [];
				let NextToken: string | undefined;
				do {
					const page = await client.send(new ListIntegrationsCommand({DomainName: 'shop', NextToken}));
					found.push(...(page.Items ?? []).map(item => item.WorkflowId ?? ''));
					NextToken = page.NextToken;
				} while (NextToken !== undefined);
				return found.sort();
			};
			expect(await listed()).toHaveLength(3);
			expect((await client.send(new GetWorkflowCommand({DomainName: 'shop', WorkflowId: GONE}))).WorkflowId).toBe(GONE);
			emu.advance(20);
			expect(await listed()).toEqual(expect.not.arrayContaining([GONE]));
			expect(await listed()).toHaveLength(2);
			expect(await integrations()).toEqual([WF, WF2].sort());
			const error = await sdkError(client.send(new GetWorkflowCommand({DomainName: 'shop', WorkflowId: GONE})));
			expect(error.name).toBe('ResourceNotFoundException');
			expect((await sdkError(client.send(new GetWorkflowStepsCommand({DomainName: 'shop', WorkflowId: GONE})))).name).toBe('ResourceNotFoundException');
			expect((await client.send(new GetWorkflowCommand({DomainName: 'shop', WorkflowId: WF}))).WorkflowId).toBe(WF);
		} finally {
			await emu.close();
		}
	});
});
