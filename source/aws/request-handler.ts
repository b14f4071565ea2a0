// The one HTTP handler every AWS client of the process shares (Customer Profiles, and the
// credential chain's SSO and STS clients): proxies and extra CAs, which the SDK v3 ignores and
// the AWS CLI honours. The proxy agents load only when a proxy variable is set, so a plain start
// does not pay for them. The instance metadata service never comes here (the SDK reaches it with
// its own requests), so it is never proxied.
import http from 'node:http';
import https from 'node:https';
import {NodeHttpHandler} from '@smithy/node-http-handler';
import {hasProxy, proxyFor, type ProxySettings} from './proxy-settings.js';
import {findCaBundle, trustedCertificates, type CaBundleSource} from './trusted-certificates.js';

export interface NetworkOptions {
	proxy: ProxySettings;
	env: NodeJS.ProcessEnv;
	profile?: string;
	/** Told where the CA bundle came from once it is read. */
	onCaBundle?(source: CaBundleSource | undefined): void;
	/** The proxy answered CONNECT with something other than 200 (a refusal, a 407). */
	onProxyRefused?(status: number): void;
}

// The SDK's own defaults for its agents.
const AGENT_DEFAULTS = {keepAlive: true, maxSockets: 50};

export function createRequestHandler(options: NetworkOptions): NodeHttpHandler {
	// The handler runs this at once and keeps the promise: it must not reject before a request
	// awaits it, so a setting that cannot work fails each request instead (one clear line).
	return new NodeHttpHandler(async () => buildAgents(options).catch((error: unknown) => failingAgents(error)));
}

async function buildAgents(options: NetworkOptions): Promise<{httpAgent?: http.Agent; httpsAgent?: https.Agent}> {
	{
		const source = await findCaBundle(options.env, options.profile);
		options.onCaBundle?.(source);
		const ca = await trustedCertificates(source, options.env);
		const httpsDirect = new https.Agent({...AGENT_DEFAULTS, ...(ca ? {ca} : {})});
		if (!hasProxy(options.proxy)) return ca ? {httpsAgent: httpsDirect} : {};

		const [{HttpsProxyAgent}, {HttpProxyAgent}] = await Promise.all([import('https-proxy-agent'), import('http-proxy-agent')]);
		const {https: httpsProxy, http: httpProxy} = options.proxy;
		const httpDirect = new http.Agent(AGENT_DEFAULTS);
		const viaHttps = httpsProxy ? new HttpsProxyAgent(httpsProxy, AGENT_DEFAULTS) : httpsDirect;
		// A refused CONNECT reaches the SDK as an HTTP answer that looks like the server's own.
		viaHttps.on('proxyConnect', (answer: {statusCode?: number}) => {
			if (answer.statusCode !== undefined && answer.statusCode !== 200) options.onProxyRefused?.(answer.statusCode);
		});
		const viaHttp = httpProxy ? new HttpProxyAgent(httpProxy, AGENT_DEFAULTS) : httpDirect;
		const route = (protocol: 'https:' | 'http:', host: Host) => proxyFor(options.proxy, protocol, host.name, host.port) !== undefined;
		return {
			httpsAgent: new RoutingHttpsAgent([viaHttps, httpsDirect], host => (route('https:', host) ? viaHttps : httpsDirect), ca),
			httpAgent: new RoutingHttpAgent([viaHttp, httpDirect], host => (route('http:', host) ? viaHttp : httpDirect)),
		};
	}
}

function failingAgents(error: unknown): {httpAgent: http.Agent; httpsAgent: https.Agent} {
	// A request without a socket keeps destroy(error) to itself until one comes: say it directly.
	const fail = (request: http.ClientRequest) =>
		process.nextTick(() => {
			request.emit('error', error);
			request.destroy();
		});
	const httpsAgent = new https.Agent();
	const httpAgent = new http.Agent();
	Object.assign(httpsAgent, {addRequest: fail});
	Object.assign(httpAgent, {addRequest: fail});
	return {httpAgent, httpsAgent};
}

interface Host {
	name: string;
	port: number;
}

type Delegate = http.Agent & {addRequest(request: http.ClientRequest, options: object): void};

function hostOf(options: {host?: string | null; hostname?: string | null; port?: number | string | null}, defaultPort: number): Host {
	return {name: options.hostname ?? options.host ?? 'localhost', port: Number(options.port ?? defaultPort) || defaultPort};
}

// NO_PROXY is per host, and the credential chain's clients reach other hosts than Customer
// Profiles, so each request is handed to the agent of its route (a proxy agent or a direct one,
// each with its own pool). Node checks an agent's protocol, hence one router per protocol.
class RoutingHttpsAgent extends https.Agent {
	constructor(
		private readonly delegates: http.Agent[],
		private readonly route: (host: Host) => http.Agent,
		private readonly ca: string[] | undefined,
	) {
		super(AGENT_DEFAULTS);
	}

	addRequest(request: http.ClientRequest, options: https.RequestOptions): void {
		// The proxy agent gives the TLS upgrade after CONNECT the request's options, not its own:
		// the trusted CAs must travel with the request.
		(this.route(hostOf(options, 443)) as Delegate).addRequest(request, this.ca ? {...options, ca: this.ca} : options);
	}

	override destroy(): void {
		for (const agent of new Set(this.delegates)) agent.destroy();
		super.destroy();
	}
}

class RoutingHttpAgent extends http.Agent {
	constructor(
		private readonly delegates: http.Agent[],
		private readonly route: (host: Host) => http.Agent,
	) {
		super(AGENT_DEFAULTS);
	}

	addRequest(request: http.ClientRequest, options: http.RequestOptions): void {
		(this.route(hostOf(options, 80)) as Delegate).addRequest(request, options);
	}

	override destroy(): void {
		for (const agent of new Set(this.delegates)) agent.destroy();
		super.destroy();
	}
}
