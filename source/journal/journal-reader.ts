// A journal's text as records. Reading stops at the first line that is not a good record (a
// killed recorder leaves a cut line at the end; a damaged file may hold anything) and says which
// line, so a replay shows everything up to there and never throws.
import {parseJournalLine, type JournalHeader, type JournalRecord} from './journal-format.js';

export interface JournalProblem {
	/** 1-based, as editors and `sed -n Np` count. */
	line: number;
	message: string;
}

export interface Journal {
	records: JournalRecord[];
	/** The first header: what was recorded. */
	header?: JournalHeader;
	problem?: JournalProblem;
}

export function readJournal(text: string): Journal {
	const records: JournalRecord[] = [];
	const lines = text.split('\n');
	// A complete file ends with a newline, which leaves one empty piece after the last line.
	const cutShort = lines.at(-1) !== '';
	if (!cutShort) lines.pop();
	for (let index = 0; index < lines.length; index++) {
		const line = index + 1;
		const textOfLine = lines[index].replace(/\r$/, '');
		if (textOfLine.trim() === '') continue;
		const parsed = parseJournalLine(textOfLine);
		if (!parsed.ok) {
			// A record begun but not finished: the last line of a recorder that was killed.
			const last = index === lines.length - 1 && cutShort && textOfLine.startsWith('{');
			const message = last && parsed.problem === 'is not valid JSON' ? 'is cut short (the recording was interrupted while writing it)' : parsed.problem;
			return finish(records, {line, message});
		}
		if (records.length === 0 && parsed.record.kind !== 'header') return finish(records, {line, message: 'is not a journal header (is this a cp-watch journal?)'});
		records.push(parsed.record);
	}
	return finish(records, records.length === 0 ? {line: 1, message: 'is empty: the journal holds no records'} : undefined);
}

function finish(records: JournalRecord[], problem: JournalProblem | undefined): Journal {
	const header = records.find((record): record is JournalHeader => record.kind === 'header');
	return problem === undefined ? {records, header} : {records, header, problem};
}

/** "line 12 is cut short (...)", for the status line and stderr. */
export function describeProblem(path: string, problem: JournalProblem): string {
	return `${path}: line ${problem.line} ${problem.message}; replaying up to the last good line`;
}
