// The journal on disk: opened for appending before anything starts (a path that cannot be written
// is a usage error, found before the TUI takes the screen), one synchronous write per line, so a
// killed process loses at most the line it was writing.
import {closeSync, openSync, writeSync} from 'node:fs';
import {formatJournalRecord, type JournalRecord} from './journal-format.js';

export interface JournalSink {
	write(record: JournalRecord): void;
	/** Why records are being dropped, once a write failed. */
	problem?(): string | undefined;
}

export interface JournalFile extends JournalSink {
	readonly path: string;
	/** Set once a write failed (disk full...); later records are dropped, not retried. */
	problem(): string | undefined;
	close(): void;
}

export type OpenedJournal = {ok: true; file: JournalFile} | {ok: false; error: string};

export function openJournalFile(path: string): OpenedJournal {
	let fd: number;
	try {
		fd = openSync(path, 'a');
	} catch (error) {
		return {ok: false, error: `--record ${path}: ${reason(error)}`};
	}
	let problem: string | undefined;
	let open = true;
	return {
		ok: true,
		file: {
			path,
			problem: () => problem,
			write(record) {
				if (!open || problem !== undefined) return;
				try {
					writeSync(fd, `${formatJournalRecord(record)}\n`);
				} catch (error) {
					problem = `--record ${path}: cannot write: ${reason(error)}`;
				}
			},
			close() {
				if (!open) return;
				open = false;
				try {
					closeSync(fd);
				} catch {
					// Closing after a failed write can fail again; the problem is already known.
				}
			},
		},
	};
}

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT':
			return 'no such directory';
		case 'EACCES':
		case 'EPERM':
			return 'permission denied';
		case 'EISDIR':
			return 'is a directory';
		case 'EROFS':
			return 'read-only file system';
		case 'ENOSPC':
			return 'no space left on the device';
		case 'EIO':
			return 'input/output error';
		default:
			return code ?? (error instanceof Error ? error.message : String(error));
	}
}
