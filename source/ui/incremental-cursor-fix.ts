// Ink 6.8's incremental renderer returns to the top of the previous frame with cursorUp(lines - 1),
// which is right only when the frame filled the terminal (no trailing newline). cp-watch keeps
// every frame at most rows - 1 lines (taller frames make Ink clear the screen on each update), so
// the frame always ends with a newline, the cursor sits one line below it, and each update would
// land one line too low: the status line repeats down the screen (seen in tmux and xterm).
// This stream wrapper moves up the one missing line.
// Goes with Ink 7: fixed upstream in Ink 7.1.1 (and 8.0.0), which need Node 22. When the floor
// moves to Node 22, upgrade Ink and delete this file and its use in render-app.tsx.

const CURSOR_UP_AT_START = /^\u001B\[(\d+)A/;

/** The frame-redraw writes of Ink's incremental renderer, corrected. Only a write that begins with
 * a cursor-up is touched: Ink's other writes begin with an erase, a synchronized-output marker or
 * the frame itself, and cp-watch's own sequences (OSC 52) with ESC ]. */
export function correctIncrementalCursor(chunk: string): string {
	return chunk.replace(CURSOR_UP_AT_START, (_, count: string) => `\u001B[${Math.max(1, Number(count) + 1)}A`);
}

/** A view of `stream` whose write() applies the correction; everything else is the stream's own. */
export function withIncrementalCursorFix<T extends NodeJS.WriteStream>(stream: T): T {
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') {
				return (chunk: unknown, ...rest: unknown[]) =>
					(target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? correctIncrementalCursor(chunk) : chunk, ...rest);
			}
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
