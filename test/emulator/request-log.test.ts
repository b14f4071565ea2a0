import {describe, expect, it} from 'vitest';
import {CustomerProfilesClient, GetWorkflowStepsCommand, ListDomainsCommand} from '@aws-sdk/client-customer-profiles';
import {startEmulator, type RequestLogEntry} from '../../source/emulator/index.js';
import {createRequestLog} from '../../source/emulator/request-log.js';
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

	it('keeps only the last keepRequestLog entries in memory, oldest first; 0 keeps none but still reports each', async () => {
		const seen: RequestLogEntry[] = [];
		const kept = await startEmulator({scenario: {faults: {throttle: null}, domains: [{DomainName: 'd'}]}, keepRequestLog: 2});
		const none = await startEmulator({scenario: {faults: {throttle: null}, domains: [{DomainName: 'd'}]}, keepRequestLog: 0, onRequest: entry => seen.push(entry)});
		for (const path of ['/domains', '/domains/d', '/nowhere']) {
			await raw(kept.url, path);
			await raw(none.url, path);
		}
		expect(kept.requestLog().map(entry => entry.path)).toEqual(['/domains/d', '/nowhere']);
		expect(none.requestLog()).toEqual([]);
		expect(seen).toHaveLength(3);
		await kept.close();
		await none.close();
	});

	it('wraps around in order, as many times as it fills', () => {
		const log = createRequestLog({keep: 3});
		for (let t = 1; t <= 8; t++) log.add({t} as RequestLogEntry);
		expect(log.entries().map(entry => entry.t)).toEqual([6, 7, 8]);
	});
});
