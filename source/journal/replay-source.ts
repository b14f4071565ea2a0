// Replay as a watch source: the screens ask for watches as they do when polling, and get the
// journal's states at the player's position, so every screen and key works unchanged. The player
// runs on an injected scheduler and clock (the real ones in use, manual ones in tests).
import type {Domain, WorkflowSummary} from '../core/step.js';
import type {Clock, Scheduler, TimerHandle} from '../poller/time.js';
import {mergeProblems, problemSteps, stepCounts} from '../core/problem-feed.js';
import type {Controller, DashboardRow, DashboardState, DomainDashboard, ListState, WatchSource, WatchState} from '../poller/watch-state.js';
import type {Journal, JournalProblem} from './journal-reader.js';
import {emptyWatchState, foldRecords, summaryOf, type ReplayStates} from './replay-state.js';
import {
	advance,
	atEnd,
	changeSpeed,
	eventCounts,
	gapDelay,
	journalClock,
	jumpProblem,
	startPlayer,
	stepEvents,
	togglePlaying,
	type Player,
} from './replay-timeline.js';

/** What the replay bar shows. A new object whenever any of it changed. */
export interface ReplayStatus {
	playing: boolean;
	speed: number;
	atEnd: boolean;
	/** Events up to the one on show, and in the whole journal. */
	event: number;
	events: number;
	/** Where reading the journal stopped, if it did not reach a clean end. */
	problem?: JournalProblem;
}

export interface ReplaySession {
	source: WatchSource;
	/** The journal's clock: what "now" was at this point of the recording. */
	now(): number;
	getStatus(): ReplayStatus;
	subscribe(listener: () => void): () => void;
	togglePlaying(): void;
	step(delta: 1 | -1): void;
	jumpProblem(delta: 1 | -1): void;
	faster(): void;
	slower(): void;
	/** Where the screens should open. */
	initial: {domain?: string; workflowId?: string};
	start(): void;
	stop(): void;
}

export function createReplaySession(journal: Journal, time: {clock: Clock; scheduler: Scheduler}): ReplaySession {
	const {records} = journal;
	const {clock, scheduler} = time;
	let player: Player = startPlayer(records, clock.now());
	let states: ReplayStates = foldRecords(records, player.position);
	let foldedTo = player.position;
	let status = statusOf();
	let timer: TimerHandle | undefined;
	let running = false;
	const listeners = new Set<() => void>();

	function statusOf(): ReplayStatus {
		const {current, total} = eventCounts(records, player.position);
		const end = atEnd(records, player);
		return {playing: player.playing && !end, speed: player.speed, atEnd: end, event: current, events: total, problem: journal.problem};
	}

	function schedule() {
		if (timer !== undefined) scheduler.clearTimeout(timer);
		timer = undefined;
		if (!running || !player.playing) return;
		const delay = gapDelay(records, player);
		if (delay === undefined) return;
		const elapsed = clock.now() - player.since;
		timer = scheduler.setTimeout(() => {
			timer = undefined;
			update(advance(records, player, clock.now()));
		}, Math.max(0, delay - elapsed));
	}

	function update(next: Player) {
		if (next === player) return;
		player = next;
		// Forward folds on from where it was; back folds again from the start (records are cheap).
		states = player.position >= foldedTo ? foldRecords(records, player.position, states, foldedTo) : foldRecords(records, player.position);
		foldedTo = player.position;
		status = statusOf();
		schedule();
		for (const listener of [...listeners]) listener();
	}

	const subscribe = (listener: () => void) => {
		listeners.add(listener);
		return () => {
			listeners.delete(listener);
		};
	};

	const controllerOf = <S>(read: () => S): Controller<S> => {
		return {
			getState: read,
			subscribe,
			// The player runs for the whole replay; a screen opening or closing does not move it.
			start() {},
			stop() {},
			togglePause: () => update(togglePlaying(records, player, clock.now())),
			refresh() {},
		};
	};

	// The same state object until the position moves, as useSyncExternalStore needs.
	const memo = <S>(compute: () => S): (() => S) => {
		let at: ReplayStates | undefined;
		let value: S;
		return () => {
			if (at !== states) {
				at = states;
				value = compute();
			}
			return value;
		};
	};

	const header = journal.header;
	const domainName = header?.domain;
	// A domain-wide journal opens on its workflows, as the domain-wide watch does.
	const firstWorkflow = header?.scope === 'domain' ? undefined : (header?.workflowId ?? records.find(record => record.kind !== 'header')?.workflowId);

	const source: WatchSource = {
		watchWorkflow: (_domain, workflowId) => controllerOf<WatchState>(memo(() => states.get(workflowId) ?? emptyWatchState())),
		// The dashboard of a replay: each recorded workflow as the journal last saw it, its problem
		// steps in the feed; nothing is read.
		watchDomainDashboard: domain => ({
			...controllerOf<DashboardState>(
				memo(() => {
					const rows = new Map<string, DashboardRow>();
					const problems = new Map<string, ReturnType<typeof problemSteps>>();
					// Every running and queued workflow of the journal was watched while recording (the
					// title would otherwise say "reading 0 in turn").
					const watched: string[] = [];
					let runningTotal = 0;
					let queuedTotal = 0;
					if (domain === domainName) {
						for (const [id, state] of states) {
							rows.set(id, {workflow: state.workflow, readAt: state.lastSuccessAt, samples: [], counts: stepCounts(state.steps), walkedAt: state.lastSuccessAt, walking: false});
							problems.set(id, problemSteps(state.steps));
							if (state.workflow?.Status === 'IN_PROGRESS') runningTotal++;
							else if (state.workflow?.Status === 'NOT_STARTED') queuedTotal++;
							else continue;
							watched.push(id);
						}
					}
					return {phase: 'live', rows, rowsVersion: foldedTo, problems: mergeProblems(problems), watched, runningTotal, queuedTotal, requests: 0, throttles: 0};
				}),
			),
			setWorkflows() {},
			setWanted() {},
		}),
		watchWorkflows: domain =>
			controllerOf<ListState<WorkflowSummary>>(
				memo(() => {
					const items = domain === domainName ? [...states].map(([id, state]) => summaryOf(id, state)) : [];
					return {phase: 'live', items, itemsVersion: foldedTo, lastSuccessAt: player.position > 0 ? journalClock(records, player, clock.now()) : undefined, requests: 0, throttles: 0};
				}),
			),
		watchDomains: () =>
			controllerOf<ListState<Domain>>(
				memo(() => {
					// The journal does not know when the domain was made: shown as '-', not as a guess.
					const items: Domain[] = domainName === undefined ? [] : [{DomainName: domainName, CreatedAt: Number.NaN, LastUpdatedAt: Number.NaN, Tags: {}}];
					return {phase: 'live', items, itemsVersion: 1, requests: 0, throttles: 0};
				}),
			),
		// A replay sends no requests.
		traffic: () => ({requests: 0, throttles: 0}),
	};

	return {
		source,
		initial: {domain: domainName, workflowId: firstWorkflow},
		now: () => journalClock(records, player, clock.now()),
		getStatus: () => status,
		subscribe,
		togglePlaying: () => update(togglePlaying(records, player, clock.now())),
		step: delta => update(stepEvents(records, {...player, playing: false}, delta, clock.now())),
		jumpProblem: delta => update(jumpProblem(records, {...player, playing: false}, delta, clock.now())),
		faster: () => update(changeSpeed(records, player, 2, clock.now())),
		slower: () => update(changeSpeed(records, player, 0.5, clock.now())),
		start() {
			running = true;
			schedule();
		},
		stop() {
			running = false;
			schedule();
		},
	};
}
