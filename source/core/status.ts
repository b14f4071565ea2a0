// The one status table: every screen and output mode reads glyphs, colours, labels and meanings
// from here, so a status looks and behaves the same everywhere.

export const STATUSES = [
	'NOT_STARTED',
	'IN_PROGRESS',
	'COMPLETE',
	'FAILED',
	'SPLIT',
	'RETRY',
	'CANCELLED',
] as const;

export type KnownStatus = (typeof STATUSES)[number];

export interface StatusInfo {
	status: string;
	/** Short label shown next to the glyph; readable without colour. */
	label: string;
	glyph: string;
	/** Plain-ASCII glyph for --ascii and terminals without Unicode. */
	asciiGlyph: string;
	/** An Ink colour name. */
	color: string;
	/** The key (1-7) that toggles this status in the filter; 0 for unknown statuses. */
	filterKey: number;
	/** A workflow or step in this status will not change any more. */
	isFinal: boolean;
	/** Shown by "problems only" (x). */
	isProblem: boolean;
}

const TABLE: Record<KnownStatus, Omit<StatusInfo, 'status' | 'filterKey'>> = {
	NOT_STARTED: {label: 'queued', glyph: '○', asciiGlyph: '_', color: 'gray', isFinal: false, isProblem: false},
	IN_PROGRESS: {label: 'running', glyph: '▶', asciiGlyph: '>', color: 'cyan', isFinal: false, isProblem: false},
	COMPLETE: {label: 'complete', glyph: '✔', asciiGlyph: '+', color: 'green', isFinal: true, isProblem: false},
	FAILED: {label: 'failed', glyph: '✖', asciiGlyph: 'x', color: 'red', isFinal: true, isProblem: true},
	SPLIT: {label: 'split', glyph: '⑂', asciiGlyph: '/', color: 'magenta', isFinal: true, isProblem: false},
	RETRY: {label: 'retry', glyph: '↻', asciiGlyph: 'r', color: 'yellow', isFinal: false, isProblem: true},
	CANCELLED: {label: 'cancelled', glyph: '⊘', asciiGlyph: '-', color: 'yellow', isFinal: true, isProblem: true},
};

const INFO = new Map<string, StatusInfo>(
	STATUSES.map((status, index) => [status, {status, filterKey: index + 1, ...TABLE[status]}]),
);

export function isKnownStatus(status: string): status is KnownStatus {
	return INFO.has(status);
}

/** Info for any status string; an unknown one is shown as itself rather than crashing. */
export function statusInfo(status: string): StatusInfo {
	return (
		INFO.get(status) ?? {
			status,
			label: status.toLowerCase(),
			glyph: '?',
			asciiGlyph: '?',
			color: 'white',
			filterKey: 0,
			isFinal: false,
			isProblem: false,
		}
	);
}

export const PROBLEM_STATUSES: readonly KnownStatus[] = STATUSES.filter(s => TABLE[s].isProblem);

export function isFinalStatus(status: string): boolean {
	return statusInfo(status).isFinal;
}
