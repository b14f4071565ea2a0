// A program in a real pseudo-terminal (through pty-relay.py, python3's pty module), seen the way a
// user's terminal sees it: every output chunk with the time it arrived, keys written as bytes, and
// the process's own CPU time and memory read from /proc.
import {spawn, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const RELAY = fileURLToPath(new URL('pty-relay.py', import.meta.url));
/** Ink ends every frame with this (synchronized output off): one frame = one of these. */
export const FRAME_END = '\u001B[?2026l';

export interface PtyProgram {
	/** The program's pid (not the relay's). */
	pid: number;
	/** Every byte written so far, as text. */
	output(): string;
	bytes(): number;
	/** Output arrival times (performance.now()) at each FRAME_END, in order. */
	frameTimes(): readonly number[];
	write(keys: string): void;
	/** Resolves with the time (performance.now()) the output first satisfied `test`. */
	waitFor(test: (output: string) => boolean, timeoutMs: number, label: string): Promise<number>;
	/** Resolves with the exit code. */
	exited: Promise<number>;
	kill(signal?: NodeJS.Signals): void;
}

export async function startInPty(argv: string[], options: {columns: number; rows: number; env: NodeJS.ProcessEnv}): Promise<PtyProgram> {
	const relay: ChildProcess = spawn('python3', [RELAY, String(options.columns), String(options.rows), ...argv], {
		env: options.env,
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let text = '';
	let byteCount = 0;
	const frames: number[] = [];
	const waiters = new Set<() => void>();
	let pending = '';
	relay.stdout!.on('data', (chunk: Buffer) => {
		const at = performance.now();
		byteCount += chunk.length;
		const piece = chunk.toString('utf8');
		text += piece;
		// A frame end split across chunks is found by searching the tail of the last chunk too.
		const scan = pending + piece;
		let from = 0;
		for (;;) {
			const index = scan.indexOf(FRAME_END, from);
			if (index < 0) break;
			frames.push(at);
			from = index + FRAME_END.length;
		}
		pending = scan.slice(Math.max(from, scan.length - FRAME_END.length + 1));
		for (const waiter of [...waiters]) waiter();
	});
	let stderr = '';
	let exitCode: number | undefined;
	const exited = new Promise<number>(resolve => {
		relay.on('exit', code => {
			const match = /exit (-?\d+)/.exec(stderr);
			exitCode = match ? Number(match[1]) : (code ?? -1);
			resolve(exitCode);
			for (const waiter of [...waiters]) waiter();
		});
	});
	const pid = await new Promise<number>((resolve, reject) => {
		relay.stderr!.on('data', (chunk: Buffer) => {
			stderr += chunk.toString('utf8');
			const match = /pid (\d+)/.exec(stderr);
			if (match) resolve(Number(match[1]));
		});
		relay.on('error', reject);
	});
	return {
		pid,
		output: () => text,
		bytes: () => byteCount,
		frameTimes: () => frames,
		write: keys => relay.stdin!.write(keys),
		waitFor(test, timeoutMs, label) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (test(text)) {
						done();
						resolve(performance.now());
					} else if (exitCode !== undefined) {
						done();
						reject(new Error(`${label}: the program exited (${exitCode}) first; last output: ${JSON.stringify(text.slice(-300))}`));
					}
				};
				const timer = setTimeout(() => {
					done();
					reject(new Error(`${label}: not seen within ${timeoutMs} ms; last output: ${JSON.stringify(text.slice(-300))}`));
				}, timeoutMs);
				const done = () => {
					clearTimeout(timer);
					waiters.delete(check);
				};
				waiters.add(check);
				check();
			});
		},
		exited,
		kill(signal = 'SIGTERM') {
			try {
				process.kill(pid, signal);
			} catch {
				// already gone
			}
		},
	};
}

/** User + system CPU time of a process so far, in ms (from /proc/PID/stat; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory now and at its peak, in MB. */
export function memoryMb(pid: number): {rss: number; peak: number} {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
	return {rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024};
}
