// Bytes written to the terminal: at rest (target < 1 KB/s), while a request is in flight (the
// spinner), and for one changed row, with Ink's incremental rendering at 120x40.
// Run: node --import tsx bench/ui-bytes.ts  (SECONDS=10 for a longer sample)
import {setTimeout as sleep} from 'node:timers/promises';

// Ink writes nothing until exit when CI is set; it reads the variable when first imported.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
const {renderApp} = await import('../source/ui/render-app.js');
const {stepKey} = await import('../source/core/step.js');
const {FakeStdin, FakeStdout} = await import('../test/ui/render-tui.js');
const {fakeWatchSource, step, workflow} = await import('../test/support/fake-watch-source.js');

const SECONDS = Number(process.env.SECONDS_TO_SAMPLE ?? process.env.SECONDS ?? 6);
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'FAILED', 'SPLIT', 'RETRY', 'CANCELLED'];

const steps = Array.from({length: 5_000}, (_, i) => step(i, {Status: STATUSES[i % 7], CreatedAt: Date.now() - 600_000 + i, LastUpdatedAt: Date.now() - 300_000 + i}));
const source = fakeWatchSource({steps, workflow: workflow()});
const stdout = new FakeStdout(120, 40);
const stdin = new FakeStdin();
const instance = renderApp(
	{source, initial: {domain: 'd', workflowId: 'w'}, options: {ascii: false, color: true, statusFilter: []}, onExit() {}},
	{stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream},
);
const live = () => source.workflow.set({phase: 'live', lastSuccessAt: Date.now(), nextPollAt: Date.now() + 3_600_000, requests: 12});
live();
await sleep(500);
const firstFrame = stdout.bytes;

async function rate(label: string, setup: () => void): Promise<number> {
	setup();
	await sleep(300);
	const before = stdout.bytes;
	await sleep(SECONDS * 1000);
	const perSecond = (stdout.bytes - before) / SECONDS;
	console.log(`  ${label.padEnd(34)} ${perSecond.toFixed(0).padStart(6)} B/s`);
	return perSecond;
}

console.log(`bytes written, 120x40, incremental rendering, colour on, ${steps.length} steps`);
console.log(`  first frame                        ${String(firstFrame).padStart(6)} B`);
const rest = await rate('at rest (live, status line ticks)', live);
await rate('request in flight (spinner)', () => source.workflow.set({phase: 'loading'}));
await rate('paused', () => source.workflow.set({phase: 'paused', lastSuccessAt: Date.now()}));
live();
await sleep(1_200);

// One row changes status; the table's rows and the chips are what should be rewritten.
const before = stdout.bytes;
const changed = {...steps[3], Status: 'COMPLETE', LastUpdatedAt: Date.now()};
const next = steps.map((s, i) => (i === 3 ? changed : s));
source.workflow.set({steps: next, stepsVersion: 2, changedKeys: new Set([stepKey(changed)])});
await sleep(150);
console.log(`  one changed row (+ its chips)      ${String(stdout.bytes - before).padStart(6)} B`);
const beforeMove = stdout.bytes;
stdin.write('j');
await sleep(150);
console.log(`  one cursor move                    ${String(stdout.bytes - beforeMove).padStart(6)} B`);
console.log(`  at rest target < 1024 B/s: ${rest < 1024 ? 'met' : 'NOT met'}`);
instance.unmount();
process.exit(0);
