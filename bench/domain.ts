// The domain dashboard bench: 50 running workflows on the default budget (--max-rps 2, --interval
// 5 s), in virtual time against the embedded emulator over HTTP. The emulator's clock is moved with
// the bench's, so steps keep changing and the dashboard walks them as it would live. Prints the
// request rate against --max-rps, the most requests sent in any second, and the fairness: the
// oldest any running row's numbers got, against the bound of one round (core/dashboard-schedule.ts).
// Run alone: `node --import tsx bench/domain.ts` (part of `npm run bench`).
import process from 'node:process';
import {createCustomerProfilesApi, type CustomerProfilesApi} from '../source/aws/index.js';
import {MAX_WATCHED_RUNNING, roundBoundMs} from '../source/core/dashboard-schedule.js';
import {DEFAULT_MAX_RPS} from '../source/core/pacing.js';
import {startEmulator} from '../source/emulator/index.js';
import {PAGES_PER_VISIT} from '../source/poller/domain-dashboard.js';
import {createWatchSource, DEFAULT_INTERVAL_MS} from '../source/poller/index.js';
import {maxInAnySecond} from '../test/poller/emulator-harness.js';
import {virtualTime} from './virtual-time.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const DOMAIN = 'bench-domain';
const RUNNING = MAX_WATCHED_RUNNING;
const FINISHED = 20;
const MINUTES = Number(process.env.BENCH_QUICK ? 3 : 10);
const SOURCES = ['Salesforce', 'Marketo', 'Zendesk', 'Servicenow', 'S3'];

function scenario() {
	const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(31, '0')}`;
	return {
		// Virtual time is the bench's: the emulator's own clock barely moves, advance() moves it.
		clock: {start: '2026-11-24T09:00:00Z', speed: 0.000_001},
		pageSize: 100,
		faults: {throttle: null},
		domains: [
			{
				DomainName: DOMAIN,
				workflows: [
					...Array.from({length: RUNNING}, (_, i) => ({
						WorkflowId: id('a', i),
						SourceConnectorType: SOURCES[i % SOURCES.length],
						at: -1800,
						// 20 to 180 steps each: most walks are one or two pages, some more.
						generate: {count: 20 + (i % 9) * 20, seed: i + 1, at: -1800, spanSeconds: 7200, failRate: 0.01, retryRate: 0.1, splitRate: 0.01, runSeconds: [60, 600]},
					})),
					...Array.from({length: FINISHED}, (_, i) => ({
						WorkflowId: id('f', i),
						SourceConnectorType: SOURCES[i % SOURCES.length],
						at: -86_400,
						generate: {count: 10, seed: 500 + i, at: -86_400, spanSeconds: 600},
					})),
				],
			},
		],
	};
}

/** Each call's virtual send time, in order. */
function recorded(api: CustomerProfilesApi, now: () => number, sends: Array<{t: number; workflowId?: string; op: string}>): CustomerProfilesApi {
	return {
		getWorkflow: (domain, id, signal) => (sends.push({t: now(), workflowId: id, op: 'GetWorkflow'}), api.getWorkflow(domain, id, signal)),
		getWorkflowStepsPage: (domain, id, token, signal) => (sends.push({t: now(), workflowId: id, op: 'GetWorkflowSteps'}), api.getWorkflowStepsPage(domain, id, token, signal)),
		listWorkflowsPage: (domain, token, signal) => (sends.push({t: now(), op: 'ListWorkflows'}), api.listWorkflowsPage(domain, token, signal)),
		listDomainsPage: (token, signal) => (sends.push({t: now(), op: 'ListDomains'}), api.listDomainsPage(token, signal)),
		destroy: () => api.destroy(),
	};
}

export interface DomainBenchResult {
	requestsPerSecond: number;
	maxInOneSecond: number;
	maxAgeMs: number;
	boundMs: number;
	walks: number;
	watched: number;
}

export async function domainBench(): Promise<DomainBenchResult> {
	const emulator = await startEmulator({scenario: scenario(), keepRequestLog: 0});
	const time = virtualTime(Date.parse('2026-11-24T09:00:00Z'));
	const sends: Array<{t: number; workflowId?: string; op: string}> = [];
	const real = createCustomerProfilesApi({endpointUrl: emulator.url, region: 'us-east-1', credentials: {accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench'}});
	const api = time.track(recorded(real, time.now, sends));
	try {
		const source = createWatchSource({api, clock: time, scheduler: time, random: () => 0.5});
		const list = source.watchWorkflows(DOMAIN);
		const dashboard = source.watchDomainDashboard(DOMAIN);
		list.subscribe(() => dashboard.setWorkflows(list.getState().items));
		// The finished rows one screen shows, as the workflows screen asks for them.
		dashboard.setWanted(Array.from({length: FINISHED}, (_, i) => `f${String(i).padStart(31, '0')}`));
		list.start();
		dashboard.start();
		const started = time.now();
		const boundMs = roundBoundMs({running: RUNNING, pagesPerVisit: PAGES_PER_VISIT, maxRps: DEFAULT_MAX_RPS, intervalMs: DEFAULT_INTERVAL_MS});
		let maxAgeMs = 0;
		for (let second = 0; second < MINUTES * 60; second++) {
			await time.run(1000);
			emulator.advance(1);
			const state = dashboard.getState();
			// The first round reads every row for the first time (and walks it): ages count after it.
			if (time.now() - started < boundMs) continue;
			for (const id of state.watched) {
				const readAt = state.rows.get(id)?.readAt;
				maxAgeMs = Math.max(maxAgeMs, readAt === undefined ? time.now() - started : time.now() - readAt);
			}
		}
		const state = dashboard.getState();
		dashboard.stop();
		list.stop();
		// Between the first and the last send: n sends span n - 1 slots of the pace.
		const spanS = ((sends.at(-1)?.t ?? started) - (sends[0]?.t ?? started)) / 1000;
		return {
			requestsPerSecond: spanS > 0 ? (sends.length - 1) / spanS : 0,
			maxInOneSecond: maxInAnySecond(sends.map(send => send.t)),
			maxAgeMs,
			boundMs,
			walks: sends.filter(send => send.op === 'GetWorkflowSteps').length,
			watched: state.watched.length,
		};
	} finally {
		api.destroy();
		await emulator.close();
	}
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''));
if (isMain) {
	process.stdout.write('# domain\n');
	const result = await domainBench();
	const rps = DEFAULT_MAX_RPS;
	const lines = [
		`dashboard of ${result.watched} running workflows: requests/s: ${result.requestsPerSecond.toFixed(2)}  (target <= --max-rps ${rps}; ${MINUTES} simulated minutes, interval 5 s, ${FINISHED} finished rows read once, ${result.walks} step pages)`,
		`most requests in any second: ${result.maxInOneSecond}  (target <= ${rps})`,
		`oldest numbers of any running row: ${(result.maxAgeMs / 1000).toFixed(1)} s  (target <= ${(result.boundMs / 1000).toFixed(1)} s: one round of ${RUNNING} probes with up to ${PAGES_PER_VISIT} step pages each, plus the list, at ${rps} rps)`,
	];
	for (const line of lines) process.stdout.write(`${line}\n`);
	const ok = result.maxInOneSecond <= rps && result.maxAgeMs <= result.boundMs;
	if (!ok) process.stdout.write('domain bench: target missed\n');
	process.exitCode = ok ? 0 : 1;
}
