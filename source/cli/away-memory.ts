// What cp-watch remembers of the workflows it watched, for "since you last looked": the latest
// complete walk of every workflow watch this process follows, saved to the state directory every
// few minutes and on the way out, and read back when a workflow is opened again.
import {seenMetrics, seenWorkflow, type Recollection, type SeenWorkflow} from '../core/away-summary.js';
import type {Step, Workflow} from '../core/step.js';
import type {WorkflowWatch} from '../poller/watch-state.js';
import type {LookToSave} from '../state/seen-file-format.js';
import {openSeenStore, stateDirectory, type SeenStore} from '../state/seen-store.js';
import type {CliOptions} from './options.js';
import type {Target} from './target.js';

/** Between saves while watching: a crash or a kill -9 loses at most this much. */
export const SAVE_EVERY_MS = 3 * 60_000;

export interface AwayMemory {
	/** The last look at a workflow as of this call: this process's own if it watched it already,
	 * else the state directory's. */
	recall(domain: string, workflowId: string): Promise<Recollection>;
	/** Remembers one complete look (a --once walk). */
	remember(domain: string, workflowId: string, steps: readonly Step[], workflow: Workflow | undefined, seenAt: number): void;
	/** Remembers every complete walk of `watch`; returns the unsubscribe. */
	follow(domain: string, workflowId: string, watch: WorkflowWatch): () => void;
	/** Saves what changed since the last save, synchronously: for the way out. */
	flushSync(): void;
	/** Stops the periodic save. */
	close(): void;
}

interface Observation {
	domain: string;
	workflowId: string;
	steps: readonly Step[];
	workflow?: Workflow;
	seenAt: number;
	saved: boolean;
}

const keyOf = (domain: string, workflowId: string) => `${domain}/${workflowId}`;

function toSeen(observation: Observation): SeenWorkflow {
	return seenWorkflow(observation.domain, observation.workflowId, observation.steps, observation.workflow, observation.seenAt);
}

function toSave({domain, workflowId, seenAt, steps, workflow}: Observation): LookToSave {
	return {domain, workflowId, seenAt, steps, workflow: workflow && seenMetrics(workflow)};
}

/** `store` undefined (--no-state): nothing is read or written, and nothing is ever recalled. */
export function createAwayMemory(store: SeenStore | undefined, onWarning: (text: string) => void): AwayMemory {
	const observed = new Map<string, Observation>();
	const warn = (text: string | undefined) => {
		if (text !== undefined) onWarning(text);
	};

	let saving = false;
	// Saves still under way when the process leaves never land: the way out writes them again.
	const inFlight = new Set<Observation>();
	const saveChanged = async () => {
		if (!store || saving) return;
		saving = true;
		try {
			for (const observation of observed.values()) {
				if (observation.saved) continue;
				observation.saved = true;
				inFlight.add(observation);
				try {
					warn(await store.save(toSave(observation)));
				} finally {
					inFlight.delete(observation);
				}
			}
		} finally {
			saving = false;
		}
	};
	const remember: AwayMemory['remember'] = (domain, workflowId, steps, workflow, seenAt) => {
		if (!store) return;
		const key = keyOf(domain, workflowId);
		const last = observed.get(key);
		if (last && last.steps === steps && last.workflow === workflow) return;
		observed.set(key, {domain, workflowId, steps, workflow, seenAt, saved: false});
	};
	const timer = store ? setInterval(() => void saveChanged(), SAVE_EVERY_MS) : undefined;
	timer?.unref();

	return {
		async recall(domain, workflowId) {
			if (!store) return {};
			// Taken now, before this visit's own walks replace it.
			const own = observed.get(keyOf(domain, workflowId));
			if (own) return {seen: toSeen(own)};
			return store.recall(domain, workflowId);
		},
		remember,
		follow(domain, workflowId, watch) {
			if (!store) return () => undefined;
			const onChange = () => {
				const state = watch.getState();
				// A first load still growing page by page is not a look at the whole workflow.
				if (state.complete && state.lastSuccessAt !== undefined) remember(domain, workflowId, state.steps, state.workflow, state.lastSuccessAt);
			};
			const unsubscribe = watch.subscribe(onChange);
			onChange();
			return unsubscribe;
		},
		flushSync() {
			if (!store) return;
			for (const observation of observed.values()) {
				if (observation.saved && !inFlight.has(observation)) continue;
				observation.saved = true;
				warn(store.saveSync(toSave(observation)));
			}
		},
		close() {
			if (timer) clearInterval(timer);
		},
	};
}

/** The memory a run gets: none with --no-state, and none for --demo, whose emulator starts its
 * scenario over (with new step identities) on every run, so there is no "last time" to compare. */
export function openAwayMemory(options: CliOptions, target: Target, env: NodeJS.ProcessEnv, onWarning: (text: string) => void): AwayMemory {
	const keeps = options.state && target.demoLabel === undefined;
	return createAwayMemory(keeps ? openSeenStore(stateDirectory(env)) : undefined, onWarning);
}
