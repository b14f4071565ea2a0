// SigV4 by shape only: the emulator accepts any key, but a request must be signed for the
// service `profile`, as AWS would insist. Refusals carry the names AWS's front door uses, all 403.

export interface Caller {
	accessKeyId: string;
	region: string;
}

export type SignatureProblem = 'MissingAuthenticationTokenException' | 'IncompleteSignatureException' | 'InvalidSignatureException';

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;

/** The caller, or why the header is refused. */
export function readAuthorization(header: string | undefined): {ok: true; caller: Caller} | {ok: false; type: SignatureProblem; reason: string} {
	if (header === undefined || header === '') return {ok: false, type: 'MissingAuthenticationTokenException', reason: 'Missing Authentication Token'};
	const match = AUTHORIZATION.exec(header.trim());
	if (!match) {
		return {
			ok: false,
			type: 'IncompleteSignatureException',
			reason: `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters in the form AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/profile/aws4_request, SignedHeaders=..., Signature=<64 hex>`,
		};
	}
	if (match[4] !== 'profile') return {ok: false, type: 'InvalidSignatureException', reason: `Credential should be scoped to correct service: 'profile'.`};
	return {ok: true, caller: {accessKeyId: match[1], region: match[3]}};
}
