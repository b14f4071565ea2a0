// A real HTTP proxy on loopback (the `proxy` package: plain requests and CONNECT) that records
// what passed through it, optionally asking for a user and password (407) first.
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createProxy} from 'proxy';

export interface RecordingProxy {
	/** http://127.0.0.1:PORT */
	url: string;
	/** `GET http://host:port/path` for plain requests, `CONNECT host:port` for tunnels. */
	seen: string[];
	close(): Promise<void>;
}

export async function startRecordingProxy(options: {user?: string; password?: string} = {}): Promise<RecordingProxy> {
	const server = createProxy(createServer());
	const seen: string[] = [];
	server.on('request', request => seen.push(`${request.method} ${request.url}`));
	server.on('connect', request => seen.push(`CONNECT ${request.url}`));
	if (options.user !== undefined) {
		const expected = `Basic ${Buffer.from(`${options.user}:${options.password ?? ''}`).toString('base64')}`;
		server.authenticate = request => request.headers['proxy-authorization'] === expected;
	}
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		seen,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
