// SDK and socket errors to ApiError values the screen can speak about. Anything a walk may throw
// passes through here, including errors already classified (returned unchanged).
import type {ApiError, ApiErrorKind} from '../core/api-error.js';
import {sanitize} from '../core/sanitize.js';

export const NO_REGION_MESSAGE = 'no AWS region: pass --region or set AWS_REGION';

const CREDENTIALS_HINT =
	'provide credentials with --profile, AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or `aws sso login`; --demo needs none';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

// Node's names for a certificate chain it cannot verify: a TLS-inspecting proxy or a private CA.
const UNTRUSTED_CERTIFICATE_CODES = new Set([
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_UNTRUSTED',
	'CERT_SIGNATURE_FAILURE',
]);

const KINDS = new Set<ApiErrorKind>(['throttled', 'not-found', 'access-denied', 'bad-request', 'credentials', 'network', 'timeout', 'server', 'gave-up', 'unknown']);

interface SdkLikeError {
	name?: unknown;
	code?: unknown;
	message?: unknown;
	$metadata?: {httpStatusCode?: number};
	$response?: {statusCode?: number; headers?: Record<string, string | undefined>};
	$fault?: unknown;
	cause?: unknown;
}

export function isApiError(value: unknown): value is ApiError {
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as Partial<ApiError>;
	return KINDS.has(candidate.kind as ApiErrorKind) && typeof candidate.message === 'string' && typeof candidate.retryable === 'boolean';
}

/** Whether a bad request was about the NextToken (expired, or not one the server knows), so a
 * walk should start over; services word this differently, so any mention of the token counts. */
export function isExpiredTokenError(error: ApiError): boolean {
	return error.kind === 'bad-request' && /token/i.test(error.message);
}

