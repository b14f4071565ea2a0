// Reading a journal: every record kind round-trips through its line; a damaged or cut journal is
// read up to its last good line, with the line number and what is wrong, and nothing throws.
import {describe, expect, it} from 'vitest';
import {formatJournalRecord, JOURNAL_FORMAT, type JournalRecord} from '../../source/journal/journal-format.js';
import {describeProblem, readJournal} from '../../source/journal/journal-reader.js';
import {makeStep, makeWorkflow} from '../support/step-fixtures.js';

const T0 = Date.parse('2026-11-24T09:00:00Z');
const of = {workflowId: 'w1', time: T0 + 1000};
const RECORDS: JournalRecord[] = [
	{kind: 'header', journal: JOURNAL_FORMAT, cpWatch: '0.1.0', scope: 'workflow', domain: 'retail-prod', workflowId: 'w1', intervalMs: 5000, statusFilter: [], time: T0},
	{...of, kind: 'snapshot', workflow: makeWorkflow(), steps: [makeStep(), makeStep({FlowName: 'b'})]},
	{...of, kind: 'snapshot', workflow: null, steps: []},
	{...of, kind: 'step', step: makeStep({Status: 'FAILED'}), previousStatus: 'IN_PROGRESS'},
	{...of, kind: 'step', step: makeStep({FlowName: 'new'}), previousStatus: null},
	{...of, kind: 'workflow', workflow: makeWorkflow({Status: 'FAILED'}), previousStatus: 'IN_PROGRESS'},
	{...of, kind: 'progress', workflow: makeWorkflow({RecordsProcessed: 9})},
	{...of, kind: 'throttled', retryAt: T0 + 3000},
	{...of, kind: 'throttled', retryAt: null},
	{...of, kind: 'error', error: {kind: 'network', code: null, message: 'socket hang up', retryable: true}},
	{...of, kind: 'recovered'},
	{...of, kind: 'end', reason: 'done'},
];
const text = (records: readonly JournalRecord[]) => records.map(record => `${formatJournalRecord(record)}\n`).join('');

describe('readJournal', () => {
	it('reads back every kind of record exactly as written', () => {
		const journal = readJournal(text(RECORDS));
		expect(journal.problem).toBeUndefined();
		expect(journal.records).toEqual(RECORDS);
		expect(journal.header).toEqual(RECORDS[0]);
	});

	it('writes one line per record, the header starting with its format version, times in ISO', () => {
		const lines = text(RECORDS).split('\n');
		expect(lines).toHaveLength(RECORDS.length + 1);
		expect(lines[0]).toMatch(/^\{"journal":1,"kind":"header",/);
		expect(lines[0]).toContain('"time":"2026-11-24T09:00:00.000Z"');
		expect(lines[7]).toContain('"retryAt":"2026-11-24T09:00:03.000Z"');
	});

	it('escapes hostile text from the API so `cat` of a journal cannot drive the terminal', () => {
		const hostile = makeStep({ExecutionMessage: 'evil\u001B]52;c;AAAA\u0007 \u009B2J \u202Eright'});
		const line = formatJournalRecord({...of, kind: 'step', step: hostile, previousStatus: null});
		expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202E]/);
		expect(readJournal(`${text(RECORDS.slice(0, 1))}${line}\n`).records[1]).toMatchObject({step: hostile});
	});

	it('a last line cut short (a killed recorder) is reported as such; every line before it is kept', () => {
		const whole = text(RECORDS);
		const cut = whole.slice(0, whole.length - 30);
		const journal = readJournal(cut);
		expect(journal.records).toEqual(RECORDS.slice(0, -1));
		expect(journal.problem).toEqual({line: RECORDS.length, message: 'is cut short (the recording was interrupted while writing it)'});
		expect(describeProblem('j.ndjson', journal.problem!)).toBe(
			`j.ndjson: line ${RECORDS.length} is cut short (the recording was interrupted while writing it); replaying up to the last good line`,
		);
	});

	it('a complete last line without its newline is still read', () => {
		expect(readJournal(text(RECORDS).trimEnd()).records).toEqual(RECORDS);
	});

	it.each([
		['not JSON', '{"kind": ', 'is not valid JSON'],
		['not an object', '[1, 2]', 'is not a JSON object'],
		['no time', '{"kind":"recovered","workflowId":"w1"}', 'has no valid "time"'],
		['a bad time', '{"kind":"recovered","workflowId":"w1","time":"yesterday"}', 'has no valid "time"'],
		['no workflow', '{"kind":"recovered","time":"2026-11-24T09:00:00Z"}', 'is a "recovered" record with no "workflowId"'],
		['an unknown kind', '{"kind":"gossip","workflowId":"w1","time":"2026-11-24T09:00:00Z"}', 'has an unknown kind "gossip"'],
		['a step without a status', `{"kind":"step","workflowId":"w1","time":"2026-11-24T09:00:00Z","step":{"FlowName":"a"}}`, 'is a "step" record with a damaged step'],
		['a snapshot with a bad step', `{"kind":"snapshot","workflowId":"w1","time":"2026-11-24T09:00:00Z","workflow":null,"steps":[1]}`, 'is a "snapshot" record with damaged steps'],
		['an error of no known kind', `{"kind":"error","workflowId":"w1","time":"2026-11-24T09:00:00Z","error":{"kind":"?","message":"m","retryable":true,"code":null}}`, 'is a "error" record with a damaged error'],
	])('a line in the middle that is %s: stops before it, names the line and the problem', (_what, bad, message) => {
		const lines = text(RECORDS).split('\n');
		lines.splice(3, 0, bad);
		const journal = readJournal(lines.join('\n'));
		expect(journal.records).toEqual(RECORDS.slice(0, 3));
		expect(journal.problem).toEqual({line: 4, message});
	});

	it('a hostile kind in a damaged line is named with its controls made visible, never raw', () => {
		for (const bad of ['{"kind":"\\u009b2J\\u202eevil","workflowId":"w1","time":"2026-11-24T09:00:00Z"}', '{"kind":"\\u001b[2Jx","workflowId":"w1","time":"2026-11-24T09:00:00Z","step":{}}']) {
			const journal = readJournal(`${formatJournalRecord(RECORDS[0])}\n${bad}\n`);
			expect(journal.problem?.line).toBe(2);
			expect(journal.problem?.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
		}
	});

	it('blank lines and CRLF line ends are read, not reported', () => {
		const crlf = text(RECORDS).replaceAll('\n', '\r\n\n');
		expect(readJournal(crlf)).toEqual({records: RECORDS, header: RECORDS[0]});
	});

	it.each([
		['empty', '', {line: 1, message: 'is empty: the journal holds no records'}],
		['not starting with a header', `${formatJournalRecord(RECORDS[3])}\n`, {line: 1, message: 'is not a journal header (is this a cp-watch journal?)'}],
		['from a newer format', '{"journal":2,"kind":"header","time":"2026-11-24T09:00:00Z"}\n', {line: 1, message: 'was written in journal format 2; this cp-watch reads format 1'}],
		['binary', '\u0000\u0001\u0002garbage', {line: 1, message: 'is not valid JSON'}],
	])('a file that is %s has no records and says why', (_what, input, problem) => {
		const journal = readJournal(input);
		expect(journal.records).toEqual([]);
		expect(journal.header).toBeUndefined();
		expect(journal.problem).toEqual(problem);
	});
});
