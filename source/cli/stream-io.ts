// What line mode and NDJSON share, for one workflow or a whole domain: where they write, when
// colour is wanted, and how a signal or a closed pipe ends them.
import process from 'node:process';
import {EXIT} from '../core/exit-code.js';

export interface StreamIo {
	stdout: NodeJS.WritableStream & {isTTY?: boolean};
	stderr: NodeJS.WritableStream & {isTTY?: boolean};
	env: NodeJS.ProcessEnv;
}

/** Ends the run on SIGINT or SIGTERM and on a closed stdout; returns the cleanup. */
export function onStreamStop(io: StreamIo, finish: (code: number) => void): () => void {
	const onSignal = (signal: NodeJS.Signals) => finish(signal === 'SIGINT' ? 130 : 143);
	// A closed pipe (`| head`) is the reader saying it has enough, not an error.
	const onStdoutError = (error: NodeJS.ErrnoException) => finish(error.code === 'EPIPE' ? EXIT.ok : EXIT.workflowFailed);
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	io.stdout.on('error', onStdoutError);
	return () => {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		io.stdout.off('error', onStdoutError);
	};
}

export function forceColor(env: NodeJS.ProcessEnv): boolean {
	const value = env.FORCE_COLOR;
	return value !== undefined && value !== '0' && value !== 'false';
}