export function classifyError(error: unknown): ApiError {
	if (isApiError(error)) return error;
	const e = (typeof error === 'object' && error !== null ? error : {message: String(error)}) as SdkLikeError;
	const name = typeof e.name === 'string' ? e.name : '';
	const code = typeof e.code === 'string' ? e.code : '';
	const text = oneLine(typeof e.message === 'string' ? e.message : String(error));
	const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;

	if (name === 'ThrottlingException' || name === 'TooManyRequestsException' || status === 429) {
		const retryAfterMs = retryAfter(e.$response?.headers);
		return {
			kind: 'throttled',
			code: name || 'ThrottlingException',
			message: `throttled by AWS (429)${text ? `: ${text}` : ''}`,
			retryable: true,
			...(retryAfterMs === undefined ? {} : {retryAfterMs}),
		};
	}
	if (name === 'ResourceNotFoundException' || (status === 404 && e.$metadata !== undefined)) {
		return {kind: 'not-found', code: name || undefined, message: text || 'not found', retryable: false};
	}
	if (name === 'AccessDeniedException' || status === 403) {
		const action = /not authorized to perform:?\s*([\w-]+:[\w*-]+)/i.exec(text)?.[1];
		return {
			kind: 'access-denied',
			code: name || undefined,
			message: action ? `access denied: not authorized to perform ${action}` : `access denied${text ? `: ${text}` : ''}`,
			retryable: false,
			...(action ? {action} : {}),
		};
	}
	// Before the credentials check: "NextToken has expired" is about paging, not about signing.
	if (name === 'BadRequestException') {
		return {kind: 'bad-request', code: name, message: `bad request: ${text}`, retryable: false};
	}
	// An SSO session that needs a login says so at length; say it in one line, up front.
	if (/\bsso\b/i.test(text) && /expired|refresh|aws sso login/i.test(text)) {
		return {kind: 'credentials', code: name || undefined, message: 'the AWS SSO session has expired: run `aws sso login` (with the same --profile) and start cp-watch again', retryable: false};
	}
	if (isCredentialsProblem(name, text)) {
		return {kind: 'credentials', code: name || undefined, message: `AWS credentials missing or expired (${clip(text, 120)}): ${CREDENTIALS_HINT}`, retryable: false};
	}
	// --region and AWS_REGION are checked before any request; this is the profile's `region`.
	if (/invalid region|region not accepted/i.test(text)) {
		const region = /region="([^"]*)"/.exec(text)?.[1];
		return {
			kind: 'bad-request',
			code: 'InvalidRegion',
			message: `${region === undefined ? 'the configured AWS Region' : `the AWS Region '${region}'`} is not a Region name (check region in the profile)`,
			retryable: false,
		};
	}
	if (/region is missing|no AWS region/i.test(text)) {
		return {kind: 'credentials', code: 'RegionMissing', message: NO_REGION_MESSAGE, retryable: false};
	}
	if (name === 'BadRequestException' || status === 400) {
		return {kind: 'bad-request', code: name || undefined, message: `bad request: ${text}`, retryable: false};
	}
	const certificateCode = errorCodeIn(e, UNTRUSTED_CERTIFICATE_CODES);
	if (certificateCode !== undefined) {
		return {
			kind: 'network',
			code: certificateCode,
			message: `the server's TLS certificate is not trusted (${certificateCode}): if a proxy or gateway re-signs TLS, set AWS_CA_BUNDLE (or the profile's ca_bundle) to its CA certificate file`,
			retryable: false,
		};
	}
	// The SDK names a hang-up TimeoutError with code ECONNRESET: the socket code decides.
	const networkCode = networkErrorCode(e);
	if (networkCode !== undefined) {
		return {kind: 'network', code: networkCode, message: `network error (${networkCode}): ${text}`, retryable: true};
	}
	if (name === 'TimeoutError' || code === 'ETIMEDOUT' || /timed? ?out/i.test(text) && !/socket hang up/i.test(text)) {
		return {kind: 'timeout', code: name || code || undefined, message: 'request timed out', retryable: true};
	}
	if (name === 'AbortError') {
		return {kind: 'timeout', code: name, message: 'request aborted', retryable: true};
	}
	if (/socket hang up|ECONNRESET|network|fetch failed/i.test(text)) {
		return {kind: 'network', code: name || undefined, message: `network error: ${text}`, retryable: true};
	}
	if ((status !== undefined && status >= 500) || name === 'InternalServerException' || e.$fault === 'server') {
		return {kind: 'server', code: name || undefined, message: `AWS server error${status ? ` (${status})` : ''}: ${text}`, retryable: true};
	}
	return {kind: 'unknown', code: name || undefined, message: text || 'unknown error', retryable: true};
}

function isCredentialsProblem(name: string, text: string): boolean {
	return (
		name === 'CredentialsProviderError' ||
		name === 'ExpiredTokenException' ||
		name === 'ExpiredToken' ||
		name === 'UnrecognizedClientException' ||
		name === 'InvalidSignatureException' ||
		name === 'TokenProviderError' ||
		/could not load credentials|security token included in the request is (expired|invalid)|sso.*(expired|token)|token has expired|refresh failed/i.test(text)
	);
}

function networkErrorCode(e: SdkLikeError): string | undefined {
	return errorCodeIn(e, NETWORK_CODES);
}

function errorCodeIn(e: SdkLikeError, codes: ReadonlySet<string>): string | undefined {
	for (let current: unknown = e, depth = 0; current && depth < 4; depth++) {
		const code = (current as {code?: unknown}).code;
		if (typeof code === 'string' && codes.has(code)) return code;
		current = (current as {cause?: unknown}).cause;
	}
	return undefined;
}

/** Retry-After as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
function retryAfter(headers: Record<string, string | undefined> | undefined): number | undefined {
	if (!headers) return undefined;
	const value = headers['retry-after'] ?? headers['Retry-After'];
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
	// An HTTP date would need the clock; the SDK clients we meet send seconds, so it is left out.
	return undefined;
}

function oneLine(text: string): string {
	// The SDK appends a multi-line hint about $response to errors it could not parse. A server's
	// text is untrusted: controls and bidi overrides become visible placeholders (core/sanitize).
	return sanitize(text.replace(/Deserialization error: to see the raw response[^\n]*/g, '')).replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
