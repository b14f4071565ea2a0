// Realistic steps for a long backfill, deterministic from a seed: batch windows on midnight (UTC)
// boundaries going back from the day of clock.start, queued, run, sometimes retried (up to three
// times), failed or split.
import {between, createPrng, integerBetween} from './prng.js';
import type {GenerateSpec, StepSpec, TimelineEntry} from './scenario.js';

const MAX_RETRIES = 3;

export function generatedFlowName(prefix: string, index: number): string {
	return `${prefix}-${String(index + 1).padStart(5, '0')}`;
}

// The service cuts an import into two-month batches. A history that would reach back further than
// this in two-month windows (10,000 steps would start in the sixth century) uses the longest
// shorter window that fits: a month, two weeks, a week, a day.
const MAX_HISTORY_DAYS = 35 * 365;
const WINDOWS = [{months: 2}, {months: 1}, {days: 14}, {days: 7}, {days: 1}] as const;
const DAY_SECONDS = 86_400;

/** The window length used for `count` generated steps. */
export function batchWindowLength(count: number): {months: number} | {days: number} {
	for (const window of WINDOWS) {
		const days = 'months' in window ? window.months * 30.44 : window.days;
		if (count * days <= MAX_HISTORY_DAYS) return window;
	}
	return {days: 1};
}

/** The batch window of generated step `index` of `count`: window 0 ends at midnight (UTC) of the
 * day of clock.start, and each window starts where the next older one ends. */
export function batchWindow(startEpochSeconds: number, index: number, count: number): {start: string; end: string} {
	const midnight = Math.floor(startEpochSeconds / DAY_SECONDS) * DAY_SECONDS;
	const length = batchWindowLength(count);
	const before = (n: number) => ('months' in length ? isoMonthsBefore(midnight, length.months * n) : isoSeconds(midnight - length.days * DAY_SECONDS * n));
	return {start: before(index + 1), end: before(index)};
}

export function generateSteps(spec: GenerateSpec, startEpochSeconds: number, sourceConnectorType: string): StepSpec[] {
	const random = createPrng(spec.seed);
	const steps: StepSpec[] = [];
	const interval = spec.count > 0 ? spec.spanSeconds / spec.count : 0;
	for (let index = 0; index < spec.count; index++) {
		const FlowName = generatedFlowName(spec.flowNamePrefix, index);
		const window = batchWindow(startEpochSeconds, index, spec.count);
		const created = round3(spec.at + index * interval + random() * interval * 0.5);
		const records = integerBetween(random, spec.records[0], spec.records[1]);
		const timeline: TimelineEntry[] = [{at: created, Status: 'NOT_STARTED', ExecutionMessage: `Queued: records from ${window.start} to ${window.end}`, RecordsProcessed: 0}];
		let t = created + between(random, spec.queueSeconds[0], spec.queueSeconds[1]);
		const run = between(random, spec.runSeconds[0], spec.runSeconds[1]);
		timeline.push({at: round3(t), Status: 'IN_PROGRESS', ExecutionMessage: `Running flow ${FlowName}`});
		let done = Math.floor(records * between(random, 0.2, 0.6));
		timeline.push({at: round3(t + run / 2), Status: 'IN_PROGRESS', ExecutionMessage: `Running flow ${FlowName}: ${done} records so far`, RecordsProcessed: done});
		t += run;

		const outcome = random();
		if (outcome < spec.splitRate) {
			timeline.push({at: round3(t), Status: 'SPLIT', ExecutionMessage: 'Batch exceeded the flow record limit; split into smaller batches', RecordsProcessed: done});
		} else if (outcome < spec.splitRate + spec.failRate) {
			timeline.push({at: round3(t), Status: 'FAILED', ExecutionMessage: permanentFailure(sourceConnectorType, random), RecordsProcessed: done});
		} else {
			let retries = 0;
			let failed = false;
			while (random() < spec.retryRate) {
				if (retries === MAX_RETRIES) {
					timeline.push({at: round3(t), Status: 'FAILED', ExecutionMessage: `${transientFailure(sourceConnectorType)}; gave up after ${MAX_RETRIES} retries`, RecordsProcessed: done});
					failed = true;
					break;
				}
				retries++;
				timeline.push({at: round3(t), Status: 'RETRY', ExecutionMessage: `${transientFailure(sourceConnectorType)}; retry ${retries} of ${MAX_RETRIES}`});
				t += 5 * 2 ** retries + random() * 5;
				timeline.push({at: round3(t), Status: 'IN_PROGRESS', ExecutionMessage: `Running flow ${FlowName} (attempt ${retries + 1})`});
				t += run / 2;
				done = Math.min(records, done + Math.floor(records * 0.1));
			}
			if (!failed) timeline.push({at: round3(t), Status: 'COMPLETE', ExecutionMessage: `Completed: ${records} records processed`, RecordsProcessed: records});
		}
		steps.push({FlowName, BatchRecordsStartTime: window.start, BatchRecordsEndTime: window.end, at: created, timeline});
	}
	return steps;
}

function transientFailure(sourceConnectorType: string): string {
	switch (sourceConnectorType) {
		case 'Salesforce':
			return 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded';
		case 'Marketo':
			return 'Marketo API error 606: max rate limit exceeded';
		case 'Zendesk':
			return 'Zendesk API responded 429 Too Many Requests';
		case 'Servicenow':
			return 'ServiceNow instance did not respond within 60 seconds';
		default:
			return 'SlowDown: Please reduce your request rate';
	}
}

const PERMANENT_FAILURES = [
	"INVALID_FIELD: No such column 'Loyalty_Tier__c' on entity 'Contact'",
	'Mapping failed: field Email is not a valid email address in 37 records',
	'Access denied by the connector profile: token expired or revoked',
	'Destination object type CTR-Contacts rejected records: missing required key',
];

function permanentFailure(sourceConnectorType: string, random: () => number): string {
	const reason = PERMANENT_FAILURES[Math.floor(random() * PERMANENT_FAILURES.length)];
	return `Flow execution failed (${sourceConnectorType}): ${reason}`;
}

function isoMonthsBefore(epochSeconds: number, months: number): string {
	const date = new Date(Math.floor(epochSeconds) * 1000);
	// From the 1st, so that a start on the 31st never lands on the 1st of the month after.
	const day = date.getUTCDate();
	date.setUTCDate(1);
	date.setUTCMonth(date.getUTCMonth() - months);
	const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
	date.setUTCDate(Math.min(day, lastDay));
	return isoSeconds(date.getTime() / 1000);
}

function isoSeconds(epochSeconds: number): string {
	return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function round3(value: number): number {
	return Math.round(value * 1000) / 1000;
}
