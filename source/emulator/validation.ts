// The model's constraints on request members; a violation is a 400 that names the member.
import {badRequest} from './wire-errors.js';

export const DOMAIN_NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;
export const WORKFLOW_ID_PATTERN = /^[a-f0-9]{32}$/;

export function checkDomainName(value: string): string {
	if (value.length < 1 || value.length > 64) throw badRequest(`1 validation error detected: Value at 'DomainName' failed to satisfy constraint: Member must have length between 1 and 64`);
	if (!DOMAIN_NAME_PATTERN.test(value)) throw badRequest(`1 validation error detected: Value at 'DomainName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_-]+$`);
	return value;
}

export function checkWorkflowId(value: string): string {
	if (!WORKFLOW_ID_PATTERN.test(value)) throw badRequest(`1 validation error detected: Value at 'WorkflowId' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-f0-9]{32}`);
	return value;
}

/** max-results: absent means the scenario's page size. */
export function checkMaxResults(value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^-?\d+$/.test(value)) throw badRequest(`1 validation error detected: Value '${printable(value)}' at 'MaxResults' failed to satisfy constraint: Member must be an integer (query max-results)`);
	const number = Number(value);
	if (number < 1 || number > 100) throw badRequest(`1 validation error detected: Value '${number}' at 'MaxResults' failed to satisfy constraint: Member must have value between 1 and 100 (query max-results)`);
	return number;
}

export function checkNextTokenLength(value: string): string {
	if (value.length < 1 || value.length > 1024) throw badRequest(`1 validation error detected: Value at 'NextToken' failed to satisfy constraint: Member must have length between 1 and 1024 (query next-token)`);
	return value;
}

export function checkBoolean(value: string | undefined, member: string, query: string): boolean | undefined {
	if (value === undefined) return undefined;
	if (value === 'true') return true;
	if (value === 'false') return false;
	throw badRequest(`1 validation error detected: Value '${printable(value)}' at '${member}' failed to satisfy constraint: Member must be true or false (query ${query})`);
}

// Echoed values must not carry control characters into a client's terminal.
export function printable(text: string): string {
	const clipped = text.length > 64 ? `${text.slice(0, 64)}...` : text;
	return clipped.replace(/[\u0000-\u001F\u007F-\u009F]/g, '?');
}
