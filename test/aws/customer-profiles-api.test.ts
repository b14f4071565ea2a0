import {afterEach, describe, expect, it} from 'vitest';
import {classifyError, createCustomerProfilesApi} from '../../source/aws/index.js';
import {apiFor, closeOpened, DOMAIN, emulatorWith, ID} from '../poller/emulator-harness.js';

afterEach(closeOpened);

describe('on Node 20.0 to 20.2, without AbortSignal.any', () => {
	const original = AbortSignal.any;
	afterEach(() => {
		AbortSignal.any = original;
	});

	it('a call with a signal is answered, and aborting the signal cancels one in flight', async () => {
		const emulator = await emulatorWith({latencyMs: [300, 300]}, 10);
		const api = apiFor(emulator);
		(AbortSignal as {any?: unknown}).any = undefined;
		await expect(api.getWorkflow(DOMAIN, ID, new AbortController().signal)).resolves.toMatchObject({WorkflowId: ID});
		// The emulator answers after 300 ms, so a call that was not cancelled resolves: rejecting is
		// the proof. (Timing the rejection, under 250 ms, failed on a loaded machine.)
		const stop = new AbortController();
		const call = api.getWorkflow(DOMAIN, ID, stop.signal);
		setTimeout(() => stop.abort(), 50);
		const error = await call.then(() => undefined, (thrown: unknown) => thrown);
		expect(error).toBeDefined();
		expect(classifyError(error)).toMatchObject({kind: 'timeout', message: 'request aborted'});
	});

	it('the request timeout still applies', async () => {
		const emulator = await emulatorWith({latencyMs: [1000, 1000]}, 10);
		const api = createCustomerProfilesApi({endpointUrl: emulator.url, region: 'us-east-1', credentials: {accessKeyId: 'AKIDTEST', secretAccessKey: 'secret'}, requestTimeoutMs: 100});
		(AbortSignal as {any?: unknown}).any = undefined;
		await expect(api.getWorkflow(DOMAIN, ID, new AbortController().signal)).rejects.toMatchObject({kind: 'timeout'});
		api.destroy();
	});
});
