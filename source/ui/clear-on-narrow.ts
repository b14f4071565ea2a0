// When a terminal narrows it re-wraps the lines already on screen (tmux, iTerm2, VTE...), so the
// old frame covers more rows than Ink knows of. Ink's own resize handler then erases too few rows
// and, worse, redraws at once with the frame laid out for the old width, which wraps again. So
// Ink's handler is held back until the App has re-rendered for the new size; then, if the width
// shrank, the whole alternate screen (all ours) is cleared and Ink redraws from a clean top.
// Stays with Ink 7: Ink 8 still redraws at the old width on narrowing (see INK-NOTES).

const CLEAR_SCREEN_AND_HOME = '\u001B[2J\u001B[H';
/** Long enough for React to commit the App's re-render for the new size. */
const SETTLE_MS = 80;

type Listener = (...args: unknown[]) => void;

export interface NarrowingRedraw<T> {
	stdout: T;
	/** Runs Ink's render(): the first 'resize' listener added meanwhile (Ink's own) is held back. */
	whileInkStarts<R>(start: () => R): R;
}

export function cleanRedrawOnNarrowing<T extends NodeJS.WriteStream>(stream: T, settleMs = SETTLE_MS): NarrowingRedraw<T> {
	let inkStarting = false;
	const heldBack = new Map<Listener, Listener>();

	const holdBack = (listener: Listener): Listener => {
		// The width Ink last saw: it compares the new width with it to decide on its own erase.
		let inkWidth = stream.columns;
		let timer: NodeJS.Timeout | undefined;
		return () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				if (inkWidth !== undefined && stream.columns < inkWidth) stream.write(CLEAR_SCREEN_AND_HOME);
				inkWidth = stream.columns;
				listener();
			}, settleMs);
		};
	};

	const stdout = new Proxy(stream, {
		get(target, property) {
			if (property === 'on' || property === 'addListener') {
				return (event: string, listener: Listener) => {
					// Ink's constructor subscribes before the tree first renders; the App's own size hook,
					// which may subscribe within the same render() call, must stay immediate.
					if (event === 'resize' && inkStarting && heldBack.size === 0) {
						const held = holdBack(listener);
						heldBack.set(listener, held);
						target.on(event, held);
					} else target.on(event, listener);
					return stdout;
				};
			}
			if (property === 'off' || property === 'removeListener') {
				return (event: string, listener: Listener) => {
					target.off(event, heldBack.get(listener) ?? listener);
					heldBack.delete(listener);
					return stdout;
				};
			}
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});

	return {
		stdout,
		whileInkStarts(start) {
			inkStarting = true;
			try {
				return start();
			} finally {
				inkStarting = false;
			}
		},
	};
}
