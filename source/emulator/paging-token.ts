// NextTokens are opaque, URL-safe, HMAC-signed cursors of a few dozen characters whatever the data
// (the model allows 1..1024; a FlowName of 256 CJK characters alone is 768 bytes). The cursor is a
// position in the resource's creation order (CreatedAt, then name), which never shifts: an item
// appears only once its creation time has come, so it lands after every item that exists, and
// nothing is ever deleted. A token is bound by its signature to the operation and resource it was
// issued for, and holds the walk's start, which bounds the walk to what existed then.
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {badRequest} from './wire-errors.js';

export interface Cursor {
	/** Operation and resource, e.g. 'GetWorkflowSteps retail-prod/<id>': signed, not carried. */
	scope: string;
	/** Index in creation order of the first item not yet returned. */
	position: number;
	/** Virtual second the walk began: items created later wait for the next walk. */
	walkStart: number;
	/** Virtual second the token was issued, for tokenTtlSeconds. */
	issued: number;
}

export interface TokenSigner {
	issue(cursor: Cursor): string;
	/** Throws a 400 BadRequestException for anything this server did not issue for `scope`. */
	read(token: string, scope: string, now: number, ttlSeconds: number | null): Cursor;
}

export function createTokenSigner(secret: Buffer = randomBytes(32)): TokenSigner {
	const sign = (scope: string, payload: string) => createHmac('sha256', secret).update(`${scope}\n${payload}`).digest().subarray(0, 16);
	return {
		issue(cursor) {
			const payload = Buffer.from(JSON.stringify([cursor.position, cursor.walkStart, cursor.issued])).toString('base64url');
			return `${payload}.${sign(cursor.scope, payload).toString('base64url')}`;
		},
		read(token, scope, now, ttlSeconds) {
			const invalid = badRequest('The NextToken (query next-token) is invalid: it was not issued by this service for this request');
			const [payload, signature, extra] = token.split('.');
			if (!payload || !signature || extra !== undefined) throw invalid;
			const expected = sign(scope, payload);
			const given = Buffer.from(signature, 'base64url');
			if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
			let fields: unknown;
			try {
				fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
			} catch {
				throw invalid;
			}
			if (!Array.isArray(fields) || fields.length !== 3 || !fields.every(field => typeof field === 'number')) throw invalid;
			const [position, walkStart, issued] = fields as [number, number, number];
			if (ttlSeconds !== null && now - issued > ttlSeconds) {
				throw badRequest(`The NextToken (query next-token) has expired: tokens are valid for ${ttlSeconds} seconds; start again without a NextToken`);
			}
			return {scope, position, walkStart, issued};
		},
	};
}
