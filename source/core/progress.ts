// Throughput and ETA from what GetWorkflow reports over time. An ETA is shown only when it can be
// estimated honestly: steps have actually completed within a window long enough to mean something.
import {formatCount} from './format.js';

export interface ProgressSample {
	/** Epoch ms the numbers were read. */
	time: number;
	stepsCompleted: number;
	recordsProcessed: number;
	/** TotalSteps as read then; when it moves, so does the finish line. */
	totalSteps?: number;
}

/** How far back the rate looks: long enough to smooth one slow page, short enough to follow a
 * change of pace. */
export const RATE_WINDOW_MS = 5 * 60_000;
/** Below this span a rate is noise. */
export const MIN_SPAN_MS = 20_000;

/** Appends a sample (ignoring one not newer than the last) and drops those older than the window,
 * keeping one just outside it so the window stays full. */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample, windowMs = RATE_WINDOW_MS): ProgressSample[] {
	const last = samples.at(-1);
	if (last && sample.time <= last.time) return [...samples];
	// Counters that went backwards mean a different run (or a restarted workflow): start over.
	if (last && (sample.stepsCompleted < last.stepsCompleted || sample.recordsProcessed < last.recordsProcessed)) return [sample];
	const next = [...samples, sample];
	let drop = 0;
	while (drop < next.length - 2 && next[drop + 1].time <= sample.time - windowMs) drop++;
	return next.slice(drop);
}

export interface Throughput {
	recordsPerSecond?: number;
	stepsPerSecond?: number;
	/** Ms until TotalSteps, when it can be estimated. */
	etaMs?: number;
	/** Why there is no ETA, in words for the header ("steps still arriving"). */
	noEta?: string;
}

export function throughput(samples: readonly ProgressSample[], totalSteps?: number): Throughput {
	const first = samples[0];
	const last = samples.at(-1);
	if (!first || !last || last.time - first.time < MIN_SPAN_MS) return {noEta: 'measuring'};
	const seconds = (last.time - first.time) / 1000;
	const recordsPerSecond = (last.recordsProcessed - first.recordsProcessed) / seconds;
	const stepsPerSecond = (last.stepsCompleted - first.stepsCompleted) / seconds;
	const result: Throughput = {recordsPerSecond, stepsPerSecond};
	// A backfill that is still adding steps has no finish line yet: any ETA would be a guess.
	const totalMoved = samples.some(sample => sample.totalSteps !== undefined && sample.totalSteps !== totalSteps);
	if (totalSteps === undefined) result.noEta = 'no step total';
	else if (totalMoved) result.noEta = 'steps still arriving';
	else if (totalSteps <= last.stepsCompleted) result.noEta = undefined;
	else if (stepsPerSecond <= 0) result.noEta = 'no step finished lately';
	else result.etaMs = ((totalSteps - last.stepsCompleted) / stepsPerSecond) * 1000;
	return result;
}

/** Samples per workflow for as long as the process runs: leaving a workflow and coming back keeps
 * its rate instead of measuring again from nothing. */
export class ProgressHistory {
	private readonly byWorkflow = new Map<string, ProgressSample[]>();
	get(workflowKey: string): readonly ProgressSample[] {
		return this.byWorkflow.get(workflowKey) ?? [];
	}
	add(workflowKey: string, sample: ProgressSample): readonly ProgressSample[] {
		const next = addSample(this.get(workflowKey), sample);
		this.byWorkflow.set(workflowKey, next);
		return next;
	}
}

/** The header's "done/total": done counts COMPLETE and SPLIT, as the API's StepsCompleted does.
 * GetWorkflow and the step walk are read at different times, so each number is the further along
 * of the two: the header never lags the rows and chips already shown. */
export function stepTotals(
	workflow: {StepsCompleted?: number; TotalSteps?: number},
	counts: ReadonlyMap<string, number>,
	listed: number,
): {done: number; total?: number} {
	const listedDone = (counts.get('COMPLETE') ?? 0) + (counts.get('SPLIT') ?? 0);
	const total = workflow.TotalSteps === undefined ? undefined : Math.max(workflow.TotalSteps, listed);
	return {done: Math.max(workflow.StepsCompleted ?? 0, listedDone), total};
}

/** "[██████░░░░]" or "[######....]" for --ascii. */
export function progressBar(done: number, total: number, width: number, ascii: boolean): string {
	if (width <= 2) return '';
	const inner = width - 2;
	const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
	const filled = Math.round(ratio * inner);
	const [full, empty] = ascii ? ['#', '.'] : ['█', '░'];
	return `[${full.repeat(filled)}${empty.repeat(inner - filled)}]`;
}

export interface ProgressMetrics {
	StepsCompleted?: number;
	TotalSteps?: number;
	RecordsProcessed?: number;
}

/** "88/95 [██████░░] 10.6M": steps done of total, a bar, records processed; short enough for a
 * list column. Parts GetWorkflow did not report are left out. */
export function progressSummary(metrics: ProgressMetrics, barWidth: number, ascii: boolean): string {
	const parts: string[] = [];
	const done = metrics.StepsCompleted ?? 0;
	if (metrics.TotalSteps !== undefined) parts.push(`${formatCount(done)}/${formatCount(metrics.TotalSteps)}`, progressBar(done, metrics.TotalSteps, barWidth, ascii));
	if (metrics.RecordsProcessed !== undefined) parts.push(formatCount(metrics.RecordsProcessed));
	return parts.filter(part => part !== '').join(' ');
}
