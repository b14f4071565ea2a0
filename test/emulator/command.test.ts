import {EventEmitter} from 'node:events';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, describe, expect, it} from 'vitest';
import {runEmulatorCommand} from '../../source/emulator/index.js';
import {raw} from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'cp-watch-emulator-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function harness() {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	let out = '';
	let err = '';
	stdout.setEncoding('utf8').on('data', chunk => (out += chunk));
	stderr.setEncoding('utf8').on('data', chunk => (err += chunk));
	const signals = new EventEmitter();
	const io = {stdout, stderr, on: (event: 'SIGINT' | 'SIGTERM', listener: () => void) => signals.on(event, listener), off: (event: 'SIGINT' | 'SIGTERM', listener: () => void) => signals.off(event, listener)};
	return {io, signals, out: () => out, err: () => err};
}

async function listening(read: () => string): Promise<string> {
	for (let i = 0; i < 500; i++) {
		const match = /^listening on (https?:\/\/127\.0\.0\.1:\d+)\n/.exec(read());
		if (match) return match[1];
		await new Promise(resolve => setTimeout(resolve, 10));
	}
	throw new Error(`never listened: ${read()}`);
}

describe('cp-watch emulator', () => {
	it('--tls --ca-file: serves https:// for 127.0.0.1 and localhost with a certificate that CA signed, URL first', async () => {
		const caPath = join(dir, 'ca.pem');
		const {io, signals, out, err} = harness();
		const exit = runEmulatorCommand(['--tls', '--ca-file', caPath, '--scenario', 'lifecycle'], io);
		const url = await listening(out);
		expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		const ca = readFileSync(caPath, 'utf8');
		expect(ca).toMatch(/^-----BEGIN CERTIFICATE-----/);
		const {request} = await import('node:https');
		const get = (host: string, trust?: string) =>
			new Promise<number>((resolve, reject) => {
				const port = Number(new URL(url).port);
				// Always to 127.0.0.1 (localhost may resolve to ::1); the name checked is `host`.
				request({host: '127.0.0.1', port, path: '/domains', ...(host === '127.0.0.1' ? {} : {servername: host}), ...(trust ? {ca: trust} : {})}, response => {
					response.resume();
					resolve(response.statusCode ?? 0);
				})
					.on('error', reject)
					.end();
			});
		// Unsigned, so the emulator answers 403; what matters is that TLS was accepted.
		expect(await get('127.0.0.1', ca)).toBe(403);
		expect(await get('localhost', ca)).toBe(403);
		await expect(get('127.0.0.1')).rejects.toMatchObject({code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'});
		signals.emit('SIGTERM');
		expect(await exit).toBe(0);
		expect(err()).toBe('');
	});

	it.each([
		[['--tls'], /--tls needs --ca-file FILE/],
		[['--ca-file', 'x.pem'], /--ca-file needs --tls/],
	])('%j: one line, exit 2', async (args, pattern) => {
		const {io, err} = harness();
		expect(await runEmulatorCommand(args, io)).toBe(2);
		expect(err()).toMatch(pattern);
	});

	it('prints the URL first, serves a scenario file at the given speed, logs requests, and stops on SIGTERM with 0', async () => {
		const scenarioPath = join(dir, 'scenario.json');
		const logPath = join(dir, 'requests.log');
		writeFileSync(scenarioPath, JSON.stringify({clock: {start: '2026-11-24T09:00:00Z'}, faults: {throttle: null}, domains: [{DomainName: 'from-file'}]}));
		const {io, signals, out, err} = harness();
		const exit = runEmulatorCommand(['--scenario', scenarioPath, '--speed', '2', '--log', logPath, '--port', '0'], io);
		const url = await listening(out);
		const response = await raw(url, '/domains', {headers: {'amz-sdk-invocation-id': 'inv-1', 'amz-sdk-request': 'attempt=2; max=3'}});
		expect((await response.json()).Items[0].DomainName).toBe('from-file');
		expect(signals.listenerCount('SIGTERM')).toBe(1);
		signals.emit('SIGTERM');
		expect(await exit).toBe(0);
		expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT')).toBe(0);
		expect(err()).toBe('');
		const lines = readFileSync(logPath, 'utf8').trim().split('\n').map(line => JSON.parse(line));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatchObject({op: 'ListDomains', status: 200, error: null, invocationId: 'inv-1', attempt: 2, maxAttempts: 3, nextToken: false, items: 1});
		expect(typeof lines[0].t).toBe('number');
		expect(Math.abs(lines[0].t - Date.now())).toBeLessThan(60_000);
		await expect(fetch(`${url}/domains`)).rejects.toThrow();
	});

	it('serves a built-in by name and stops on SIGINT', async () => {
		const {io, signals, out} = harness();
		const exit = runEmulatorCommand(['--scenario', 'lifecycle'], io);
		const url = await listening(out);
		expect((await raw(url, '/domains/lifecycle')).status).toBe(200);
		signals.emit('SIGINT');
		expect(await exit).toBe(0);
	});

	it('a port in use: one line on stderr, exit 2', async () => {
		const blocker = createServer();
		await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
		const port = (blocker.address() as {port: number}).port;
		const {io, out, err} = harness();
		expect(await runEmulatorCommand(['--port', String(port), '--scenario', 'lifecycle'], io)).toBe(2);
		expect(err()).toBe(`cp-watch emulator: port ${port} is already in use\n`);
		expect(out()).toBe('');
		await new Promise(resolve => blocker.close(resolve));
	});

	it.each([
		[['--scenario', 'nonesuch'], /^cp-watch emulator: --scenario nonesuch: no such file, and not a built-in scenario/],
		[['--bogus'], /^cp-watch emulator: Unknown option '--bogus'/],
		[['extra'], /^cp-watch emulator: .*positional/i],
		[['--port', 'abc'], /^cp-watch emulator: --port must be an integer from 0 to 65535/],
		[['--port', '70000'], /^cp-watch emulator: --port must be/],
		[['--speed', '0'], /^cp-watch emulator: --speed must be a positive number/],
		[['--speed'], /^cp-watch emulator: Option '--speed <value>' argument missing/],
		[['--log', join(tmpdir(), 'no-such-dir-cp-watch', 'x.log'), '--scenario', 'lifecycle'], /^cp-watch emulator: --log .*cannot open/],
	])('refuses %j with one line on stderr and exit 2', async (argv, message) => {
		const {io, out, err} = harness();
		expect(await runEmulatorCommand(argv, io)).toBe(2);
		expect(err()).toMatch(message);
		expect(err().trim().split('\n')).toHaveLength(1);
		expect(out()).toBe('');
	});

	it('refuses a malformed scenario file naming the bad field', async () => {
		const path = join(dir, 'bad.json');
		writeFileSync(path, JSON.stringify({domains: [{workflows: [{WorkflowId: 'XYZ'}]}]}));
		const {io, err} = harness();
		expect(await runEmulatorCommand(['--scenario', path], io)).toBe(2);
		expect(err()).toBe(`cp-watch emulator: --scenario ${path}: domains[0].workflows[0].WorkflowId: must be 32 lowercase hex characters\n`);
		const notJson = join(dir, 'not.json');
		writeFileSync(notJson, '{oops');
		const second = harness();
		expect(await runEmulatorCommand(['--scenario', notJson], second.io)).toBe(2);
		expect(second.err()).toMatch(/not valid JSON/);
	});

	it('--help prints the usage and exits 0', async () => {
		const {io, out} = harness();
		expect(await runEmulatorCommand(['--help'], io)).toBe(0);
		expect(out()).toMatch(/^Usage: cp-watch emulator \[--port N\] \[--scenario FILE\|NAME\] \[--speed X\] \[--log FILE\]/);
		expect(out()).toContain('demo, large, hostile, lifecycle, domain');
	});
});
