import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {mount} from './app-harness.js';
import {domain, fakeWatchSource, listState, step, workflow, workflowSummary} from '../support/fake-watch-source.js';
import {KEYS, press, settle} from './press.js';

afterEach(() => cleanup());

const source = () =>
	fakeWatchSource({
		domains: [domain('alpha'), domain('beta')],
		workflows: [workflowSummary('wf-done', 'COMPLETE'), workflowSummary('wf-running')],
		steps: [step(0), step(1)],
		workflow: workflow({WorkflowId: 'wf-running'}),
	});

describe('screens', () => {
	it('drills from domains to workflows to steps with Enter, each screen polling only while shown', async () => {
		const s = source();
		const app = await mount(s, {initial: {}});
		expect(app.frame()).toContain('domains');
		expect(app.frame()).toMatch(/^›\s+alpha\s/m);
		expect(app.frame()).toContain('team=data');
		expect(s.domains.started).toBe(true);
		await press(app.stdin, 'j', KEYS.enter);
		expect(app.frame()).toContain('beta · workflows');
		expect(app.frame()).toMatch(/^›\s+wf-done\s+✔ complete/m);
		expect(s.domains.started).toBe(false);
		expect(s.workflows.started).toBe(true);
		await press(app.stdin, 'j', KEYS.enter);
		expect(app.frame()).toContain('beta / wf-running');
		expect(s.calls).toEqual(['domains', 'workflows beta', 'dashboard beta', 'workflow beta wf-running']);
		expect(s.dashboard.started).toBe(false);
		expect(s.workflows.started).toBe(false);
		expect(s.workflow.started).toBe(true);
	});

	it('opens on the steps when given a domain and workflow; Esc goes up to the workflows, then the domains', async () => {
		const s = source();
		const app = await mount(s, {initial: {domain: 'beta', workflowId: 'wf-running'}});
		expect(app.frame()).toContain('beta / wf-running');
		expect(s.calls).toEqual(['workflow beta wf-running']);
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(app.frame()).toContain('beta · workflows');
		expect(app.frame()).toMatch(/^›\s+wf-running/m);
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(app.frame()).toContain('domains');
		expect(app.frame()).toMatch(/^›\s+beta/m);
		// Nothing above the domains: Esc stays.
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(app.frame()).toContain('domains');
		expect(app.exits).toEqual([]);
	});

	it('p and r go to the list on show; step-only keys say they are for the steps', async () => {
		const s = source();
		const app = await mount(s, {initial: {domain: 'beta'}});
		await press(app.stdin, 'p', 'r', '4', 'x', 'e');
		expect(app.lines().at(-1)).toContain('e works on the steps of a workflow: Enter opens one');
		expect(s.workflows.pauses).toBe(1);
		expect(s.workflows.refreshes).toBe(1);
		expect(app.frame()).toMatch(/^›\s+wf-done/m);
		await press(app.stdin, 'q');
		expect(app.exits).toEqual([0]);
	});

	it('keeps the first workflow selected when a refresh reorders the list, with no key pressed', async () => {
		const s = source();
		const app = await mount(s, {initial: {domain: 'beta'}});
		expect(app.frame()).toMatch(/^›\s+wf-done/m);
		s.workflows.set(listState([workflowSummary('wf-new'), workflowSummary('wf-running'), workflowSummary('wf-done', 'COMPLETE')], {itemsVersion: 2}));
		await settle();
		expect(app.frame()).toMatch(/^›\s+wf-done/m);
		await press(app.stdin, KEYS.enter);
		expect(app.frame()).toContain('beta / wf-done');
	});

	it('says when a list is empty only once it was read; a failed read is not an empty list', async () => {
		const s = source();
		s.domains.set(listState([], {phase: 'error', error: {kind: 'credentials', message: 'no credentials', retryable: false, staleSince: 0}}));
		const app = await mount(s, {initial: {}});
		expect(app.frame()).not.toContain('no domains in this account and region');
		expect(app.frame()).toContain('no data: the request failed (! shows the whole error)');
		expect(app.lines().at(-1)).toContain('credentials: no credentials');
		s.domains.set(listState([], {phase: 'throttled', retryAt: 0}));
		await settle();
		expect(app.frame()).toContain('waiting for the first answer');
		s.domains.set(listState([], {phase: 'live', lastSuccessAt: 0}));
		await settle();
		expect(app.frame()).toContain('no domains in this account and region');
	});

	it('does not call a domain that was not found empty', async () => {
		const s = source();
		s.workflows.set(
			listState([], {phase: 'error', error: {kind: 'not-found', code: 'ResourceNotFoundException', message: 'Domain nosuch not found', retryable: false, staleSince: 0}}),
		);
		const app = await mount(s, {initial: {domain: 'nosuch'}});
		expect(app.frame()).not.toContain('no workflows in this domain');
		expect(app.lines().at(-1)).toContain('ResourceNotFoundException: Domain nosuch not found');
	});
});
