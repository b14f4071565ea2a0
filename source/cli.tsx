// Entry: parse flags, pick the mode, wire the parts. Nothing else lives here.
// Only the flag parser is imported up front: --version, --help and a usage error never load the
// SDK, Ink or React (the bundle turns each dynamic import below into a chunk loaded on demand), and
// each mode loads only its own runner.
import process from 'node:process';
import packageJson from '../package.json' with {type: 'json'};
import {parseCli, type CliOptions} from './cli/options.js';
import {oneLine} from './cli/terminal-session.js';
import {EXIT} from './core/exit-code.js';

async function main(): Promise<number> {
	const argv = process.argv.slice(2);
	if (argv[0] === 'emulator') {
		const {runEmulatorCommand} = await import('./emulator/index.js');
		return runEmulatorCommand(argv.slice(1), process);
	}

	const parsed = parseCli(argv, process.env, process.stdout.isTTY === true, packageJson.version);
	if (!parsed.ok) {
		process.stderr.write(`cp-watch: ${parsed.error}\n`);
		return EXIT.usage;
	}
	return run(parsed.options);
}

async function run(options: CliOptions): Promise<number> {
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
	try {
		return await (await runner)(options, target.value);
	} finally {
		await target.value.close();
	}
}

type Runner = (options: CliOptions, target: import('./cli/target.js').Target) => Promise<number>;

async function loadRunner(mode: CliOptions['mode']): Promise<Runner> {
	switch (mode) {
		case 'tui':
			return (await import('./cli/run-tui.js')).runTui;
		case 'lines':
		case 'ndjson':
			return (await import('./cli/run-stream.js')).runStream;
		case 'snapshot-json':
		case 'snapshot-table':
		default:
			return (await import('./cli/run-snapshot.js')).runSnapshot;
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
