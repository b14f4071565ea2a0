// The built CLI as scripts and CI run it: a child process with no terminal, against the emulator.
import {createHash} from 'node:crypto';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CANCELLED_ID, COMPLETE_ID, DOMAIN, FAILED_ID, lifecycleScenario, SLOW_ID} from '../support/lifecycle-scenario.js';
import {cleanEnv, runCli, scenarioFile, startEmulatorProcess} from '../support/run-cli.js';

const scenario = scenarioFile(lifecycleScenario());
afterAll(() => scenario.cleanup());
const demo = ['--demo', scenario.path, '--domain', DOMAIN, '--interval', '1', '--max-rps', '10'];

function oneLineError(stderr: string): string {
	const lines = stderr.trimEnd().split('\n');
	expect(lines, stderr).toHaveLength(1);
	expect(stderr).not.toMatch(/\n\s+at /);
	return lines[0];
}

describe('help, version and usage errors', () => {
	it('--help lists every flag and the exit codes, exit 0', async () => {
		const run = await runCli(['--help']);
		expect(run.code).toBe(0);
		for (const flag of ['--domain', '--workflow', '--profile', '--region', '--endpoint-url', '--interval', '--max-rps', '--status', '--demo', '--once', '--json', '--plain', '--exit-status', '--timeout', '--notify', '--follow', '--no-color', '--ascii', 'emulator']) {
			expect(run.stdout, flag).toContain(flag);
		}
		expect(run.stdout).toMatch(/Exit codes/i);
	});

	it('-h is --help', async () => {
		const run = await runCli(['-h']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('--exit-status');
	});

	it('--version prints the version, exit 0', async () => {
		const run = await runCli(['--version']);
		expect(run.code).toBe(0);
		expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
	});

	it.each([
		[['--bogus'], /unknown flag --bogus/],
		[['--domain', 'no spaces', '--once'], /--domain: /],
		[['--domain', 'd', '--workflow', 'NOT-HEX', '--once'], /--workflow: a workflow id is 32 lowercase hex/],
		[['--interval', '0'], /--interval must be/],
		[['--timeout', 'soon'], /--timeout must be a duration/],
		[['--status', 'FAILED,NOPE'], /valid: NOT_STARTED, IN_PROGRESS, COMPLETE, FAILED, SPLIT, RETRY, CANCELLED/],
		[['--once'], /--once needs --domain and --workflow/],
		[['--domain', 'a', '--domain', 'b'], /--domain can be given only once/],
		[['--timeout', '1000h'], /--timeout must be at most 24d/],
	])('%j: one line, exit 2', async (args, pattern) => {
		const run = await runCli(args);
		expect(run.code).toBe(2);
		expect(oneLineError(run.stderr)).toMatch(pattern);
		expect(run.stdout).toBe('');
	});
});

describe('snapshot (--once)', () => {
	it('--json prints the workflow and every step with wire names and ISO times', async () => {
		const run = await runCli([...demo, '--workflow', FAILED_ID, '--once', '--json']);
		expect(run.code, run.stderr).toBe(0);
		const document = JSON.parse(run.stdout);
		expect(document.workflow).toMatchObject({WorkflowId: FAILED_ID});
		expect(document.steps.map((s: {FlowName: string}) => s.FlowName).sort()).toEqual(['ci-failed-1', 'ci-failed-2']);
		expect(document.steps[0].CreatedAt).toBe('2026-11-24T09:00:00.000Z');
	});

	it('--demo SCENARIO --workflow W without --domain: the scenario names the domain, so an id its hint listed works as it is', async () => {
		const hint = await runCli(['--demo', 'domain', '--once']);
		expect(hint.code).toBe(2);
		const id = /--workflow ([0-9a-f]{32})/.exec(hint.stderr)?.[1];
		expect(id, hint.stderr).toBeDefined();
		const run = await runCli(['--demo', 'domain', '--workflow', id!, '--once', '--json']);
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout).workflow).toMatchObject({WorkflowId: id});
	});

	it('without --json prints a plain table; --status filters it', async () => {
		// At 1000x every step is final before the first request. (At 1x, filtering on NOT_STARTED
		// raced the clock: a child slower than a second to start saw the steps already running.)
		const fast = scenarioFile(lifecycleScenario(1000));
		try {
			const run = await runCli(['--demo', fast.path, '--domain', DOMAIN, '--workflow', FAILED_ID, '--once', '--status', 'FAILED']);
			expect(run.code, run.stderr).toBe(0);
			expect(run.stdout).toMatch(/^STATUS +FLOW +RECORDS/m);
			expect(run.stdout).toMatch(/^FAILED +ci-failed-2 /m);
			expect(run.stdout).not.toContain('ci-failed-1');
			expect(run.stdout).not.toContain('\u001B');
		} finally {
			fast.cleanup();
		}
	});

	it('--exit-status gives the verdict of a finished workflow: 0 COMPLETE, 1 FAILED, 3 CANCELLED', async () => {
		// At 1000x the scenario's workflows have all ended before the first request.
		const fast = scenarioFile(lifecycleScenario(1000));
		try {
			const codes = [];
			for (const id of [COMPLETE_ID, FAILED_ID, CANCELLED_ID]) {
				const run = await runCli(['--demo', fast.path, '--domain', DOMAIN, '--workflow', id, '--once', '--exit-status']);
				codes.push(run.code);
			}
			expect(codes).toEqual([0, 1, 3]);
			const running = await runCli([...demo, '--workflow', SLOW_ID, '--once', '--exit-status']);
			expect(running.code, 'a running workflow is not a failure').toBe(0);
		} finally {
			fast.cleanup();
		}
	});
});

