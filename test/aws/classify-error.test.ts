import {describe, expect, it} from 'vitest';
import {classifyError, isExpiredTokenError} from '../../source/aws/index.js';

function sdkError(name: string, message: string, status: number, headers: Record<string, string> = {}) {
	const error = Object.assign(new Error(message), {name, $metadata: {httpStatusCode: status}, $fault: status >= 500 ? 'server' : 'client'});
	Object.defineProperty(error, '$response', {value: {statusCode: status, headers}, enumerable: false});
	return error;
}

describe('classifyError', () => {
	it('reads a 429 with its Retry-After in ms', () => {
		const error = classifyError(sdkError('ThrottlingException', 'Rate exceeded', 429, {'retry-after': '3'}));
		expect(error).toMatchObject({kind: 'throttled', retryAfterMs: 3000, retryable: true});
	});

	it('a 429 without Retry-After has no retryAfterMs', () => {
		expect(classifyError(sdkError('ThrottlingException', 'x', 429)).retryAfterMs).toBeUndefined();
	});

	it('names the refused action of an access-denied error', () => {
		const error = classifyError(
			sdkError('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized to perform: profile:GetWorkflowSteps on resource: y', 403),
		);
		expect(error).toMatchObject({kind: 'access-denied', action: 'profile:GetWorkflowSteps', retryable: false});
	});

	it('not found, bad request and server errors', () => {
		expect(classifyError(sdkError('ResourceNotFoundException', 'no such workflow', 404)).kind).toBe('not-found');
		expect(classifyError(sdkError('BadRequestException', 'max-results must be 1-100', 400)).kind).toBe('bad-request');
		expect(classifyError(sdkError('InternalServerException', 'boom', 500))).toMatchObject({kind: 'server', retryable: true});
	});

	it('an expired SSO session says to log in again, in one line', () => {
		const error = classifyError(
			Object.assign(new Error("Value not present for 'clientId' in SSO Token. Cannot refresh. To refresh this SSO session run 'aws sso login' with the corresponding profile."), {name: 'TokenProviderError'}),
		);
		expect(error).toMatchObject({kind: 'credentials', retryable: false});
		expect(error.message).toMatch(/^the AWS SSO session has expired: run `aws sso login`/);
	});

	it('marks an expired NextToken so a walk can start over', () => {
		const expired = classifyError(sdkError('BadRequestException', 'NextToken has expired', 400));
		expect(isExpiredTokenError(expired)).toBe(true);
		expect(isExpiredTokenError(classifyError(sdkError('BadRequestException', 'max-results must be 1-100', 400)))).toBe(false);
	});

	it('a hang-up is a network error even though the SDK calls it TimeoutError', () => {
		const error = classifyError(Object.assign(new Error('socket hang up'), {name: 'TimeoutError', code: 'ECONNRESET'}));
		expect(error).toMatchObject({kind: 'network', retryable: true});
	});

	it('refused connections and unknown hosts are network errors', () => {
		expect(classifyError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {code: 'ECONNREFUSED'})).kind).toBe('network');
		expect(classifyError(Object.assign(new Error('getaddrinfo ENOTFOUND x'), {code: 'ENOTFOUND'})).kind).toBe('network');
	});

	it('missing credentials say how to provide them and that --demo needs none', () => {
		const error = classifyError(Object.assign(new Error('Could not load credentials from any providers'), {name: 'CredentialsProviderError'}));
		expect(error.kind).toBe('credentials');
		expect(error.message).toContain('--demo needs none');
		expect(error.retryable).toBe(false);
	});

	it('a missing region says how to give one', () => {
		expect(classifyError(new Error('Region is missing')).message).toBe('no AWS region: pass --region or set AWS_REGION');
	});

	it('passes an already classified error through unchanged', () => {
		const already = {kind: 'not-found' as const, message: 'gone', retryable: false};
		expect(classifyError(already)).toBe(already);
	});

	it('keeps messages on one line', () => {
		const error = classifyError(new Error('first\nsecond\u001b[31m'));
		expect(error.message).not.toMatch(/[\n\u001b]/);
	});

	it('shows escape sequences, bidi overrides and line separators in a server message as placeholders', () => {
		const error = classifyError(sdkError('InternalServerException', 'boom\u001b[2J \u202eliaf\u2028next', 500));
		expect(error.message).toBe('AWS server error (500): boom␛[2J <RLO>liaf next');
		expect(error.message).not.toMatch(/[\u001b\u202e\u2028\u2029]/);
	});
});

describe('TLS and exit codes', () => {
	it('an untrusted certificate is one line naming AWS_CA_BUNDLE, not worth retrying', () => {
		const error = classifyError(Object.assign(new Error('self-signed certificate in certificate chain'), {code: 'SELF_SIGNED_CERT_IN_CHAIN'}));
		expect(error).toMatchObject({kind: 'network', code: 'SELF_SIGNED_CERT_IN_CHAIN', retryable: false});
		expect(error.message).toMatch(/certificate is not trusted.*AWS_CA_BUNDLE/);
	});

	it('a Region the SDK refuses is named, a usage error', () => {
		const error = classifyError(new Error('Region not accepted: region="not_a_region" is not a valid hostname component.'));
		expect(error).toMatchObject({kind: 'bad-request', message: "the AWS Region 'not_a_region' is not a Region name (check region in the profile)"});
	});
});
