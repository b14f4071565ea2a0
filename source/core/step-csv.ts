// Steps as CSV (RFC 4180) for spreadsheets. Text cells that a spreadsheet would run as a formula
// (leading = + - @ or a control character) get a leading apostrophe, as OWASP advises for exports.
// CSV has no escapes, and people `cat` exports: controls become the TUI's visible placeholders
// (line breaks stay). The JSON export keeps the exact text.
import {sanitize} from './sanitize.js';
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

function textCell(raw: string): string {
	const text = sanitize(raw, {keepNewlines: true});
	const guarded = /^[=+\-@\t\r]/.test(raw) ? `'${text}` : text;
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
