// The state directory ($XDG_STATE_HOME/cp-watch, else ~/.local/state/cp-watch): one file per
// workflow, so saving one workflow never rewrites the others, and the directory's modification
// times are the index that keeps the newest 50 (two cp-watch processes cannot lose each other's
// entries the way they could in a shared index file). A file that cannot be read is reported
// once and then left exactly as it is: never written over, never pruned.
import {mkdirSync, readdirSync, readFileSync, statSync, unlinkSync} from 'node:fs';
import {mkdir, readFile, readdir, stat, unlink} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type {Recollection} from '../core/away-summary.js';
import {validateDomainName, validateWorkflowId} from '../core/validate.js';
import {errorCode, writeFileAtomic, writeFileAtomicSync} from './atomic-write.js';
import {decodeSeen, decodeSeenSync, encodeSeen, encodeSeenSync, type Decoded, type LookToSave} from './seen-file-format.js';

/** Workflows kept; the oldest look is dropped first. */
export const KEPT_WORKFLOWS = 50;

const FILE = /^[A-Za-z0-9_-]{1,64}\.[a-f0-9]{32}\.json\.gz$/;
const TEMPORARY = /\.tmp$/;
/** A temporary file this old was left by a process that died mid-write. */
const STALE_TEMPORARY_MS = 10 * 60_000;

export function stateDirectory(env: NodeJS.ProcessEnv): string {
	// XDG says a relative path is invalid and must be ignored.
	const base = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith('/') ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
	return join(base, 'cp-watch');
}

export interface SeenStore {
	directory: string;
	/** Reads the last look at a workflow; a problem comes back as a warning, at most once per file. */
	recall(domain: string, workflowId: string): Promise<Recollection>;
	/** Saves without blocking for long; resolves to a warning instead of throwing. */
	save(look: LookToSave): Promise<string | undefined>;
	/** For the way out, when nothing asynchronous will run any more. */
	saveSync(look: LookToSave): string | undefined;
}

/** The file of a workflow, or undefined for names the service would not accept (never a path). */
export function seenFileName(domain: string, workflowId: string): string | undefined {
	if (validateDomainName(domain) !== undefined || validateWorkflowId(workflowId) !== undefined) return undefined;
	return `${domain}.${workflowId}.json.gz`;
}

