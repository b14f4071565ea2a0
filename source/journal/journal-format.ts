// The journal's records: one JSON object per line (docs/journal.md). Times are ISO strings for a
// reader; steps and workflows are kept as the engine holds them (epoch ms), so a replay rebuilds
// exactly the events the recording printed. Parsing checks every field a replay reads, so a
// damaged line is found where it is, not later as a crash.
import type {ApiError, ApiErrorKind} from '../core/api-error.js';
import {safeJson} from '../core/safe-json.js';
import {sanitize} from '../core/sanitize.js';
import type {Step, Workflow} from '../core/step.js';

export const JOURNAL_FORMAT = 1;

export interface JournalHeader {
	kind: 'header';
	journal: number;
	cpWatch: string;
	/** One workflow, or every workflow of the domain (then records name theirs). */
	scope: 'workflow' | 'domain';
	domain: string;
	workflowId: string | null;
	intervalMs: number;
	/** The run's --status: what its line mode and NDJSON printed (the journal holds every step). */
	statusFilter: string[];
	time: number;
}

interface Of {
	time: number;
	workflowId: string;
}

export type JournalRecord =
	| JournalHeader
	| (Of & {kind: 'snapshot'; workflow: Workflow | null; steps: Step[]})
	| (Of & {kind: 'step'; step: Step; previousStatus: string | null})
	| (Of & {kind: 'workflow'; workflow: Workflow; previousStatus: string | null})
	/** The workflow's counters moved without its status: the header's progress, not a printed event. */
	| (Of & {kind: 'progress'; workflow: Workflow})
	| (Of & {kind: 'throttled'; retryAt: number | null})
	| (Of & {kind: 'error'; error: JournalError})
	| (Of & {kind: 'recovered'})
	| (Of & {kind: 'end'; reason: 'done' | 'error'});

export type JournalError = Pick<ApiError, 'kind' | 'message' | 'retryable'> & {code: string | null};

export type JournalKind = JournalRecord['kind'];

const iso = (time: number) => new Date(time).toISOString();

/** One line of the file, without its newline. */
export function formatJournalRecord(record: JournalRecord): string {
	const out: Record<string, unknown> = {...record, time: iso(record.time)};
	if (record.kind === 'throttled') out.retryAt = record.retryAt === null ? null : iso(record.retryAt);
	// The header leads with the format version so `head -1` tells a reader what it is.
	if (record.kind === 'header') return safeJson({journal: record.journal, ...out});
	// Step messages are the API's text: escaped so `cat` or `tail -f` of a journal is safe too.
	return safeJson(out);
}

export type ParsedLine = {ok: true; record: JournalRecord} | {ok: false; problem: string};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const stringOrNull = (value: unknown) => value === null || isString(value);

function parseTime(value: unknown): number | undefined {
	if (!isString(value)) return undefined;
	const time = Date.parse(value);
	return Number.isFinite(time) ? time : undefined;
}

export function isStep(value: unknown): value is Step {
	return (
		isObject(value) &&
		isString(value.FlowName) &&
		isString(value.Status) &&
		isString(value.ExecutionMessage) &&
		isNumber(value.RecordsProcessed) &&
		isString(value.BatchRecordsStartTime) &&
		isString(value.BatchRecordsEndTime) &&
		isNumber(value.CreatedAt) &&
		isNumber(value.LastUpdatedAt)
	);
}

export function isWorkflow(value: unknown): value is Workflow {
	return (
		isObject(value) &&
		isString(value.WorkflowId) &&
		isString(value.WorkflowType) &&
		isString(value.Status) &&
		isString(value.ErrorDescription) &&
		isNumber(value.StartDate) &&
		isNumber(value.LastUpdatedAt) &&
		optional(value.SourceConnectorType, isString) &&
		optional(value.ConnectorProfileName, isString) &&
		optional(value.RoleArn, isString) &&
		optional(value.RecordsProcessed, isNumber) &&
		optional(value.StepsCompleted, isNumber) &&
		optional(value.TotalSteps, isNumber)
	);
}

