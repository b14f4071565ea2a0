// `cp-watch replay FILE`: a journal written by --record, in the TUI (read-only, with a timeline)
// or printed again as line mode or NDJSON printed it while recording.
import {readFileSync} from 'node:fs';
import process from 'node:process';
import {parseArgs} from 'node:util';
import type {Instance} from 'ink';
import {EXIT} from '../core/exit-code.js';
import {validateWorkflowId} from '../core/validate.js';
import {describeProblem, readJournal, type Journal} from '../journal/journal-reader.js';
import {feedEventsOf} from '../journal/replay-feed.js';
import {createReplaySession} from '../journal/replay-source.js';
import {formatFeedLine} from '../output/line-format.js';
import {formatFeedJson} from '../output/ndjson-format.js';
import {realClock, realScheduler} from '../poller/time.js';
import {exportView} from './export-view.js';
import {parseStatusList} from './options.js';
import {copyToClipboard} from './clipboard.js';
import {colorRefused, lineColour} from './line-colour.js';
import type {StreamIo} from './stream-io.js';
import {oneLine, openTerminalSession} from './terminal-session.js';

export const REPLAY_USAGE = 'usage: cp-watch replay FILE [--plain | --json] [--status LIST] [--workflow W] [--ascii] [--no-color]';

const REPLAY_HELP = `
  Replay a journal written with --record FILE.

  Usage
    $ cp-watch replay FILE                 the TUI, read-only, on the journal's clock
    $ cp-watch replay FILE --plain         the events as line mode printed them
    $ cp-watch replay FILE --json          the events as NDJSON printed them

  Options
    --status LIST          only these step statuses, e.g. FAILED,RETRY
    --workflow W           only this workflow of the journal
    --no-color, --ascii    as when watching

  Timeline keys (every other key works as when watching)
    space, p               pause or play
    [ / ]                  one event back / forward
    < / >                  halve / double the speed (1x: real time, idle gaps cut to 2 s)
    { / }                  previous / next problem (FAILED, RETRY, CANCELLED, an error)
`;

export interface ReplayOptions {
	file: string;
	mode: 'tui' | 'lines' | 'ndjson';
	statusFilter: string[];
	workflowId?: string;
	color: boolean;
	ascii: boolean;
}

export type ParsedReplayCli = {ok: true; options: ReplayOptions} | {ok: true; help: string} | {ok: false; error: string};

export function parseReplayCli(argv: readonly string[], env: NodeJS.ProcessEnv, stdoutIsTTY: boolean): ParsedReplayCli {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			strict: true,
			options: {
				plain: {type: 'boolean'},
				json: {type: 'boolean'},
				status: {type: 'string'},
				workflow: {type: 'string'},
				ascii: {type: 'boolean'},
				color: {type: 'boolean'},
				'no-color': {type: 'boolean'},
				help: {type: 'boolean', short: 'h'},
			},
		});
	} catch (error) {
		// Node's words ("Unknown option '--x'. To specify a positional argument...") cut to the point.
		return {ok: false, error: `replay: ${oneLine(error).split('. ')[0]} (${REPLAY_USAGE})`};
	}
	const {values, positionals} = parsed;
	if (values.help) return {ok: true, help: REPLAY_HELP};
	if (positionals.length !== 1) return {ok: false, error: positionals.length === 0 ? REPLAY_USAGE : `replay: one journal file at a time (${REPLAY_USAGE})`};
	if (values.plain && values.json) return {ok: false, error: '--json and --plain cannot be used together'};
	let statusFilter: string[] = [];
	if (values.status !== undefined) {
		const statuses = parseStatusList(values.status);
		if (typeof statuses === 'string') return {ok: false, error: statuses};
		statusFilter = statuses;
	}
	if (values.workflow !== undefined) {
		const problem = validateWorkflowId(values.workflow);
		if (problem) return {ok: false, error: `--workflow: ${problem}`};
	}
	return {
		ok: true,
		options: {
			file: positionals[0],
			mode: values.json ? 'ndjson' : values.plain || !stdoutIsTTY ? 'lines' : 'tui',
			statusFilter,
			workflowId: values.workflow,
			color: values['no-color'] !== true && !colorRefused(env),
			ascii: values.ascii === true,
		},
	};
}

