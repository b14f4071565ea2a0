import {describe, expect, it} from 'vitest';
import {GetWorkflowCommand, GetWorkflowStepsCommand, ListWorkflowsCommand} from '@aws-sdk/client-customer-profiles';
import {
	DOMAIN_SCENARIO_DOMAIN,
	DOMAIN_WORKFLOW_IDS,
	DEMO_BACKFILL_WORKFLOW_ID,
	DEMO_CANCELLED_WORKFLOW_ID,
	DEMO_COMPLETE_WORKFLOW_ID,
	DEMO_DOMAIN,
	DEMO_FAILED_WORKFLOW_ID,
	DEMO_NOT_STARTED_WORKFLOW_ID,
	HOSTILE_DOMAIN,
	HOSTILE_LONGEST_FLOW_NAME,
	HOSTILE_LONGEST_MESSAGE,
	HOSTILE_WORKFLOW_ID,
	LIFECYCLE_COMPLETE_WORKFLOW_ID,
	LIFECYCLE_DOMAIN,
	LIFECYCLE_FAILED_WORKFLOW_ID,
	loadScenario,
	startEmulator,
} from '../../source/emulator/index.js';
import {generateSteps} from '../../source/emulator/generate.js';
import {defaultGenerate} from '../../source/emulator/scenario-defaults.js';
import {compileWorld, workflowView} from '../../source/emulator/world.js';
import {sdkClient} from './support.js';

const WF = 'abcdef0123456789abcdef0123456789';

describe('loadScenario', () => {
	it('fills every default', () => {
		const scenario = loadScenario({domains: [{workflows: [{steps: [{}]}]}]});
		expect(scenario.clock).toEqual({start: null, speed: 1});
		expect(scenario.pageSize).toBe(25);
		expect(scenario.faults).toEqual({throttle: {ratePerSecond: 5, burst: 5, retryAfterSeconds: null}, errorRate: 0, hangupRate: 0, latencyMs: [0, 0], tokenTtlSeconds: null, deny: [], seed: 1});
		const domain = scenario.domains[0];
		expect(domain).toMatchObject({DomainName: 'domain-1', Tags: {}, at: -2_592_000, DefaultExpirationDays: 366});
		const workflow = domain.workflows[0];
		expect(workflow.WorkflowId).toMatch(/^[a-f0-9]{32}$/);
		expect(workflow).toMatchObject({WorkflowType: 'APPFLOW_INTEGRATION', SourceConnectorType: 'Salesforce', ConnectorProfileName: 'salesforce-profile', at: 0, generate: null, timeline: null});
		expect(workflow.steps[0]).toEqual({FlowName: 'flow-1', BatchRecordsStartTime: 'unknown', BatchRecordsEndTime: 'unknown', at: 0, timeline: []});
		expect(loadScenario({domains: [{workflows: [{}]}]}).domains[0].workflows[0].WorkflowId).toBe(workflow.WorkflowId);
	});

	it.each([
		[{domains: [{DomainName: 'ok', workflows: [{WorkflowId: 'a'.repeat(32)}, {WorkflowId: 'NOT-HEX'}]}]}, 'domains[0].workflows[1].WorkflowId: must be 32 lowercase hex characters'],
		[{domains: [{DomainName: 'bad name'}]}, 'domains[0].DomainName:'],
		[{domains: [{DomainName: 'x'.repeat(65)}]}, 'domains[0].DomainName: must have at most 64 characters'],
		[{clock: {speed: 0}}, 'clock.speed: must be greater than 0'],
		[{clock: {start: 'yesterday'}}, 'clock.start: must be an ISO 8601 date'],
		[{pageSize: 101}, 'pageSize: must be at most 100'],
		[{faults: {deny: ['DeleteDomain']}}, 'faults.deny[0]: must be an operation name'],
		[{faults: {latencyMs: [5, 1]}}, 'faults.latencyMs: max must not be less than min'],
		[{faults: {throttle: {burst: 0}}}, 'faults.throttle.burst: must be at least 1'],
		[{faults: {errorRate: 2}}, 'faults.errorRate: must be at most 1'],
		[{domains: [{workflows: [{steps: [{FlowName: 'a'}, {FlowName: 'a'}]}]}]}, "domains[0].workflows[0].steps[1].FlowName: duplicate FlowName 'a'"],
		[{domains: [{workflows: [{steps: [{timeline: [{at: 5}, {at: 1}]}]}]}]}, 'domains[0].workflows[0].steps[0].timeline[1].at: timeline entries must be in time order'],
		[{domains: [{workflows: [{steps: [{timeline: [{Status: 'done'}]}]}]}]}, 'domains[0].workflows[0].steps[0].timeline[0].Status:'],
		[{domains: [{workflows: [{steps: [{timeline: [{ExecutionMessage: ''}]}]}]}]}, 'domains[0].workflows[0].steps[0].timeline[0].ExecutionMessage: must not be empty'],
		[{domains: [{workflows: [{steps: [{timeline: [{ExecutionMessage: 'x'.repeat(256)}]}]}]}]}, 'ExecutionMessage: must have at most 255 characters'],
		[{domains: [{workflows: [{steps: [{FlowName: 'x'.repeat(257)}]}]}]}, 'domains[0].workflows[0].steps[0].FlowName: must have at most 256 characters'],
		[{domains: [{workflows: [{generate: {count: 5, failRate: 0.7, splitRate: 0.5}}]}]}, 'domains[0].workflows[0].generate.splitRate'],
		[{domains: [{workflows: [{SourceConnectorType: 'Oracle'}]}]}, 'domains[0].workflows[0].SourceConnectorType: must be one of'],
		[{domains: [{workflows: [{stepz: []}]}]}, 'domains[0].workflows[0].stepz: unknown field'],
		[{domains: {}}, 'domains: must be an array'],
		[[], '(root): must be an object'],
		['nonesuch', "unknown scenario 'nonesuch'"],
		['constructor', "unknown scenario 'constructor'"],
	])('refuses %j naming the path', (input, message) => {
		expect(() => loadScenario(input)).toThrow(message);
	});

	it('accepts a status outside the enum, so clients can be tested on one they do not know', () => {
		expect(loadScenario({domains: [{workflows: [{steps: [{timeline: [{Status: 'PAUSED'}]}]}]}]}).domains[0].workflows[0].steps[0].timeline[0].Status).toBe('PAUSED');
	});

	it('loads every built-in', () => {
		for (const name of ['demo', 'large', 'hostile', 'lifecycle', 'domain']) expect(loadScenario(name).domains.length).toBeGreaterThan(0);
	});
});

