// What the API layer tells a debug trace: each request's outcome, what the SDK logged, and once
// what the first request resolved to. The layer knows nothing of files; cli/ decides where it goes.

export interface RequestOutcome {
	/** HTTP status; absent when no answer came (network, TLS, proxy, timeout). */
	status?: number;
	/** The error's kind and name when the request failed, e.g. `throttled ThrottlingException`. */
	errorType?: string;
	latencyMs: number;
	requestId?: string;
}

export interface ResolvedConnection {
	region?: string;
	/** scheme://host:port the requests went to. */
	endpoint?: string;
	/** The credential chain's names for where the keys came from, e.g. CREDENTIALS_PROFILE. */
	credentialSource?: string;
	/** The proxy for that endpoint, password redacted, or `none`. */
	proxy: string;
	noProxy?: string;
	caBundle?: string;
}

export interface ApiTrace {
	/** Called as a request starts, synchronously within the call that the poller makes, so a
	 * trace can pair it with what the poller said just before (the attempt and the wait). */
	request(operation: string): (outcome: RequestOutcome) => void;
	resolved(connection: ResolvedConnection): void;
	sdkLog(level: 'debug' | 'info' | 'warn' | 'error', message: string): void;
}