export function openSeenStore(directory: string): SeenStore {
	// Files found unusable: reported once, then never touched.
	const unusable = new Set<string>();
	const reported = new Set<string>();
	// Files read (or found absent) by this process: only those may be written, so that a damaged
	// file is found and kept before anything could replace it.
	const checked = new Set<string>();
	// Bumped by every save of a path: an asynchronous save that a later one overtook gives way.
	const generations = new Map<string, number>();
	const nextGeneration = (path: string) => {
		const generation = (generations.get(path) ?? 0) + 1;
		generations.set(path, generation);
		return generation;
	};
	// A directory that cannot be listed cannot be kept to 50 either: write nothing into it.
	let directoryProblem: string | undefined;

	const warnOnce = (path: string, text: string): string | undefined => {
		if (reported.has(path)) return undefined;
		reported.add(path);
		return text;
	};
	const unusableWarning = (path: string, problem: string) =>
		warnOnce(path, `last look ignored: ${path} is ${problem}; it is kept as it is (remove it to start afresh)`);

	const judge = (path: string, seen: Decoded, domain: string, workflowId: string): Recollection => {
		if (!seen.ok) {
			unusable.add(path);
			return {warning: unusableWarning(path, seen.problem)};
		}
		if (seen.seen.domain !== domain || seen.seen.workflowId !== workflowId) {
			unusable.add(path);
			return {warning: unusableWarning(path, 'about another workflow')};
		}
		return {seen: seen.seen};
	};

	const pathFor = (domain: string, workflowId: string) => {
		const name = seenFileName(domain, workflowId);
		return name === undefined ? undefined : join(directory, name);
	};

	const writable = (path: string | undefined): path is string => path !== undefined && directoryProblem === undefined && !unusable.has(path);

	const readProblem = (path: string, error: unknown): Recollection => {
		const code = errorCode(error);
		if (code === 'ENOTDIR') {
			directoryProblem ??= code;
			return {warning: warnOnce(directory, `last looks not kept: ${directory} cannot be a directory (${code})`)};
		}
		unusable.add(path);
		return {warning: warnOnce(path, `last look ignored: cannot read ${path} (${code}); it is kept as it is`)};
	};

	const checkSync = (path: string, domain: string, workflowId: string): Recollection => {
		checked.add(path);
		try {
			return judge(path, decodeSeenSync(readFileSync(path)), domain, workflowId);
		} catch (error) {
			return errorCode(error) === 'ENOENT' ? {} : readProblem(path, error);
		}
	};

	/** The files to delete so that `KEPT_WORKFLOWS` remain, newest first by modification time. */
	const surplus = (entries: Array<{name: string; mtimeMs: number}>): string[] => {
		const now = Date.now();
		const stale = entries.filter(e => TEMPORARY.test(e.name) && now - e.mtimeMs > STALE_TEMPORARY_MS).map(e => e.name);
		const kept = entries.filter(e => FILE.test(e.name)).sort((a, b) => b.mtimeMs - a.mtimeMs);
		const dropped = kept.slice(KEPT_WORKFLOWS).map(e => e.name).filter(name => !unusable.has(join(directory, name)));
		return [...stale, ...dropped];
	};

	const recall = async (domain: string, workflowId: string): Promise<Recollection> => {
		const path = pathFor(domain, workflowId);
		if (path === undefined) return {};
		checked.add(path);
		let bytes: Buffer;
		try {
			bytes = await readFile(path);
		} catch (error) {
			return errorCode(error) === 'ENOENT' ? {} : readProblem(path, error);
		}
		return judge(path, await decodeSeen(bytes), domain, workflowId);
	};

	return {
		directory,
		recall,
		async save(look) {
			const path = pathFor(look.domain, look.workflowId);
			// Taken at the call, so that a later call wins whichever finishes first.
			const generation = path === undefined ? 0 : nextGeneration(path);
			if (path !== undefined && !checked.has(path)) {
				const {warning} = await recall(look.domain, look.workflowId);
				if (warning !== undefined) return warning;
			}
			if (!writable(path)) return undefined;
			try {
				await mkdir(directory, {recursive: true, mode: 0o700});
				const bytes = await encodeSeen(look);
				await writeFileAtomic(path, bytes, {mode: 0o600, stillWanted: () => generations.get(path) === generation});
				const names = await readdir(directory);
				const entries = await Promise.all(names.map(async name => ({name, mtimeMs: (await stat(join(directory, name)).catch(() => undefined))?.mtimeMs ?? 0})));
				await Promise.all(surplus(entries).map(name => unlink(join(directory, name)).catch(() => undefined)));
				return undefined;
			} catch (error) {
				directoryProblem ??= errorCode(error);
				return warnOnce(directory, `last look not saved in ${directory} (${errorCode(error)})`);
			}
		},
		saveSync(look) {
			const path = pathFor(look.domain, look.workflowId);
			if (path !== undefined && !checked.has(path)) {
				const {warning} = checkSync(path, look.domain, look.workflowId);
				if (warning !== undefined) return warning;
			}
			if (!writable(path)) return undefined;
			try {
				nextGeneration(path);
				mkdirSync(directory, {recursive: true, mode: 0o700});
				writeFileAtomicSync(path, encodeSeenSync(look), {mode: 0o600});
				const entries = readdirSync(directory).map(name => {
					try {
						return {name, mtimeMs: statSync(join(directory, name)).mtimeMs};
					} catch {
						return {name, mtimeMs: 0};
					}
				});
				for (const name of surplus(entries)) {
					try {
						unlinkSync(join(directory, name));
					} catch {
						// Already gone (another cp-watch pruned it).
					}
				}
				return undefined;
			} catch (error) {
				directoryProblem ??= errorCode(error);
				return warnOnce(directory, `last look not saved in ${directory} (${errorCode(error)})`);
			}
		},
	};
}
