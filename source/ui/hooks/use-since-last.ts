// "Since you last looked" for the steps screen: the last look is asked for once, when the screen
// opens (before this visit's own walks replace it), and compared with the first complete walk of
// the visit. The summary then stays as it was: later changes are seen live, not while away.
import {useEffect, useRef, useState} from 'react';
import {summarizeAway, type AwaySummary, type RecallSeen, type Recollection, type SeenWorkflow} from '../../core/away-summary.js';
import type {WatchState} from '../../poller/watch-state.js';

export interface SinceLast {
	/** Undefined while unknown, and for a workflow never looked at before. */
	summary?: AwaySummary;
	/** A last look exists (so the banner has a line, even before the first walk is in). */
	known: boolean;
	warning?: string;
}

export function useSinceLast(recall: RecallSeen | undefined, domain: string, workflowId: string, state: WatchState): SinceLast {
	const [recollection, setRecollection] = useState<{known: boolean; warning?: string} | undefined>(undefined);
	// The last look itself is let go once summarized: on 100,000 steps it is a map of 100,000 keys.
	const seen = useRef<SeenWorkflow | undefined>(undefined);
	useEffect(() => {
		if (!recall) return;
		let live = true;
		const found = (recalled: Recollection) => {
			if (!live) return;
			seen.current = recalled.seen;
			setRecollection({known: recalled.seen !== undefined, warning: recalled.warning});
		};
		recall(domain, workflowId).then(found, () => found({}));
		return () => {
			live = false;
		};
	}, [recall, domain, workflowId]);

	const summary = useRef<AwaySummary | undefined>(undefined);
	if (summary.current === undefined && seen.current && state.complete) {
		summary.current = summarizeAway(seen.current, state.steps, state.workflow);
		seen.current = undefined;
	}
	return {summary: summary.current, known: recollection?.known ?? false, warning: recollection?.warning};
}
