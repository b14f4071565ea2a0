import {describe, expect, it} from 'vitest';
import {helpOrVersion, parseCli, type CliOptions} from '../../source/cli/options.js';

const WORKFLOW = '3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60';

function parse(argv: string[], env: NodeJS.ProcessEnv = {}, tty = true) {
	return parseCli(argv, env, tty, '1.2.3');
}

function options(argv: string[], env: NodeJS.ProcessEnv = {}, tty = true): CliOptions {
	const parsed = parse(argv, env, tty);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.options;
}

function error(argv: string[], env: NodeJS.ProcessEnv = {}, tty = true): string {
	const parsed = parse(argv, env, tty);
	if (parsed.ok) throw new Error('expected a usage error');
	return parsed.error;
}

describe('command line options', () => {
	it('defaults to the TUI, 5 s interval, 2 requests per second', () => {
		const parsed = options([]);
		expect(parsed).toMatchObject({mode: 'tui', intervalMs: 5000, maxRps: 2, color: true, ascii: false, statusFilter: []});
	});

	it('picks the mode from --once, --json, --plain and whether stdout is a terminal', () => {
		const target = ['--domain', 'retail-prod', '--workflow', WORKFLOW];
		expect(options([...target, '--once', '--json']).mode).toBe('snapshot-json');
		expect(options([...target, '--once']).mode).toBe('snapshot-table');
		expect(options([...target, '--json']).mode).toBe('ndjson');
		expect(options([...target, '--plain']).mode).toBe('lines');
		expect(options(target, {}, false).mode).toBe('lines');
		expect(options(target, {}, true).mode).toBe('tui');
	});

	it('takes --demo with or without a scenario', () => {
		expect(options(['--demo']).demo).toBe('');
		expect(options(['--demo', 'large']).demo).toBe('large');
		expect(options(['--demo', '--once', '--json']).mode).toBe('snapshot-json');
	});

	it('reads the AWS environment when flags are absent, flags first', () => {
		const env = {AWS_PROFILE: 'prod', AWS_DEFAULT_REGION: 'eu-west-2'};
		expect(options([], env)).toMatchObject({profile: 'prod', region: 'eu-west-2'});
		expect(options(['--region', 'us-east-1'], {...env, AWS_REGION: 'ap-south-1'}).region).toBe('us-east-1');
		expect(options([], {...env, AWS_REGION: 'ap-south-1'}).region).toBe('ap-south-1');
	});

	it('leaves AWS_ENDPOINT_URL* to the SDK (which also honours AWS_IGNORE_CONFIGURED_ENDPOINT_URLS); only --endpoint-url is its own', () => {
		const env = {AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_CUSTOMER_PROFILES: 'http://127.0.0.1:2'};
		expect(options([], env).endpointUrl).toBeUndefined();
		expect(options(['--endpoint-url', 'http://127.0.0.1:3'], env).endpointUrl).toBe('http://127.0.0.1:3');
	});

	it('accepts Region names of every partition and refuses what cannot be one', () => {
		for (const region of ['us-east-1', 'eu-west-2', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'il-central-1']) {
			expect(options(['--region', region]).region).toBe(region);
		}
		expect(parseCli(['--region', 'not_a_region'], {}, true, '1.0.0')).toEqual({ok: false, error: "--region: 'not_a_region' is not an AWS Region name (such as eu-west-2)"});
		// The demo needs no AWS account: the environment's settings are not its own.
		expect(parseCli(['--demo'], {AWS_REGION: 'bad_region'}, true, '1.0.0').ok).toBe(true);
		expect(parseCli([], {AWS_REGION: '-east'}, true, '1.0.0')).toMatchObject({ok: false, error: expect.stringMatching(/^AWS_REGION: /)});
	});

	it('turns colour off with --no-color, NO_COLOR, CLICOLOR=0 or TERM=dumb', () => {
		expect(options(['--no-color']).color).toBe(false);
		expect(options([], {NO_COLOR: '1'}).color).toBe(false);
		expect(options([], {NO_COLOR: ''}).color).toBe(true);
		expect(options([], {CLICOLOR: '0'}).color).toBe(false);
		expect(options([], {CLICOLOR: '1'}).color).toBe(true);
		expect(options([], {TERM: 'dumb'}).color).toBe(false);
		expect(options([], {TERM: 'xterm-256color'}).color).toBe(true);
	});

	it('--debug FILE, or CP_WATCH_DEBUG, names the trace file', () => {
		expect(options(['--debug', 'trace.ndjson']).debugFile).toBe('trace.ndjson');
		expect(options([], {CP_WATCH_DEBUG: 'env.ndjson'}).debugFile).toBe('env.ndjson');
		expect(options([]).debugFile).toBeUndefined();
	});

	it('parses --status case-insensitively and --timeout as a duration', () => {
		expect(options(['--status', 'failed,RETRY']).statusFilter).toEqual(['FAILED', 'RETRY']);
		expect(options(['--timeout', '2h']).timeoutMs).toBe(7_200_000);
	});

	it('follows a whole domain in line mode and NDJSON when --workflow is left out', () => {
		expect(options(['--domain', 'retail-prod'], {}, false)).toMatchObject({mode: 'lines', domain: 'retail-prod', workflowId: undefined});
		expect(options(['--domain', 'retail-prod', '--json'])).toMatchObject({mode: 'ndjson', workflowId: undefined});
		expect(options(['--domain', 'retail-prod', '--plain', '--exit-status'])).toMatchObject({mode: 'lines', exitStatus: true});
	});

	it('refuses bad input with one line that says what is valid', () => {
		const cases: Array<[string[], RegExp]> = [
			[['--bogus'], /unknown flag --bogus/],
			[['--since-last', '--domain', 'retail-prod'], /^--since-last is for line mode, NDJSON and --once/],
			[['--since-last', '--domain', 'retail-prod', '--plain'], /^--since-last needs --workflow/],
			[['--max-rpz', '3'], /unknown flag --max-rpz/],
			[['stray'], /unexpected argument 'stray'/],
			[['--domain', 'bad name!'], /--domain: /],
			[['--domain', 'retail-prod', '--workflow', 'XYZ'], /--workflow: .*32/],
			[['--workflow', WORKFLOW], /--workflow needs --domain/],
			[['--status', ''], /^--status needs a list of statuses such as FAILED,RETRY \(valid: NOT_STARTED/],
			[['--status', ' , '], /^--status needs a list of statuses/],
			[['--interval', '0.5'], /--interval must be a number of seconds from 1 to/],
			[['--interval', 'soon'], /--interval/],
			[['--interval', '1e12'], /--interval must be a number of seconds from 1 to 86400/],
			[['--timeout', '1000h'], /--timeout must be at most 24d/],
			[['--domain', 'a', '--domain', 'b'], /^--domain can be given only once$/],
			[['--demo', 'x', '--demo=y'], /^--demo can be given only once$/],
			[['--max-rps', '0'], /--max-rps/],
			[['--status', 'FAILED,BROKEN'], /unknown status 'BROKEN' \(valid: NOT_STARTED, IN_PROGRESS, COMPLETE, FAILED, SPLIT, RETRY, CANCELLED\)/],
			[['--timeout', 'forever'], /--timeout must be a duration/],
			[['--json', '--plain', '--demo'], /cannot be used together/],
			[['--once'], /--once needs --domain and --workflow/],
			[['--plain'], /--plain needs --domain \(and --workflow for one workflow\), or --demo/],
			[['--json'], /^--json needs --domain \(and --workflow for one workflow\), or --demo/],
			[['-z'], /^unknown flag -z \(/],
			[['-zq'], /^unknown flag -z \(/],
			[['--max-rpz=3'], /^unknown flag --max-rpz \(/],
			[['--no-frills'], /^unknown flag --no-frills \(/],
			[['--once=yes'], /^--once takes no value \(got 'yes'\)$/],
			[['--', 'stray'], /^unexpected argument 'stray'/],
		];
		for (const [argv, pattern] of cases) {
			const message = error(argv, {});
			expect(message, argv.join(' ')).toMatch(pattern);
			expect(message).not.toMatch(/\n/);
		}
	});

	it('prints help for --help or -h alone, the version for --version alone; beside other flags they are ignored', () => {
		expect(helpOrVersion(['--version'], '1.2.3')).toBe('1.2.3\n');
		for (const flag of ['--help', '-h']) {
			const help = helpOrVersion([flag], '1.2.3');
			expect(help).toMatch(/^\n {2}\S/);
			expect(help).toContain('--exit-status');
		}
		expect(helpOrVersion(['--help', '--domain', 'retail-prod'], '1.2.3')).toBeUndefined();
		expect(options(['--help', '--domain', 'retail-prod'], {}, true).domain).toBe('retail-prod');
	});

	it('takes a value flag followed by another flag as given empty, and --no-state', () => {
		expect(options(['--demo', '--follow'])).toMatchObject({demo: '', follow: true});
		expect(options(['--demo=large', '--no-state']).state).toBe(false);
		expect(error(['--domain', '--once'])).toMatch(/^--domain: /);
		expect(options(['--demo', 'x', '--max-rps=7']).maxRps).toBe(7);
	});

	it('leaves "--domain D" without --workflow to the mode, which can list the domain\'s workflows', () => {
		expect(options(['--domain', 'retail-prod', '--once'])).toMatchObject({mode: 'snapshot-table', domain: 'retail-prod', workflowId: undefined});
		expect(options(['--domain', 'retail-prod', '--plain'])).toMatchObject({mode: 'lines', plain: true});
		expect(options(['--domain', 'retail-prod'], {}, false)).toMatchObject({mode: 'lines', plain: false});
	});
});
