// `cp-watch emulator`: serve a scenario until SIGINT or SIGTERM.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {startEmulator} from './emulator.js';
import {loadScenario} from './load-scenario.js';
import type {Scenario} from './scenario.js';
import {BUILT_IN_SCENARIOS, builtInScenarioNames} from './scenarios/index.js';

export interface CommandIo {
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
	on?(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
	off?(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export const EMULATOR_USAGE = `Usage: cp-watch emulator [--port N] [--scenario FILE|NAME] [--speed X] [--log FILE] [--tls --ca-file FILE]

Serves the Customer Profiles workflow API on http://127.0.0.1:PORT until SIGINT or SIGTERM.

Options
  --port N             port to listen on; 0 (default) picks a free one
  --scenario FILE|NAME a scenario JSON file or a built-in: ${builtInScenarioNames().join(', ')} (default: demo)
  --speed X            virtual seconds per real second (overrides the scenario's clock.speed)
  --log FILE           append one JSON line per request to FILE
  --tls                serve https:// with a certificate for 127.0.0.1 and localhost, made at start
  --ca-file FILE       with --tls: write the CA certificate (PEM) that signed it to FILE (for AWS_CA_BUNDLE)
  --help               show this help

Point a client at it with --endpoint-url http://127.0.0.1:PORT and any credentials.
`;

export async function runEmulatorCommand(argv: string[], io: CommandIo): Promise<number> {
	const fail = (message: string) => {
		io.stderr.write(`cp-watch emulator: ${message}\n`);
		return 2;
	};
	let values: {port?: string; scenario?: string; speed?: string; log?: string; tls?: boolean; 'ca-file'?: string; help?: boolean};
	try {
		({values} = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				port: {type: 'string'},
				scenario: {type: 'string'},
				speed: {type: 'string'},
				log: {type: 'string'},
				tls: {type: 'boolean'},
				'ca-file': {type: 'string'},
				help: {type: 'boolean', short: 'h'},
			},
		}));
	} catch (error) {
		return fail(`${firstLine(error)} (see --help)`);
	}
	if (values.help) {
		io.stdout.write(EMULATOR_USAGE);
		return 0;
	}

	let port = 0;
	if (values.port !== undefined) {
		if (!/^\d+$/.test(values.port) || Number(values.port) > 65_535) return fail(`--port must be an integer from 0 to 65535 (got '${values.port}')`);
		port = Number(values.port);
	}
	let speed: number | undefined;
	if (values.speed !== undefined) {
		speed = Number(values.speed);
		if (values.speed.trim() === '' || !Number.isFinite(speed) || speed <= 0) return fail(`--speed must be a positive number (got '${values.speed}')`);
	}
	if (values.log === '') return fail('--log needs a file name');
	const caFile = values['ca-file'];
	if (caFile !== undefined && !values.tls) return fail('--ca-file needs --tls');
	if (values.tls && !caFile) return fail('--tls needs --ca-file FILE (where to write the CA certificate clients must trust)');

	const name = values.scenario ?? 'demo';
	let scenario: Scenario;
	try {
		scenario = readScenarioArgument(name);
	} catch (error) {
		return fail(`--scenario ${name}: ${firstLine(error)}`);
	}

	let emulator;
	try {
		emulator = await startEmulator({scenario, port, speed, logFile: values.log, tls: values.tls === true});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') return fail(`port ${port} is already in use`);
		if (code === 'EACCES') return fail(`not allowed to listen on port ${port}`);
		if (values.log !== undefined && (code === 'ENOENT' || code === 'EISDIR')) return fail(`--log ${values.log}: cannot open the file (${code})`);
		return fail(firstLine(error));
	}
	if (caFile !== undefined) {
		try {
			writeFileSync(caFile, emulator.caPem ?? '');
		} catch (error) {
			await emulator.close();
			return fail(`--ca-file ${caFile}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
		}
	}
	io.stdout.write(`listening on ${emulator.url}\n`);

	await new Promise<void>(resolve => {
		const stop = () => {
			io.off?.('SIGINT', stop);
			io.off?.('SIGTERM', stop);
			resolve();
		};
		io.on?.('SIGINT', stop);
		io.on?.('SIGTERM', stop);
	});
	await emulator.close();
	return 0;
}

function readScenarioArgument(name: string): Scenario {
	if (Object.hasOwn(BUILT_IN_SCENARIOS, name)) return loadScenario(name);
	if (!existsSync(name)) throw new Error(`no such file, and not a built-in scenario (${builtInScenarioNames().join(', ')})`);
	let parsed: unknown;
	try {
		parsed = JSON.parse(readFileSync(name, 'utf8'));
	} catch (error) {
		throw new Error(`not valid JSON: ${firstLine(error)}`);
	}
	return loadScenario(parsed);
}

function firstLine(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text.split('\n')[0].trim();
}
