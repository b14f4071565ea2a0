// Shared by the emulator tests: the real SDK client pointed at an emulator, and raw signed-looking
// requests for wire details the SDK hides.
import {CustomerProfilesClient} from '@aws-sdk/client-customer-profiles';

export const AUTHORIZATION = `AWS4-HMAC-SHA256 Credential=AKID/20261124/us-east-1/profile/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

export function sdkClient(url: string): CustomerProfilesClient {
	return new CustomerProfilesClient({endpoint: url, region: 'us-east-1', credentials: {accessKeyId: 'AKID', secretAccessKey: 'x'}, maxAttempts: 1});
}

export function raw(url: string, path: string, init: RequestInit = {}): Promise<Response> {
	return fetch(`${url}${path}`, {...init, headers: {authorization: AUTHORIZATION, ...(init.headers as Record<string, string> | undefined)}});
}

/** An SDK call's error, or a failure if it succeeded. */
export async function sdkError(promise: Promise<unknown>): Promise<Error & {name: string; $metadata?: {httpStatusCode?: number}; $response?: {headers: Record<string, string>}}> {
	try {
		await promise;
	} catch (error) {
		return error as never;
	}
	throw new Error('expected the call to fail');
}

/** No throttling, for tests that make many calls. */
export const NO_FAULTS = {throttle: null};
