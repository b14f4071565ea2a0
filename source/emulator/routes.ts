// The six operations' methods and paths. Path labels are decoded per segment, after splitting,
// so an encoded '/' inside a label stays inside it.
import type {Operation} from './scenario.js';

export interface Route {
	operation: Operation;
	DomainName?: string;
	WorkflowId?: string;
}

export function matchRoute(method: string, pathname: string): Route | undefined {
	if (!pathname.startsWith('/')) return undefined;
	let segments: string[];
	try {
		segments = pathname.slice(1).split('/').map(segment => decodeURIComponent(segment));
	} catch {
		return undefined;
	}
	if (segments[0] !== 'domains' || segments.slice(1).some(segment => segment === '')) return undefined;
	const [, DomainName, collection, WorkflowId, leaf] = segments;
	switch (segments.length) {
		case 1:
			return method === 'GET' ? {operation: 'ListDomains'} : undefined;
		case 2:
			return method === 'GET' ? {operation: 'GetDomain', DomainName} : undefined;
		case 3:
			if (collection === 'workflows' && method === 'POST') return {operation: 'ListWorkflows', DomainName};
			if (collection === 'integrations' && method === 'GET') return {operation: 'ListIntegrations', DomainName};
			return undefined;
		case 4:
			return collection === 'workflows' && method === 'GET' ? {operation: 'GetWorkflow', DomainName, WorkflowId} : undefined;
		case 5:
			return collection === 'workflows' && leaf === 'steps' && method === 'GET' ? {operation: 'GetWorkflowSteps', DomainName, WorkflowId} : undefined;
		default:
			return undefined;
	}
}
