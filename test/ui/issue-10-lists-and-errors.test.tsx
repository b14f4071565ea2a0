// Keys that did nothing silently, errors that could not be read, and small display issues (issue 10).
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {TIME_CELLS} from '../../source/core/format.js';
import {fitColumns, ROW_PREFIX, withTimeWidths} from '../../source/core/layout.js';
import {FilterLine} from '../../source/ui/components/filter-line.js';
import {WORKFLOW_COLUMNS} from '../../source/ui/components/workflows-screen.js';
import {createTheme} from '../../source/ui/theme.js';
import {mount} from './app-harness.js';
import {domain, fakeWatchSource, NOW, step, workflow, workflowSummary} from '../support/fake-watch-source.js';
import {KEYS, press, settle} from './press.js';

afterEach(() => cleanup());

const CTRL_W = '\u0017';
const selectedLine = (lines: string[]) => lines.find(line => line.startsWith('›')) ?? '';
const rowsOf = (lines: string[], pattern: RegExp) => lines.flatMap(l => l.match(pattern)?.[0] ?? []);

function workflows() {
	const at = (id: string, status: string, created: number) => ({...workflowSummary(id, status), CreatedAt: NOW - created, LastUpdatedAt: NOW - created});
	return fakeWatchSource({workflows: [at('wf-b', 'COMPLETE', 1_000), at('wf-a', 'IN_PROGRESS', 3_000), at('wf-c', 'FAILED', 2_000)], domains: [domain('alpha'), domain('beta')]});
}

describe('search and sort on the lists', () => {
	it('/ searches the workflows, Enter keeps it, Esc clears it', async () => {
		const app = await mount(workflows(), {initial: {domain: 'd'}});
		await press(app.stdin, '/wf-c');
		expect(app.lines()[0]).toContain('/wf-c_');
		expect(rowsOf(app.lines().slice(1), /wf-[abc]/)).toEqual(['wf-c']);
		expect(app.lines()[0]).toContain('1 shown');
		await press(app.stdin, KEYS.enter);
		expect(app.lines()[0]).toContain('/wf-c');
		await press(app.stdin, KEYS.escape);
		await settle();
		expect(rowsOf(app.lines(), /^. +wf-[abc]/m).length).toBe(3);
		expect(app.frame()).toContain('d · workflows');
	});

	it('s cycles the sort of the workflows and S reverses it, said in the title line', async () => {
		const app = await mount(workflows(), {initial: {domain: 'd'}});
		const order = () => rowsOf(app.lines(), /wf-[abc]/);
		expect(order()).toEqual(['wf-b', 'wf-a', 'wf-c']);
		await press(app.stdin, 's');
		expect(app.lines()[0]).toContain('sort created↑');
		expect(order()).toEqual(['wf-a', 'wf-c', 'wf-b']);
		await press(app.stdin, 'S');
		expect(app.lines()[0]).toContain('sort created↓');
		expect(order()).toEqual(['wf-b', 'wf-c', 'wf-a']);
		await press(app.stdin, 's', 's');
		expect(app.lines()[0]).toContain('sort status↓');
	});

	it('/ searches the domains too, and a search does not follow into the next screen', async () => {
		const source = workflows();
		const app = await mount(source, {initial: {}});
		await press(app.stdin, '/bet', KEYS.enter);
		expect(rowsOf(app.lines(), /^. +(alpha|beta)/m).map(r => r.trim().split(/\s+/).at(-1))).toEqual(['beta']);
		await press(app.stdin, KEYS.enter);
		expect(app.frame()).toContain('beta · workflows');
		expect(rowsOf(app.lines(), /wf-[abc]/).length).toBe(3);
	});

	it('1-7, 0, x, y, e on a list say that they are for the steps', async () => {
		const app = await mount(workflows(), {initial: {domain: 'd'}});
		await press(app.stdin, '4');
		expect(app.lines().at(-1)).toContain('4 works on the steps of a workflow: Enter opens one');
		const onDomains = await mount(workflows(), {initial: {}});
		await press(onDomains.stdin, 'x');
		expect(onDomains.lines().at(-1)).toContain('x works on the steps of a workflow: open a domain, then a workflow');
	});

	it('P on the domains or the steps screen says where the problems feed is, instead of nothing', async () => {
		const onDomains = await mount(workflows(), {initial: {}});
		await press(onDomains.stdin, 'P');
		expect(onDomains.lines().at(-1)).toContain("P opens the problems feed on a domain's workflows: Enter opens a domain");
		cleanup();
		const onSteps = await mount(fakeWatchSource({steps: [step(0)], workflow: workflow()}));
		await press(onSteps.stdin, 'P');
		expect(onSteps.lines().at(-1)).toContain('P opens the problems feed on the workflows screen: Esc goes back to it');
	});
});

