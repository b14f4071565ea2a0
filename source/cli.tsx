// Entry: parse flags, pick the mode, wire the parts. Nothing else lives here.
import process from 'node:process';
import packageJson from '../package.json' with {type: 'json'};
import {parseCli, type CliOptions} from './cli/options.js';
import {resolveTarget} from './cli/target.js';
import {runSnapshot} from './cli/run-snapshot.js';
import {runStream} from './cli/run-stream.js';
import {prepareInkEnvironment} from './cli/ink-environment.js';
import {oneLine} from './cli/terminal-session.js';
import {EXIT} from './core/exit-code.js';
import {openJournalFile} from './journal/journal-file.js';
import {createRecorder} from './journal/recorder.js';

async function main(): Promise<number> {
	const argv = process.argv.slice(2);
	if (argv[0] === 'emulator') {
		const {runEmulatorCommand} = await import('./emulator/index.js');
		return runEmulatorCommand(argv.slice(1), process);
	}
	if (argv[0] === 'replay') {
		prepareInkEnvironment(process.env);
		const {runReplay} = await import('./cli/run-replay.js');
		return runReplay(argv.slice(1));
	}

	const parsed = parseCli(argv, process.env, process.stdout.isTTY === true, packageJson.version);
	if (!parsed.ok) {
		process.stderr.write(`cp-watch: ${parsed.error}\n`);
		return EXIT.usage;
	}
	return run(parsed.options);
}

async function run(options: CliOptions): Promise<number> {
	// Before anything starts: a journal that cannot be written is found before the TUI opens.
	const journal = options.record === undefined ? undefined : openJournalFile(options.record);
	if (journal && !journal.ok) {
		process.stderr.write(`cp-watch: ${journal.error}\n`);
		return EXIT.usage;
	}
	const recorder = journal?.ok
		? createRecorder(journal.file, {cpWatchVersion: packageJson.version, intervalMs: options.intervalMs, now: Date.now})
		: undefined;
	const target = await resolveTarget(options);
	if (!target.ok) {
		process.stderr.write(`cp-watch: ${target.error}\n`);
		return target.exitCode;
	}
	if (journal?.ok && target.value.domain !== undefined) {
		// Line mode and NDJSON without --workflow follow the whole domain: one domain-wide header.
		if (target.value.workflowId === undefined && (options.mode === 'lines' || options.mode === 'ndjson')) recorder?.startDomain(target.value.domain);
		else recorder?.begin(target.value.domain, target.value.workflowId);
		const problem = journal.file.problem();
		if (problem) {
			process.stderr.write(`cp-watch: ${problem}\n`);
			await target.value.close();
			return EXIT.usage;
		}
	}
	try {
		switch (options.mode) {
			case 'tui': {
				// Ink reads CI when it loads, so it loads only after the environment is set for it.
				prepareInkEnvironment(process.env);
				const {runTui} = await import('./cli/run-tui.js');
				return await runTui(options, target.value, recorder);
			}
			case 'lines':
			case 'ndjson':
				return await runStream(options, target.value, undefined, recorder);
			case 'snapshot-json':
			case 'snapshot-table':
			default:
				return await runSnapshot(options, target.value);
		}
	} finally {
		await target.value.close();
		if (journal?.ok) {
			journal.file.close();
			const problem = journal.file.problem();
			if (problem) process.stderr.write(`cp-watch: ${problem}\n`);
		}
	}
}

main().then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`cp-watch: ${oneLine(error)}\n`);
		process.exitCode = 1;
	},
);
