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
	entries(): readonly RequestLogEntry[];
	close(): Promise<void>;
}

// Kept bounded: an emulator left running for days must not grow without limit.
const MAX_IN_MEMORY = 100_000;

export function createRequestLog(options: {file?: string; onEntry?: (entry: RequestLogEntry) => void}): RequestLog {
	const entries: RequestLogEntry[] = [];
	let stream: WriteStream | undefined;
	// Opened synchronously so a bad path fails startEmulator, not a later write.
	if (options.file) stream = createWriteStream('', {fd: openSync(options.file, 'a')});
	return {
		add(entry) {
			entries.push(entry);
			if (entries.length > MAX_IN_MEMORY) entries.splice(0, entries.length - MAX_IN_MEMORY);
			stream?.write(`${JSON.stringify(entry)}\n`);
			options.onEntry?.(entry);
		},
		entries: () => entries,
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
