import {describe, expect, it} from 'vitest';
import {GetWorkflowStepsCommand} from '@aws-sdk/client-customer-profiles';
import {LARGE_DOMAIN, LARGE_WORKFLOW_ID, loadScenario, startEmulator} from '../../source/emulator/index.js';
import {NO_FAULTS, raw, sdkClient} from './support.js';

const WF = 'abcdef0123456789abcdef0123456789';

// One step created every virtual second from -60 to +239, each with a name that does not sort
// by creation, so order must come from CreatedAt first.
function growingScenario() {
	return {
		clock: {start: '2026-11-24T09:00:00Z', speed: 0.000_001},
		faults: NO_FAULTS,
		domains: [
			{
				DomainName: 'grow',
				workflows: [
					{
						WorkflowId: WF,
						at: -100,
						steps: Array.from({length: 300}, (_, i) => ({
							FlowName: `step-${String((i * 7919) % 1000).padStart(3, '0')}-${i}`,
							at: i - 60,
							timeline: [{at: i - 60, Status: 'NOT_STARTED'}, {at: i - 55, Status: 'IN_PROGRESS'}, {at: i - 30, Status: 'COMPLETE', RecordsProcessed: i}],
						})),
					},
				],
			},
		],
	};
}

describe('paging', () => {
	it('a walk sees every step that existed when it started exactly once, while steps appear and change', async () => {
		const emu = await startEmulator({scenario: growingScenario()});
		const client = sdkClient(emu.url);
		const existedAtStart = 61; // created at -60 .. 0
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await client.send(new GetWorkflowStepsCommand({DomainName: 'grow', WorkflowId: WF, MaxResults: 7, NextToken: token}));
			seen.push(...page.Items!.map(item => item.AppflowIntegration!.FlowName!));
			token = page.NextToken;
			pages++;
			emu.advance(5); // five new steps per page, and statuses move on
		} while (token);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen).toHaveLength(existedAtStart);
		expect(pages).toBe(Math.ceil(existedAtStart / 7));
		const expected = Array.from({length: existedAtStart}, (_, i) => `step-${String((i * 7919) % 1000).padStart(3, '0')}-${i}`);
		expect(seen).toEqual(expected);

		// The next walk starts later and sees the steps created since.
		const next = await client.send(new GetWorkflowStepsCommand({DomainName: 'grow', WorkflowId: WF, MaxResults: 100}));
		expect(next.Items).toHaveLength(100);
		expect(next.NextToken).toBeTruthy();
		await emu.close();
	});

	it('orders by CreatedAt then FlowName and the last page has no NextToken even when it is full', async () => {
		const emu = await startEmulator({
			scenario: {
				faults: NO_FAULTS,
				domains: [{DomainName: 'd', workflows: [{WorkflowId: WF, steps: ['c', 'a', 'b', 'd'].map(FlowName => ({FlowName, at: -1}))}]}],
			},
		});
		const first = await (await raw(emu.url, `/domains/d/workflows/${WF}/steps?max-results=2`)).json();
		expect(first.Items.map((item: {AppflowIntegration: {FlowName: string}}) => item.AppflowIntegration.FlowName)).toEqual(['a', 'b']);
		expect(first.NextToken).toMatch(/^[A-Za-z0-9_.-]{1,1024}$/);
		const second = await (await raw(emu.url, `/domains/d/workflows/${WF}/steps?max-results=2&next-token=${first.NextToken}`)).json();
		expect(second.Items.map((item: {AppflowIntegration: {FlowName: string}}) => item.AppflowIntegration.FlowName)).toEqual(['c', 'd']);
		expect('NextToken' in second).toBe(false);
		await emu.close();
	});

	it('keeps every NextToken within the model\'s 1..1024 characters, whatever the names (256 CJK characters each)', async () => {
		const wide = (i: number) => `${'漢'.repeat(250)}${String(i).padStart(6, '0')}`;
		const emu = await startEmulator({
			scenario: {
				faults: NO_FAULTS,
				domains: [{DomainName: 'd'.repeat(64), workflows: [{WorkflowId: WF, steps: Array.from({length: 5}, (_, i) => ({FlowName: wide(i), at: -1}))}]}],
			},
		});
		const client = sdkClient(emu.url);
		const seen: string[] = [];
		let token: string | undefined;
		do {
			const page = await client.send(new GetWorkflowStepsCommand({DomainName: 'd'.repeat(64), WorkflowId: WF, MaxResults: 1, NextToken: token}));
			seen.push(...page.Items!.map(item => item.AppflowIntegration!.FlowName!));
			token = page.NextToken;
			if (token !== undefined) expect(token.length).toBeLessThanOrEqual(1024);
			if (token !== undefined) expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
		} while (token);
		expect(seen).toEqual(Array.from({length: 5}, (_, i) => wide(i)));
		await emu.close();
	});

	it('uses the scenario pageSize when max-results is absent', async () => {
		const emu = await startEmulator({
			scenario: {pageSize: 3, faults: NO_FAULTS, domains: [{DomainName: 'd', workflows: [{WorkflowId: WF, steps: Array.from({length: 10}, (_, i) => ({FlowName: `s${i}`, at: -1}))}]}]},
		});
		const page = await sdkClient(emu.url).send(new GetWorkflowStepsCommand({DomainName: 'd', WorkflowId: WF}));
		expect(page.Items).toHaveLength(3);
		expect(page.NextToken).toBeTruthy();
		await emu.close();
	});

	it('walks the 10,000 steps of `large` page by page, each step once', async () => {
		// How fast the pages come is a figure for the bench (bench/polling.ts), not a test.
		const scenario = loadScenario('large');
		scenario.faults.throttle = null;
		const emu = await startEmulator({scenario});
		const client = sdkClient(emu.url);
		const names = new Set<string>();
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await client.send(new GetWorkflowStepsCommand({DomainName: LARGE_DOMAIN, WorkflowId: LARGE_WORKFLOW_ID, MaxResults: 100, NextToken: token}));
			pages++;
			for (const item of page.Items!) names.add(item.AppflowIntegration!.FlowName!);
			token = page.NextToken;
		} while (token);
		expect(names.size).toBe(10_000);
		expect(pages).toBe(100);
		await emu.close();
	});
});
