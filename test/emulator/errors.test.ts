import {afterEach, describe, expect, it} from 'vitest';
import {GetDomainCommand, GetWorkflowCommand, GetWorkflowStepsCommand, ListDomainsCommand, ListWorkflowsCommand} from '@aws-sdk/client-customer-profiles';
import {loadScenario, startEmulator, type Emulator} from '../../source/emulator/index.js';
import {AUTHORIZATION, NO_FAULTS, raw, sdkClient, sdkError} from './support.js';

const WF = 'abcdef0123456789abcdef0123456789';
const OTHER_WF = 'ffffffffffffffffffffffffffffffff';

function scenario(faults: object = NO_FAULTS) {
	return {
		clock: {start: '2026-11-24T09:00:00Z'},
		pageSize: 2,
		faults,
		domains: [
			{
				DomainName: 'retail',
				workflows: [
					{WorkflowId: WF, steps: Array.from({length: 5}, (_, i) => ({FlowName: `f${i}`, at: -10, timeline: [{at: -10, Status: 'COMPLETE'}]}))},
					{WorkflowId: OTHER_WF, steps: Array.from({length: 5}, (_, i) => ({FlowName: `g${i}`, at: -10}))},
					{WorkflowId: '22222222222222222222222222222222', at: 100},
				],
			},
		],
	};
}

let emu: Emulator | undefined;
afterEach(async () => {
	await emu?.close();
	emu = undefined;
});

async function start(faults?: object): Promise<Emulator> {
	emu = await startEmulator({scenario: scenario(faults)});
	return emu;
}

describe('400 BadRequestException names the member', () => {
	it.each([
		['DomainName too long', {DomainName: 'd'.repeat(65), WorkflowId: WF}, 'DomainName'],
		['DomainName pattern', {DomainName: 'bad.name', WorkflowId: WF}, 'DomainName'],
		['WorkflowId upper case', {DomainName: 'retail', WorkflowId: WF.toUpperCase()}, 'WorkflowId'],
		['WorkflowId short', {DomainName: 'retail', WorkflowId: 'abc'}, 'WorkflowId'],
		['MaxResults 0', {DomainName: 'retail', WorkflowId: WF, MaxResults: 0}, 'MaxResults'],
		['MaxResults 101', {DomainName: 'retail', WorkflowId: WF, MaxResults: 101}, 'MaxResults'],
		['NextToken too long', {DomainName: 'retail', WorkflowId: WF, NextToken: 'x'.repeat(1025)}, 'NextToken'],
		['NextToken forged', {DomainName: 'retail', WorkflowId: WF, NextToken: 'eyJhIjoxfQ.AAAAAAAAAAAAAAAAAAAAAA'}, 'NextToken'],
	])('%s', async (_label, input, member) => {
		const {url} = await start();
		const error = await sdkError(sdkClient(url).send(new GetWorkflowStepsCommand(input)));
		expect(error.name).toBe('BadRequestException');
		expect(error.$metadata?.httpStatusCode).toBe(400);
		expect(error.message).toContain(member);
	});

	it('refuses max-results that is not an integer and include-hidden that is not a boolean', async () => {
		const {url} = await start();
		const notNumber = await raw(url, `/domains/retail/workflows/${WF}/steps?max-results=ten`);
		expect(notNumber.status).toBe(400);
		expect((await notNumber.json()).Message).toContain('max-results');
		const hidden = await raw(url, '/domains/retail/integrations?include-hidden=maybe');
		expect(hidden.status).toBe(400);
		expect((await hidden.json()).Message).toContain('include-hidden');
	});

	it('refuses a token that was tampered with, or issued for another workflow or operation', async () => {
		const {url} = await start();
		const client = sdkClient(url);
		const first = await client.send(new GetWorkflowStepsCommand({DomainName: 'retail', WorkflowId: WF}));
		const token = first.NextToken!;
		expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
		const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
		for (const bad of [flipped, `${token}x`, token.split('.')[0]]) {
			const error = await sdkError(client.send(new GetWorkflowStepsCommand({DomainName: 'retail', WorkflowId: WF, NextToken: bad})));
			expect(error.name).toBe('BadRequestException');
			expect(error.message).toContain('NextToken');
		}
		const elsewhere = await sdkError(client.send(new GetWorkflowStepsCommand({DomainName: 'retail', WorkflowId: OTHER_WF, NextToken: token})));
		expect(elsewhere.name).toBe('BadRequestException');
		const otherOperation = await sdkError(client.send(new ListWorkflowsCommand({DomainName: 'retail', NextToken: token})));
		expect(otherOperation.name).toBe('BadRequestException');
	});

	it('refuses a token from another emulator process (per-process secret)', async () => {
		const {url} = await start();
		const other = await startEmulator({scenario: scenario()});
		try {
			const first = await sdkClient(other.url).send(new GetWorkflowStepsCommand({DomainName: 'retail', WorkflowId: WF}));
			const error = await sdkError(sdkClient(url).send(new GetWorkflowStepsCommand({DomainName: 'retail', WorkflowId: WF, NextToken: first.NextToken})));
			expect(error.name).toBe('BadRequestException');
		} finally {
			await other.close();
		}
	});

	it('expires tokens after tokenTtlSeconds of virtual time', async () => {
		const started = await start({throttle: null, tokenTtlSeconds: 30});
		const client = sdkClient(started.url);
		const first = await client.send(new GetWorkflowStepsCommand({DomainName: 'retail', WorkflowId: WF}));
		const fresh = await client.send(new GetWorkflowStepsCommand({DomainName: 'retail', WorkflowId: WF, NextToken: first.NextToken}));
		expect(fresh.Items).toHaveLength(2);
		started.advance(31);
		const error = await sdkError(client.send(new GetWorkflowStepsCommand({DomainName: 'retail', WorkflowId: WF, NextToken: fresh.NextToken})));
		expect(error.name).toBe('BadRequestException');
		expect(error.message).toMatch(/expired/);
	});
});

