// One record per request: in memory, to an optional JSON-lines file, and to a callback.
import {createWriteStream, openSync, type WriteStream} from 'node:fs';

export interface RequestLogEntry {
	/** Epoch milliseconds when the request arrived. */
	t: number;
	/** The operation, or 'Unknown' for a path no operation serves. */
	op: string;
	method: string;
	path: string;
	/** HTTP status; null when the connection was destroyed without a response. */
	status: number | null;
	/** The x-amzn-ErrorType sent, 'Hangup' for a destroyed connection, else null. */
	error: string | null;
	invocationId: string | null;
	attempt: number | null;
	maxAttempts: number | null;
	domain?: string;
	workflowId?: string;
	/** Whether the request carried a next-token. */
	nextToken: boolean;
	/** Items in a list response; null otherwise. */
	items: number | null;
	/** Virtual seconds at the request. */
	virtualTime: number;
	requestId: string;
}

export interface RequestLog {
	add(entry: RequestLogEntry): void;
	/** Oldest first; a copy. */
	entries(): readonly RequestLogEntry[];
	close(): Promise<void>;
}

// Kept bounded: an emulator left running for days must not grow without limit.
export const DEFAULT_KEEP_IN_MEMORY = 100_000;

export function createRequestLog(options: {file?: string; onEntry?: (entry: RequestLogEntry) => void; keep?: number}): RequestLog {
	const keep = Math.max(0, Math.floor(options.keep ?? DEFAULT_KEEP_IN_MEMORY));
	// A ring: once full, each entry overwrites the oldest in O(1), where a splice would move them all.
	const ring: RequestLogEntry[] = [];
	let oldest = 0;
	let stream: WriteStream | undefined;
	// Opened synchronously so a bad path fails startEmulator, not a later write.
	if (options.file) stream = createWriteStream('', {fd: openSync(options.file, 'a')});
	return {
		add(entry) {
			if (ring.length < keep) {
				ring.push(entry);
			} else if (keep > 0) {
				ring[oldest] = entry;
				oldest = (oldest + 1) % keep;
			}
			stream?.write(`${JSON.stringify(entry)}\n`);
			options.onEntry?.(entry);
		},
		entries: () => [...ring.slice(oldest), ...ring.slice(0, oldest)],
		close: () =>
			new Promise(resolve => {
				if (!stream) return resolve();
				stream.end(() => resolve());
			}),
	};
}

/** `amz-sdk-request: attempt=N; max=M`, as the SDKs send it. */
export function readAttempt(header: string | undefined): {attempt: number | null; maxAttempts: number | null} {
	const attempt = header ? /attempt=(\d+)/.exec(header) : null;
	const max = header ? /max=(\d+)/.exec(header) : null;
	return {attempt: attempt ? Number(attempt[1]) : null, maxAttempts: max ? Number(max[1]) : null};
}
