// Two lines over the steps: the workflow's status, which workflow, and how far along it is. The
// status comes before the ids, and long ids lose their middle, so a narrow terminal keeps both.
import {Box} from 'ink';
import React from 'react';
import {formatCount, formatDuration, formatRate} from '../../core/format.js';
import {progressBar, type Throughput} from '../../core/progress.js';
import {cellWidth, sanitize, truncateMiddle} from '../../core/sanitize.js';
import {statusInfo} from '../../core/status.js';
import type {Workflow} from '../../core/step.js';
import type {Theme} from '../theme.js';
import {Line, type Segment} from './line.js';

export interface StepHeaderProps {
	domain: string;
	workflowId: string;
	workflow?: Workflow;
	throughput: Throughput;
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

export function StepHeader({domain, workflowId, workflow, throughput, width, theme}: StepHeaderProps): React.JSX.Element {
	const sep = theme.separator;
	const title: Segment[] = [{text: 'cp-watch', bold: theme.bold, color: theme.accent}, {text: sep}];
	const progress: Segment[] = [];
	const info = workflow ? statusInfo(workflow.Status) : undefined;
	if (workflow && info) {
		title.push({text: `${theme.glyph(workflow.Status)} ${sanitize(info.label)}`, color: theme.status(workflow.Status), bold: theme.bold}, {text: sep});
	}
	const used = title.reduce((sum, s) => sum + cellWidth(s.text), 0);
	title.push({text: fitIds(sanitize(domain), sanitize(workflowId), width - used, theme.ellipsis)});
	if (workflow && info) {
		if (workflow.ErrorDescription) title.push({text: `${sep}${sanitize(workflow.ErrorDescription)}`, color: theme.error});
		const done = workflow.StepsCompleted ?? 0;
		const total = workflow.TotalSteps;
		if (total !== undefined) {
			progress.push({text: `${progressBar(done, total, Math.min(32, Math.max(10, Math.floor(width / 5))), theme.ascii)} `, color: theme.status(workflow.Status)});
			progress.push({text: `${formatCount(done)}/${formatCount(total)} steps`});
		}
		const parts: string[] = [];
		if (workflow.RecordsProcessed !== undefined) parts.push(`${formatCount(workflow.RecordsProcessed)} records`);
		if (throughput.recordsPerSecond !== undefined && !info.isFinal) parts.push(formatRate(throughput.recordsPerSecond));
		if (throughput.etaMs !== undefined && !info.isFinal) parts.push(`ETA ${formatDuration(throughput.etaMs)}`);
		if (parts.length > 0) progress.push({text: (progress.length > 0 ? sep : '') + parts.join(sep)});
	}
	if (progress.length === 0) progress.push({text: workflow ? '' : 'waiting for the workflow', dim: theme.dim});
	return (
		<Box flexDirection="column">
			<Line width={width} segments={title} ellipsis={theme.ellipsis} />
			<Line width={width} segments={progress} ellipsis={theme.ellipsis} />
		</Box>
	);
}
