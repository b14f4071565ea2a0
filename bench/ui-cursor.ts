// How much a cursor move costs with 50 steps and with 100,000: filter and sort must not run on a
// move, and only the visible rows are rendered, so the two should cost about the same (target:
// 100,000 no more than 1.5x 50). Run: NODE_ENV=production node --import tsx bench/ui-cursor.ts
import {performance} from 'node:perf_hooks';
import React from 'react';
import {App} from '../source/ui/app.js';
import {fakeWatchSource, NOW, step, workflow} from '../test/support/fake-watch-source.js';
import {renderTui} from '../test/ui/render-tui.js';

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'FAILED', 'SPLIT', 'RETRY', 'CANCELLED'];
const MOVES = Number(process.env.MOVES ?? 300);

const turn = () => new Promise(resolve => setImmediate(resolve));

async function measure(count: number): Promise<{perMoveMs: number; loadMs: number}> {
	const steps = Array.from({length: count}, (_, i) => step(i, {Status: STATUSES[i % 7]}));
	const source = fakeWatchSource({steps, workflow: workflow()});
	const started = performance.now();
	const tui = renderTui(
		React.createElement(App, {source, initial: {domain: 'd', workflowId: 'w'}, options: {ascii: false, color: true, statusFilter: []}, onExit() {}, now: () => NOW}),
		{columns: 120, rows: 40},
	);
	while (!tui.lastFrame().includes('flow-0000')) await turn();
	const loadMs = performance.now() - started;
	// Warm up the JIT, then time moves down and back up (within the first rows, so both lists
	// scroll the same way).
	const move = async (key: string) => {
		const before = tui.stdout.writes.length;
		tui.stdin.write(key);
		while (tui.stdout.writes.length === before) await turn();
	};
	for (let i = 0; i < 50; i++) await move(i % 2 ? 'k' : 'j');
	const t0 = performance.now();
	for (let i = 0; i < MOVES; i++) await move(i % 80 < 40 ? 'j' : 'k');
	const perMoveMs = (performance.now() - t0) / MOVES;
	tui.instance.unmount();
	return {perMoveMs, loadMs};
}

const small = await measure(50);
const large = await measure(100_000);
const again = await measure(50);
const base = Math.min(small.perMoveMs, again.perMoveMs);
console.log(`cursor move, ${MOVES} moves, 120x40, NODE_ENV=${process.env.NODE_ENV ?? 'development'}`);
console.log(`  50 steps:      ${base.toFixed(2)} ms/move (first render ${small.loadMs.toFixed(0)} ms)`);
console.log(`  100,000 steps: ${large.perMoveMs.toFixed(2)} ms/move (first render with filter+sort ${large.loadMs.toFixed(0)} ms)`);
console.log(`  ratio:         ${(large.perMoveMs / base).toFixed(2)}x (target <= 1.5x)`);
