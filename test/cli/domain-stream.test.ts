// `cp-watch --domain D --plain` (and --json) without --workflow, run as a process against the
// embedded emulator: every running workflow's events, each line naming its workflow, workflows that
// start while it watches, and --exit-status with the worst verdict.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {CANCELLED_ID, COMPLETE_ID, DOMAIN, FAILED_ID, lifecycleScenario, SLOW_ID} from '../support/lifecycle-scenario.js';
import {runCli, scenarioFile} from '../support/run-cli.js';

const LATE_ID = '1a7e1a7e1a7e1a7e1a7e1a7e1a7e1a7e';

/** The lifecycle workflows `ids`, at double speed, plus one that starts at virtual second 2; the
 * slow one is deleted at virtual second 2 when `deleteSlow`. */
function domainWith(ids: string[], late = false, deleteSlow = false) {
	const base = lifecycleScenario(2);
	const [domain] = base.domains;
	const workflows = domain.workflows
		.filter(workflow => ids.includes(workflow.WorkflowId))
		.map(workflow => (deleteSlow && workflow.WorkflowId === SLOW_ID ? {...workflow, deletedAt: 2} : workflow));
	if (late) {
		workflows.push({
			WorkflowId: LATE_ID,
			SourceConnectorType: 'S3',
			ConnectorProfileName: 's3-late',
			at: 2,
			steps: [
				{
					FlowName: 'late-1',
					BatchRecordsStartTime: '2026-07-01T00:00:00Z',
					BatchRecordsEndTime: '2026-09-01T00:00:00Z',
					at: 2,
					timeline: [
						{at: 2, Status: 'NOT_STARTED', ExecutionMessage: 'Queued', RecordsProcessed: 0},
						{at: 3, Status: 'IN_PROGRESS', ExecutionMessage: 'Running'},
						{at: 5, Status: 'COMPLETE', ExecutionMessage: 'Completed', RecordsProcessed: 42},
					],
				},
			],
		} as (typeof workflows)[number]);
	}
	return scenarioFile({...base, domains: [{...domain, workflows}]});
}

const files: Array<{cleanup(): void}> = [];
const scenario = (ids: string[], late = false, deleteSlow = false) => {
	const file = domainWith(ids, late, deleteSlow);
	files.push(file);
	return ['--demo', file.path, '--domain', DOMAIN, '--interval', '1', '--max-rps', '10'];
};
const journals = mkdtempSync(join(tmpdir(), 'cp-watch-domain-journal-'));
afterAll(() => {
	for (const file of files) file.cleanup();
	rmSync(journals, {recursive: true, force: true});
});

