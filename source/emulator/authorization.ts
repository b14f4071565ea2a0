// SigV4 by shape only: the emulator accepts any key, but a request must be signed for the
// service `profile`, as AWS would insist.

export interface Caller {
	accessKeyId: string;
	region: string;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;

/** The caller, or why the header is refused. */
export function readAuthorization(header: string | undefined): {ok: true; caller: Caller} | {ok: false; reason: string} {
	if (header === undefined || header === '') return {ok: false, reason: 'Missing Authentication Token: requests must be signed with AWS Signature Version 4'};
	const match = AUTHORIZATION.exec(header.trim());
	if (!match) return {ok: false, reason: 'Authorization header is malformed: expected AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/profile/aws4_request, SignedHeaders=..., Signature=...'};
	if (match[4] !== 'profile') return {ok: false, reason: `Credential should be scoped to correct service: 'profile' (got '${match[4]}')`};
	return {ok: true, caller: {accessKeyId: match[1], region: match[3]}};
}
