// Owns the terminal while the TUI runs: alternate screen and hidden cursor on the way in, and the
// main screen, a visible cursor and cooked mode on every way out (q, Ctrl-C, SIGTERM, SIGHUP,
// SIGINT, an uncaught error, or plain process exit). Ink 6 has no alternate-screen option.
import {writeSync} from 'node:fs';

export const ENTER_ALT_SCREEN = '\u001B[?1049h';
export const LEAVE_ALT_SCREEN = '\u001B[?1049l';
export const HIDE_CURSOR = '\u001B[?25l';
export const SHOW_CURSOR = '\u001B[?25h';

export const SIGNAL_EXIT_CODES = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;

export interface TerminalSession {
	/** Stops the UI (if any), restores the terminal once, and exits with the code. */
	exit(code: number, message?: string): never;
}

interface TerminalStreams {
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WriteStream;
}

/**
 * `teardown` unmounts the UI; it runs before the terminal is restored so that Ink's last write
 * lands on the alternate screen, not on the user's shell.
 */
export function openTerminalSession(streams: TerminalStreams, teardown: () => void): TerminalSession {
	const fd = (streams.stdout as {fd?: number}).fd ?? 1;
	// writeSync: the bytes must reach the terminal even when we are about to call process.exit().
	const write = (text: string) => {
		try {
			writeSync(fd, text);
		} catch {
			// The terminal is gone (SIGHUP): nothing left to restore.
		}
	};

	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		try {
			teardown();
		} catch {
			// Restoring the terminal matters more than a clean unmount.
		}
		if (streams.stdin.isTTY) {
			try {
				streams.stdin.setRawMode(false);
			} catch {
				// stdin already closed.
			}
		}
		write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
	};

	const exit = (code: number, message?: string): never => {
		restore();
		if (message) process.stderr.write(`cp-watch: ${message}\n`);
		process.exit(code);
	};

	for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
		process.on(signal, () => exit(code));
	}
	process.on('uncaughtException', error => exit(1, oneLine(error)));
	process.on('unhandledRejection', error => exit(1, oneLine(error)));
	process.on('exit', restore);

	write(ENTER_ALT_SCREEN + HIDE_CURSOR);
	return {exit};
}

export function oneLine(error: unknown): string {
	const text = error instanceof Error ? error.message || error.name : String(error);
	return text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim() || 'unexpected error';
}
