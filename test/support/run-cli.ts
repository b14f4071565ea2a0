// Runs the built CLI (dist/cli.js, made by `npm test`'s build step) as a child process with no
// terminal, the way scripts and CI run it.
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';

export const CLI = resolve(import.meta.dirname, '../../dist/cli.js');

export interface CliRun {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

// A proxy of the machine running the tests must not stand between the CLI and the emulator.
const LEFT_OUT = new Set(['CI', 'NO_COLOR', 'FORCE_COLOR', 'CLICOLOR', 'TMUX', 'CP_WATCH_DEBUG', 'HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']);

/** An environment with no AWS settings, no proxy and no CI. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key.startsWith('AWS_') || LEFT_OUT.has(key.toUpperCase())) continue;
		env[key] = value;
	}
	return {...env, ...extra};
}

export function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; timeoutMs?: number; cwd?: string} = {}): Promise<CliRun> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {
			env: options.env ?? cleanEnv(),
			cwd: options.cwd,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolvePromise({code, signal, stdout, stderr});
		});
	});
}

/** A running `cp-watch emulator` child and its URL. */
export async function startEmulatorProcess(args: string[] = []): Promise<{url: string; child: ChildProcess; stop(): Promise<number | null>}> {
	const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', ...args], {env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe']});
	const url = await new Promise<string>((resolvePromise, reject) => {
		let out = '';
		let err = '';
		child.stderr!.setEncoding('utf8').on('data', chunk => (err += chunk));
		child.stdout!.setEncoding('utf8').on('data', chunk => {
			out += chunk;
			const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
			if (match) resolvePromise(match[1]);
		});
		child.on('close', code => reject(new Error(`emulator exited ${code}: ${err}`)));
	});
	return {
		url,
		child,
		stop: () =>
			new Promise(resolvePromise => {
				child.once('close', code => resolvePromise(code));
				child.kill('SIGTERM');
			}),
	};
}

/** A scenario file in a fresh temporary directory; `cleanup` removes it. */
export function scenarioFile(scenario: unknown): {path: string; cleanup(): void} {
	const dir = mkdtempSync(join(tmpdir(), 'cp-watch-scenario-'));
	const path = join(dir, 'scenario.json');
	writeFileSync(path, JSON.stringify(scenario));
	return {path, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}
