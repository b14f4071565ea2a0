// Mounts the App over a fake watch source with ink-testing-library.
import {render} from 'ink-testing-library';
import React from 'react';
import {App, type AppProps} from '../../source/ui/app.js';
import {fakeWatchSource, NOW, type FakeWatchSource} from '../support/fake-watch-source.js';
import {settle} from './press.js';

export interface Mounted extends ReturnType<typeof render> {
	source: FakeWatchSource;
	props: AppProps;
	frame(): string;
	lines(): string[];
	exits: number[];
	setSize(columns: number, rows: number): Promise<void>;
}

export async function mount(
	source: FakeWatchSource = fakeWatchSource(),
	overrides: Partial<Omit<AppProps, 'options'>> & {options?: Partial<AppProps['options']>} = {},
): Promise<Mounted> {
	const exits: number[] = [];
	const props: AppProps = {
		source,
		initial: {domain: 'demo', workflowId: 'wf-1'},
		onExit: code => exits.push(code),
		size: {columns: 100, rows: 30},
		now: () => NOW,
		...overrides,
		options: {ascii: false, color: false, statusFilter: [], ...overrides.options},
	};
	const r = render(<App {...props} />);
	await settle();
	const mounted: Mounted = {
		...r,
		source,
		props,
		exits,
		frame: () => r.lastFrame() ?? '',
		lines: () => (r.lastFrame() ?? '').split('\n'),
		async setSize(columns, rows) {
			props.size = {columns, rows};
			r.rerender(<App {...props} />);
			await settle();
		},
	};
	return mounted;
}
