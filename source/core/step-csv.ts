// Steps as CSV (RFC 4180) for spreadsheets. Text cells that a spreadsheet would run as a formula
// (leading = + - @ or a control character) get a leading apostrophe, as OWASP advises for exports.
import type {Step} from './step.js';

const COLUMNS = [
	'FlowName',
	'Status',
	'RecordsProcessed',
	'BatchRecordsStartTime',
	'BatchRecordsEndTime',
	'CreatedAt',
	'LastUpdatedAt',
	'ExecutionMessage',
] as const;

function textCell(text: string): string {
	const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function cell(step: Step, column: (typeof COLUMNS)[number]): string {
	switch (column) {
		case 'RecordsProcessed':
			return String(step.RecordsProcessed);
		case 'CreatedAt':
		case 'LastUpdatedAt':
			return new Date(step[column]).toISOString();
		default:
			return textCell(step[column]);
	}
}

export function stepsToCsv(steps: readonly Step[]): string {
	const lines = [COLUMNS.join(',')];
	for (const step of steps) lines.push(COLUMNS.map(column => cell(step, column)).join(','));
	return `${lines.join('\r\n')}\r\n`;
}
