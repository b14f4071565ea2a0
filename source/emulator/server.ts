// The HTTP front: route, authorize, read the body (bounded), apply faults, run the operation,
// answer in the restJson1 shape, and log.
import {randomUUID} from 'node:crypto';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {createServer as createTlsServer} from 'node:https';
import {readAuthorization} from './authorization.js';
import type {Faults} from './faults.js';
import {ACCOUNT_ID, OPERATION_HANDLERS} from './operations.js';
import type {TokenSigner} from './paging-token.js';
import {readAttempt, type RequestLog, type RequestLogEntry} from './request-log.js';
import {matchRoute} from './routes.js';
import type {Scenario} from './scenario.js';
import {WireError, badRequest} from './wire-errors.js';
import type {World} from './world.js';

export const MAX_BODY_BYTES = 64 * 1024;

export interface ServerContext {
	scenario: Scenario;
	world: World;
	signer: TokenSigner;
	faults: Faults;
	log: RequestLog;
	virtualTime(): number;
}

/** `tls`: serve HTTPS with this certificate and key (PEM) instead of plain HTTP. */
export function createEmulatorServer(context: ServerContext, tls?: {certPem: string; keyPem: string}): Server {
	const listener = (request: IncomingMessage, response: ServerResponse) => {
		handle(context, request, response).catch(() => {
			if (!response.headersSent) sendError(response, randomUUID(), new WireError('InternalServerException', 'Internal error in the emulator'));
		});
	};
	return tls ? createTlsServer({cert: tls.certPem, key: tls.keyPem}, listener) : createServer(listener);
}

async function handle(context: ServerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
	const requestId = randomUUID();
	const url = new URL(request.url ?? '/', 'http://localhost');
	const method = request.method ?? 'GET';
	const route = matchRoute(method, url.pathname);
	const {attempt, maxAttempts} = readAttempt(header(request, 'amz-sdk-request'));
	const entry: RequestLogEntry = {
		t: Date.now(),
		op: route?.operation ?? 'Unknown',
		method,
		path: url.pathname,
		status: null,
		error: null,
		invocationId: header(request, 'amz-sdk-invocation-id') ?? null,
		attempt,
		maxAttempts,
		nextToken: url.searchParams.has('next-token'),
		items: null,
		virtualTime: round3(context.virtualTime()),
		requestId,
	};
	if (route?.DomainName !== undefined) entry.domain = route.DomainName;
	if (route?.WorkflowId !== undefined) entry.workflowId = route.WorkflowId;

	const finish = (status: number | null, error: string | null) => {
		entry.status = status;
		entry.error = error;
		context.log.add(entry);
	};
	const fail = (error: WireError) => {
		sendError(response, requestId, error);
		finish(error.status, error.type);
	};

	const body = await readBody(request);
	if (body === 'too-large') {
		response.setHeader('Connection', 'close');
		fail(new WireError('RequestEntityTooLargeException', `Request body is larger than ${MAX_BODY_BYTES} bytes`));
		return;
	}
	if (!route) {
		fail(new WireError('UnknownOperationException', `No operation matches ${method} ${url.pathname}`));
		return;
	}
	const auth = readAuthorization(header(request, 'authorization'));
	if (!auth.ok) {
		fail(new WireError(auth.type, auth.reason));
		return;
	}

	const decision = context.faults.decide(route.operation, Date.now());
	if (decision.latencyMs > 0) await delay(decision.latencyMs);
	switch (decision.fault.kind) {
		case 'throttle': {
			const retryAfter = decision.fault.retryAfterSeconds;
			fail(new WireError('ThrottlingException', 'Rate exceeded', retryAfter === null ? {} : {'Retry-After': String(retryAfter)}));
			return;
		}
		case 'deny': {
			const who = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/cp-watch-reader/${auth.caller.accessKeyId}`;
			const what = `arn:aws:profile:${auth.caller.region}:${ACCOUNT_ID}:domains/${route.DomainName ?? '*'}`;
			fail(new WireError('AccessDeniedException', `User: ${who} is not authorized to perform: profile:${route.operation} on resource: ${what} because no identity-based policy allows the profile:${route.operation} action`));
			return;
		}
		case 'hangup':
			request.socket.destroy();
			finish(null, 'Hangup');
			return;
		case 'error':
			fail(new WireError('InternalServerException', 'An internal error occurred; try again'));
			return;
		default:
			break;
	}

	try {
		let parsed: unknown;
		if (body.length > 0) {
			try {
				parsed = JSON.parse(body.toString('utf8'));
			} catch {
				throw badRequest('The request body is not valid JSON');
			}
		}
		const result = OPERATION_HANDLERS[route.operation]({
			world: context.world,
			t: context.virtualTime(),
			pageSize: context.scenario.pageSize,
			tokenTtlSeconds: context.scenario.faults.tokenTtlSeconds,
			signer: context.signer,
			caller: auth.caller,
			DomainName: route.DomainName,
			WorkflowId: route.WorkflowId,
			query: url.searchParams,
			body: parsed,
		});
		entry.items = result.items;
		const text = JSON.stringify(result.body);
		response.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': requestId});
		response.end(text);
		finish(200, null);
	} catch (error) {
		if (error instanceof WireError) fail(error);
		else throw error;
	}
}

function sendError(response: ServerResponse, requestId: string, error: WireError): void {
	const text = JSON.stringify({Message: error.message});
	response.writeHead(error.status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(text),
		'x-amzn-RequestId': requestId,
		'x-amzn-ErrorType': error.type,
		...error.headers,
	});
	response.end(text);
}

/** The body, or 'too-large' as soon as it passes the limit (the rest is never buffered). */
function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
	const declared = Number(request.headers['content-length'] ?? 0);
	if (declared > MAX_BODY_BYTES) return Promise.resolve('too-large');
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				request.removeAllListeners('data');
				request.pause();
				resolve('too-large');
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function header(request: IncomingMessage, name: string): string | undefined {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function delay(ms: number): Promise<void> {
	return new Promise(resolve => setTimeout(resolve, ms));
}

function round3(value: number): number {
	return Math.round(value * 1000) / 1000;
}