describe('403', () => {
	it("refuses requests without a SigV4 Authorization header, or signed for another service, with AWS's names", async () => {
		const {url} = await start();
		const bad = [
			[undefined, 'MissingAuthenticationTokenException', 'Missing Authentication Token'],
			['Bearer abc', 'IncompleteSignatureException', "requires 'Credential'"],
			[AUTHORIZATION.replace(/Signature=\w+/, 'Signature=nothex'), 'IncompleteSignatureException', "'Signature'"],
			[AUTHORIZATION.replace('/profile/', '/s3/'), 'InvalidSignatureException', "Credential should be scoped to correct service: 'profile'"],
		] as const;
		for (const [authorization, type, text] of bad) {
			const response = await fetch(`${url}/domains`, {headers: authorization ? {authorization} : {}});
			expect(response.status).toBe(403);
			expect(response.headers.get('x-amzn-errortype')).toBe(type);
			expect((await response.json()).Message).toContain(text);
		}
		expect((await raw(url, '/domains')).status).toBe(200);
	});

	it('the SDK reads an unsigned-request refusal by its name', async () => {
		const {url} = await start();
		const client = sdkClient(url);
		client.middlewareStack.add(next => args => {
			delete (args.request as {headers: Record<string, string>}).headers.authorization;
			return next(args);
		}, {step: 'finalizeRequest', priority: 'low'});
		const error = await sdkError(client.send(new ListDomainsCommand({})));
		expect(error.name).toBe('MissingAuthenticationTokenException');
		expect(error.$metadata?.httpStatusCode).toBe(403);
	});

	it('denies the operations the scenario lists, naming the action', async () => {
		const {url} = await start({throttle: null, deny: ['GetWorkflowSteps']});
		const client = sdkClient(url);
		const error = await sdkError(client.send(new GetWorkflowStepsCommand({DomainName: 'retail', WorkflowId: WF})));
		expect(error.name).toBe('AccessDeniedException');
		expect(error.$metadata?.httpStatusCode).toBe(403);
		expect(error.message).toMatch(/^User: arn:aws:sts::123456789012:assumed-role\/.+ is not authorized to perform: profile:GetWorkflowSteps on resource: arn:aws:profile:us-east-1:123456789012:domains\/retail/);
		await expect(client.send(new GetWorkflowCommand({DomainName: 'retail', WorkflowId: WF}))).resolves.toBeTruthy();
	});
});

