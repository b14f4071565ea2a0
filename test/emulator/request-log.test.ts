import {describe, expect, it} from 'vitest';
import {CustomerProfilesClient, GetWorkflowStepsCommand, ListDomainsCommand} from '@aws-sdk/client-customer-profiles';
import {startEmulator, type RequestLogEntry} from '../../source/emulator/index.js';
import {raw, sdkClient} from './support.js';

const WF = 'abcdef0123456789abcdef0123456789';

describe('request log', () => {
	it('records each SDK attempt with its invocation id, attempt number, status and error type', async () => {
		const seen: RequestLogEntry[] = [];
		const emu = await startEmulator({scenario: {faults: {throttle: null, errorRate: 1}, domains: [{DomainName: 'd'}]}, onRequest: entry => seen.push(entry)});
		const client = new CustomerProfilesClient({endpoint: emu.url, region: 'us-east-1', credentials: {accessKeyId: 'AKID', secretAccessKey: 'x'}, maxAttempts: 3});
		await expect(client.send(new ListDomainsCommand({}))).rejects.toMatchObject({name: 'InternalServerException'});
		expect(seen).toHaveLength(3);
		expect(seen.map(entry => entry.attempt)).toEqual([1, 2, 3]);
		expect(seen.every(entry => entry.maxAttempts === 3)).toBe(true);
		expect(new Set(seen.map(entry => entry.invocationId)).size).toBe(1);
		expect(seen[0]).toMatchObject({op: 'ListDomains', status: 500, error: 'InternalServerException', nextToken: false, items: null});
		expect(emu.requestLog()).toEqual(seen);
		await emu.close();
	});

	it('records domain, workflow, next-token presence and item counts; null attempt when the client sends none', async () => {
		const emu = await startEmulator({
			scenario: {faults: {throttle: null}, domains: [{DomainName: 'd', workflows: [{WorkflowId: WF, steps: Array.from({length: 3}, (_, i) => ({FlowName: `s${i}`, at: -1}))}]}]},
		});
		const client = sdkClient(emu.url);
		const first = await client.send(new GetWorkflowStepsCommand({DomainName: 'd', WorkflowId: WF, MaxResults: 2}));
		await client.send(new GetWorkflowStepsCommand({DomainName: 'd', WorkflowId: WF, MaxResults: 2, NextToken: first.NextToken}));
		await raw(emu.url, '/nowhere');
		const log = emu.requestLog();
		expect(log[0]).toMatchObject({op: 'GetWorkflowSteps', domain: 'd', workflowId: WF, nextToken: false, items: 2, status: 200, error: null});
		expect(log[1]).toMatchObject({nextToken: true, items: 1});
		expect(log[2]).toMatchObject({op: 'Unknown', status: 404, error: 'UnknownOperationException', attempt: null, invocationId: null});
		await emu.close();
	});
});
