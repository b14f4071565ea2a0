// startEmulator: a scenario served on 127.0.0.1, with virtual time that runs at the scenario's
// speed and can be pushed forward by tests.
import type {AddressInfo} from 'node:net';
import {createFaults} from './faults.js';
import {isLoadedScenario, loadScenario} from './load-scenario.js';
import {createTokenSigner} from './paging-token.js';
import {createRequestLog, type RequestLogEntry} from './request-log.js';
import type {Scenario} from './scenario.js';
import {createEmulatorServer} from './server.js';
import {compileWorld} from './world.js';

export interface EmulatorOptions {
	/** A loaded Scenario, a built-in name, or raw scenario JSON (validated). Default: 'demo'. */
	scenario?: Scenario | string | object;
	/** Default 0: any free port. */
	port?: number;
	/** Overrides the scenario's clock.speed. */
	speed?: number;
	/** Appends one JSON line per request. */
	logFile?: string;
	onRequest?: (entry: RequestLogEntry) => void;
	/** Request-log entries kept in memory for requestLog(); default 100,000 (tests read them).
	 * 0 keeps none: --demo never reads them. onRequest and logFile see every request regardless. */
	keepRequestLog?: number;
	/** Serve HTTPS with a certificate for 127.0.0.1 and localhost, signed by a CA made at start
	 * (caPem); clients must trust it (AWS_CA_BUNDLE). */
	tls?: boolean;
}

export interface Emulator {
	/** http://127.0.0.1:PORT, or https:// with `tls` */
	url: string;
	/** With `tls`: the CA certificate (PEM) that signed the server's certificate. */
	caPem?: string;
	port: number;
	close(): Promise<void>;
	/** Moves virtual time forward by this many virtual seconds. */
	advance(seconds: number): void;
	/** Virtual seconds since the emulator started. */
	virtualTime(): number;
	requestLog(): readonly RequestLogEntry[];
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const scenario = isLoadedScenario(options.scenario) ? options.scenario : loadScenario(options.scenario ?? 'demo');
	const speed = options.speed ?? scenario.clock.speed;
	if (!(speed > 0) || !Number.isFinite(speed)) throw new Error(`speed must be a positive number (got ${speed})`);
	const startEpoch = scenario.clock.start === null ? Date.now() / 1000 : Date.parse(scenario.clock.start) / 1000;
	const world = compileWorld(scenario, startEpoch);

	const realStart = performance.now();
	let offset = 0;
	const virtualTime = () => ((performance.now() - realStart) / 1000) * speed + offset;

	const log = createRequestLog({file: options.logFile, onEntry: options.onRequest, keep: options.keepRequestLog});
	// The certificate code loads only for --tls: the demo starts without it.
	const certificate = options.tls ? (await import('./tls-certificate.js')).createTlsCertificate() : undefined;
	const server = createEmulatorServer({scenario, world, signer: createTokenSigner(), faults: createFaults(scenario.faults), log, virtualTime}, certificate);
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
	} catch (error) {
		await log.close();
		throw error;
	}
	const port = (server.address() as AddressInfo).port;
	let closing: Promise<void> | undefined;
	return {
		url: `${certificate ? 'https' : 'http'}://127.0.0.1:${port}`,
		port,
		...(certificate ? {caPem: certificate.caPem} : {}),
		close() {
			closing ??= new Promise<void>(resolve => {
				server.close(() => resolve());
				// Keep-alive sockets would hold close() open until clients let go.
				server.closeAllConnections();
			}).then(() => log.close());
			return closing;
		},
		advance(seconds) {
			if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`advance() takes a non-negative number of seconds (got ${seconds})`);
			offset += seconds;
		},
		virtualTime,
		requestLog: () => log.entries(),
	};
}
