// --once without --json: the walk as a plain, aligned table for people and for grep. No cursor
// movement, and colour only as line mode has it (FORCE_COLOR); the message is last and never cut,
// so nothing is lost to a narrow column.
import {cellWidth, sanitize} from '../core/sanitize.js';
import type {Step, Workflow} from '../core/step.js';
import {formatRecords, isoSeconds, paintStatus, type LineStyle} from './line-format.js';

const HEADERS = ['STATUS', 'FLOW', 'RECORDS', 'BATCH', 'CREATED', 'UPDATED', 'MESSAGE'] as const;

function pad(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}

export function formatSnapshotTable(workflow: Workflow, steps: readonly Step[], style: LineStyle = {color: false}): string {
	const rows = steps.map(step => [
		sanitize(step.Status),
		sanitize(step.FlowName),
		step.RecordsProcessed.toLocaleString('en-US'),
		`${sanitize(step.BatchRecordsStartTime)}..${sanitize(step.BatchRecordsEndTime)}`,
		isoSeconds(step.CreatedAt),
		isoSeconds(step.LastUpdatedAt),
		sanitize(step.ExecutionMessage),
	]);
	const widths = HEADERS.map((header, column) =>
		Math.max(cellWidth(header), ...rows.map(row => cellWidth(row[column]))),
	);
	// Only a step's status is painted: the header and the padding stay plain.
	const line = (cells: readonly string[], status?: string) =>
		cells
			.map((cell, column) => {
				const text = column === cells.length - 1 ? cell : pad(cell, widths[column]);
				return column === 0 && status !== undefined ? paintStatus(text, status, style) : text;
			})
			.join('  ')
			.trimEnd();

	const progress =
		workflow.TotalSteps === undefined ? '' : `  ${workflow.StepsCompleted ?? 0}/${workflow.TotalSteps} steps`;
	const title = `workflow ${workflow.WorkflowId}  ${paintStatus(sanitize(workflow.Status), workflow.Status, style)}${progress}  ${formatRecords(workflow.RecordsProcessed ?? 0)}  updated ${isoSeconds(workflow.LastUpdatedAt)}`;
	const out = [title];
	if (workflow.ErrorDescription) out.push(`error: ${sanitize(workflow.ErrorDescription)}`);
	out.push('', line(HEADERS), ...rows.map((row, index) => line(row, steps[index].Status)), '', `${steps.length} step${steps.length === 1 ? '' : 's'}`);
	return `${out.join('\n')}\n`;
}