export async function runReplay(argv: readonly string[], io: StreamIo & {stdout: {isTTY?: boolean}} = process): Promise<number> {
	const parsed = parseReplayCli(argv, io.env, io.stdout.isTTY === true);
	if (!parsed.ok) {
		io.stderr.write(`cp-watch: ${parsed.error}\n`);
		return EXIT.usage;
	}
	if ('help' in parsed) {
		await writeAll(io.stdout, parsed.help);
		return EXIT.ok;
	}
	const {options} = parsed;
	let text: string;
	try {
		text = readFileSync(options.file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : oneLine(error);
		io.stderr.write(`cp-watch: replay ${options.file}: ${why}\n`);
		return EXIT.usage;
	}
	const whole = readJournal(text);
	// Nothing to replay: not a journal at all.
	if (whole.header === undefined) {
		const message = whole.problem?.message ?? 'is not a journal header';
		// A first line that is not even JSON is most likely some other file given by mistake.
		const hint = message === 'is not valid JSON' ? ' (is this a cp-watch journal?)' : '';
		io.stderr.write(`cp-watch: ${options.file}: line ${whole.problem?.line ?? 1} ${message}${hint}\n`);
		return EXIT.usage;
	}
	const journal = options.workflowId === undefined ? whole : onlyWorkflow(whole, options.workflowId);
	// A --workflow the journal never saw would print nothing (or open an empty screen) and exit 0.
	if (options.workflowId !== undefined && journal.records.every(record => record.kind === 'header')) {
		const held = [...new Set(whole.records.flatMap(record => (record.kind === 'header' ? [] : [record.workflowId])))];
		io.stderr.write(`cp-watch: ${options.file} holds no workflow ${options.workflowId}${held.length > 0 ? ` (it holds ${held.join(', ')})` : ''}\n`);
		return EXIT.notFound;
	}
	if (options.mode === 'tui') return replayInTui(journal, options);

	// --status given here wins; else each run's own, so the lines are the ones it printed.
	const given = options.statusFilter.length > 0 ? new Set(options.statusFilter) : undefined;
	let wanted = given;
	const color = lineColour(io.env, options.color);
	let out = '';
	// A domain-wide run printed each event with its workflow (as the domain stream does).
	let domainWide = false;
	for (const record of journal.records) {
		if (record.kind === 'header') {
			domainWide = record.scope === 'domain';
			wanted = given ?? (record.statusFilter.length > 0 ? new Set(record.statusFilter) : undefined);
		}
		for (const recorded of feedEventsOf(record)) {
			const event = domainWide && record.kind !== 'header' ? {...recorded, workflowId: record.workflowId} : recorded;
			if (event.type === 'step' && wanted !== undefined && !wanted.has(event.step.Status)) continue;
			out += `${options.mode === 'ndjson' ? formatFeedJson(event) : formatFeedLine(event, {color})}\n`;
		}
	}
	await writeAll(io.stdout, out);
	if (journal.problem) {
		io.stderr.write(`cp-watch: ${describeProblem(options.file, journal.problem)}\n`);
		return EXIT.workflowFailed;
	}
	return EXIT.ok;
}

function onlyWorkflow(journal: Journal, workflowId: string): Journal {
	return {...journal, records: journal.records.filter(record => record.kind === 'header' || record.workflowId === workflowId)};
}

function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
	return new Promise(resolve => {
		if (text === '') return resolve();
		// A closed pipe (`| head`) is the reader saying it has enough.
		stream.once('error', () => resolve());
		stream.write(text, () => resolve());
	});
}

async function replayInTui(journal: Journal, options: ReplayOptions): Promise<number> {
	const {renderApp} = await import('../ui/render-app.js');
	const session = createReplaySession(journal, {clock: realClock, scheduler: realScheduler});
	let instance: Instance | undefined;
	const terminal = openTerminalSession(process, () => {
		session.stop();
		instance?.unmount();
	});
	const problem = journal.problem ? describeProblem(options.file, journal.problem) : undefined;
	instance = renderApp({
		source: session.source,
		initial: options.workflowId === undefined ? session.initial : {...session.initial, workflowId: options.workflowId},
		replay: session,
		options: {ascii: options.ascii, color: options.color, statusFilter: options.statusFilter, demoLabel: 'replay'},
		// y/Y as when watching: tmux's buffer inside tmux, and OSC 52.
		copyText: text => copyToClipboard(text, {env: process.env, writeTerminal: sequence => process.stdout.write(sequence)}),
		exportView,
		onExit: code => terminal.exit(code, problem),
	});
	session.start();
	await instance.waitUntilExit();
	return terminal.exit(EXIT.ok, problem);
}
