// The six operations as functions of the world at virtual time t: request in, response body out.
import type {Caller} from './authorization.js';
import type {Cursor, TokenSigner} from './paging-token.js';
import {KNOWN_STATUSES, type Operation} from './scenario.js';
import {checkBoolean, checkDomainName, checkMaxResults, checkNextTokenLength, checkWorkflowId, printable} from './validation.js';
import {badRequest, notFound} from './wire-errors.js';
import {
	epoch,
	stepView,
	stepsExisting,
	workflowExists,
	workflowView,
	type CompiledDomain,
	type CompiledWorkflow,
	type World,
} from './world.js';

export const ACCOUNT_ID = '123456789012';

export interface OperationContext {
	world: World;
	/** Virtual seconds now. */
	t: number;
	pageSize: number;
	tokenTtlSeconds: number | null;
	signer: TokenSigner;
	caller: Caller;
	DomainName?: string;
	WorkflowId?: string;
	query: URLSearchParams;
	body: unknown;
}

export interface OperationResult {
	body: Record<string, unknown>;
	/** Items returned, for the request log; null for single-resource operations. */
	items: number | null;
}

export const OPERATION_HANDLERS: Record<Operation, (context: OperationContext) => OperationResult> = {
	GetWorkflowSteps: getWorkflowSteps,
	GetWorkflow: getWorkflow,
	ListWorkflows: listWorkflows,
	ListDomains: listDomains,
	GetDomain: getDomain,
	ListIntegrations: listIntegrations,
};

// Each operation checks its whole input first, as the service validates a request before it reads
// anything: max-results=0 on an unknown domain is a 400, not a 404.

function getWorkflowSteps(context: OperationContext): OperationResult {
	const {world, t} = context;
	const ids = checkWorkflowPath(context);
	const limit = checkMaxResults(param(context, 'max-results'), context.pageSize);
	const token = nextTokenParam(context);
	const {domain, workflow} = findWorkflow(context.world, ids, t);
	const scope = `GetWorkflowSteps ${domain.spec.DomainName}/${workflow.spec.WorkflowId}`;
	const cursor = readCursor(context, token, scope);
	const walkStart = cursor?.walkStart ?? t;
	const bound = Math.min(walkStart, t);
	const end = stepsExisting(workflow, bound);
	const from = Math.min(cursor?.position ?? 0, end);
	const to = Math.min(end, from + limit);
	const Items = [];
	for (let i = from; i < to; i++) Items.push({AppflowIntegration: stepView(world, workflow.steps[i], t)});
	const NextToken = to < end ? context.signer.issue({scope, position: to, walkStart, issued: t}) : undefined;
	return {body: {WorkflowId: workflow.spec.WorkflowId, WorkflowType: workflow.spec.WorkflowType, Items, NextToken}, items: Items.length};
}

function getWorkflow(context: OperationContext): OperationResult {
	const {workflow} = findWorkflow(context.world, checkWorkflowPath(context), context.t);
	const view = workflowView(context.world, workflow, context.t);
	const spec = workflow.spec;
	return {
		body: {
			WorkflowId: spec.WorkflowId,
			WorkflowType: spec.WorkflowType,
			Status: view.Status,
			ErrorDescription: view.ErrorDescription,
			StartDate: view.StartDate,
			LastUpdatedAt: view.LastUpdatedAt,
			Attributes: {AppflowIntegration: {SourceConnectorType: spec.SourceConnectorType, ConnectorProfileName: spec.ConnectorProfileName, RoleArn: spec.RoleArn}},
			Metrics: {AppflowIntegration: {RecordsProcessed: view.RecordsProcessed, StepsCompleted: view.StepsCompleted, TotalSteps: view.TotalSteps}},
		},
		items: null,
	};
}

interface WorkflowFilter {
	WorkflowType?: string;
	Status?: string;
	QueryStartDate?: number;
	QueryEndDate?: number;
}

