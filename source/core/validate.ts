// The service's own constraints on identifiers, checked before any request so a typo costs a clear
// message instead of a 400 after a round trip.

const DOMAIN_NAME = /^[a-zA-Z0-9_-]+$/;
const WORKFLOW_ID = /^[a-f0-9]{32}$/;

/** Undefined when valid, else why not (one line). */
export function validateDomainName(name: string): string | undefined {
	if (name.length === 0) return 'a domain name cannot be empty';
	if (name.length > 64) return `a domain name has at most 64 characters (got ${name.length})`;
	if (!DOMAIN_NAME.test(name)) return `a domain name has only letters, digits, '-' and '_' (got '${printable(name)}')`;
	return undefined;
}

/** Undefined when valid, else why not (one line). */
export function validateWorkflowId(id: string): string | undefined {
	if (WORKFLOW_ID.test(id)) return undefined;
	return `a workflow id is 32 lowercase hex characters (got '${printable(id)}')`;
}

// The bad value is echoed back, so keep it from carrying control characters to the terminal.
function printable(text: string): string {
	const clipped = text.length > 80 ? `${text.slice(0, 80)}…` : text;
	return clipped.replace(/[\u0000-\u001F\u007F-\u009F]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
