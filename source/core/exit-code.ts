// The documented exit codes, in one place (README and --help list the same table).
import type {ApiErrorKind} from './api-error.js';

export const EXIT = {
	ok: 0,
	workflowFailed: 1,
	usage: 2,
	workflowCancelled: 3,
	accessDenied: 4,
	notFound: 5,
	timeout: 6,
	/** Gave up: the API, the network, TLS or the proxy kept failing. */
	gaveUp: 7,
} as const;

/** With --exit-status: the code for a workflow that reached `status`; undefined while not final. */
export function exitCodeForWorkflowStatus(status: string): number | undefined {
	switch (status) {
		case 'COMPLETE':
			return EXIT.ok;
		case 'FAILED':
			return EXIT.workflowFailed;
		case 'CANCELLED':
			return EXIT.workflowCancelled;
		default:
			return undefined;
	}
}

/** The code for an error that ends the program. */
export function exitCodeForError(kind: ApiErrorKind): number {
	switch (kind) {
		case 'credentials':
		case 'access-denied':
			return EXIT.accessDenied;
		case 'not-found':
			return EXIT.notFound;
		case 'bad-request':
			return EXIT.usage;
		case 'gave-up':
			return EXIT.gaveUp;
		default:
			// Throttling, network, TLS, proxy, server: an outage, which a CI job must be able to tell
			// from a FAILED ingestion (1).
			return EXIT.gaveUp;
	}
}
