// What line mode and NDJSON share, for one workflow or a whole domain: where they write, when
// colour is wanted, and how a signal or a closed pipe ends them.
import process from 'node:process';
import {EXIT} from '../core/exit-code.js';
import {desktopNotification} from '../core/terminal-escapes.js';
import {formatFeedLine} from '../output/line-format.js';
import {formatFeedJson} from '../output/ndjson-format.js';
import {notificationFor} from '../output/notification.js';
import type {FeedEvent} from '../output/watch-feed.js';
import {lineColour} from './line-colour.js';
import type {CliOptions} from './options.js';
import {SIGNAL_EXIT_CODES} from './terminal-session.js';

export interface StreamIo {
	stdout: NodeJS.WritableStream & {isTTY?: boolean};
	stderr: NodeJS.WritableStream & {isTTY?: boolean};
	env: NodeJS.ProcessEnv;
}

/** Ends the run on SIGHUP (an SSH session that drops), SIGINT or SIGTERM, and on a closed stdout,
 * so what the run keeps (the last look, the journal) is saved; returns the cleanup. */
export function onStreamStop(io: StreamIo, finish: (code: number) => void): () => void {
	const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => finish(SIGNAL_EXIT_CODES[signal]);
	// A closed pipe (`| head`) is the reader saying it has enough, not an error.
	const onStdoutError = (error: NodeJS.ErrnoException) => finish(error.code === 'EPIPE' ? EXIT.ok : EXIT.workflowFailed);
	process.once('SIGHUP', onSignal);
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	io.stdout.on('error', onStdoutError);
	return () => {
		process.off('SIGHUP', onSignal);
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		io.stdout.off('error', onStdoutError);
	};
}

/** Prints an event as a line or NDJSON (steps outside --status left out), and with --notify sends
 * its notification. */
export function eventWriter(options: CliOptions, io: StreamIo): (event: FeedEvent) => void {
	const wanted = options.statusFilter.length > 0 ? new Set(options.statusFilter) : undefined;
	const color = lineColour(io.env, options.color);
	// Notifications are for a person: to the terminal, which is stderr when stdout is piped.
	const notifyStream = io.stdout.isTTY ? io.stdout : io.stderr;
	const tmux = Boolean(io.env.TMUX);
	return event => {
		if (event.type !== 'step' || wanted === undefined || wanted.has(event.step.Status)) {
			io.stdout.write(`${options.mode === 'ndjson' ? formatFeedJson(event) : formatFeedLine(event, {color})}\n`);
		}
		if (options.notify) {
			const note = notificationFor(event);
			if (note) notifyStream.write(desktopNotification(note.title, note.body, {tmux}));
		}
	};
}