describe('input is checked before anything is looked up, as the service validates first', () => {
	it.each([
		['max-results=0 on an unknown domain', '/domains/nope/workflows/' + WF + '/steps?max-results=0', 'MaxResults'],
		['max-results=101 on an unknown workflow', `/domains/retail/workflows/${OTHER_WF.replace(/f/g, 'e')}/steps?max-results=101`, 'MaxResults'],
		['a next-token too long on an unknown domain', `/domains/nope/workflows/${WF}/steps?next-token=${'x'.repeat(1025)}`, 'NextToken'],
		['include-hidden=maybe on an unknown domain', '/domains/nope/integrations?include-hidden=maybe', 'include-hidden'],
		['max-results=0 listing the workflows of an unknown domain', '/domains/nope/workflows?max-results=0', 'MaxResults'],
	])('%s: 400', async (_label, path, member) => {
		const {url} = await start();
		const response = await raw(url, path, path.includes('/workflows?') ? {method: 'POST', body: '{}'} : {});
		expect(response.status).toBe(400);
		expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
		expect((await response.json()).Message).toContain(member);
	});

	it('a bad ListWorkflows body on an unknown domain: 400', async () => {
		const {url} = await start();
		const response = await raw(url, '/domains/nope/workflows', {method: 'POST', body: JSON.stringify({Status: 'DONE'})});
		expect(response.status).toBe(400);
	});

	it('valid input on an unknown domain is still a 404', async () => {
		const {url} = await start();
		expect((await raw(url, `/domains/nope/workflows/${WF}/steps?max-results=5`)).status).toBe(404);
	});
});

describe('404', () => {
	it('ResourceNotFoundException for an unknown domain or workflow, or one not created yet', async () => {
		const started = await start();
		const client = sdkClient(started.url);
		const domain = await sdkError(client.send(new GetDomainCommand({DomainName: 'nope'})));
		expect(domain.name).toBe('ResourceNotFoundException');
		expect(domain.$metadata?.httpStatusCode).toBe(404);
		expect(domain.message).toContain('nope');
		const workflow = await sdkError(client.send(new GetWorkflowCommand({DomainName: 'retail', WorkflowId: '11111111111111111111111111111111'})));
		expect(workflow.name).toBe('ResourceNotFoundException');
		const steps = await sdkError(client.send(new GetWorkflowStepsCommand({DomainName: 'nope', WorkflowId: WF})));
		expect(steps.name).toBe('ResourceNotFoundException');
		const future = await sdkError(client.send(new GetWorkflowCommand({DomainName: 'retail', WorkflowId: '22222222222222222222222222222222'})));
		expect(future.name).toBe('ResourceNotFoundException');
		started.advance(100);
		await expect(client.send(new GetWorkflowCommand({DomainName: 'retail', WorkflowId: '22222222222222222222222222222222'}))).resolves.toMatchObject({Status: 'NOT_STARTED'});
	});

	it('an unknown route or method answers 404 with an error type', async () => {
		const {url} = await start();
		for (const [method, path] of [['GET', '/'], ['GET', '/nope'], ['GET', '/domains/retail/workflows'], ['POST', '/domains'], ['DELETE', `/domains/retail/workflows/${WF}`], ['GET', `/domains/retail/workflows/${WF}/steps/extra`]]) {
			const response = await raw(url, path, {method});
			expect(response.status, `${method} ${path}`).toBe(404);
			expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
			expect(response.headers.get('x-amzn-requestid')).toBeTruthy();
		}
	});
});

