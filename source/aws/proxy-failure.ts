// A failure that is the proxy's, said as such: the user must fix HTTPS_PROXY or the proxy's
// credentials, not the endpoint. Undefined when the proxy is not to blame.
import type {ApiError} from '../core/api-error.js';
import {redactProxy} from './proxy-settings.js';

interface SocketError {
	address?: unknown;
	port?: unknown;
	cause?: unknown;
	$metadata?: {httpStatusCode?: number};
}

/** `refusedStatus`: the proxy's answer to CONNECT when it was not 200 (seen by the agent). */
export function proxyFailure(error: unknown, classified: ApiError, proxy: URL, refusedStatus?: number): ApiError | undefined {
	const name = `the proxy ${redactProxy(proxy)}`;
	const status = refusedStatus ?? (error as SocketError).$metadata?.httpStatusCode;
	if (status === 407) {
		return {
			kind: 'network',
			code: 'ProxyAuthenticationRequired',
			message: `${name} asks for authentication (407): put the user and password in the proxy URL (http://USER:PASSWORD@host:port) or ask for access`,
			retryable: false,
		};
	}
	if (refusedStatus !== undefined) {
		return {kind: 'network', code: 'ProxyRefused', message: `${name} refused to connect to AWS (HTTP ${refusedStatus}): check NO_PROXY and the proxy's rules`, retryable: false};
	}
	if (classified.kind === 'network' && isAtProxy(error, proxy)) {
		return {...classified, message: `${name} cannot be reached (${classified.code ?? 'network error'}): check HTTPS_PROXY / HTTP_PROXY`};
	}
	return undefined;
}

function isAtProxy(error: unknown, proxy: URL): boolean {
	const port = Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);
	for (let current = error as SocketError | undefined, depth = 0; current && depth < 4; depth++) {
		if (current.port === port && (typeof current.address !== 'string' || sameHost(current.address, proxy.hostname))) return true;
		current = current.cause as SocketError | undefined;
	}
	return false;
}

function sameHost(address: string, hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '');
	// A name resolves to an address we cannot compare without DNS; the port decided already.
	return address === host || !/^[\d.:]+$/.test(host);
}
