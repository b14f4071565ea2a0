// The slice of a long list that is on screen. Only these rows are rendered: layout cost grows with
// rendered rows, so 100,000 steps must cost what 40 do.

export interface VisibleWindow {
	/** Index of the first visible row. */
	start: number;
	/** One past the last visible row. */
	end: number;
}

/** Keeps the previous top row when the cursor is still inside the window, else scrolls the least
 * needed to show it; never leaves blank rows at the bottom when there is data to fill them. */
export function visibleWindow(count: number, cursor: number, height: number, previousTop = 0): VisibleWindow {
	if (count <= 0 || height <= 0) return {start: 0, end: 0};
	const rows = Math.min(height, count);
	let start = Math.min(Math.max(0, previousTop), count - rows);
	const at = Math.min(Math.max(0, cursor), count - 1);
	if (at < start) start = at;
	else if (at >= start + rows) start = at - rows + 1;
	return {start, end: start + rows};
}

/** The cursor after moving by `delta` rows, clamped to the list. */
export function moveCursor(count: number, cursor: number, delta: number): number {
	if (count <= 0) return 0;
	return Math.min(count - 1, Math.max(0, cursor + delta));
}
