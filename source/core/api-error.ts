// Errors are values with a kind the screen can speak about, not strings matched later.

export type ApiErrorKind =
	| 'throttled'
	| 'not-found'
	| 'access-denied'
	| 'bad-request'
	| 'credentials'
	| 'network'
	| 'timeout'
	| 'server'
	/** Retrying made no headway (paging tokens that kept expiring): stop and say why. */
	| 'gave-up'
	| 'unknown';

export interface ApiError {
	kind: ApiErrorKind;
	/** The service's error name when there is one (e.g. ThrottlingException). */
	code?: string;
	/** One line, already fit for a terminal. */
	message: string;
	/** For access-denied: the IAM action refused, e.g. profile:GetWorkflowSteps. */
	action?: string;
	/** For throttled: the server's Retry-After, in milliseconds. */
	retryAfterMs?: number;
	/** Whether trying the same call again later can succeed. */
	retryable: boolean;
}
