// The restJson1 error shape: status, x-amzn-ErrorType header (which the SDK reads first) and
// {"Message": ...} in the body.

export type ErrorType =
	| 'BadRequestException'
	| 'AccessDeniedException'
	| 'MissingAuthenticationTokenException'
	| 'IncompleteSignatureException'
	| 'InvalidSignatureException'
	| 'ResourceNotFoundException'
	| 'ThrottlingException'
	| 'InternalServerException'
	| 'UnknownOperationException'
	| 'RequestEntityTooLargeException';

const STATUS: Record<ErrorType, number> = {
	BadRequestException: 400,
	AccessDeniedException: 403,
	MissingAuthenticationTokenException: 403,
	IncompleteSignatureException: 403,
	InvalidSignatureException: 403,
	ResourceNotFoundException: 404,
	ThrottlingException: 429,
	InternalServerException: 500,
	UnknownOperationException: 404,
	RequestEntityTooLargeException: 413,
};

/** Thrown by handlers; the server turns it into a wire error. */
export class WireError extends Error {
	readonly status: number;
	constructor(readonly type: ErrorType, message: string, readonly headers: Record<string, string> = {}) {
		super(message);
		this.name = type;
		this.status = STATUS[type];
	}
}

export const badRequest = (message: string) => new WireError('BadRequestException', message);
export const notFound = (message: string) => new WireError('ResourceNotFoundException', message);
