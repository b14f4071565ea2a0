// The emulator in its own process, as a user would run it (`cp-watch emulator`), on a scenario of
// N settled steps written to a temporary file: the program under test shares no CPU time or heap
// with it.
import {spawn} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {largeScenario, LARGE_DOMAIN, LARGE_WORKFLOW_ID} from '../source/emulator/scenarios/large.js';

export const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
export {LARGE_DOMAIN, LARGE_WORKFLOW_ID};

export interface EmulatorProcess {
	url: string;
	pid: number;
	close(): Promise<void>;
}

/** The `large` scenario with `count` steps instead of 10,000, and no throttle: the bench sets the
 * pace with --max-rps, and the emulator's 5 rps default would answer 429 above it. */
export function scenarioFile(count: number, dir = mkdtempSync(join(tmpdir(), 'cpw-bench-'))): string {
	const scenario = largeScenario() as {description: string; faults?: object; domains: Array<{workflows: Array<{generate: {count: number}}>}>};
	scenario.faults = {throttle: null};
	scenario.description = `The large scenario with ${count} settled steps`;
	scenario.domains[0].workflows[0].generate.count = count;
	const file = join(dir, `large-${count}.json`);
	writeFileSync(file, JSON.stringify(scenario));
	return file;
}

export async function startEmulatorProcess(scenario: string, extra: string[] = []): Promise<EmulatorProcess> {
	const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--scenario', scenario, ...extra], {stdio: ['ignore', 'pipe', 'pipe']});
	let err = '';
	child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.on('exit', code => reject(new Error(`emulator exited ${code}: ${err}`)));
	});
	const gone = new Promise<void>(resolve => child.on('exit', () => resolve()));
	return {
		url,
		pid: child.pid!,
		async close() {
			child.kill('SIGTERM');
			await gone;
		},
	};
}

/** The environment the CLI runs in: dummy credentials, a fresh config directory, a state
 * directory of the bench's own (never the user's last looks), no CI (Ink writes nothing while CI
 * is set), a colour terminal. */
export function cliEnv(url: string, configDir: string, stateDir = configDir): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'TMUX', 'AWS_PROFILE']) delete env[name];
	return {
		...env,
		TERM: 'xterm-256color',
		AWS_ACCESS_KEY_ID: 'AKIDBENCH',
		AWS_SECRET_ACCESS_KEY: 'bench',
		AWS_REGION: 'us-east-1',
		AWS_ENDPOINT_URL_CUSTOMER_PROFILES: url,
		XDG_CONFIG_HOME: configDir,
		XDG_STATE_HOME: stateDir,
	};
}
