// Real networks, for real: the built CLI and the real SDK through a real proxy on loopback, to
// the emulator over HTTP and over HTTPS with a CA made at start.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {COMPLETE_ID, DOMAIN, lifecycleScenario} from '../support/lifecycle-scenario.js';
import {startRecordingProxy, type RecordingProxy} from '../support/recording-proxy.js';
import {cleanEnv, runCli} from '../support/run-cli.js';

let plain: Emulator;
let tls: Emulator;
let proxy: RecordingProxy;
let home: string;
let caFile: string;
beforeAll(async () => {
	plain = await startEmulator({scenario: lifecycleScenario()});
	tls = await startEmulator({scenario: lifecycleScenario(), tls: true});
	proxy = await startRecordingProxy();
	home = mkdtempSync(join(tmpdir(), 'cp-watch-net-'));
	caFile = join(home, 'ca.pem');
	writeFileSync(caFile, tls.caPem ?? '');
});
afterAll(async () => {
	await Promise.all([plain.close(), tls.close(), proxy.close()]);
	rmSync(home, {recursive: true, force: true});
});

const snapshot = (endpoint: string) => ['--endpoint-url', endpoint, '--domain', DOMAIN, '--workflow', COMPLETE_ID, '--once', '--json'];
const env = (extra: NodeJS.ProcessEnv) =>
	cleanEnv({AWS_ACCESS_KEY_ID: 'AKIDNET', AWS_SECRET_ACCESS_KEY: 'net-secret', AWS_REGION: 'us-east-1', HOME: home, AWS_CONFIG_FILE: join(home, 'no-config'), ...extra});

function oneLineError(stderr: string): string {
	const lines = stderr.trimEnd().split('\n');
	expect(lines, stderr).toHaveLength(1);
	expect(stderr).not.toMatch(/\n\s+at /);
	return lines[0];
}

function requestsTo(emulator: Emulator): number {
	return emulator.requestLog().filter(entry => entry.workflowId === COMPLETE_ID).length;
}

describe('proxies and CA bundles', () => {
	it('HTTP_PROXY: every request goes through the proxy, and the snapshot is right', async () => {
		proxy.seen.length = 0;
		const run = await runCli(snapshot(plain.url), {env: env({HTTP_PROXY: proxy.url})});
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout).steps).toHaveLength(2);
		expect(proxy.seen).toContain(`GET ${plain.url}/domains/${DOMAIN}/workflows/${COMPLETE_ID}`);
		expect(proxy.seen.some(line => line.startsWith(`GET ${plain.url}/domains/${DOMAIN}/workflows/${COMPLETE_ID}/steps`))).toBe(true);
	});

	it.each(['127.0.0.1', '127.0.0.0/8', '*'])('NO_PROXY=%s: the proxy sees nothing', async noProxy => {
		proxy.seen.length = 0;
		const run = await runCli(snapshot(plain.url), {env: env({http_proxy: proxy.url, no_proxy: noProxy})});
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout).steps).toHaveLength(2);
		expect(proxy.seen).toEqual([]);
	});

	it('the TLS emulator through HTTPS_PROXY (CONNECT) with AWS_CA_BUNDLE works', async () => {
		proxy.seen.length = 0;
		const before = requestsTo(tls);
		const run = await runCli(snapshot(tls.url), {env: env({HTTPS_PROXY: proxy.url, AWS_CA_BUNDLE: caFile})});
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout).steps).toHaveLength(2);
		expect(proxy.seen).toContain(`CONNECT 127.0.0.1:${tls.port}`);
		expect(requestsTo(tls)).toBeGreaterThan(before);
	});

	it("the profile's ca_bundle is trusted too", async () => {
		const config = join(home, 'config-ca');
		writeFileSync(config, `[profile tls]\naws_access_key_id = AKIDNET\naws_secret_access_key = net-secret\nca_bundle = ${caFile}\n`);
		const run = await runCli(['--profile', 'tls', ...snapshot(tls.url)], {
			env: env({AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'), AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined}),
		});
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout).steps).toHaveLength(2);
	});

	it('the TLS emulator without its CA: one line saying the certificate is not trusted, naming AWS_CA_BUNDLE, exit 7', async () => {
		const run = await runCli(snapshot(tls.url), {env: env({NODE_EXTRA_CA_CERTS: ''})});
		expect(run.code).toBe(7);
		expect(oneLineError(run.stderr)).toMatch(/certificate is not trusted.*AWS_CA_BUNDLE/);
	});

	it.each([['--plain'], ['--json']])('%s ends on it the same way: exit 7, one line', async flag => {
		const run = await runCli(['--endpoint-url', tls.url, '--domain', DOMAIN, '--workflow', COMPLETE_ID, flag], {env: env({NODE_EXTRA_CA_CERTS: ''})});
		expect(run.code).toBe(7);
		expect(oneLineError(run.stderr)).toMatch(/certificate is not trusted.*AWS_CA_BUNDLE/);
		expect(run.stdout).toBe('');
	});

	it('an AWS_CA_BUNDLE that cannot be read: one line naming it, exit 2', async () => {
		const run = await runCli(snapshot(tls.url), {env: env({AWS_CA_BUNDLE: join(home, 'missing.pem')})});
		expect(run.code).toBe(2);
		expect(oneLineError(run.stderr)).toMatch(/AWS_CA_BUNDLE .*missing\.pem: cannot read the file \(ENOENT\)/);
	});

	it('a proxy that asks for a password (407): one line naming the proxy, exit 7; with the password in the URL it works', async () => {
		const guarded = await startRecordingProxy({user: 'alice', password: 's3cret'});
		try {
			const refused = await runCli(snapshot(tls.url), {env: env({HTTPS_PROXY: guarded.url, AWS_CA_BUNDLE: caFile})});
			expect(refused.code).toBe(7);
			expect(oneLineError(refused.stderr)).toMatch(new RegExp(`the proxy ${guarded.url} asks for authentication \\(407\\)`));

			const plainRefused = await runCli(snapshot(plain.url), {env: env({HTTP_PROXY: guarded.url})});
			expect(plainRefused.code).toBe(7);
			expect(oneLineError(plainRefused.stderr)).toMatch(/the proxy .* asks for authentication \(407\)/);

			const withPassword = guarded.url.replace('http://', 'http://alice:s3cret@');
			const run = await runCli(snapshot(tls.url), {env: env({HTTPS_PROXY: withPassword, AWS_CA_BUNDLE: caFile})});
			expect(run.code, run.stderr).toBe(0);
			expect(JSON.parse(run.stdout).steps).toHaveLength(2);
		} finally {
			await guarded.close();
		}
	}, 30_000);

	it('a proxy that refuses connections: one line naming the proxy, exit 7', async () => {
		const run = await runCli(snapshot(tls.url), {env: env({HTTPS_PROXY: 'http://127.0.0.1:9', AWS_CA_BUNDLE: caFile}), timeoutMs: 30_000});
		expect(run.code).toBe(7);
		expect(oneLineError(run.stderr)).toMatch(/the proxy http:\/\/127\.0\.0\.1:9 cannot be reached \(ECONNREFUSED\)/);
	}, 40_000);

	it('a proxy URL that is not one: one line naming the variable, exit 2', async () => {
		const run = await runCli(snapshot(tls.url), {env: env({HTTPS_PROXY: 'ftp://user:pw@x'})});
		expect(run.code).toBe(2);
		const line = oneLineError(run.stderr);
		expect(line).toMatch(/HTTPS_PROXY: .* is not a proxy URL/);
		expect(line).not.toContain(':pw@');
	});
});