describe('line mode follows a workflow to its end', () => {
	it('from NOT_STARTED to COMPLETE, then ends by itself with 0', async () => {
		const run = await runCli([...demo, '--workflow', COMPLETE_ID]);
		expect(run.code, run.stderr).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^\S+Z {2}NOT_STARTED {2}workflow c0c0/);
		expect(lines.filter(line => / NOT_STARTED {2}ci-complete-\d/.test(line))).toHaveLength(2);
		expect(lines.filter(line => / COMPLETE {5}ci-complete-\d .* \(was (NOT_STARTED|IN_PROGRESS)\)$/.test(line))).toHaveLength(2);
		expect(lines.at(-1)).toMatch(/COMPLETE {5}workflow c0c0\S+ {2}2\/2 steps, 1,200 records \(was (NOT_STARTED|IN_PROGRESS)\)/);
		expect(run.stdout).not.toMatch(/\u001B\[/);
	});

	it('to FAILED: --exit-status exits 1, --notify rings on stderr byte for byte', async () => {
		const run = await runCli([...demo, '--workflow', FAILED_ID, '--plain', '--exit-status', '--notify']);
		expect(run.code, run.stderr).toBe(1);
		expect(run.stdout).toMatch(/FAILED {7}ci-failed-2 .*Flow failed: INVALID_FIELD Account.Foo__c \(was (RETRY|IN_PROGRESS|NOT_STARTED)\)/);
		expect(run.stderr).toContain(
			'\u0007\u001B]9;cp-watch: step failed: ci-failed-2: Flow failed: INVALID_FIELD Account.Foo__c\u0007' +
				'\u001B]777;notify;cp-watch: step failed;ci-failed-2: Flow failed: INVALID_FIELD Account.Foo__c\u0007',
		);
		expect(run.stderr).toContain(`\u001B]9;cp-watch: workflow FAILED: ${FAILED_ID}`);
	});

	it('to CANCELLED: --exit-status exits 3', async () => {
		const run = await runCli([...demo, '--workflow', CANCELLED_ID, '--exit-status']);
		expect(run.code, run.stderr).toBe(3);
	});

	it('--status shows only the steps asked for (workflow lines stay)', async () => {
		const run = await runCli([...demo, '--workflow', FAILED_ID, '--status', 'FAILED']);
		const stepLines = run.stdout.split('\n').filter(line => / ci-failed-\d /.test(line));
		expect(stepLines.length).toBeGreaterThan(0);
		for (const line of stepLines) expect(line).toMatch(/ FAILED /);
	});

	it('--timeout ends a workflow that runs too long with 6', async () => {
		const run = await runCli([...demo, '--workflow', SLOW_ID, '--timeout', '2s']);
		expect(run.code).toBe(6);
		expect(oneLineError(run.stderr)).toMatch(/--timeout of 2s reached; the workflow is IN_PROGRESS/);
	});

	it('colours only with FORCE_COLOR, and NO_COLOR beats it', async () => {
		const forced = await runCli([...demo, '--workflow', CANCELLED_ID], {env: cleanEnv({FORCE_COLOR: '1'})});
		expect(forced.stdout).toMatch(/\u001B\[33mCANCELLED/);
		const none = await runCli([...demo, '--workflow', CANCELLED_ID], {env: cleanEnv({FORCE_COLOR: '1', NO_COLOR: '1'})});
		expect(none.stdout).not.toContain('\u001B');
	});
});

describe('errors while watching (line and NDJSON modes)', () => {
	it('an unknown workflow: one line naming what was not found, exit 5', async () => {
		for (const mode of [['--plain'], ['--json']]) {
			const run = await runCli([...demo, '--workflow', '0'.repeat(32), ...mode]);
			expect(run.code, mode[0]).toBe(5);
			expect(oneLineError(run.stderr)).toMatch(/0{32}.*(not found|does not exist)|(not found|does not exist).*0{32}/i);
			expect(run.stdout).toBe('');
		}
	});

	it('access denied: one line naming the IAM action, exit 4', async () => {
		const denied = scenarioFile({...lifecycleScenario(), faults: {deny: ['GetWorkflowSteps']}});
		try {
			const run = await runCli(['--demo', denied.path, '--domain', DOMAIN, '--workflow', COMPLETE_ID, '--interval', '1', '--json']);
			expect(run.code).toBe(4);
			expect(oneLineError(run.stderr)).toContain('profile:GetWorkflowSteps');
		} finally {
			denied.cleanup();
		}
	});
});

describe('NDJSON (--json)', () => {
	it('is one JSON object per line, ending with the workflow verdict', async () => {
		const run = await runCli([...demo, '--workflow', COMPLETE_ID, '--json']);
		expect(run.code, run.stderr).toBe(0);
		const events = run.stdout.trimEnd().split('\n').map(line => JSON.parse(line));
		expect(events[0]).toMatchObject({type: 'workflow', initial: true, previousStatus: null});
		expect(events.filter(e => e.type === 'step' && e.initial)).toHaveLength(2);
		expect(events.at(-1)).toMatchObject({type: 'workflow', workflow: {Status: 'COMPLETE'}, initial: false});
		expect(events.some(e => e.type === 'step' && e.Status === 'COMPLETE' && e.previousStatus !== null)).toBe(true);
	});
});

describe('against an endpoint (cp-watch emulator in another process)', () => {
	let emulator: Awaited<ReturnType<typeof startEmulatorProcess>>;
	let denied: Awaited<ReturnType<typeof startEmulatorProcess>>;
	let home: string;
	const deniedScenario = scenarioFile({...lifecycleScenario(), faults: {deny: ['GetWorkflowSteps']}});
	beforeAll(async () => {
		emulator = await startEmulatorProcess(['--scenario', scenario.path]);
		denied = await startEmulatorProcess(['--scenario', deniedScenario.path]);
		home = mkdtempSync(join(tmpdir(), 'cp-watch-home-'));
	});
	afterAll(async () => {
		expect(await emulator.stop()).toBe(0);
		await denied.stop();
		deniedScenario.cleanup();
		rmSync(home, {recursive: true, force: true});
	});
	const credentials = {AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1'};
	const target = (id: string) => ['--domain', DOMAIN, '--workflow', id, '--once', '--json'];

	it('reads credentials and region from the environment and the endpoint from AWS_ENDPOINT_URL_CUSTOMER_PROFILES', async () => {
		const run = await runCli(target(COMPLETE_ID), {env: cleanEnv({...credentials, AWS_ENDPOINT_URL_CUSTOMER_PROFILES: emulator.url, HOME: home})});
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout).steps).toHaveLength(2);
	});

	it('an unknown domain or workflow: one line, exit 5', async () => {
		const run = await runCli(['--endpoint-url', emulator.url, '--domain', 'nope', '--workflow', COMPLETE_ID, '--once'], {env: cleanEnv({...credentials, HOME: home})});
		expect(run.code).toBe(5);
		expect(oneLineError(run.stderr)).toMatch(/nope.*(not found|does not exist)/i);
	});

	it('access denied names the IAM action, exit 4', async () => {
		const run = await runCli(['--endpoint-url', denied.url, ...target(COMPLETE_ID)], {env: cleanEnv({...credentials, HOME: home})});
		expect(run.code).toBe(4);
		expect(oneLineError(run.stderr)).toContain('profile:GetWorkflowSteps');
	});

	it('no credentials: says how to provide them and that --demo needs none, exit 4', async () => {
		const run = await runCli(['--endpoint-url', emulator.url, ...target(COMPLETE_ID)], {
			env: cleanEnv({AWS_REGION: 'us-east-1', HOME: home, AWS_CONFIG_FILE: join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'), AWS_EC2_METADATA_DISABLED: 'true'}),
			timeoutMs: 30_000,
		});
		expect(run.code).toBe(4);
		expect(oneLineError(run.stderr)).toMatch(/credentials.*--demo/i);
	});

	it('an expired SSO session: says to run aws sso login, exit 4', async () => {
		const aws = join(home, 'sso', '.aws');
		mkdirSync(join(aws, 'sso', 'cache'), {recursive: true});
		writeFileSync(
			join(aws, 'config'),
			'[profile corp]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = us-east-1\n' +
				'[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n',
		);
		// The SDK keeps SSO tokens in a file named for the SHA-1 of the session name.
		const cacheName = createHash('sha1').update('corp').digest('hex');
		writeFileSync(join(aws, 'sso', 'cache', `${cacheName}.json`), JSON.stringify({startUrl: 'https://example.awsapps.com/start', region: 'us-east-1', accessToken: 'x', expiresAt: '2026-01-01T00:00:00Z'}));
		const run = await runCli(['--profile', 'corp', '--endpoint-url', emulator.url, ...target(COMPLETE_ID)], {env: cleanEnv({HOME: join(home, 'sso')})});
		expect(run.code).toBe(4);
		expect(oneLineError(run.stderr)).toMatch(/aws sso login/);
	});

	it('no region: says to pass --region', async () => {
		const run = await runCli(['--endpoint-url', emulator.url, ...target(COMPLETE_ID)], {
			env: cleanEnv({AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret', HOME: home, AWS_CONFIG_FILE: join(home, 'none')}),
		});
		expect(run.code).toBe(4);
		expect(oneLineError(run.stderr)).toMatch(/no AWS region: pass --region or set AWS_REGION/);
	});

	it('an unreachable endpoint: one line naming it, exit 7 (gave up), not 1 (the workflow FAILED)', async () => {
		const run = await runCli(['--endpoint-url', 'http://127.0.0.1:9', ...target(COMPLETE_ID)], {
			env: cleanEnv({...credentials, HOME: home}),
			timeoutMs: 30_000,
		});
		expect(run.code).toBe(7);
		expect(oneLineError(run.stderr)).toMatch(/127\.0\.0\.1:9|unreachable|ECONNREFUSED|connect/i);
	}, 40_000);

	it('line mode against a dead endpoint: a stderr line per failed attempt, numbered, with the next try', async () => {
		const run = await runCli(['--endpoint-url', 'http://127.0.0.1:9', '--domain', DOMAIN, '--workflow', COMPLETE_ID, '--plain', '--timeout', '4s'], {
			env: cleanEnv({...credentials, HOME: home}),
		});
		expect(run.code).toBe(6);
		const attempts = run.stderr.split('\n').filter(line => /^cp-watch: attempt \d+ failed: /.test(line));
		expect(attempts.length, run.stderr).toBeGreaterThanOrEqual(2);
		expect(attempts[0]).toMatch(/^cp-watch: attempt 1 failed: network error \(ECONNREFUSED\).*; next try in [\d.]+s$/);
		expect(attempts[1]).toMatch(/^cp-watch: attempt 2 failed: /);
		expect(run.stdout).toBe('');
	});

	it('--domain D --once without --workflow names what is missing and lists the workflow ids', async () => {
		const run = await runCli(['--endpoint-url', emulator.url, '--domain', DOMAIN, '--once'], {env: cleanEnv({...credentials, HOME: home})});
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^cp-watch: --once needs --workflow too\n/);
		expect(run.stderr).toContain(`--workflow ${COMPLETE_ID}`);
		// (--json and --plain without --workflow follow the whole domain; a snapshot is of one workflow.)
		const unreachable = await runCli(['--endpoint-url', 'http://127.0.0.1:9', '--domain', DOMAIN, '--once', '--json'], {env: cleanEnv({...credentials, HOME: home})});
		expect(unreachable.code).toBe(2);
		expect(unreachable.stderr).toMatch(/^cp-watch: --once needs --workflow too\ncp-watch: \(could not list the workflows of .*ECONNREFUSED.*\)\n$/);
	});

	it('--timeout bounds a snapshot too: exit 6', async () => {
		const run = await runCli(['--endpoint-url', 'http://127.0.0.1:9', ...target(COMPLETE_ID), '--timeout', '1s'], {env: cleanEnv({...credentials, HOME: home})});
		expect(run.code).toBe(6);
		expect(oneLineError(run.stderr)).toMatch(/--timeout of 1s reached/);
	});

	it('an --endpoint-url that is not a URL is a usage error', async () => {
		const run = await runCli(['--endpoint-url', 'localhost:4566', ...target(COMPLETE_ID)], {env: cleanEnv(credentials)});
		expect(run.code).toBe(2);
		expect(oneLineError(run.stderr)).toMatch(/--endpoint-url must be an http/);
	});
});
