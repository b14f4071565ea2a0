// "Since you last looked" for the steps screen: the last look is asked for once, when the screen
// opens (before this visit's own walks replace it), and compared with the first complete walk of
// the visit. The summary then stays as it was: later changes are seen live, not while away.
import {useEffect, useRef, useState} from 'react';
import {summarizeAway, type AwaySummary, type RecallSeen, type Recollection} from '../../core/away-summary.js';
import type {WatchState} from '../../poller/watch-state.js';

export interface SinceLast {
	/** Undefined while unknown, and for a workflow never looked at before. */
	summary?: AwaySummary;
	/** A last look exists (so the banner has a line, even before the first walk is in). */
	known: boolean;
	warning?: string;
}

export function useSinceLast(recall: RecallSeen | undefined, domain: string, workflowId: string, state: WatchState): SinceLast {
	const [recollection, setRecollection] = useState<Recollection | undefined>(undefined);
	useEffect(() => {
		if (!recall) return;
		let live = true;
		recall(domain, workflowId).then(
			found => live && setRecollection(found),
			() => live && setRecollection({}),
		);
		return () => {
			live = false;
		};
	}, [recall, domain, workflowId]);

	const summary = useRef<AwaySummary | undefined>(undefined);
	if (summary.current === undefined && recollection?.seen && state.complete) {
		summary.current = summarizeAway(recollection.seen, state.steps, state.workflow);
	}
	return {summary: summary.current, known: recollection?.seen !== undefined, warning: recollection?.warning};
}
