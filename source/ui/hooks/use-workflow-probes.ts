// Progress probes for some workflows of a domain: a probe starts when its id joins `ids`, stops
// when it leaves or the screen goes, and pauses with the list (pausing is for sparing the quota).
import {useEffect, useRef, useState} from 'react';
import type {ProbeState, WatchSource, WorkflowProbe} from '../../poller/watch-state.js';

interface Running {
	probe: WorkflowProbe;
	paused: boolean;
	unsubscribe(): void;
}

function end(running: Running): void {
	running.unsubscribe();
	running.probe.stop();
}

/** The latest state of each probe in `ids` (keep `ids` the same array while the ids are the same). */
export function useWorkflowProbes(source: WatchSource, domain: string, ids: readonly string[], paused: boolean): ReadonlyMap<string, ProbeState> {
	const probes = useRef(new Map<string, Running>());
	const pausedNow = useRef(paused);
	const [states, setStates] = useState<ReadonlyMap<string, ProbeState>>(() => new Map());

	useEffect(() => {
		const running = probes.current;
		return () => {
			for (const probe of running.values()) end(probe);
			running.clear();
			setStates(new Map());
		};
	}, [source, domain]);

	useEffect(() => {
		const running = probes.current;
		const wanted = new Set(ids);
		for (const [id, probe] of running) {
			if (wanted.has(id)) continue;
			end(probe);
			running.delete(id);
		}
		for (const id of ids) {
			if (running.has(id)) continue;
			const probe = source.watchWorkflowProbe(domain, id);
			const publish = () => {
				if (running.get(id)?.probe === probe) setStates(previous => new Map(previous).set(id, probe.getState()));
			};
			running.set(id, {probe, paused: pausedNow.current, unsubscribe: probe.subscribe(publish)});
			if (pausedNow.current) probe.togglePause();
			probe.start();
			publish();
		}
		setStates(previous => {
			const kept = [...previous].filter(([id]) => wanted.has(id));
			return kept.length === previous.size ? previous : new Map(kept);
		});
	}, [source, domain, ids]);

	useEffect(() => {
		pausedNow.current = paused;
		for (const running of probes.current.values()) {
			if (running.paused === paused) continue;
			running.paused = paused;
			running.probe.togglePause();
		}
	}, [paused]);

	return states;
}
