// Interactive mode: the TUI on the alternate screen, polling through one shared watch source.
import process from 'node:process';
import type {Instance} from 'ink';
import {createWatchSource} from '../poller/index.js';
import {renderApp} from '../ui/render-app.js';
import type {CliOptions} from './options.js';
import type {Target} from './target.js';
import {openTerminalSession} from './terminal-session.js';

export async function runTui(options: CliOptions, target: Target): Promise<number> {
	const source = createWatchSource({
		api: target.api,
		intervalMs: options.intervalMs,
		maxRps: options.maxRps,
		follow: options.follow,
	});

	let instance: Instance | undefined;
	const session = openTerminalSession(process, () => instance?.unmount());
	instance = renderApp({
		source,
		initial: {domain: target.domain, workflowId: target.workflowId},
		options: {
			ascii: options.ascii,
			color: options.color,
			statusFilter: options.statusFilter,
			demoLabel: target.demoLabel,
		},
		onExit: code => session.exit(code),
	});
	await instance.waitUntilExit();
	return session.exit(0);
}
