// One workflow's last look on disk: gzipped JSON with the steps in columns (names, creation times
// as differences, status codes, records), so 100,000 steps take a few hundred KB rather than tens
// of MB, and nothing but what the comparison needs: no messages, no credentials, no endpoint.
import {gunzip, gunzipSync, gzip, gzipSync} from 'node:zlib';
import {promisify} from 'node:util';
import {stepKey, type StepKey} from '../core/step.js';
import type {SeenMetrics, SeenStep, SeenWorkflow} from '../core/away-summary.js';

const FORMAT = 'cp-watch last look';
const VERSION = 1;

interface SeenDocument {
	format: typeof FORMAT;
	version: typeof VERSION;
	domain: string;
	workflowId: string;
	seenAt: number;
	workflow: SeenMetrics | null;
	/** The distinct statuses; `steps.status` holds indexes into it. */
	statuses: string[];
	steps: {flowName: string[]; createdAtDelta: number[]; status: number[]; records: number[]};
}

function toDocument(seen: SeenWorkflow): SeenDocument {
	const statuses: string[] = [];
	const codes = new Map<string, number>();
	const flowName: string[] = [];
	const createdAtDelta: number[] = [];
	const status: number[] = [];
	const records: number[] = [];
	let previous = 0;
	for (const [key, step] of seen.steps) {
		const cut = key.lastIndexOf('\u0000');
		const createdAt = Number(key.slice(cut + 1));
		flowName.push(key.slice(0, cut));
		createdAtDelta.push(createdAt - previous);
		previous = createdAt;
		let code = codes.get(step.Status);
		if (code === undefined) {
			code = statuses.push(step.Status) - 1;
			codes.set(step.Status, code);
		}
		status.push(code);
		records.push(step.RecordsProcessed);
	}
	return {
		format: FORMAT,
		version: VERSION,
		domain: seen.domain,
		workflowId: seen.workflowId,
		seenAt: seen.seenAt,
		workflow: seen.workflow ?? null,
		statuses,
		steps: {flowName, createdAtDelta, status, records},
	};
}

export async function encodeSeen(seen: SeenWorkflow): Promise<Buffer> {
	// zlib's async gzip runs on the thread pool: only building the JSON stays on the UI's thread.
	return promisify(gzip)(JSON.stringify(toDocument(seen)));
}

export function encodeSeenSync(seen: SeenWorkflow): Buffer {
	return gzipSync(JSON.stringify(toDocument(seen)));
}

export type Decoded = {ok: true; seen: SeenWorkflow} | {ok: false; problem: string};

export async function decodeSeen(bytes: Buffer): Promise<Decoded> {
	let text: string;
	try {
		text = (await promisify(gunzip)(bytes)).toString('utf8');
	} catch {
		return {ok: false, problem: 'not a gzip file'};
	}
	return fromText(text);
}

export function decodeSeenSync(bytes: Buffer): Decoded {
	let text: string;
	try {
		text = gunzipSync(bytes).toString('utf8');
	} catch {
		return {ok: false, problem: 'not a gzip file'};
	}
	return fromText(text);
}

const isNumberArray = (value: unknown, length: number): value is number[] =>
	Array.isArray(value) && value.length === length && value.every(n => typeof n === 'number' && Number.isFinite(n));

function fromText(text: string): Decoded {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return {ok: false, problem: 'not valid JSON'};
	}
	const doc = raw as Partial<SeenDocument> | null;
	if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT) return {ok: false, problem: 'not a cp-watch state file'};
	if (doc.version !== VERSION) return {ok: false, problem: `of version ${String(doc.version)}, which this cp-watch does not read`};
	const steps = doc.steps;
	const statuses = doc.statuses;
	const count = Array.isArray(steps?.flowName) ? steps.flowName.length : -1;
	if (
		typeof doc.domain !== 'string' ||
		typeof doc.workflowId !== 'string' ||
		typeof doc.seenAt !== 'number' ||
		!Array.isArray(statuses) ||
		!statuses.every(s => typeof s === 'string') ||
		steps === undefined ||
		count < 0 ||
		!steps.flowName.every(name => typeof name === 'string') ||
		!isNumberArray(steps.createdAtDelta, count) ||
		!isNumberArray(steps.status, count) ||
		!steps.status.every(code => code >= 0 && code < statuses.length && Number.isInteger(code)) ||
		!isNumberArray(steps.records, count) ||
		!(doc.workflow === null || (typeof doc.workflow === 'object' && typeof doc.workflow.Status === 'string'))
	) {
		return {ok: false, problem: 'damaged'};
	}
	const kept = new Map<StepKey, SeenStep>();
	let createdAt = 0;
	for (let i = 0; i < count; i++) {
		createdAt += steps.createdAtDelta[i];
		kept.set(stepKey({FlowName: steps.flowName[i], CreatedAt: createdAt}), {Status: statuses[steps.status[i]], RecordsProcessed: steps.records[i]});
	}
	return {
		ok: true,
		seen: {domain: doc.domain, workflowId: doc.workflowId, seenAt: doc.seenAt, workflow: doc.workflow ?? undefined, steps: kept},
	};
}