describe('bodies over the limit', () => {
	it('are refused with 413 by declared length, and when streamed without one', async () => {
		const {url} = await start();
		const big = JSON.stringify({Status: 'COMPLETE', pad: 'x'.repeat(70 * 1024)});
		const declared = await raw(url, '/domains/retail/workflows', {method: 'POST', body: big});
		expect(declared.status).toBe(413);
		expect(declared.headers.get('x-amzn-errortype')).toBeTruthy();
		const stream = new ReadableStream({
			start(controller) {
				for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
				controller.close();
			},
		});
		const streamed = await raw(url, '/domains/retail/workflows', {method: 'POST', body: stream, duplex: 'half'} as RequestInit);
		expect(streamed.status).toBe(413);
		expect((await raw(url, '/domains')).status).toBe(200);
	});
});

describe('faults', () => {
	it('throttles each operation with its own bucket: the 429s are what the burst leaves', async () => {
		const {url} = await start({throttle: {ratePerSecond: 0.001, burst: 3, retryAfterSeconds: 2}});
		const client = sdkClient(url);
		const results = await Promise.allSettled(Array.from({length: 8}, () => client.send(new ListDomainsCommand({}))));
		const throttled = results.filter(result => result.status === 'rejected');
		expect(results.filter(result => result.status === 'fulfilled')).toHaveLength(3);
		expect(throttled).toHaveLength(5);
		for (const result of throttled) {
			const error = (result as PromiseRejectedResult).reason;
			expect(error.name).toBe('ThrottlingException');
			expect(error.$metadata.httpStatusCode).toBe(429);
		}
		// Another operation has a bucket of its own.
		await expect(client.send(new GetDomainCommand({DomainName: 'retail'}))).resolves.toBeTruthy();
		const response = await raw(url, '/domains');
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('2');
		expect(response.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
	});

	it('throttles by default at 5 per second with a burst of 5: the sixth request at once is refused', async () => {
		expect(loadScenario({}).faults.throttle).toEqual({ratePerSecond: 5, burst: 5, retryAfterSeconds: null});
		// The default burst, with a refill too slow for a loaded machine's delays to let one through.
		const {url} = await start({throttle: {ratePerSecond: 0.001, burst: 5, retryAfterSeconds: null}});
		const statuses = await Promise.all(Array.from({length: 7}, () => raw(url, '/domains').then(response => response.status)));
		expect(statuses.filter(status => status === 200)).toHaveLength(5);
		expect(statuses.filter(status => status === 429)).toHaveLength(2);
	});

	it('answers 500 InternalServerException at errorRate', async () => {
		const {url} = await start({throttle: null, errorRate: 1});
		const error = await sdkError(sdkClient(url).send(new ListDomainsCommand({})));
		expect(error.name).toBe('InternalServerException');
		expect(error.$metadata?.httpStatusCode).toBe(500);
	});

	it('hangs up without a response at hangupRate, and the SDK sees a network error', async () => {
		const started = await start({throttle: null, hangupRate: 1});
		const error = await sdkError(sdkClient(started.url).send(new ListDomainsCommand({})));
		expect(error.$metadata?.httpStatusCode).toBeUndefined();
		expect(started.requestLog().at(-1)).toMatchObject({op: 'ListDomains', status: null, error: 'Hangup'});
	});

	it('decides random faults deterministically from the seed and request order', async () => {
		const run = async () => {
			const started = await startEmulator({scenario: scenario({throttle: null, errorRate: 0.5, seed: 42})});
			const statuses = [];
			for (let i = 0; i < 20; i++) statuses.push((await raw(started.url, '/domains')).status);
			await started.close();
			return statuses;
		};
		const first = await run();
		expect(first).toContain(500);
		expect(first).toContain(200);
		expect(await run()).toEqual(first);
	});

	it('adds latency within latencyMs', async () => {
		const {url} = await start({throttle: null, latencyMs: [150, 200]});
		const began = performance.now();
		await raw(url, '/domains');
		expect(performance.now() - began).toBeGreaterThanOrEqual(140);
	});
});