describe('keys of the steps screen', () => {
	it('x is a toggle: problems only, then every status again', async () => {
		const steps = [step(0, {Status: 'FAILED'}), step(1), step(2, {Status: 'RETRY'})];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}));
		await press(app.stdin, 'x');
		expect(app.frame()).toContain('2 shown');
		await press(app.stdin, 'x');
		expect(app.frame()).toContain('3 shown');
		expect(app.lines()[2]).toMatch(/^all /);
	});

	it('a where no last look is kept (--demo, --no-state) says so, not "first look"', async () => {
		const app = await mount(fakeWatchSource({steps: [step(0), step(1)], workflow: workflow()}));
		await press(app.stdin, 'a');
		expect(app.frame()).toContain('no last look is kept in this run');
		expect(app.frame()).not.toContain('first look');
	});

	it('Ctrl-W deletes a word and Ctrl-U clears the search prompt', async () => {
		const app = await mount(fakeWatchSource({steps: [step(0)], workflow: workflow()}));
		await press(app.stdin, '/', 'access denied');
		expect(app.lines()[2]).toContain('/access denied_');
		await press(app.stdin, CTRL_W);
		expect(app.lines()[2]).toContain('/access _');
		await press(app.stdin, KEYS.ctrlU);
		expect(app.lines()[2]).toMatch(/^\/_ /);
		// Still typing in the prompt.
		await press(app.stdin, 'flow');
		expect(app.lines()[2]).toContain('/flow_');
	});
});

describe('errors get a place of their own', () => {
	const longError = {
		kind: 'credentials' as const,
		code: 'CredentialsProviderError',
		message: `AWS credentials missing or expired (Could not load credentials from any providers: ${'tried env, ini, sso, process, token file, instance metadata; '.repeat(3)}end of the list)`,
		retryable: false,
		staleSince: NOW - 5_000,
	};

	it('! opens the whole error wrapped, and the status line says so; no "stale since" when no data ever came', async () => {
		const source = fakeWatchSource({workflow: undefined});
		source.workflow.set({phase: 'error', error: longError});
		const app = await mount(source, {size: {columns: 80, rows: 24}});
		const status = app.lines().at(-1) ?? '';
		expect(status).toMatch(/^failed · ! whole error · CredentialsProviderError/);
		expect(status).not.toContain('stale');
		expect(status).not.toContain('end of the list');
		await press(app.stdin, '!');
		const frame = app.frame();
		expect(frame).toContain('messages (! or Esc closes)');
		expect(frame).toContain('before any data arrived');
		expect(frame.replace(/\n\s*/g, ' ')).toContain('end of the list)');
		expect(app.lines()).toHaveLength(23);
		await press(app.stdin, '!');
		expect(app.frame()).not.toContain('messages (! or Esc closes)');
	});

	it('an unknown workflow says it was not found, not that it is awaited', async () => {
		const source = fakeWatchSource({workflow: undefined});
		source.workflow.set({phase: 'error', error: {kind: 'not-found', code: 'ResourceNotFoundException', message: 'no workflow wf-1', retryable: false, staleSince: NOW}});
		const app = await mount(source);
		expect(app.lines()[1]).toContain('workflow not found in domain demo');
		expect(app.frame()).not.toContain('waiting for the workflow');
	});

	it('! on a list shows its error too, and the help mentions it', async () => {
		const source = workflows();
		source.domains.set({phase: 'error', error: longError, lastSuccessAt: NOW - 60_000});
		const app = await mount(source, {initial: {}, size: {columns: 80, rows: 24}});
		expect(app.lines().at(-1)).toMatch(/^stale since \d\d:\d\d:\d\d · ! whole error/);
		await press(app.stdin, '!');
		expect(app.frame()).toContain('the data shown is from before');
		await press(app.stdin, '?');
		expect(app.frame()).toMatch(/^!\s+the whole error/m);
	});
});

