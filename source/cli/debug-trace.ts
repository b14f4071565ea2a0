// --debug FILE (or CP_WATCH_DEBUG=FILE): one JSON line per request, what the SDK logged, and what
// the run resolved to, for a bug report. Secrets never reach it: the keys and token the process
// holds, and anything shaped like a signature or an Authorization header, are redacted.
import {closeSync, openSync, writeSync} from 'node:fs';
import type {ApiTrace, RequestOutcome, ResolvedConnection} from '../aws/api-trace.js';
import {redactProxy, type ProxySettings} from '../aws/proxy-settings.js';
import type {AttemptInfo, CallObserver} from '../poller/index.js';

export interface DebugTrace extends ApiTrace, CallObserver {
	close(): void;
}

export interface DebugStart {
	version: string;
	mode: string;
	profile?: string;
	region?: string;
	endpointUrl?: string;
	demo?: string;
	proxy: ProxySettings;
}

export type DebugTraceResult = {ok: true; trace: DebugTrace} | {ok: false; error: string};

const SECRET_PATTERNS: RegExp[] = [
	/(authorization["']?\s*[:=]\s*)[^\n,}]+/gi,
	/((?:x-amz-)?(?:signature|security-token|credential)["']?\s*[:=]\s*)[^\s&,"'}]+/gi,
	/(Signature=)[0-9a-f]+/gi,
	/(\/\/[^:@/\s]*:)(?!REDACTED@)[^@/\s]+(?=@)/g,
];

export function redactSecrets(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[REDACTED]');
	for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '$1[REDACTED]');
	return out;
}

export function openDebugTrace(path: string, start: DebugStart, env: NodeJS.ProcessEnv): DebugTraceResult {
	let fd: number;
	try {
		// Appended: a CP_WATCH_DEBUG left in a shell profile keeps every run, each opened by its start line.
		fd = openSync(path, 'a');
	} catch (error) {
		return {ok: false, error: `--debug ${path}: cannot open the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`};
	}
	const secrets = [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN, env.AWS_SECURITY_TOKEN, ...proxyPasswords(start.proxy)].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
	let open = true;
	const write = (record: Record<string, unknown>) => {
		if (!open) return;
		const line = redactSecrets(JSON.stringify({t: new Date().toISOString(), ...record}), secrets);
		try {
			// Synchronous: the last lines must be there even when the process exits at once.
			writeSync(fd, `${line}\n`);
		} catch {
			open = false;
		}
	};

	write({
		type: 'start',
		version: start.version,
		node: process.version,
		platform: `${process.platform} ${process.arch}`,
		mode: start.mode,
		...(start.demo === undefined ? {} : {demo: start.demo || 'demo'}),
		profile: start.profile ?? null,
		region: start.region ?? null,
		endpointUrl: start.endpointUrl ?? null,
		endpointFromEnvironment: env.AWS_ENDPOINT_URL_CUSTOMER_PROFILES ?? env.AWS_ENDPOINT_URL ?? null,
		ignoreConfiguredEndpointUrls: env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? null,
		httpsProxy: start.proxy.https ? redactProxy(start.proxy.https) : null,
		httpProxy: start.proxy.http ? redactProxy(start.proxy.http) : null,
		noProxy: start.proxy.noProxy.join(',') || null,
		caBundle: env.AWS_CA_BUNDLE ?? null,
		nodeExtraCaCerts: env.NODE_EXTRA_CA_CERTS ?? null,
	});

	// The poller's word on the attempt about to start; the API layer's request() takes it at once.
	let pending: AttemptInfo | undefined;
	return {
		ok: true,
		trace: {
			beforeAttempt(attempt) {
				pending = attempt;
			},
			request(operation) {
				const attempt = pending;
				pending = undefined;
				return (outcome: RequestOutcome) => {
					write({
						type: 'request',
						operation,
						status: outcome.status ?? null,
						errorType: outcome.errorType ?? null,
						latencyMs: outcome.latencyMs,
						attempt: attempt?.attempt ?? null,
						requestId: outcome.requestId ?? null,
						waitMs: attempt?.waitMs ?? null,
						waitReason: attempt?.waitReason ?? null,
					});
				};
			},
			resolved(connection: ResolvedConnection) {
				write({type: 'resolved', ...connection});
			},
			sdkLog(level, message) {
				write({type: 'sdk', level, message});
			},
			close() {
				if (!open) return;
				open = false;
				try {
					closeSync(fd);
				} catch {
					// Already gone.
				}
			},
		},
	};
}

function proxyPasswords(proxy: ProxySettings): string[] {
	return [proxy.https, proxy.http].flatMap(url => (url?.password ? [url.password, decodeURIComponent(url.password)] : []));
}
