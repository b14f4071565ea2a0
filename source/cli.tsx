// Entry: parse flags, pick the mode, wire the parts. Nothing else lives here.
// Only the flag parser is imported up front: --version, --help and a usage error never load the
// SDK, Ink or React (the bundle turns each dynamic import below into a chunk loaded on demand), and
// each mode loads only its own runner.
import process from 'node:process';
import packageJson from '../package.json' with {type: 'json'};
import {keepCompiledCode} from './cli/compile-cache.js';
import {prepareInkEnvironment} from './cli/ink-environment.js';
import {helpOrVersion, parseCli, type CliOptions} from './cli/options.js';
import {oneLine} from './cli/terminal-session.js';
import {EXIT} from './core/exit-code.js';
import type {Recorder} from './journal/recorder.js';

async function main(): Promise<number> {
	const argv = process.argv.slice(2);
	// Before any chunk loads: they are what the cache keeps.
	keepCompiledCode();
	if (argv[0] === 'emulator') {
		const {runEmulatorCommand} = await import('./emulator/index.js');
		return runEmulatorCommand(argv.slice(1), process);
	}
	if (argv[0] === 'replay') {
		prepareInkEnvironment(process.env);
		const {runReplay} = await import('./cli/run-replay.js');
		return runReplay(argv.slice(1));
	}

	const printed = helpOrVersion(argv, packageJson.version);
	if (printed !== undefined) {
		process.stdout.write(printed);
		return EXIT.ok;
	}
	const parsed = parseCli(argv, process.env, process.stdout.isTTY === true, packageJson.version);
	if (!parsed.ok) {
		process.stderr.write(`cp-watch: ${parsed.error}\n`);
		return EXIT.usage;
	}
	return run(parsed.options);
}

async function run(options: CliOptions): Promise<number> {
	// Ink reads CI when it loads, so it loads only after the environment is set for it.
	if (options.mode === 'tui') prepareInkEnvironment(process.env);
	// Started together: the runner's chunk loads while the target resolves.
	const runner = loadRunner(options.mode);
	// Not awaited when the target fails; its own rejection is then not worth a crash.
	runner.catch(() => undefined);
	const {resolveTarget} = await import('./cli/target.js');
	const target = await resolveTarget(options);
	if (!target.ok) {
		process.stderr.write(`cp-watch: ${target.error}\n`);
		return target.exitCode;
	}
	// A journal that cannot be written is found before the TUI opens; opened only once the target
	// is good, so a run that never started leaves no empty journal behind.
	const journal = options.record === undefined ? undefined : (await import('./journal/journal-file.js')).openJournalFile(options.record);
	if (journal && !journal.ok) {
		process.stderr.write(`cp-watch: ${journal.error}\n`);
		await target.value.close();
		return EXIT.usage;
	}
	const recorder = journal?.ok
		? (await import('./journal/recorder.js')).createRecorder(journal.file, {cpWatchVersion: packageJson.version, intervalMs: options.intervalMs, statusFilter: options.statusFilter, now: Date.now})
		: undefined;
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
		return await (await runner)(options, target.value, recorder);
	} finally {
		await target.value.close();
		if (journal?.ok) {
			journal.file.close();
			const problem = journal.file.problem();
			if (problem) process.stderr.write(`cp-watch: ${problem}\n`);
		}
	}
}

type Runner = (options: CliOptions, target: import('./cli/target.js').Target, recorder?: Recorder) => Promise<number>;

async function loadRunner(mode: CliOptions['mode']): Promise<Runner> {
	switch (mode) {
		case 'tui':
			return (await import('./cli/run-tui.js')).runTui;
		case 'lines':
		case 'ndjson': {
			const {runStream} = await import('./cli/run-stream.js');
			return (options, target, recorder) => runStream(options, target, undefined, recorder);
		}
		case 'snapshot-json':
		case 'snapshot-table':
		default: {
			const {runSnapshot} = await import('./cli/run-snapshot.js');
			return (options, target) => runSnapshot(options, target);
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
