// The AWS conventions the SDK owns, applied by the SDK (as the AWS CLI does), with --endpoint-url
// still first; and a malformed Region named in one line.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';
import {COMPLETE_ID, DOMAIN, lifecycleScenario} from '../support/lifecycle-scenario.js';
import {startRecordingProxy, type RecordingProxy} from '../support/recording-proxy.js';
import {cleanEnv, runCli} from '../support/run-cli.js';

let emulator: Emulator;
let home: string;
beforeAll(async () => {
	emulator = await startEmulator({scenario: lifecycleScenario()});
	home = mkdtempSync(join(tmpdir(), 'cp-watch-conventions-'));
});
afterAll(async () => {
	await emulator.close();
	rmSync(home, {recursive: true, force: true});
});

const target = ['--domain', DOMAIN, '--workflow', COMPLETE_ID, '--once', '--json'];
const DEAD = 'http://127.0.0.1:9';

function env(extra: NodeJS.ProcessEnv, config = ''): NodeJS.ProcessEnv {
	const file = join(home, `config-${Math.random().toString(36).slice(2)}`);
	writeFileSync(file, config);
	return cleanEnv({AWS_ACCESS_KEY_ID: 'AKIDCONV', AWS_SECRET_ACCESS_KEY: 'conv-secret', AWS_REGION: 'us-east-1', HOME: home, AWS_CONFIG_FILE: file, AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'), ...extra});
}

async function expectSnapshot(args: string[], environment: NodeJS.ProcessEnv): Promise<void> {
	const run = await runCli([...args, ...target], {env: environment});
	expect(run.code, run.stderr).toBe(0);
	expect(JSON.parse(run.stdout).steps).toHaveLength(2);
}

describe('endpoints are the SDK’s to resolve', () => {
	it('AWS_ENDPOINT_URL', () => expectSnapshot([], env({AWS_ENDPOINT_URL: emulator.url})));

	it('AWS_ENDPOINT_URL_CUSTOMER_PROFILES wins over AWS_ENDPOINT_URL', () =>
		expectSnapshot([], env({AWS_ENDPOINT_URL_CUSTOMER_PROFILES: emulator.url, AWS_ENDPOINT_URL: DEAD})));

	it("the profile's endpoint_url", () => expectSnapshot([], env({}, `[default]\nendpoint_url = ${emulator.url}\n`)));

	it("the profile's services section (customer_profiles)", () =>
		expectSnapshot([], env({}, `[default]\nservices = local\n[services local]\ncustomer_profiles =\n  endpoint_url = ${emulator.url}\n`)));

	it('--endpoint-url wins over all of them', () =>
		expectSnapshot(['--endpoint-url', emulator.url], env({AWS_ENDPOINT_URL_CUSTOMER_PROFILES: DEAD, AWS_ENDPOINT_URL: DEAD}, `[default]\nendpoint_url = ${DEAD}\n`)));

	describe('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', () => {
		let proxy: RecordingProxy;
		beforeAll(async () => {
			// It refuses everyone (407): it only shows where the requests were going.
			proxy = await startRecordingProxy({user: 'nobody', password: 'x'});
		});
		afterAll(() => proxy.close());

		it('sends the requests to the AWS endpoint instead of the configured one', async () => {
			const before = emulator.requestLog().length;
			const run = await runCli(target, {
				env: env({AWS_ENDPOINT_URL: emulator.url, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', HTTPS_PROXY: proxy.url}, `[default]\nendpoint_url = ${emulator.url}\n`),
			});
			expect(run.code).toBe(7);
			expect(proxy.seen).toContain('CONNECT profile.us-east-1.amazonaws.com:443');
			expect(emulator.requestLog().length).toBe(before);
		});
	});
});

describe('a malformed Region', () => {
	it.each([
		[['--region', 'not_a_region'], {}, /^cp-watch: --region: 'not_a_region' is not an AWS Region name/],
		[[], {AWS_REGION: 'not_a_region'}, /^cp-watch: AWS_REGION: 'not_a_region' is not an AWS Region name/],
		[[], {AWS_REGION: '', AWS_DEFAULT_REGION: 'eu west 2'}, /^cp-watch: AWS_DEFAULT_REGION: 'eu west 2' is not an AWS Region name/],
	])('%j %j: one line naming it, exit 2', async (args, extra, pattern) => {
		const run = await runCli(['--endpoint-url', emulator.url, ...args, ...target], {env: env(extra)});
		expect(run.code).toBe(2);
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(run.stderr).toMatch(pattern);
	});

	it("in the profile: one line, exit 2, not 'no AWS region'", async () => {
		const run = await runCli(['--endpoint-url', emulator.url, ...target], {env: env({AWS_REGION: undefined}, '[default]\nregion = not_a_region\n')});
		expect(run.code).toBe(2);
		expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(run.stderr).toMatch(/not a Region name/);
	});
});

describe('--demo needs no AWS account', () => {
	it("ignores the environment's AWS settings: a bad Region, proxy or CA bundle does not stop it", async () => {
		const run = await runCli(['--demo', '--once', '--json'], {
			env: env({AWS_REGION: 'bad_region', HTTPS_PROXY: 'http://:not a url', HTTP_PROXY: 'http://127.0.0.1:9', AWS_CA_BUNDLE: join(home, 'no-such-bundle.pem')}),
		});
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout).steps.length).toBeGreaterThan(0);
	});
});
