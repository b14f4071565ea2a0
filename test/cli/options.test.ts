import {describe, expect, it} from 'vitest';
import {parseCli, type CliOptions} from '../../source/cli/options.js';

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
		const env = {AWS_PROFILE: 'prod', AWS_DEFAULT_REGION: 'eu-west-2', AWS_ENDPOINT_URL: 'http://127.0.0.1:1'};
		expect(options([], env)).toMatchObject({profile: 'prod', region: 'eu-west-2', endpointUrl: 'http://127.0.0.1:1'});
		expect(options(['--region', 'us-east-1'], {...env, AWS_REGION: 'ap-south-1'}).region).toBe('us-east-1');
		expect(options([], {...env, AWS_REGION: 'ap-south-1'}).region).toBe('ap-south-1');
		expect(
			options([], {...env, AWS_ENDPOINT_URL_CUSTOMER_PROFILES: 'http://127.0.0.1:2'}).endpointUrl,
		).toBe('http://127.0.0.1:2');
	});

	it('turns colour off with --no-color or NO_COLOR', () => {
		expect(options(['--no-color']).color).toBe(false);
		expect(options([], {NO_COLOR: '1'}).color).toBe(false);
		expect(options([], {NO_COLOR: ''}).color).toBe(true);
	});

	it('parses --status case-insensitively and --timeout as a duration', () => {
		expect(options(['--status', 'failed,RETRY']).statusFilter).toEqual(['FAILED', 'RETRY']);
		expect(options(['--timeout', '2h']).timeoutMs).toBe(7_200_000);
	});

	it('refuses bad input with one line that says what is valid', () => {
		const cases: Array<[string[], RegExp]> = [
			[['--bogus'], /unknown flag --bogus/],
			[['--max-rpz', '3'], /unknown flag --max-rpz/],
			[['stray'], /unexpected argument 'stray'/],
			[['--domain', 'bad name!'], /--domain: /],
			[['--domain', 'retail-prod', '--workflow', 'XYZ'], /--workflow: .*32/],
			[['--workflow', WORKFLOW], /--workflow needs --domain/],
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
			[['--json'], /^--json needs --domain and --workflow/],
			[['-z'], /^unknown flag -z \(/],
			[['-zq'], /^unknown flag -z \(/],
			[['--max-rpz=3'], /^unknown flag --max-rpz \(/],
			[['--no-frills'], /^unknown flag --no-frills \(/],
		];
		for (const [argv, pattern] of cases) {
			const message = error(argv, {}, argv[0] === '--domain' && argv.length === 2 ? false : true);
			expect(message, argv.join(' ')).toMatch(pattern);
			expect(message).not.toMatch(/\n/);
		}
	});

	it('leaves "--domain D" without --workflow to the mode, which can list the domain\'s workflows', () => {
		expect(options(['--domain', 'retail-prod', '--once'])).toMatchObject({mode: 'snapshot-table', domain: 'retail-prod', workflowId: undefined});
		expect(options(['--domain', 'retail-prod', '--plain'])).toMatchObject({mode: 'lines', plain: true});
		expect(options(['--domain', 'retail-prod'], {}, false)).toMatchObject({mode: 'lines', plain: false});
	});
});
