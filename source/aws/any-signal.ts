// One signal that aborts when any of several does. AbortSignal.any arrived in Node 20.3 and
// package.json allows 20.0, so older runtimes get the same by listeners.

export interface CombinedSignal {
	signal: AbortSignal;
	/** Drops the listeners on the inputs (a long-lived input must not collect them). */
	dispose(): void;
}

export function anySignal(signals: readonly AbortSignal[]): CombinedSignal {
	if (typeof AbortSignal.any === 'function') return {signal: AbortSignal.any([...signals]), dispose() {}};
	const controller = new AbortController();
	const dispose = () => {
		for (const signal of signals) signal.removeEventListener('abort', onAbort);
	};
	function onAbort(this: AbortSignal) {
		dispose();
		controller.abort(this.reason);
	}
	for (const signal of signals) {
		if (signal.aborted) {
			dispose();
			controller.abort(signal.reason);
			break;
		}
		signal.addEventListener('abort', onAbort, {once: true});
	}
	return {signal: controller.signal, dispose};
}