describe('generate', () => {
	const spec = {...defaultGenerate(0, 'Salesforce-abcdef01'), count: 2000, seed: 9, retryRate: 0.2, failRate: 0.02, splitRate: 0.03};
	const START = Date.parse('2026-11-24T09:00:00Z') / 1000;

	it('is deterministic for a seed and differs between seeds', () => {
		expect(generateSteps(spec, START, 'Salesforce')).toEqual(generateSteps(spec, START, 'Salesforce'));
		expect(generateSteps({...spec, seed: 10}, START, 'Salesforce')).not.toEqual(generateSteps(spec, START, 'Salesforce'));
	});

	it('makes unique FlowNames over contiguous two-month windows on midnight boundaries, going back from the day of clock.start', () => {
		const steps = generateSteps({...spec, count: 150}, START, 'Salesforce');
		expect(new Set(steps.map(step => step.FlowName)).size).toBe(150);
		expect(steps[0].BatchRecordsEndTime).toBe('2026-11-24T00:00:00Z');
		expect(steps[0].BatchRecordsStartTime).toBe('2026-09-24T00:00:00Z');
		expect(steps[1].BatchRecordsEndTime).toBe(steps[0].BatchRecordsStartTime);
		expect(steps[1].BatchRecordsStartTime).toBe('2026-07-24T00:00:00Z');
		for (let i = 1; i < steps.length; i++) expect(steps[i].BatchRecordsEndTime).toBe(steps[i - 1].BatchRecordsStartTime);
		expect(steps.at(-1)!.BatchRecordsStartTime).toBe('2001-11-24T00:00:00Z');
	});

	it('keeps a long history plausible: 10,000 steps get day-long windows back to the 1990s, not the year 0575', () => {
		const steps = generateSteps({...spec, count: 10_000}, START, 'Salesforce');
		expect(steps[0]).toMatchObject({BatchRecordsStartTime: '2026-11-23T00:00:00Z', BatchRecordsEndTime: '2026-11-24T00:00:00Z'});
		for (const step of steps) expect(step.BatchRecordsStartTime).toMatch(/^(199\d|20[0-2]\d)-\d\d-\d\dT00:00:00Z$/);
		expect(generateSteps({...spec, count: 300}, START, 'Salesforce')[1]).toMatchObject({BatchRecordsStartTime: '2026-09-24T00:00:00Z', BatchRecordsEndTime: '2026-10-24T00:00:00Z'});
	});

	it('a clock that starts on the 31st steps back by whole months without skipping one', () => {
		const steps = generateSteps({...spec, count: 3}, Date.parse('2026-12-31T18:30:00Z') / 1000, 'Salesforce');
		expect(steps.map(step => step.BatchRecordsStartTime)).toEqual(['2026-10-31T00:00:00Z', '2026-08-31T00:00:00Z', '2026-06-30T00:00:00Z']);
	});

	it('progresses NOT_STARTED > IN_PROGRESS > final, with at most three RETRYs, within spanSeconds, at the given rates', () => {
		const steps = generateSteps(spec, START, 'Salesforce');
		const finals: Record<string, number> = {};
		let retried = 0;
		for (const step of steps) {
			const statuses = step.timeline.map(entry => entry.Status);
			expect(statuses[0]).toBe('NOT_STARTED');
			expect(statuses[1]).toBe('IN_PROGRESS');
			const final = statuses.at(-1)!;
			expect(['COMPLETE', 'FAILED', 'SPLIT']).toContain(final);
			finals[final] = (finals[final] ?? 0) + 1;
			const retries = statuses.filter(status => status === 'RETRY').length;
			expect(retries).toBeLessThanOrEqual(3);
			if (retries > 0) retried++;
			expect(step.at).toBeGreaterThanOrEqual(0);
			expect(step.at).toBeLessThanOrEqual(spec.spanSeconds);
			for (let i = 1; i < step.timeline.length; i++) expect(step.timeline[i].at).toBeGreaterThanOrEqual(step.timeline[i - 1].at);
			for (const entry of step.timeline) expect([...entry.ExecutionMessage!].length).toBeGreaterThanOrEqual(1);
			for (const entry of step.timeline) expect([...entry.ExecutionMessage!].length).toBeLessThanOrEqual(255);
		}
		expect(finals.SPLIT / 2000).toBeGreaterThan(0.015);
		expect(finals.SPLIT / 2000).toBeLessThan(0.05);
		expect(finals.FAILED / 2000).toBeGreaterThan(0.01);
		expect(finals.FAILED / 2000).toBeLessThan(0.04);
		expect(retried / 2000).toBeGreaterThan(0.15);
		expect(retried / 2000).toBeLessThan(0.25);
	});
});

