import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {mount} from './app-harness.js';
import {fakeWatchSource, step, workflow, workflowSummary} from '../support/fake-watch-source.js';

afterEach(() => cleanup());

const ID = 'b4c1f11e0d5a4c3e9f2a7b6c5d4e3f21';
const name = (i: number) => `Salesforce-${ID}-${String(i).padStart(5, '0')}`;

async function open(columns: number, rows: number) {
	const steps = Array.from({length: 30}, (_, i) =>
		step(i, {FlowName: name(i), ...(i === 0 ? {Status: 'FAILED', ExecutionMessage: 'AccessDenied: s3 bucket policy'} : {})}),
	);
	const source = fakeWatchSource({steps, workflow: workflow({WorkflowId: ID}), workflows: [workflowSummary(ID), workflowSummary(`${ID.slice(0, -4)}0000`)]});
	return mount(source, {initial: {domain: 'retail-prod', workflowId: ID}, size: {columns, rows}});
}

describe('narrow terminals', () => {
	it.each([60, 80])('at %i columns the header keeps the status, then both ids cut in the middle', async columns => {
		const app = await open(columns, 15);
		const header = app.lines()[0];
		expect(header).toMatch(/^cp-watch · ▶ running · retail-prod \/ b4c1\S*3f21$/);
		expect(header.length).toBeLessThanOrEqual(columns);
	});

	it.each([60, 80])('at %i columns each FlowName keeps its distinctive end', async columns => {
		const app = await open(columns, 15);
		const rows = app.lines().filter(l => l.includes('Salesforce-'));
		expect(rows.length).toBeGreaterThan(5);
		rows.forEach((row, i) => expect(row).toContain(`-${String(i).padStart(5, '0')}`));
		expect(rows[0]).toMatch(/Salesforce-\S*…\S*-00000/);
	});

	it.each([
		[60, 'STATUS FLOW MESSAGE'],
		[80, 'STATUS FLOW RECORDS UPDATED MESSAGE'],
	])('at %i columns the filter line keeps the count and the sort, and MESSAGE outlives RECORDS and UPDATED', async (columns, titles) => {
		const app = await open(columns, 15);
		const filter = app.lines()[2];
		expect(filter).toMatch(/30 shown · sort created↑$/);
		expect(filter).toContain('3✔');
		expect(app.lines()[3].trim().split(/\s+/).join(' ')).toBe(titles);
		expect(app.frame()).toContain('AccessDenied');
	});

	it('the filter line still shows the count and the sort while searching at 60 columns', async () => {
		const app = await open(60, 15);
		await app.stdin.write('/salesforce');
		await new Promise(resolve => setTimeout(resolve, 20));
		const filter = app.lines()[2];
		expect(filter).toMatch(/^\/salesforce_/);
		expect(filter).toMatch(/30 · created↑$|30 shown · sort created↑$/);
	});

	it('the workflows screen cuts workflow ids in the middle', async () => {
		const app = await open(60, 15);
		app.stdin.write('\u001B');
		await new Promise(resolve => setTimeout(resolve, 30));
		const rows = app.lines().filter(l => l.includes('b4c1'));
		expect(rows.length).toBe(2);
		expect(rows[0]).toMatch(/b4c1\S*…\S*3f21/);
		expect(rows[1]).toMatch(/b4c1\S*…\S*0000/);
	});
});
