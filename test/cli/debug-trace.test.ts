// --debug FILE: a line per request with the wait and why, what the run resolved to, no secret;
// and the SDK's own warnings go there, never to the terminal.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {COMPLETE_ID, DOMAIN, lifecycleScenario} from '../support/lifecycle-scenario.js';
import {cleanEnv, runCli} from '../support/run-cli.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYDEBUGSECRET';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEDEBUGSESSIONTOKEN0123456789';

let emulator: Emulator;
let failing: Emulator;
let home: string;
beforeAll(async () => {
	emulator = await startEmulator({scenario: lifecycleScenario()});
	// Half the requests fail (500), in an order fixed by the seed: the walk must wait and say why.
	failing = await startEmulator({scenario: {...lifecycleScenario(), faults: {throttle: null, errorRate: 0.4, seed: 2}}});
	home = mkdtempSync(join(tmpdir(), 'cp-watch-debug-'));
});
afterAll(async () => {
	await Promise.all([emulator.close(), failing.close()]);
	rmSync(home, {recursive: true, force: true});
});

const snapshot = (endpoint: string) => ['--endpoint-url', endpoint, '--domain', DOMAIN, '--workflow', COMPLETE_ID, '--once', '--json', '--max-rps', '10'];
const keys = {AWS_ACCESS_KEY_ID: 'AKIDDEBUG', AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: SESSION_TOKEN, AWS_REGION: 'eu-west-2'};

function records(file: string): Array<Record<string, unknown>> {
	return readFileSync(file, 'utf8').trimEnd().split('\n').map(line => JSON.parse(line));
}

describe('--debug FILE', () => {
	it('writes the start, what it resolved to, and one line per request, with no secret in it', async () => {
		const file = join(home, 'trace.ndjson');
		const run = await runCli([...snapshot(failing.url), '--debug', file], {
			env: cleanEnv({...keys, HOME: home, AWS_CONFIG_FILE: join(home, 'none'), HTTPS_PROXY: 'http://proxyuser:proxy-pa55@proxy.example.com:3128'}),
			timeoutMs: 30_000,
		});
		expect(run.code, run.stderr).toBe(0);
		const lines = records(file);
		expect(lines[0]).toMatchObject({type: 'start', region: 'eu-west-2', endpointUrl: failing.url, httpsProxy: 'http://proxyuser:REDACTED@proxy.example.com:3128'});
		expect(lines.find(line => line.type === 'resolved')).toMatchObject({
			region: 'eu-west-2',
			endpoint: failing.url,
			credentialSource: expect.stringContaining('CREDENTIALS_ENV_VARS'),
			// The endpoint is http://, which HTTPS_PROXY does not cover.
			proxy: 'none',
		});
		const requests = lines.filter(line => line.type === 'request');
		expect(requests[0]).toMatchObject({operation: 'GetWorkflow', attempt: 1, waitReason: expect.any(String)});
		expect(requests.find(line => line.status === 200)).toMatchObject({errorType: null, requestId: expect.any(String), latencyMs: expect.any(Number)});
		expect(requests.find(line => line.status === 500)).toMatchObject({errorType: 'server InternalServerException', operation: expect.any(String)});
		expect(requests.find(line => (line.attempt as number) > 1)).toMatchObject({waitReason: expect.stringMatching(/^backoff after server/), waitMs: expect.any(Number)});
		expect(requests.filter(line => line.operation === 'GetWorkflowSteps' && line.status === 200).length).toBeGreaterThan(0);

		const text = readFileSync(file, 'utf8');
		for (const secret of [SECRET, SESSION_TOKEN, 'proxy-pa55', 'Signature=', 'AWS4-HMAC-SHA256', 'Authorization']) {
			expect(text, secret).not.toContain(secret);
		}
	}, 40_000);

	it('CP_WATCH_DEBUG=FILE does the same', async () => {
		const file = join(home, 'from-env.ndjson');
		const run = await runCli(snapshot(emulator.url), {env: cleanEnv({...keys, HOME: home, AWS_CONFIG_FILE: join(home, 'none'), CP_WATCH_DEBUG: file})});
		expect(run.code, run.stderr).toBe(0);
		expect(records(file).filter(line => line.type === 'request').length).toBeGreaterThanOrEqual(2);
	});

	it('a file that cannot be opened: one line, exit 2', async () => {
		const run = await runCli([...snapshot(emulator.url), '--debug', join(home, 'no', 'such', 'dir', 'trace')], {env: cleanEnv({...keys, HOME: home})});
		expect(run.code).toBe(2);
		expect(run.stderr.trim()).toMatch(/^cp-watch: --debug .*trace: cannot open the file \(ENOENT\)$/);
	});
});

describe('the SDK never writes to the terminal', () => {
	it('AWS_PROFILE plus static keys: no SDK warning on stderr; it goes to the trace', async () => {
		const config = join(home, 'config');
		writeFileSync(config, '[profile watcher]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\nregion = us-east-1\n');
		const file = join(home, 'warn.ndjson');
		const run = await runCli([...snapshot(emulator.url), '--debug', file], {
			env: cleanEnv({HOME: home, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'), AWS_PROFILE: 'watcher', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: SECRET}),
		});
		expect(run.code, run.stderr).toBe(0);
		expect(run.stderr).toBe('');
		expect(JSON.parse(run.stdout).steps).toHaveLength(2);
		const warnings = records(file).filter(line => line.type === 'sdk' && line.level === 'warn');
		expect(warnings.map(line => line.message).join('\n')).toMatch(/Multiple credential sources detected/);
		expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
		expect(readFileSync(file, 'utf8')).not.toContain('profile-secret');
	});
});

describe('--help', () => {
	it('documents --debug, the proxy variables and exit code 7, and 1 only for FAILED', async () => {
		const run = await runCli(['--help']);
		expect(run.stdout).toContain('--debug FILE');
		expect(run.stdout).toMatch(/HTTPS_PROXY, HTTP_PROXY, NO_PROXY, AWS_CA_BUNDLE/);
		expect(run.stdout).toMatch(/^\s+7 {2}gave up: the API, the network, TLS or the proxy kept failing$/m);
		expect(run.stdout).toMatch(/^\s+1 {2}workflow FAILED \(with --exit-status\)$/m);
	});
});
