// Two lines over the steps: the workflow's status, which workflow, and how far along it is. The
// status comes before the ids, and long ids lose their middle, so a narrow terminal keeps both.
import {Box} from 'ink';
import React from 'react';
import {formatCount, formatDuration, formatRate} from '../../core/format.js';
import {progressBar, type Throughput} from '../../core/progress.js';
import {cellWidth, sanitize, truncateMiddle} from '../../core/sanitize.js';
import {statusInfo} from '../../core/status.js';
import type {ApiErrorKind} from '../../core/api-error.js';
import type {Workflow} from '../../core/step.js';
import type {Theme} from '../theme.js';
import {Line, type Segment} from './line.js';

export interface StepHeaderProps {
	domain: string;
	workflowId: string;
	workflow?: Workflow;
	/** Steps done and in all, as stepTotals counts them. */
	totals: {done: number; total?: number};
	throughput: Throughput;
	/** Why the workflow is not there yet: the latest error's kind, if any. */
	errorKind?: ApiErrorKind;
	width: number;
	theme: Theme;
}

/** Below this many cells an id cut in the middle no longer tells workflows apart. */
const MIN_ID = 9;

/** "domain / workflow" in `room` cells: the workflow id is cut in the middle first (the domain is
 * usually short and known), then the domain. */
export function fitIds(domain: string, workflowId: string, room: number, ellipsis: string): string {
	const slash = ' / ';
	const whole = `${domain}${slash}${workflowId}`;
	if (cellWidth(whole) <= room) return whole;
	const idRoom = Math.max(MIN_ID, room - cellWidth(domain) - slash.length);
	const id = truncateMiddle(workflowId, idRoom, ellipsis);
	const domainRoom = Math.max(MIN_ID, room - cellWidth(id) - slash.length);
	return `${truncateMiddle(domain, domainRoom, ellipsis)}${slash}${id}`;
}

/** The second line, most words first: the first candidate that fits is shown. */
function progressLine(props: StepHeaderProps, info: ReturnType<typeof statusInfo>): Segment[] {
	const {workflow, totals, throughput, width, theme} = props;
	const sep = theme.separator;
	if (!workflow) return [];
	const {done, total} = totals;
	const parts: string[] = [];
	if (workflow.RecordsProcessed !== undefined) parts.push(`${formatCount(workflow.RecordsProcessed)} records`);
	if (throughput.recordsPerSecond !== undefined && !info.isFinal) parts.push(formatRate(throughput.recordsPerSecond));
	const eta = info.isFinal
		? undefined
		: throughput.etaMs !== undefined
			? `ETA ${formatDuration(throughput.etaMs)}`
			: throughput.noEta
				? `ETA: ${throughput.noEta}`
				: undefined;
	const candidates: Segment[][] = [];
	const wide = Math.min(32, Math.max(10, Math.floor(width / 5)));
	// Done counts COMPLETE and SPLIT (as StepsCompleted does), and says so: it matches the chips.
	const tries: Array<[barWidth: number, words: string, withEta: boolean]> = [
		[wide, 'complete or split', true],
		[wide, 'complete+split', true],
		[10, 'complete+split', true],
		[10, 'complete+split', false],
	];
	for (const [barWidth, words, withEta] of tries) {
		const line: Segment[] = [];
		if (total !== undefined) {
			line.push({text: `${progressBar(done, total, barWidth, theme.ascii)} `, color: theme.status(workflow.Status)});
			line.push({text: `${formatCount(done)}/${formatCount(total)} ${words}`});
		}
		const tail = [...parts, ...(withEta && eta ? [eta] : [])];
		if (tail.length > 0) line.push({text: (line.length > 0 ? sep : '') + tail.join(sep)});
		candidates.push(line);
	}
	return candidates.find(line => line.reduce((sum, s) => sum + cellWidth(s.text), 0) <= width) ?? candidates.at(-1) ?? [];
}

function missingWorkflow(props: StepHeaderProps): Segment {
	const {errorKind, theme} = props;
	if (errorKind === 'not-found') return {text: `workflow not found in domain ${sanitize(props.domain)}`, color: theme.error};
	if (errorKind) return {text: 'no workflow yet: the request failed (! whole error)', color: theme.error};
	return {text: 'waiting for the workflow', dim: theme.dim};
}

export function StepHeader(props: StepHeaderProps): React.JSX.Element {
	const {domain, workflowId, workflow, width, theme} = props;
	const sep = theme.separator;
	const title: Segment[] = [{text: 'cp-watch', bold: theme.bold, color: theme.accent}, {text: sep}];
	let progress: Segment[] = [];
	const info = workflow ? statusInfo(workflow.Status) : undefined;
	if (workflow && info) {
		title.push({text: `${theme.glyph(workflow.Status)} ${sanitize(info.label)}`, color: theme.status(workflow.Status), bold: theme.bold}, {text: sep});
	}
	const used = title.reduce((sum, s) => sum + cellWidth(s.text), 0);
	title.push({text: fitIds(sanitize(domain), sanitize(workflowId), width - used, theme.ellipsis)});
	if (workflow && info) {
		if (workflow.ErrorDescription) title.push({text: `${sep}${sanitize(workflow.ErrorDescription)}`, color: theme.error});
		progress = progressLine(props, info);
	}
	if (progress.length === 0) progress.push(workflow ? {text: ''} : missingWorkflow(props));
	return (
		<Box flexDirection="column">
			<Line width={width} segments={title} ellipsis={theme.ellipsis} />
			<Line width={width} segments={progress} ellipsis={theme.ellipsis} />
		</Box>
	);
}
