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
	const target = await resolveTarget(options);
	if (!target.ok) {
		process.stderr.write(`cp-watch: ${target.error}\n`);
		return target.exitCode;
	}
	try {
		switch (options.mode) {
			case 'tui': {
				// Ink reads CI when it loads, so it loads only after the environment is set for it.
				prepareInkEnvironment(process.env);
				const {runTui} = await import('./cli/run-tui.js');
				return await runTui(options, target.value);
			}
			case 'lines':
			case 'ndjson':
				return await runStream(options, target.value);
			case 'snapshot-json':
			case 'snapshot-table':
			default:
				return await runSnapshot(options, target.value);
		}
	} finally {
		await target.value.close();
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