const ERROR_KINDS = new Set<ApiErrorKind>(['throttled', 'not-found', 'access-denied', 'bad-request', 'credentials', 'network', 'timeout', 'server', 'unknown']);

function isJournalError(value: unknown): value is JournalError {
	return (
		isObject(value) &&
		isString(value.kind) &&
		ERROR_KINDS.has(value.kind as ApiErrorKind) &&
		isString(value.message) &&
		typeof value.retryable === 'boolean' &&
		stringOrNull(value.code)
	);
}

/** One line of a journal, checked. The problem names what is wrong, not where (the reader knows). */
export function parseJournalLine(text: string): ParsedLine {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {ok: false, problem: 'is not valid JSON'};
	}
	if (!isObject(value)) return {ok: false, problem: 'is not a JSON object'};
	const time = parseTime(value.time);
	if (time === undefined) return {ok: false, problem: 'has no valid "time"'};
	// The kind comes from the file: shown, so made safe for the terminal.
	const bad = (what: string): ParsedLine => ({ok: false, problem: `is a "${sanitize(String(value.kind))}" record with ${what}`});

	if (value.kind === 'header') {
		if (!isNumber(value.journal)) return bad('no format version');
		if (value.journal > JOURNAL_FORMAT) {
			return {ok: false, problem: `was written in journal format ${value.journal}; this cp-watch reads format ${JOURNAL_FORMAT}`};
		}
		if (!isString(value.domain) || !stringOrNull(value.workflowId) || (value.scope !== 'workflow' && value.scope !== 'domain')) {
			return bad('no domain, workflow or scope');
		}
		return {
			ok: true,
			record: {
				kind: 'header',
				journal: value.journal,
				cpWatch: isString(value.cpWatch) ? value.cpWatch : 'unknown',
				scope: value.scope,
				domain: value.domain,
				workflowId: value.workflowId as string | null,
				intervalMs: isNumber(value.intervalMs) ? value.intervalMs : 0,
				statusFilter: Array.isArray(value.statusFilter) ? value.statusFilter.filter(isString) : [],
				time,
			},
		};
	}

	if (!isString(value.workflowId)) return bad('no "workflowId"');
	const of = {time, workflowId: value.workflowId};
	const previousStatus = value.previousStatus ?? null;
	switch (value.kind) {
		case 'snapshot':
			if (!(value.workflow === null || isWorkflow(value.workflow))) return bad('a damaged workflow');
			if (!Array.isArray(value.steps) || !value.steps.every(isStep)) return bad('damaged steps');
			return {ok: true, record: {...of, kind: 'snapshot', workflow: value.workflow as Workflow | null, steps: value.steps as Step[]}};
		case 'step':
			if (!isStep(value.step) || !stringOrNull(previousStatus)) return bad('a damaged step');
			return {ok: true, record: {...of, kind: 'step', step: value.step, previousStatus: previousStatus as string | null}};
		case 'workflow':
		case 'progress':
			if (!isWorkflow(value.workflow) || !stringOrNull(previousStatus)) return bad('a damaged workflow');
			return {
				ok: true,
				record:
					value.kind === 'workflow'
						? {...of, kind: 'workflow', workflow: value.workflow, previousStatus: previousStatus as string | null}
						: {...of, kind: 'progress', workflow: value.workflow},
			};
		case 'throttled': {
			const retryAt = value.retryAt === null || value.retryAt === undefined ? null : parseTime(value.retryAt);
			if (retryAt === undefined) return bad('a damaged "retryAt"');
			return {ok: true, record: {...of, kind: 'throttled', retryAt}};
		}
		case 'error':
			if (!isJournalError(value.error)) return bad('a damaged error');
			return {ok: true, record: {...of, kind: 'error', error: value.error}};
		case 'recovered':
			return {ok: true, record: {...of, kind: 'recovered'}};
		case 'end':
			if (value.reason !== 'done' && value.reason !== 'error') return bad('an unknown "reason"');
			return {ok: true, record: {...of, kind: 'end', reason: value.reason}};
		default:
			return {ok: false, problem: `has an unknown kind ${sanitize(JSON.stringify(value.kind ?? null))}`};
	}
}