describe('domain line mode and NDJSON', () => {
	it('--plain streams every running workflow, each line naming its workflow', async () => {
		const run = await runCli([...scenario([COMPLETE_ID, FAILED_ID], true), '--plain', '--exit-status', '--timeout', '20s'], {timeoutMs: 25_000});
		const lines = run.stdout.trim().split('\n');
		expect(lines.find(line => line.includes('ci-complete-1'))).toMatch(new RegExp(`Z  (NOT_STARTED|IN_PROGRESS|COMPLETE)\\s+${COMPLETE_ID}  ci-complete-1  `));
		expect(lines.find(line => line.includes('ci-failed-2') && line.includes('FAILED'))).toMatch(new RegExp(`FAILED\\s+${FAILED_ID}  ci-failed-2  .*INVALID_FIELD`));
		expect(lines).toContainEqual(expect.stringMatching(new RegExp(`COMPLETE\\s+workflow ${COMPLETE_ID} \\(Salesforce\\)  2/2 steps`)));
		expect(lines).toContainEqual(expect.stringMatching(new RegExp(`FAILED\\s+workflow ${FAILED_ID} \\(Marketo\\)`)));
		// Every step line names one of the workflows; no line is left without its workflow.
		for (const line of lines) expect(line).toMatch(new RegExp(`${COMPLETE_ID}|${FAILED_ID}|${LATE_ID}`));
		// FAILED (1) wins over COMPLETE (0).
		expect(run.code).toBe(1);
		expect(run.stderr).toBe('');
	});

	it('follows a workflow that starts after the first list', async () => {
		const run = await runCli([...scenario([SLOW_ID], true), '--plain', '--timeout', '6s'], {timeoutMs: 15_000});
		expect(run.stdout).toMatch(new RegExp(`COMPLETE\\s+${LATE_ID}  late-1  42 records`));
		expect(run.stdout).toMatch(new RegExp(`COMPLETE\\s+workflow ${LATE_ID} \\(S3\\)`));
		// Without --exit-status a domain is watched until stopped: here the timeout ends it.
		expect(run.code).toBe(6);
		expect(run.stderr).toMatch(/--timeout of 6s reached; 1 workflow still running/);
	});

	it('--json gives the same events as NDJSON, each with its workflowId', async () => {
		const run = await runCli([...scenario([COMPLETE_ID, CANCELLED_ID]), '--json', '--exit-status'], {timeoutMs: 20_000});
		const events = run.stdout.trim().split('\n').map(line => JSON.parse(line) as {type: string; workflowId: string; FlowName?: string; workflow?: {Status: string}});
		expect(events.length).toBeGreaterThan(4);
		expect(new Set(events.map(event => event.workflowId))).toEqual(new Set([COMPLETE_ID, CANCELLED_ID]));
		expect(events.filter(event => event.type === 'step').every(event => typeof event.FlowName === 'string')).toBe(true);
		expect(events.filter(event => event.type === 'workflow' && event.workflowId === CANCELLED_ID).at(-1)?.workflow?.Status).toBe('CANCELLED');
		// CANCELLED (3) over COMPLETE (0).
		expect(run.code).toBe(3);
	});

	it('--exit-status is 0 when every workflow that was running completes', async () => {
		const run = await runCli([...scenario([COMPLETE_ID]), '--plain', '--exit-status'], {timeoutMs: 20_000});
		expect(run.stdout).toMatch(/COMPLETE\s+workflow c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0 \(Salesforce\)/);
		expect(run.code).toBe(0);
	});

	it('FAILED (1) wins over CANCELLED (3) and COMPLETE (0)', async () => {
		const run = await runCli([...scenario([COMPLETE_ID, CANCELLED_ID, FAILED_ID]), '--plain', '--exit-status'], {timeoutMs: 20_000});
		expect(run.code).toBe(1);
	});

	it('--exit-status with nothing running at the start exits 0 at once, printing nothing', async () => {
		const settled = scenarioFile({
			clock: {start: '2026-11-24T09:00:00Z', speed: 1},
			domains: [{DomainName: 'quiet', workflows: [{WorkflowId: COMPLETE_ID, steps: [{FlowName: 'old', at: -600, timeline: [{at: -600, Status: 'COMPLETE'}]}]}]}],
		});
		files.push(settled);
		const run = await runCli(['--demo', settled.path, '--domain', 'quiet', '--plain', '--exit-status'], {timeoutMs: 15_000});
		expect(run.code).toBe(0);
		expect(run.stdout).toBe('');
	});

	it('a workflow deleted mid-watch is one stderr line and no longer followed; the others go on, and --exit-status says gave up (7)', async () => {
		const run = await runCli([...scenario([COMPLETE_ID, SLOW_ID], false, true), '--plain', '--exit-status', '--timeout', '20s'], {timeoutMs: 25_000});
		const stderr = run.stderr.trim().split('\n');
		expect(stderr).toHaveLength(1);
		expect(stderr[0]).toMatch(new RegExp(`^cp-watch: workflow ${SLOW_ID}: Workflow ${SLOW_ID} does not exist in domain ${DOMAIN}; no longer followed$`));
		// The other workflow is followed to its end, after the deletion (virtual second 2).
		expect(run.stdout).toMatch(new RegExp(`COMPLETE\\s+${COMPLETE_ID}  ci-complete-2  `));
		expect(run.stdout).toMatch(new RegExp(`COMPLETE\\s+workflow ${COMPLETE_ID} \\(Salesforce\\)`));
		// Awaited but lost: gave up (7) over COMPLETE (0); not the not-found code (5) of a run that ended.
		expect(run.code).toBe(7);
	});

	it('a FAILED workflow (1) outranks one that was lost (7)', async () => {
		const run = await runCli([...scenario([FAILED_ID, SLOW_ID], false, true), '--plain', '--exit-status', '--timeout', '20s'], {timeoutMs: 25_000});
		expect(run.stderr).toMatch(new RegExp(`workflow ${SLOW_ID}: .*no longer followed`));
		expect(run.stdout).toMatch(new RegExp(`FAILED\\s+workflow ${FAILED_ID} \\(Marketo\\)`));
		expect(run.code).toBe(1);
	});

	it('a domain that does not exist is one line and exit 5', async () => {
		const run = await runCli([...scenario([COMPLETE_ID]).slice(0, 2), '--domain', 'no-such-domain', '--plain'], {timeoutMs: 20_000});
		expect(run.code).toBe(5);
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stdout).toBe('');
	});

	it.each(['--plain', '--json'] as const)('--record of a whole domain (%s): one domain-wide header, and replay prints what the run printed', async flag => {
		const journal = join(journals, `domain${flag}.ndjson`);
		const run = await runCli([...scenario([COMPLETE_ID, FAILED_ID], true), flag, '--exit-status', '--timeout', '20s', '--record', journal], {timeoutMs: 25_000});
		expect(run.code, run.stderr).toBe(1);
		const header = JSON.parse(readFileSync(journal, 'utf8').split('\n')[0]);
		expect(header).toMatchObject({kind: 'header', scope: 'domain', domain: DOMAIN, workflowId: null});
		const replay = await runCli(['replay', journal, flag]);
		expect(replay.code, replay.stderr).toBe(0);
		expect(replay.stdout.split('\n')).toEqual(run.stdout.split('\n'));
		expect(run.stdout).toContain(LATE_ID);
	});
});
