// Line mode's words: one readable line per event, like `kubectl get -w`, with nothing that moves
// the cursor. Colour only when asked for (FORCE_COLOR), since the output is usually a file or pipe.
import {statusInfo} from '../core/status.js';
import {sanitize} from '../core/sanitize.js';
import type {FeedEvent} from './watch-feed.js';

const STATUS_WIDTH = 'IN_PROGRESS'.length;

const ANSI: Record<string, string> = {
	gray: '90',
	cyan: '36',
	green: '32',
	red: '31',
	magenta: '35',
	yellow: '33',
	white: '37',
};

export interface LineStyle {
	color: boolean;
}

/** 2026-11-24T09:00:12Z: seconds are enough for a log and keep the columns steady. */
export function isoSeconds(epochMs: number): string {
	return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function formatRecords(count: number): string {
	return `${count.toLocaleString('en-US')} records`;
}

function paint(status: string, style: LineStyle): string {
	return paintStatus(sanitize(status).padEnd(STATUS_WIDTH), status, style);
}

/** `text` (already sanitized) in the colour of `status`, when colour is on. */
export function paintStatus(text: string, status: string, style: LineStyle): string {
	if (!style.color) return text;
	const code = ANSI[statusInfo(status).color] ?? ANSI.white;
	return `\u001B[${code}m${text}\u001B[39m`;
}

function was(previousStatus: string | undefined): string {
	return previousStatus === undefined ? '' : ` (was ${sanitize(previousStatus)})`;
}

export function formatFeedLine(event: FeedEvent, style: LineStyle): string {
	if (event.type === 'step') {
		const {step} = event;
		return [
			isoSeconds(step.LastUpdatedAt),
			paint(step.Status, style),
			...(event.workflowId === undefined ? [] : [sanitize(event.workflowId)]),
			sanitize(step.FlowName),
			formatRecords(step.RecordsProcessed),
			sanitize(step.ExecutionMessage) + was(event.previousStatus),
		].join('  ');
	}
	const {workflow} = event;
	const progress =
		workflow.TotalSteps === undefined ? '' : `${workflow.StepsCompleted ?? 0}/${workflow.TotalSteps} steps, `;
	const error = workflow.ErrorDescription ? `  ${sanitize(workflow.ErrorDescription)}` : '';
	return [
		isoSeconds(workflow.LastUpdatedAt),
		paint(workflow.Status, style),
		`workflow ${sanitize(workflow.WorkflowId)}${event.workflowId !== undefined && workflow.SourceConnectorType ? ` (${sanitize(workflow.SourceConnectorType)})` : ''}`,
		`${progress}${formatRecords(workflow.RecordsProcessed ?? 0)}${was(event.previousStatus)}${error}`,
	].join('  ');
}