function listWorkflows(context: OperationContext): OperationResult {
	const {world, t} = context;
	const name = checkDomainPath(context);
	const filter = readWorkflowFilter(context.body);
	const limit = checkMaxResults(param(context, 'max-results'), context.pageSize);
	const token = nextTokenParam(context);
	const domain = findDomain(world, name);
	const scope = `ListWorkflows ${domain.spec.DomainName} ${JSON.stringify(filter)}`;
	const cursor = readCursor(context, token, scope);
	const walkStart = cursor?.walkStart ?? t;
	const bound = Math.min(walkStart, t);
	const matches = (workflow: CompiledWorkflow) => {
		if (!workflowExists(workflow, bound)) return undefined;
		const created = epoch(world, workflow.spec.at);
		if (filter.WorkflowType !== undefined && workflow.spec.WorkflowType !== filter.WorkflowType) return undefined;
		if (filter.QueryStartDate !== undefined && created < filter.QueryStartDate) return undefined;
		if (filter.QueryEndDate !== undefined && created > filter.QueryEndDate) return undefined;
		const view = workflowView(world, workflow, t);
		if (filter.Status !== undefined && view.Status !== filter.Status) return undefined;
		return view;
	};
	const Items: Record<string, unknown>[] = [];
	let next = 0;
	let more = false;
	for (let position = cursor?.position ?? 0; position < domain.workflows.length; position++) {
		const workflow = domain.workflows[position];
		const view = matches(workflow);
		if (!view) continue;
		if (Items.length === limit) {
			more = true;
			break;
		}
		Items.push({
			WorkflowType: workflow.spec.WorkflowType,
			WorkflowId: workflow.spec.WorkflowId,
			Status: view.Status,
			StatusDescription: view.StatusDescription,
			CreatedAt: view.StartDate,
			LastUpdatedAt: view.LastUpdatedAt,
		});
		next = position + 1;
	}
	const NextToken = more ? context.signer.issue({scope, position: next, walkStart, issued: t}) : undefined;
	return {body: {Items, NextToken}, items: Items.length};
}

function listDomains(context: OperationContext): OperationResult {
	const {world, t} = context;
	const limit = checkMaxResults(param(context, 'max-results'), context.pageSize);
	const scope = 'ListDomains';
	const cursor = readCursor(context, nextTokenParam(context), scope);
	const from = cursor?.position ?? 0;
	const page = world.domains.slice(from, from + limit);
	const Items = page.map(domain => ({
		DomainName: domain.spec.DomainName,
		CreatedAt: epoch(world, domain.spec.at),
		LastUpdatedAt: epoch(world, domain.spec.at),
		Tags: tagsOrUndefined(domain.spec.Tags),
	}));
	const NextToken = from + limit < world.domains.length ? context.signer.issue({scope, position: from + limit, walkStart: cursor?.walkStart ?? t, issued: t}) : undefined;
	return {body: {Items, NextToken}, items: Items.length};
}

function getDomain(context: OperationContext): OperationResult {
	const {world, t} = context;
	const domain = findDomain(world, checkDomainPath(context));
	let records = 0;
	for (const workflow of domain.workflows) if (workflowExists(workflow, t)) records += workflowView(world, workflow, t).RecordsProcessed;
	return {
		body: {
			DomainName: domain.spec.DomainName,
			DefaultExpirationDays: domain.spec.DefaultExpirationDays,
			Stats: {ProfileCount: records, MeteringProfileCount: records, ObjectCount: records, TotalSize: records * 1024},
			CreatedAt: epoch(world, domain.spec.at),
			LastUpdatedAt: epoch(world, domain.spec.at),
			Tags: tagsOrUndefined(domain.spec.Tags),
		},
		items: null,
	};
}

