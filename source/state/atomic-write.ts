// Writes a file so that a reader (or the next run, after a crash or a kill mid-write) sees either
// the old content or the new, never half of it: write a temporary file beside it, then rename it
// over the target, which POSIX makes atomic within one directory.
import {renameSync, unlinkSync, writeFileSync} from 'node:fs';
import {rename, unlink, writeFile} from 'node:fs/promises';

/** The file operations used, so a test can stop a write between its two halves. */
export interface AtomicWriteFs {
	writeFileSync(path: string, data: string | Uint8Array, options: {mode: number}): void;
	renameSync(from: string, to: string): void;
	unlinkSync(path: string): void;
}

const NODE_FS: AtomicWriteFs = {writeFileSync, renameSync, unlinkSync};

let sequence = 0;

/** Beside the target, unique to this process and write; `*.tmp`, so readers skip it. */
export function temporaryPath(path: string): string {
	sequence++;
	return `${path}.${process.pid}.${sequence}.tmp`;
}

export function writeFileAtomicSync(path: string, data: string | Uint8Array, options: {mode?: number; fs?: AtomicWriteFs} = {}): void {
	const fs = options.fs ?? NODE_FS;
	const temporary = temporaryPath(path);
	try {
		fs.writeFileSync(temporary, data, {mode: options.mode ?? 0o644});
		fs.renameSync(temporary, path);
	} catch (error) {
		try {
			fs.unlinkSync(temporary);
		} catch {
			// Never written, or already renamed.
		}
		throw error;
	}
}

/** The same without blocking the event loop: for writes made while the UI runs. `stillWanted` is
 * asked just before the rename: a newer write made meanwhile must not be replaced by this older one. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: {mode?: number; stillWanted?: () => boolean} = {}): Promise<void> {
	const temporary = temporaryPath(path);
	try {
		await writeFile(temporary, data, {mode: options.mode ?? 0o644});
		if (options.stillWanted && !options.stillWanted()) {
			await unlink(temporary);
			return;
		}
		await rename(temporary, path);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
}

/** "EACCES", "EISDIR"...: what a failed read or write says in a warning. */
export function errorCode(error: unknown): string {
	return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : 'error');
}
