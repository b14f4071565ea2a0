// What a long watch gives back to the system (issue 9). V8's defaults are tuned for a program that
// allocates hard all the time; cp-watch allocates hard for a few seconds (a walk of the steps) and
// then sits still for hours, and V8 keeps what it grew for the burst:
// - the young generation grows to 32 MB during a load and never shrinks (measured: 32 MB resident
//   for the rest of the run, after a load of 10,000 steps as of 100,000);
// - the load's garbage (a copy of the list per frame, the pages' parsed responses) waits for the
//   next full collection, which a program at rest may not reach for minutes: on 100,000 steps the
//   resident size stayed near 300 MB after the load, 215 MB once a full collection had run;
// - and a full collection compacts only the pages it finds fragmented, so the old space stayed
//   twice the size of what lived in it (35 MB around 17 MB after 10,000 steps).
// All three are settled here, in the CLI, on measured figures (bench/terminal.ts): resident size
// after a load of 10,000 steps about 100 MB instead of 130-140, of 100,000 about 147 MB instead of 300.
// `--once` runs without: it exits after its one walk, and a small young generation raised its
// peak (more of the walk promoted to the old generation before it was garbage).
import v8 from 'node:v8';
import vm from 'node:vm';
import type {Scheduler} from '../poller/time.js';
import type {WorkflowWatch} from '../poller/watch-state.js';

/** The V8 flags below are set after start-up, which Node leaves to V8; they are used only on the
 * Node majors CI runs the suite on, where test/cli/heap-tidy.test.ts checks that they work and print
 * nothing. Elsewhere (a V8 that renamed one would print an error onto the screen) the heap is left
 * to V8's defaults. */
const PROVEN_NODE_MAJORS = new Set([20, 22, 24]);
const proven = PROVEN_NODE_MAJORS.has(Number(process.versions.node.split('.')[0]));

/** Keeps the young generation at the size it has now, instead of letting it grow to 16 MB per
 * semi-space. V8 reads the flag whenever it would grow the young generation, so it takes effect
 * when set at run time (checked on Node 20, 22 and 24 by test/cli/heap-tidy.test.ts). The price
 * is more frequent, smaller scavenges: about a tenth more CPU during a load of 100,000 steps. */
export function keepYoungGenerationSmall(): void {
	if (proven) v8.setFlagsFromString('--semi-space-growth-factor=1');
}

let fullCollection: (() => void) | undefined;
/** Bytes in use right after the last full collection this process asked for. */
let heapAfterCollection: number | undefined;

/** A full garbage collection. V8 offers one only to a process started with --expose-gc, which a
 * `cp-watch` on PATH cannot ask for; the flag set at run time exposes the function to a new
 * context, and is turned off again at once so that no `gc` appears in this one. */
export function collectGarbage(): void {
	if (!proven) return;
	if (!fullCollection) {
		v8.setFlagsFromString('--expose-gc');
		fullCollection = vm.runInNewContext('gc') as () => void;
		v8.setFlagsFromString('--no-expose-gc');
	}
	// A full collection compacts only the pages it finds fragmented: after a load of 10,000 steps it
	// left 35 MB of old space committed around 17 MB of live objects. Compacting every page for
	// this one collection gives the empty ones back.
	v8.setFlagsFromString('--compact-on-every-full-gc');
	try {
		fullCollection();
	} finally {
		v8.setFlagsFromString('--no-compact-on-every-full-gc');
	}
	heapAfterCollection = v8.getHeapStatistics().used_heap_size;
}

/** What the watch asks of V8; tests give their own. */
export interface HeapControls {
	keepYoungGenerationSmall(): void;
	collectGarbage(): void;
	/** Bytes of the heap in use, garbage included. */
	heapUsed(): number;
	/** heapUsed() right after the last collectGarbage(), whoever asked; undefined before one. */
	heapAfterCollection(): number | undefined;
}

export const v8Heap: HeapControls = {
	keepYoungGenerationSmall,
	collectGarbage,
	heapUsed: () => v8.getHeapStatistics().used_heap_size,
	heapAfterCollection: () => heapAfterCollection,
};

/** At rest the heap is looked at this often (a number read from V8: nothing is walked). */
export const REST_CHECK_MS = 60_000;
/** Growth since the last collection that earns one at rest. Live data stays flat at rest, but what
 * outlives the small young generation (the frames' and polls' garbage) collects in the old one:
 * about 3 MB a minute at 10,000 steps, and V8's own next full collection may be far off. */
export const REST_GROWTH_BYTES = 8 * 1024 * 1024;

/** While watching at rest: a full collection whenever the heap has grown by REST_GROWTH_BYTES
 * since the last one, so the resident size stays flat over hours. `loading()`: a first load is
 * under way, whose growth is live data (a load of 100,000 steps at the default pace takes minutes);
 * the collection after it is tidyHeapWhileWatching's. Returns the stop. */
export function keepHeapTidyAtRest(scheduler: Scheduler, loading: () => boolean, heap: HeapControls = v8Heap): () => void {
	// Growth is counted from what the last collection left (the one after a big walk included:
	// counted from a reading taken during a load, full of its garbage, it waited far too long), or,
	// before any, from the first reading at rest.
	let firstAtRest: number | undefined;
	let timer: unknown;
	const check = () => {
		if (!loading()) {
			firstAtRest ??= heap.heapUsed();
			if (heap.heapUsed() - (heap.heapAfterCollection() ?? firstAtRest) > REST_GROWTH_BYTES) heap.collectGarbage();
		}
		schedule();
	};
	const schedule = () => {
		timer = scheduler.setTimeout(check, REST_CHECK_MS);
		// A stream that has ended must not be kept alive by this.
		(timer as {unref?: () => void} | undefined)?.unref?.();
	};
	schedule();
	return () => scheduler.clearTimeout(timer);
}

/** Walks smaller than this leave too little garbage to be worth a pause (a full collection on
 * 100,000 steps takes tens of ms). */
export const TIDY_FROM_STEPS = 5000;
/** After the walk lands: long enough for its frame to be drawn first. */
export const TIDY_DELAY_MS = 500;

/** The heap of a long watch of `watch`. Start-up and the first page run with V8's young generation
 * free to grow (held to 1 MB from the first instruction, its scavenges took about a quarter of the
 * time to the first frame with rows); from the first steps on, it stays the size it reached. Once
 * each complete walk of at least TIDY_FROM_STEPS steps has landed (the first load, a refresh, a
 * safety-net walk, changed or not), one full collection. Returns the unsubscribe. */
export function tidyHeapWhileWatching(watch: Pick<WorkflowWatch, 'getState' | 'subscribe'>, scheduler: Scheduler, heap: HeapControls = v8Heap): () => void {
	// Every completed walk gives `changedKeys` a new set, even a walk that found nothing new.
	let walk = watch.getState().changedKeys;
	let small = false;
	let timer: unknown;
	const unsubscribe = watch.subscribe(() => {
		const state = watch.getState();
		if (!small && state.steps.length > 0) {
			small = true;
			heap.keepYoungGenerationSmall();
		}
		if (state.changedKeys === walk) return;
		walk = state.changedKeys;
		if (!state.complete || state.steps.length < TIDY_FROM_STEPS) return;
		if (timer !== undefined) scheduler.clearTimeout(timer);
		timer = scheduler.setTimeout(() => {
			timer = undefined;
			heap.collectGarbage();
		}, TIDY_DELAY_MS);
	});
	return () => {
		unsubscribe();
		if (timer !== undefined) scheduler.clearTimeout(timer);
	};
}