function listIntegrations(context: OperationContext): OperationResult {
	const {world, t} = context;
	const name = checkDomainPath(context);
	checkBoolean(param(context, 'include-hidden'), 'IncludeHidden', 'include-hidden');
	const limit = checkMaxResults(param(context, 'max-results'), context.pageSize);
	const token = nextTokenParam(context);
	const domain = findDomain(world, name);
	const scope = `ListIntegrations ${domain.spec.DomainName}`;
	const cursor = readCursor(context, token, scope);
	const walkStart = cursor?.walkStart ?? t;
	const bound = Math.min(walkStart, t);
	const from = cursor?.position ?? 0;
	// Workflows appear in creation order, so those created by the walk's start are a prefix; a
	// deleted one leaves a gap in its page.
	const existing = domain.workflows.filter(workflow => workflow.spec.at <= bound).length;
	const page = domain.workflows.slice(from, Math.min(existing, from + limit)).filter(workflow => workflowExists(workflow, bound));
	const Items = page.map(workflow => ({
		DomainName: domain.spec.DomainName,
		Uri: `arn:aws:appflow:${context.caller.region}:${ACCOUNT_ID}:flow/${workflow.spec.generate?.flowNamePrefix ?? `${workflow.spec.SourceConnectorType}-${workflow.spec.WorkflowId.slice(0, 8)}`}`,
		ObjectTypeName: `${workflow.spec.SourceConnectorType}-Contact`,
		CreatedAt: epoch(world, workflow.spec.at),
		LastUpdatedAt: workflowView(world, workflow, t).LastUpdatedAt,
		WorkflowId: workflow.spec.WorkflowId,
		IsUnstructured: false,
	}));
	const NextToken = from + limit < existing ? context.signer.issue({scope, position: from + limit, walkStart, issued: t}) : undefined;
	return {body: {Items, NextToken}, items: Items.length};
}

function checkDomainPath(context: OperationContext): string {
	return checkDomainName(context.DomainName ?? '');
}

function checkWorkflowPath(context: OperationContext): {name: string; id: string} {
	return {name: checkDomainPath(context), id: checkWorkflowId(context.WorkflowId ?? '')};
}

function nextTokenParam(context: OperationContext): string | undefined {
	const token = param(context, 'next-token');
	return token === undefined ? undefined : checkNextTokenLength(token);
}

function findDomain(world: World, name: string): CompiledDomain {
	const domain = world.byName.get(name);
	if (!domain) throw notFound(`Domain ${name} does not exist`);
	return domain;
}

function findWorkflow(world: World, {name, id}: {name: string; id: string}, t: number): {domain: CompiledDomain; workflow: CompiledWorkflow} {
	const domain = findDomain(world, name);
	const workflow = domain.byId.get(id);
	if (!workflow || !workflowExists(workflow, t)) throw notFound(`Workflow ${id} does not exist in domain ${name}`);
	return {domain, workflow};
}

function readCursor(context: OperationContext, token: string | undefined, scope: string): Cursor | undefined {
	if (token === undefined) return undefined;
	return context.signer.read(token, scope, context.t, context.tokenTtlSeconds);
}

// A repeated query parameter is ambiguous; the first one wins, as in most AWS front ends.
function param(context: OperationContext, name: string): string | undefined {
	return context.query.get(name) ?? undefined;
}

function readWorkflowFilter(body: unknown): WorkflowFilter {
	if (body === undefined) return {};
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object');
	const raw = body as Record<string, unknown>;
	const filter: WorkflowFilter = {};
	if (raw.WorkflowType !== undefined && raw.WorkflowType !== null) {
		if (raw.WorkflowType !== 'APPFLOW_INTEGRATION') throw badRequest(`1 validation error detected: Value '${printable(String(raw.WorkflowType))}' at 'WorkflowType' failed to satisfy constraint: Member must satisfy enum value set: [APPFLOW_INTEGRATION]`);
		filter.WorkflowType = raw.WorkflowType;
	}
	if (raw.Status !== undefined && raw.Status !== null) {
		if (typeof raw.Status !== 'string' || !(KNOWN_STATUSES as readonly string[]).includes(raw.Status)) {
			throw badRequest(`1 validation error detected: Value '${printable(String(raw.Status))}' at 'Status' failed to satisfy constraint: Member must satisfy enum value set: [${KNOWN_STATUSES.join(', ')}]`);
		}
		filter.Status = raw.Status;
	}
	for (const member of ['QueryStartDate', 'QueryEndDate'] as const) {
		const value = raw[member];
		if (value === undefined || value === null) continue;
		if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be a timestamp in epoch seconds`);
		filter[member] = value;
	}
	return filter;
}

function tagsOrUndefined(tags: Record<string, string>): Record<string, string> | undefined {
	return Object.keys(tags).length > 0 ? tags : undefined;
}