describe('column widths', () => {
	// The workflows screen is the domain dashboard: as the terminal narrows its numbers (connector,
	// progress, rate, ETA, problems, age) stay longest; on a wide one the description takes the rest.
	it('on a wide workflows screen the description takes the width left, and at 80 columns the numbers stay', () => {
		const wide = fitColumns(WORKFLOW_COLUMNS, 200 - ROW_PREFIX);
		const description = wide.find(column => column.id === 'description');
		expect(description?.width).toBeGreaterThanOrEqual(40);
		const narrow = fitColumns(WORKFLOW_COLUMNS, 80 - ROW_PREFIX).map(column => column.id);
		expect(narrow).toEqual(expect.arrayContaining(['id', 'connector', 'status', 'progress', 'problems']));
	});
});

describe('the workflows screen in the local and UTC time modes', () => {
	it('CHANGED is as wide as the times it shows (it cut 22:16:53Z to 22:16:5…)', () => {
		for (const mode of ['local', 'utc'] as const) {
			const columns = fitColumns(withTimeWidths(WORKFLOW_COLUMNS, mode), 200 - ROW_PREFIX);
			expect(columns.find(column => column.id === 'updated')?.width, mode).toBeGreaterThanOrEqual(TIME_CELLS[mode]);
		}
	});
});

describe('small display issues', () => {
	const theme = (ascii: boolean) => createTheme({color: false, ascii});
	const filterLine = (props: Partial<React.ComponentProps<typeof FilterLine>> = {}) =>
		render(
			<FilterLine
				counts={new Map([['NOT_STARTED', 0], ['COMPLETE', 100_000]])}
				statusFilter={[]}
				search=""
				searching={false}
				sort="records"
				sortReverse
				shown={100_000}
				width={100}
				theme={theme(false)}
				{...props}
			/>,
		).lastFrame() ?? '';

	it('counts shown and in the chips are whole numbers: 100,000 shown, not 100.0k', () => {
		expect(filterLine()).toContain('100,000 shown');
		expect(filterLine()).toContain('3✔ 100,000');
	});

	it('--ascii says the sort direction in words, not "recordsv"', () => {
		expect(filterLine({theme: theme(true)})).toContain('sort records desc');
		expect(filterLine({theme: theme(true), sortReverse: false})).toContain('sort records asc');
	});

	it('the queued chip does not read as a decimal number', () => {
		expect(filterLine()).not.toMatch(/1[·.] 0/);
		expect(filterLine()).toContain('1○ 0');
		expect(filterLine({theme: theme(true)})).toContain('1_ 0');
	});

	it('the RECORDS column has one format from top to bottom', async () => {
		const steps = [step(0, {RecordsProcessed: 99_046}), step(1, {RecordsProcessed: 128_227}), step(2, {RecordsProcessed: 7})];
		const app = await mount(fakeWatchSource({steps, workflow: workflow()}), {size: {columns: 80, rows: 24}});
		const frame = app.frame();
		expect(frame).toMatch(/ 99,046 /);
		expect(frame).toMatch(/ 128,227 /);
		expect(frame).not.toMatch(/\d\.\dk/);
	});
});
