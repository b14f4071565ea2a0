// One workflow's last look on disk: gzipped JSON with the steps in columns (names, creation times
// as differences, status codes, records), so 100,000 steps take a few hundred KB rather than tens
// of MB, and nothing but what the comparison needs: no messages, no credentials, no endpoint.
import {gunzip, gunzipSync, gzip, gzipSync} from 'node:zlib';
import {promisify} from 'node:util';
import {stepKey, type Step, type StepKey} from '../core/step.js';
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

/** A look to save: the watch's own steps, encoded straight into columns (no copy per step). */
export interface LookToSave {
	domain: string;
	workflowId: string;
	seenAt: number;
	workflow?: SeenMetrics;
	steps: readonly Pick<Step, 'FlowName' | 'CreatedAt' | 'Status' | 'RecordsProcessed'>[];
}

/** Steps encoded between two turns of the event loop: a few ms of work, so keys and redraws
 * keep flowing while a 100,000-step look is saved. */
const CHUNK = 2000;

/** The columns of steps[from, to) as JSON array bodies (no brackets). */
function columnChunk(look: LookToSave, from: number, to: number, codes: Map<string, number>, statuses: string[], previousCreatedAt: number) {
	const names: string[] = [];
	const deltas: number[] = [];
	const status: number[] = [];
	const records: number[] = [];
	let previous = previousCreatedAt;
	for (let i = from; i < to; i++) {
		const step = look.steps[i];
		names.push(step.FlowName);
		deltas.push(step.CreatedAt - previous);
		previous = step.CreatedAt;
		let code = codes.get(step.Status);
		if (code === undefined) {
			code = statuses.push(step.Status) - 1;
			codes.set(step.Status, code);
		}
		status.push(code);
		records.push(step.RecordsProcessed);
	}
	const body = (values: unknown[]) => JSON.stringify(values).slice(1, -1);
	return {parts: [body(names), body(deltas), body(status), body(records)], last: previous};
}

/** Yields after each chunk; returns the whole JSON text. */
function* toJson(look: LookToSave): Generator<void, string> {
	const codes = new Map<string, number>();
	const statuses: string[] = [];
	const columns: string[][] = [[], [], [], []];
	let last = 0;
	for (let from = 0; from < look.steps.length; from += CHUNK) {
		const chunk = columnChunk(look, from, Math.min(look.steps.length, from + CHUNK), codes, statuses, last);
		last = chunk.last;
		chunk.parts.forEach((part, i) => columns[i].push(part));
		yield;
	}
	const head: Omit<SeenDocument, 'steps' | 'statuses'> = {
		format: FORMAT,
		version: VERSION,
		domain: look.domain,
		workflowId: look.workflowId,
		seenAt: look.seenAt,
		workflow: look.workflow ?? null,
	};
	const [flowName, createdAtDelta, status, records] = columns.map(parts => `[${parts.join(',')}]`);
	return `${JSON.stringify(head).slice(0, -1)},"statuses":${JSON.stringify(statuses)},"steps":{"flowName":${flowName},"createdAtDelta":${createdAtDelta},"status":${status},"records":${records}}}`;
}

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve));

export async function encodeSeen(look: LookToSave): Promise<Buffer> {
	const building = toJson(look);
	let next = building.next();
	while (!next.done) {
		await nextTurn();
		next = building.next();
	}
	// zlib's async gzip runs on the thread pool, off the UI's thread.
	return promisify(gzip)(next.value);
}

/** For the way out, where nothing else needs the thread. */
export function encodeSeenSync(look: LookToSave): Buffer {
	const building = toJson(look);
	let next = building.next();
	while (!next.done) next = building.next();
	return gzipSync(next.value);
}

export type Decoded = {ok: true; seen: SeenWorkflow} | {ok: false; problem: string};

export async function decodeSeen(bytes: Buffer): Promise<Decoded> {
	let text: string;
	try {
		text = (await promisify(gunzip)(bytes)).toString('utf8');
	} catch {
		return {ok: false, problem: 'not a gzip file'};
	}
	// Read while the TUI opens: a 100,000-step look took 150 ms in one piece, ahead of the first
	// frame with rows (a CPU profile); in chunks, frames and keys go between.
	const reading = fromText(text);
	let next = reading.next();
	while (!next.done) {
		await nextTurn();
		next = reading.next();
	}
	return next.value;
}

export function decodeSeenSync(bytes: Buffer): Decoded {
	let text: string;
	try {
		text = gunzipSync(bytes).toString('utf8');
	} catch {
		return {ok: false, problem: 'not a gzip file'};
	}
	const reading = fromText(text);
	let next = reading.next();
	while (!next.done) next = reading.next();
	return next.value;
}

const isNumberArray = (value: unknown, length: number): value is number[] =>
	Array.isArray(value) && value.length === length && value.every(n => typeof n === 'number' && Number.isFinite(n));

/** Yields after each CHUNK steps; returns what the text holds. */
function* fromText(text: string): Generator<void, Decoded> {
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
		if ((i + 1) % CHUNK === 0) yield;
	}
	return {
		ok: true,
		seen: {domain: doc.domain, workflowId: doc.workflowId, seenAt: doc.seenAt, workflow: doc.workflow ?? undefined, steps: kept},
	};
}
