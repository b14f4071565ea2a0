// NextTokens are opaque, URL-safe, HMAC-signed cursors: the last item seen, not an offset, so a
// walk stays exact while items appear. A token is bound to the operation and resource it was
// issued for and to the walk's start, which bounds the walk to what existed then.
import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';
import {badRequest} from './wire-errors.js';

export interface Cursor {
	/** Operation and resource, e.g. 'GetWorkflowSteps retail-prod/<id>'. */
	scope: string;
	/** The last item returned: its virtual creation second and tie-breaking key. */
	at: number;
	key: string;
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
	const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest().subarray(0, 16);
	return {
		issue(cursor) {
			const payload = Buffer.from(JSON.stringify([cursor.scope, cursor.at, cursor.key, cursor.walkStart, cursor.issued])).toString('base64url');
			return `${payload}.${sign(payload).toString('base64url')}`;
		},
		read(token, scope, now, ttlSeconds) {
			const invalid = badRequest('The NextToken (query next-token) is invalid: it was not issued by this service for this request');
			const [payload, signature, extra] = token.split('.');
			if (!payload || !signature || extra !== undefined) throw invalid;
			const expected = sign(payload);
			const given = Buffer.from(signature, 'base64url');
			if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
			let fields: unknown;
			try {
				fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
			} catch {
				throw invalid;
			}
			if (!Array.isArray(fields) || fields.length !== 5) throw invalid;
			const [tokenScope, at, key, walkStart, issued] = fields as [string, number, string, number, number];
			if (tokenScope !== scope) throw invalid;
			if (ttlSeconds !== null && now - issued > ttlSeconds) {
				throw badRequest(`The NextToken (query next-token) has expired: tokens are valid for ${ttlSeconds} seconds; start again without a NextToken`);
			}
			return {scope: tokenScope, at, key, walkStart, issued};
		},
	};
}
