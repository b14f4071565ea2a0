// The terminal bench runs once at tiny sizes so that it cannot rot: every row must come out with a
// figure. Nothing here asserts a time or a PASS; the figures live in `npm run bench`.
import {describe, expect, it} from 'vitest';
import {formatRows, terminalBench} from '../../bench/terminal.js';

describe('terminal bench harness', () => {
	it('measures every row against the built CLI in a pty, with the emulator in its own process', async () => {
		const rows = await terminalBench({small: 120, large: 600, idleMs: 1000, repeats: 1, liveMs: 4000, sampleMs: 1000, log: () => undefined});
		expect(rows.map(row => row.figure.replace(/\d[\d,.]*/g, 'N'))).toEqual([
			'start-up: --version',
			'start-up: --help',
			'start-up: a usage error (--bogus)',
			'first frame with step rows, N steps',
			'TUI load of N steps at --max-rps N',
			'load rate, second half of the load beside the first',
			'RSS, N steps in the TUI',
			'RSS, N steps in --once --json (peak)',
			'key press to next frame, N steps: median',
			'key press to next frame, N steps: max',
			'CPU at rest, live on N settled steps',
			'bytes written per second at rest, N steps',
			'requests per minute, unchanged N-step workflow',
			'RSS after the load, N steps',
			'RSS after N min live, N steps',
			"RSS growth over N min live: the last quarter's highest beside the first's",
		]);
		for (const row of rows.filter(row => !row.figure.startsWith('load rate'))) expect(Number.isFinite(row.value), row.figure).toBe(true);
		expect(formatRows(rows).split('\n')).toHaveLength(rows.length + 2);
	}, 120_000);
});