describe('scenario semantics in virtual time', () => {
	it('domain: 12 workflows, 6 running from five connectors, one failing at 120 s, two starting at 60 s and 180 s', async () => {
		const domain = loadScenario('domain');
		const emu = await startEmulator({scenario: {...domain, faults: {...domain.faults, throttle: null}}, speed: 0.000_001, keepRequestLog: 0});
		const client = sdkClient(emu.url);
		const list = async () => (await client.send(new ListWorkflowsCommand({DomainName: DOMAIN_SCENARIO_DOMAIN}))).Items ?? [];
		const running = async () => (await list()).filter(item => item.Status === 'IN_PROGRESS').map(item => item.WorkflowId ?? '');
		const connector = async (WorkflowId: string) =>
			(await client.send(new GetWorkflowCommand({DomainName: DOMAIN_SCENARIO_DOMAIN, WorkflowId}))).Attributes?.AppflowIntegration?.SourceConnectorType;
		expect(await list()).toHaveLength(10);
		const first = await running();
		expect(first).toHaveLength(6);
		expect(new Set(await Promise.all(first.map(connector)))).toEqual(new Set(['Salesforce', 'Marketo', 'Zendesk', 'Servicenow', 'S3']));
		expect((await list()).filter(item => item.Status !== 'IN_PROGRESS').map(item => item.Status).sort()).toEqual(['CANCELLED', 'COMPLETE', 'COMPLETE', 'FAILED']);
		emu.advance(61);
		expect(await list()).toHaveLength(11);
		emu.advance(60); // 121
		const failing = await client.send(new GetWorkflowCommand({DomainName: DOMAIN_SCENARIO_DOMAIN, WorkflowId: DOMAIN_WORKFLOW_IDS.salesforceFailing}));
		expect(failing.Status).toBe('FAILED');
		expect(failing.ErrorDescription).toMatch(/INVALID_FIELD/);
		emu.advance(60); // 181
		expect(await list()).toHaveLength(12);
		// Five of the first six still run, beside the one from 60 s; the one from 180 s is queued.
		expect(await running()).toHaveLength(6);
		expect((await list()).filter(item => item.Status === 'NOT_STARTED').map(item => item.WorkflowId)).toEqual([DOMAIN_WORKFLOW_IDS.s3StartsAt180]);
		await emu.close();
	});


	it('lifecycle: NOT_STARTED, then IN_PROGRESS, then COMPLETE at 10 and FAILED at 8', async () => {
		const emu = await startEmulator({scenario: 'lifecycle', speed: 0.000_001});
		const client = sdkClient(emu.url);
		const status = async (WorkflowId: string) => (await client.send(new GetWorkflowCommand({DomainName: LIFECYCLE_DOMAIN, WorkflowId}))).Status;
		expect(await status(LIFECYCLE_COMPLETE_WORKFLOW_ID)).toBe('NOT_STARTED');
		emu.advance(2.5);
		expect(await status(LIFECYCLE_COMPLETE_WORKFLOW_ID)).toBe('IN_PROGRESS');
		emu.advance(2); // 4.5
		const steps = await client.send(new GetWorkflowStepsCommand({DomainName: LIFECYCLE_DOMAIN, WorkflowId: LIFECYCLE_FAILED_WORKFLOW_ID}));
		expect(steps.Items!.map(item => item.AppflowIntegration!.Status)).toEqual(['IN_PROGRESS', 'RETRY']);
		expect(steps.Items![1].AppflowIntegration!.LastUpdatedAt).toEqual(new Date(Date.parse('2026-11-24T09:00:04Z')));
		emu.advance(3.5); // 8
		expect(await status(LIFECYCLE_FAILED_WORKFLOW_ID)).toBe('FAILED');
		expect(await status(LIFECYCLE_COMPLETE_WORKFLOW_ID)).toBe('IN_PROGRESS');
		emu.advance(2); // 10
		const done = await client.send(new GetWorkflowCommand({DomainName: LIFECYCLE_DOMAIN, WorkflowId: LIFECYCLE_COMPLETE_WORKFLOW_ID}));
		expect(done.Status).toBe('COMPLETE');
		expect(done.Metrics?.AppflowIntegration).toEqual({RecordsProcessed: 2500, StepsCompleted: 3, TotalSteps: 3});
		await emu.close();
	});

	it('a step exists from its at; a workflow waits for steps still to come; a workflow timeline overrides', async () => {
		const emu = await startEmulator({
			scenario: {
				clock: {start: '2026-11-24T09:00:00Z', speed: 0.000_001},
				faults: {throttle: null},
				domains: [
					{
						DomainName: 'd',
						workflows: [
							{
								WorkflowId: WF,
								steps: [
									{FlowName: 'first', at: 0, timeline: [{at: 1, Status: 'IN_PROGRESS'}, {at: 2, Status: 'CANCELLED'}]},
									{FlowName: 'later', at: 10, timeline: [{at: 10, Status: 'NOT_STARTED'}, {at: 11, Status: 'COMPLETE', RecordsProcessed: 4}]},
								],
							},
							{
								WorkflowId: 'b'.repeat(32),
								timeline: [{at: 0, Status: 'IN_PROGRESS'}, {at: 5, Status: 'FAILED', StatusDescription: 'Stopped', ErrorDescription: 'Role cannot be assumed'}],
							},
						],
					},
				],
			},
		});
		const client = sdkClient(emu.url);
		const get = (WorkflowId: string) => client.send(new GetWorkflowCommand({DomainName: 'd', WorkflowId}));
		emu.advance(3);
		let workflow = await get(WF);
		expect(workflow.Status).toBe('IN_PROGRESS');
		expect(workflow.Metrics?.AppflowIntegration?.TotalSteps).toBe(1);
		emu.advance(9); // 12
		workflow = await get(WF);
		expect(workflow.Status).toBe('CANCELLED');
		expect(workflow.Metrics?.AppflowIntegration).toEqual({RecordsProcessed: 4, StepsCompleted: 1, TotalSteps: 2});
		const own = await get('b'.repeat(32));
		expect(own).toMatchObject({Status: 'FAILED', ErrorDescription: 'Role cannot be assumed'});
		const listed = await client.send(new ListWorkflowsCommand({DomainName: 'd', Status: 'FAILED'}));
		expect(listed.Items!.map(item => [item.WorkflowId, item.StatusDescription])).toEqual([['b'.repeat(32), 'Stopped']]);
		await emu.close();
	});

	it('demo: the backfill moves for about half an hour with RETRY, SPLIT and one FAILED step, beside COMPLETE, FAILED, NOT_STARTED and CANCELLED workflows', () => {
		const world = compileWorld(loadScenario('demo'), 0);
		const domain = world.byName.get(DEMO_DOMAIN)!;
		const backfill = domain.byId.get(DEMO_BACKFILL_WORKFLOW_ID)!;
		expect(backfill.steps.length).toBeGreaterThanOrEqual(100);
		const statusAt = (id: string, t: number) => workflowView(world, domain.byId.get(id)!, t).Status;
		expect(statusAt(DEMO_BACKFILL_WORKFLOW_ID, 0)).toBe('IN_PROGRESS');
		expect(statusAt(DEMO_BACKFILL_WORKFLOW_ID, 1750)).toBe('IN_PROGRESS');
		expect(statusAt(DEMO_BACKFILL_WORKFLOW_ID, 2400)).toBe('FAILED');
		expect(statusAt(DEMO_COMPLETE_WORKFLOW_ID, 0)).toBe('COMPLETE');
		expect(statusAt(DEMO_FAILED_WORKFLOW_ID, 0)).toBe('FAILED');
		expect(statusAt(DEMO_NOT_STARTED_WORKFLOW_ID, 0)).toBe('NOT_STARTED');
		expect(statusAt(DEMO_CANCELLED_WORKFLOW_ID, 0)).toBe('CANCELLED');

		const events = backfill.steps.flatMap(step => step.timeline.map(entry => entry.at)).filter(at => at >= 0 && at <= 1750).sort((a, b) => a - b);
		for (let i = 1; i < events.length; i++) expect(events[i] - events[i - 1]).toBeLessThan(20);
		const statuses = new Set(backfill.steps.flatMap(step => step.timeline.map(entry => entry.Status)));
		expect([...statuses]).toEqual(expect.arrayContaining(['RETRY', 'SPLIT', 'FAILED', 'COMPLETE']));
		expect(backfill.steps.filter(step => step.timeline.at(-1)!.Status === 'FAILED')).toHaveLength(1);
		// Steps keep appearing while it runs.
		expect(workflowView(world, backfill, 0).TotalSteps).toBeLessThan(workflowView(world, backfill, 1000).TotalSteps);
	});

	it('hostile: escape sequences, controls, bidi, wide and combining characters and maximum lengths reach the SDK intact', async () => {
		const emu = await startEmulator({scenario: 'hostile'});
		const page = await sdkClient(emu.url).send(new GetWorkflowStepsCommand({DomainName: HOSTILE_DOMAIN, WorkflowId: HOSTILE_WORKFLOW_ID, MaxResults: 100}));
		const steps = page.Items!.map(item => item.AppflowIntegration!);
		const names = steps.map(step => step.FlowName!);
		const messages = steps.map(step => step.ExecutionMessage!);
		expect(names).toContain(HOSTILE_LONGEST_FLOW_NAME);
		expect([...HOSTILE_LONGEST_FLOW_NAME]).toHaveLength(256);
		expect(messages).toContain(HOSTILE_LONGEST_MESSAGE);
		expect([...HOSTILE_LONGEST_MESSAGE]).toHaveLength(255);
		const all = names.join('') + messages.join('');
		for (const needle of ['\u001b]52;c;', '\u001b[2J', '\u001b]0;', '\u0007', '\u0000', '\u009b', '\u202e', '東京', '👩‍👩‍👧‍👦', 'e\u0301', '\ud83d ']) expect(all).toContain(needle);
		expect(steps.map(step => step.Status)).toContain('PAUSED_BY_SERVICE');
		await emu.close();
	});
});