describe("the credential chain's own clients use the proxy too", () => {
	let guarded: RecordingProxy;
	beforeAll(async () => {
		// It answers 407 to everyone: what it records is proof enough, and nothing leaves the machine.
		guarded = await startRecordingProxy({user: 'nobody', password: 'never-given'});
	});
	afterAll(() => guarded.close());

	it.each([
		[
			'STS (role_arn + source_profile)',
			'[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n[profile role]\nrole_arn = arn:aws:iam::123456789012:role/reader\nsource_profile = base\nregion = us-east-1\n',
			'CONNECT sts.us-east-1.amazonaws.com:443',
		],
		[
			'SSO (sso_session with a cached token)',
			'[profile role]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n',
			'CONNECT portal.sso.us-east-1.amazonaws.com:443',
		],
	])('%s', async (_name, config, expected) => {
		guarded.seen.length = 0;
		const chainHome = mkdtempSync(join(tmpdir(), 'cp-watch-chain-'));
		try {
			const aws = join(chainHome, '.aws');
			const {mkdirSync} = await import('node:fs');
			const {createHash} = await import('node:crypto');
			mkdirSync(join(aws, 'sso', 'cache'), {recursive: true});
			writeFileSync(join(aws, 'config'), config);
			// A token valid for an hour, in the file the SDK looks for (SHA-1 of the session name).
			const cacheName = createHash('sha1').update('corp').digest('hex');
			const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
			writeFileSync(join(aws, 'sso', 'cache', `${cacheName}.json`), JSON.stringify({startUrl: 'https://example.awsapps.com/start', region: 'us-east-1', accessToken: 'cached-token', expiresAt}));
			const run = await runCli(['--profile', 'role', ...snapshot(tls.url)], {
				env: cleanEnv({HOME: chainHome, HTTPS_PROXY: guarded.url, AWS_CA_BUNDLE: caFile, AWS_EC2_METADATA_DISABLED: 'true'}),
				timeoutMs: 30_000,
			});
			expect(guarded.seen, run.stderr).toContain(expected);
			expect(run.code).not.toBe(0);
			expect(run.stderr).not.toMatch(/\n\s+at /);
		} finally {
			rmSync(chainHome, {recursive: true, force: true});
		}
	}, 40_000);
});
