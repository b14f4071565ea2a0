// The AWS CLI (botocore) as an independent client: if it parses every answer, the wire is right
// beyond what the JS SDK happens to tolerate.
import {execFile} from 'node:child_process';
import {execFileSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type Emulator} from '../../source/emulator/index.js';

function hasAws(): boolean {
	try {
		execFileSync('sh', ['-c', 'command -v aws'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

const WF = 'abcdef0123456789abcdef0123456789';

function aws(url: string, args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		execFile(
			'aws',
			['--endpoint-url', url, '--output', 'json', 'customer-profiles', ...args],
			{
				env: {
					PATH: process.env.PATH,
					HOME: process.env.HOME,
					AWS_ACCESS_KEY_ID: 'AKIDCLI',
					AWS_SECRET_ACCESS_KEY: 'secret',
					AWS_DEFAULT_REGION: 'us-east-1',
					AWS_MAX_ATTEMPTS: '1',
					AWS_CONFIG_FILE: '/nonexistent/config',
					AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
					AWS_EC2_METADATA_DISABLED: 'true',
				},
				timeout: 30_000,
			},
			(error, stdout, stderr) => resolve({code: error ? ((error as {code?: number}).code ?? 1) : 0, stdout, stderr}),
		);
	});
}

async function json(url: string, args: string[]): Promise<Record<string, any>> {
	const result = await aws(url, args);
	if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

describe.skipIf(!hasAws())('the AWS CLI against the emulator', () => {
	let emu: Emulator;
	beforeAll(async () => {
		emu = await startEmulator({
			scenario: {
				clock: {start: '2026-11-24T09:00:00Z'},
				pageSize: 4,
				faults: {throttle: null},
				domains: [
					{
						DomainName: 'cli-domain',
						workflows: [
							{
								WorkflowId: WF,
								SourceConnectorType: 'Marketo',
								steps: Array.from({length: 10}, (_, i) => ({FlowName: `cli-${i}`, at: -100 + i, timeline: [{at: -100 + i, Status: 'NOT_STARTED'}, {at: -50, Status: i === 3 ? 'FAILED' : 'COMPLETE', RecordsProcessed: i}]})),
							},
						],
					},
					{DomainName: 'cli-other'},
				],
			},
		});
	});
	afterAll(async () => {
		await emu.close();
	});

	it('runs every operation', async () => {
		const [steps, workflow, workflows, domains, domain, integrations] = await Promise.all([
			json(emu.url, ['get-workflow-steps', '--domain-name', 'cli-domain', '--workflow-id', WF, '--max-results', '100']),
			json(emu.url, ['get-workflow', '--domain-name', 'cli-domain', '--workflow-id', WF]),
			json(emu.url, ['list-workflows', '--domain-name', 'cli-domain', '--status', 'FAILED', '--query-start-date', '2026-11-01T00:00:00Z']),
			json(emu.url, ['list-domains']),
			json(emu.url, ['get-domain', '--domain-name', 'cli-domain']),
			json(emu.url, ['list-integrations', '--domain-name', 'cli-domain', '--include-hidden']),
		]);
		expect(steps.Items).toHaveLength(10);
		expect(steps.NextToken).toBeUndefined();
		expect(steps.Items[0].AppflowIntegration).toMatchObject({FlowName: 'cli-0', Status: 'COMPLETE'});
		// CLI v1 prints timestamps as the wire sent them (epoch seconds); v2 prints ISO 8601.
		const created = steps.Items[0].AppflowIntegration.CreatedAt;
		expect(typeof created === 'number' ? created : Date.parse(created) / 1000).toBe(Date.parse('2026-11-24T09:00:00Z') / 1000 - 100);
		expect(workflow).toMatchObject({WorkflowId: WF, Status: 'FAILED', Metrics: {AppflowIntegration: {TotalSteps: 10, StepsCompleted: 9, RecordsProcessed: 45}}});
		expect(workflows.Items.map((item: {WorkflowId: string}) => item.WorkflowId)).toEqual([WF]);
		expect(domains.Items.map((item: {DomainName: string}) => item.DomainName).sort()).toEqual(['cli-domain', 'cli-other']);
		expect(domain.DomainName).toBe('cli-domain');
		expect(integrations.Items[0].WorkflowId).toBe(WF);
		const log = emu.requestLog();
		expect(log.filter(entry => entry.status === 200)).toHaveLength(6);
	}, 60_000);

	it('pages through every step with --max-results and --next-token', async () => {
		const names: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await json(emu.url, ['get-workflow-steps', '--domain-name', 'cli-domain', '--workflow-id', WF, '--max-results', '4', ...(token ? ['--next-token', token] : [])]);
			names.push(...page.Items.map((item: {AppflowIntegration: {FlowName: string}}) => item.AppflowIntegration.FlowName));
			token = page.NextToken;
			pages++;
		} while (token);
		expect(pages).toBe(3);
		expect(names).toEqual(Array.from({length: 10}, (_, i) => `cli-${i}`));
	}, 60_000);

	it('shows the service errors by name', async () => {
		const [missing, bad] = await Promise.all([
			aws(emu.url, ['get-workflow', '--domain-name', 'nope', '--workflow-id', WF]),
			aws(emu.url, ['get-workflow-steps', '--domain-name', 'cli-domain', '--workflow-id', WF, '--next-token', 'forged']),
		]);
		expect(missing.code).not.toBe(0);
		expect(missing.stderr).toContain('ResourceNotFoundException');
		expect(bad.stderr).toContain('BadRequestException');
	}, 60_000);
});
