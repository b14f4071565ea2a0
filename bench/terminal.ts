// The terminal bench (issue 9): the built CLI in a real pseudo-terminal, the emulator in its own
// process, every figure beside its anchor measured in the same run, then PASS or MISS. Prints the
// table and writes bench/terminal-results.json. `node --import tsx bench/terminal.ts` (after
// `npm run build`); BENCH_TERMINAL_QUICK=1 runs it at tiny sizes (what `npm test` does, asserting
// nothing about time).
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {CLI, cliEnv, LARGE_DOMAIN, LARGE_WORKFLOW_ID, scenarioFile, startEmulatorProcess, type EmulatorProcess} from './emulator-process.js';
import {cpuMs, memoryMb, startInPty, type PtyProgram} from './pty.js';

export interface TerminalBenchOptions {
	/** Steps of the "10,000-step" workflow. */
	small: number;
	/** Steps of the "100,000-step" workflow. */
	large: number;
	/** How long CPU and bytes are measured at rest, split into `repeats` windows. */
	idleMs: number;
	repeats: number;
	/** How long the same program stays live after the load, the rest's windows included, with its
	 * resident size read every `sampleMs`: the memory rows are read at the end of it. */
	liveMs: number;
	sampleMs: number;
	log(line: string): void;
}

export interface BenchRow {
	figure: string;
	value: number;
	unit: string;
	/** What the value is compared with, measured in the same run (when the target is a ratio). */
	anchor?: {what: string; value: number};
	/** The value the target is checked on (the ratio, or the value itself). */
	checked: number;
	target: string;
	pass: boolean;
	detail?: string;
}

const COLUMNS = 120;
const ROWS = 40;
const STEP_ROW = 'Salesforce-1a7e';
const SETTLED = /(?:live|done) · (?:updated|workflow)/;
/** What "flat" allows: growth of the resident size over the time live, in MB. */
const FLAT_MB = 5;
/** After a load's last frame, before memory is read. */
const SETTLE_MS = 1000;

const median = (values: readonly number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function cliArgs(extra: string[]): string[] {
	return [process.execPath, CLI, '--domain', LARGE_DOMAIN, '--workflow', LARGE_WORKFLOW_ID, ...extra];
}

/** Wall time of a process to exit, not in a pty (stdout a pipe): for the start-up rows. */
function wallMs(argv: string[], env: NodeJS.ProcessEnv): number {
	const start = performance.now();
	spawnSync(argv[0], argv.slice(1), {env, stdio: 'ignore'});
	return performance.now() - start;
}

async function inPty(argv: string[], env: NodeJS.ProcessEnv): Promise<{program: PtyProgram; start: number}> {
	const start = performance.now();
	const program = await startInPty(argv, {columns: COLUMNS, rows: ROWS, env});
	return {program, start};
}

async function quit(program: PtyProgram): Promise<void> {
	program.write('q');
	const timer = setTimeout(() => program.kill('SIGKILL'), 5000);
	await program.exited;
	clearTimeout(timer);
}

/** Waits until no frame has ended for `quietMs`. */
async function settleFrames(program: PtyProgram, quietMs: number, maxMs: number): Promise<void> {
	const until = performance.now() + maxMs;
	while (performance.now() < until) {
		const last = program.frameTimes().at(-1) ?? 0;
		if (performance.now() - last >= quietMs) return;
		await sleep(20);
	}
}

/** ms from writing `key` to the end of the next frame. */
async function keyToFrame(program: PtyProgram, key: string): Promise<number> {
	await settleFrames(program, 250, 5000);
	const framesBefore = program.frameTimes().length;
	const sent = performance.now();
	program.write(key);
	const until = sent + 5000;
	while (program.frameTimes().length === framesBefore) {
		if (performance.now() > until) return Number.NaN;
		await sleep(1);
	}
	return program.frameTimes()[framesBefore] - sent;
}

export async function terminalBench(options: TerminalBenchOptions): Promise<BenchRow[]> {
	const {log} = options;
	const rows: BenchRow[] = [];
	let logged = 0;
	/** The stage's end, with the rows it made (a long run shows its figures as they come). */
	const stageDone = (stage: string) => {
		log(stage);
		for (const row of rows.slice(logged)) log(`  ${row.figure}: ${row.value} ${row.unit} (${row.anchor ? `${row.checked}x, ` : ''}${row.target}) ${row.pass ? 'PASS' : 'MISS'}`);
		logged = rows.length;
	};
	const config = mkdtempSync(join(tmpdir(), 'cpw-bench-config-'));
	// The two workflows share a domain and an id: each size keeps its own last looks, as two
	// different workflows would, so a 10,000-step run never reads a 100,000-step look.
	const smallState = mkdtempSync(join(tmpdir(), 'cpw-bench-state-'));
	const largeState = mkdtempSync(join(tmpdir(), 'cpw-bench-state-'));
	const ratioRow = (figure: string, value: number, anchorWhat: string, anchor: number, limit: number, unit: string, detail?: string): BenchRow => {
		const checked = value / anchor;
		return {figure, value: round(value), unit, anchor: {what: anchorWhat, value: round(anchor)}, checked: round(checked, 2), target: `<= ${limit}x`, pass: checked <= limit, detail};
	};
	const limitRow = (figure: string, value: number, unit: string, limit: number, detail?: string, digits = 1): BenchRow => ({
		figure,
		value: round(value, digits),
		unit,
		checked: round(value, digits),
		target: `<= ${limit} ${unit}`,
		pass: value <= limit,
		detail,
	});

	// Start-up: --version, --help and a usage error beside `node -e 0`, interleaved.
	{
		const env = cliEnv('http://127.0.0.1:9', config);
		const runs = Math.max(5, options.repeats * 5);
		const node: number[] = [];
		const modes: Record<string, number[]> = {'--version': [], '--help': [], '--bogus': []};
		for (let i = 0; i < runs; i++) {
			node.push(wallMs([process.execPath, '-e', '0'], env));
			for (const flag of Object.keys(modes)) modes[flag].push(wallMs([process.execPath, CLI, flag], env));
		}
		const anchor = median(node);
		for (const [flag, times] of Object.entries(modes)) {
			const name = flag === '--bogus' ? 'a usage error (--bogus)' : flag;
			rows.push(ratioRow(`start-up: ${name}`, median(times), 'node -e 0', anchor, 1.5, 'ms', `median of ${runs}, interleaved`));
		}
		stageDone(`start-up measured (node -e 0: ${round(anchor)} ms)`);
	}

	const small = await startEmulatorProcess(scenarioFile(options.small));
	const large = await startEmulatorProcess(scenarioFile(options.large));
	const emulators: EmulatorProcess[] = [small, large];
	try {
		// First frame with step rows, beside `node -e 0` in the same pty.
		{
			const env = cliEnv(small.url, config, smallState);
			const first: number[] = [];
			const node: number[] = [];
			for (let i = 0; i < options.repeats; i++) {
				const anchor = await inPty([process.execPath, '-e', '0'], env);
				await anchor.program.exited;
				node.push(performance.now() - anchor.start);
				const {program, start} = await inPty(cliArgs([]), env);
				first.push((await program.waitFor(text => text.includes(STEP_ROW), 60_000, 'first step rows')) - start);
				await quit(program);
			}
			rows.push(ratioRow(`first frame with step rows, ${options.small.toLocaleString('en')} steps`, median(first), 'node -e 0 in the pty', median(node), 2.5, 'ms', `median of ${options.repeats}`));
			stageDone('first frame measured');
		}

		// The load of the large workflow at --max-rps 100: the TUI beside --once --json.
		{
			const env = cliEnv(large.url, config, largeState);
			const tui: number[] = [];
			const once: number[] = [];
			const onceRss: number[] = [];
			const tuiRss: number[] = [];
			const tuiPeak: number[] = [];
			const rates: Array<{first: number; second: number}> = [];
			let latency: Record<string, number[]> | undefined;
			for (let i = 0; i < options.repeats; i++) {
				const started = performance.now();
				const timed = spawnSync('/usr/bin/time', ['-f', 'maxrss %M', ...cliArgs(['--once', '--json', '--max-rps', '100'])], {env, stdio: ['ignore', 'ignore', 'pipe']});
				once.push(performance.now() - started);
				onceRss.push(Number(/maxrss (\d+)/.exec(timed.stderr.toString())?.[1] ?? Number.NaN) / 1024);

				const {program, start} = await inPty(cliArgs(['--max-rps', '100']), env);
				const progress: Array<{t: number; n: number}> = [];
				const sampler = setInterval(() => {
					const tail = program.output().slice(-4000);
					// "1,200 steps so far", or "1,200 of 100,000 steps" once the workflow's total is known.
					const match = /([\d,]+) (?:steps so far|of [\d,]+ steps)/g;
					let last: RegExpExecArray | null = null;
					for (let m = match.exec(tail); m; m = match.exec(tail)) last = m;
					if (last) progress.push({t: performance.now() - start, n: Number(last[1].replaceAll(',', ''))});
				}, 250);
				const end = await program.waitFor(text => SETTLED.test(text.slice(-4000)), 15 * 60_000, 'large load');
				clearInterval(sampler);
				tui.push(end - start);
				rates.push(halfRates(progress, options.large));
				await sleep(SETTLE_MS);
				const memory = memoryMb(program.pid);
				tuiRss.push(memory.rss);
				tuiPeak.push(memory.peak);
				if (i === 0) latency = await keyLatencies(program, options.repeats);
				await quit(program);
			}
			const rate = rates[Math.floor(rates.length / 2)];
			rows.push(
				ratioRow(
					`TUI load of ${options.large.toLocaleString('en')} steps at --max-rps 100`,
					median(tui),
					'--once --json, same pace',
					median(once),
					1.3,
					'ms',
					`median of ${options.repeats}; steps/s in the first half ${round(rate.first, 0)}, second half ${round(rate.second, 0)}`,
				),
			);
			rows.push({
				figure: 'load rate, second half of the load beside the first',
				value: round(rate.second, 0),
				unit: 'steps/s',
				anchor: {what: 'first half', value: round(rate.first, 0)},
				checked: round(rate.second / rate.first, 2),
				target: '>= 0.8x (a flat rate)',
				pass: rate.second / rate.first >= 0.8,
			});
			rows.push(limitRow(`RSS, ${options.large.toLocaleString('en')} steps in the TUI`, median(tuiRss), 'MB', 250, `median of ${options.repeats}, ${SETTLE_MS / 1000} s after the load's last frame; peak during the load ${round(median(tuiPeak))} MB`));
			rows.push(limitRow(`RSS, ${options.large.toLocaleString('en')} steps in --once --json (peak)`, median(onceRss), 'MB', 200));
			const all = Object.values(latency ?? {}).flat();
			rows.push(limitRow(`key press to next frame, ${options.large.toLocaleString('en')} steps: median`, median(all), 'ms', 50, keyDetail(latency ?? {})));
			rows.push(limitRow(`key press to next frame, ${options.large.toLocaleString('en')} steps: max`, Math.max(...all), 'ms', 100));
			stageDone('large load and keys measured');
		}

		// At rest on a settled workflow (--follow keeps it live), at the default pace: CPU, bytes,
		// requests per minute, memory, and then the same program live on for the rest of liveMs.
		// Last, so that the timed rows above are taken first, and alone: the large emulator is gone.
		await large.close();
		{
			const env = cliEnv(small.url, config, smallState);
			const {program} = await inPty(cliArgs(['--follow']), env);
			const loadedAt = await program.waitFor(text => SETTLED.test(text.slice(-4000)), 15 * 60_000, 'settled');
			// Read a second after the load's last frame: the CLI gives the load's garbage back half a
			// second after the walk lands (cli/heap-tidy.ts). The peak is reported beside it.
			await sleep(SETTLE_MS);
			const afterLoad = memoryMb(program.pid);
			await sleep(2000 - SETTLE_MS);
			const windowMs = options.idleMs / options.repeats;
			const cpu: number[] = [];
			const bytes: number[] = [];
			const startedAt = performance.now();
			const requestsBefore = requestCount(program.output());
			for (let i = 0; i < options.repeats; i++) {
				const c0 = cpuMs(program.pid);
				const b0 = program.bytes();
				const t0 = performance.now();
				await sleep(windowMs);
				const seconds = (performance.now() - t0) / 1000;
				cpu.push((cpuMs(program.pid) - c0) / 10 / seconds);
				bytes.push((program.bytes() - b0) / seconds);
			}
			const minutes = (performance.now() - startedAt) / 60_000;
			const perMinute = (requestCount(program.output()) - requestsBefore) / minutes;
			const detail = `median of ${options.repeats} windows of ${round(windowMs / 1000)} s`;
			rows.push(limitRow(`CPU at rest, live on ${options.small.toLocaleString('en')} settled steps`, median(cpu), '% of a core', 1, detail, 2));
			rows.push(limitRow(`bytes written per second at rest, ${options.small.toLocaleString('en')} steps`, median(bytes), 'B/s', 1024, detail, 0));
			rows.push({
				figure: `requests per minute, unchanged ${options.small.toLocaleString('en')}-step workflow`,
				value: round(perMinute),
				unit: 'req/min',
				checked: round(perMinute),
				target: 'about 21 (bench/polling.ts, 30 virtual minutes)',
				pass: perMinute <= 25,
				detail: `the status line's request count over ${round(minutes * 60)} s (a safety-net walk may or may not fall in it)`,
			});
			rows.push(limitRow(`RSS after the load, ${options.small.toLocaleString('en')} steps`, afterLoad.rss, 'MB', 120, `${SETTLE_MS / 1000} s after the load's last frame; peak so far ${round(afterLoad.peak)} MB`));
			stageDone('at rest measured; living on');
			// Live on, as a user leaves it: the resident size read every sampleMs until liveMs after
			// the load. Flat means no trend: the highest reading of the last quarter beside the
			// highest of the first (a collection at rest runs only once the heap has grown, so each
			// quarter holds the top of a saw tooth).
			const samples: number[] = [round(afterLoad.rss)];
			const cpuBefore = cpuMs(program.pid);
			const liveFrom = performance.now();
			while (performance.now() - loadedAt < options.liveMs) {
				await sleep(Math.min(options.sampleMs, Math.max(0, options.liveMs - (performance.now() - loadedAt))));
				samples.push(round(memoryMb(program.pid).rss));
			}
			const liveSeconds = (performance.now() - liveFrom) / 1000;
			const liveCpu = (cpuMs(program.pid) - cpuBefore) / 10 / liveSeconds;
			const livedMinutes = (performance.now() - loadedAt) / 60_000;
			const requestsPerMinuteLive = (requestCount(program.output()) - requestsBefore) / ((performance.now() - startedAt) / 60_000);
			const atEnd = memoryMb(program.pid);
			await quit(program);
			const quarter = Math.max(1, Math.floor(samples.length / 4));
			const firstQuarter = Math.max(...samples.slice(0, quarter));
			const lastQuarter = Math.max(...samples.slice(-quarter));
			const lived = livedMinutes >= 59.5 ? 'an hour' : `${round(livedMinutes)} min`;
			rows.push(limitRow(`RSS after ${lived} live, ${options.small.toLocaleString('en')} steps`, atEnd.rss, 'MB', 120, `peak ${round(atEnd.peak)} MB; CPU over the time live ${round(liveCpu, 2)} % of a core, ${round(requestsPerMinuteLive)} req/min, safety-net walks included`));
			rows.push(limitRow(`RSS growth over ${lived} live: the last quarter's highest beside the first's`, round(lastQuarter - firstQuarter), 'MB', FLAT_MB, `${firstQuarter} then ${lastQuarter} MB; every ${round(options.sampleMs / 1000, 0)} s: ${samples.join(' ')}`));
			stageDone('lived on');
		}
	} finally {
		for (const emulator of emulators) await emulator.close();
	}
	return rows;
}

function requestCount(output: string): number {
	const matches = [...output.slice(-20_000).matchAll(/([\d,]+) req/g)];
	return matches.length === 0 ? 0 : Number(matches.at(-1)![1].replaceAll(',', ''));
}

function halfRates(progress: ReadonlyArray<{t: number; n: number}>, total: number): {first: number; second: number} {
	const at = (n: number) => progress.find(point => point.n >= n);
	const start = progress[0];
	const middle = at(total / 2);
	const last = progress.at(-1);
	if (!start || !middle || !last || middle === start || last === middle) return {first: Number.NaN, second: Number.NaN};
	return {first: ((middle.n - start.n) / (middle.t - start.t)) * 1000, second: ((last.n - middle.n) / (last.t - middle.t)) * 1000};
}

/** 4, 0, x, s, a search keystroke and Esc, each `repeats` times (each followed by what undoes it
 * where needed, so every press changes the screen). */
async function keyLatencies(program: PtyProgram, repeats: number): Promise<Record<string, number[]>> {
	const result: Record<string, number[]> = {'4': [], '0': [], x: [], s: [], 'search keystroke': [], Esc: []};
	for (let i = 0; i < repeats; i++) {
		result['4'].push(await keyToFrame(program, '4'));
		result['0'].push(await keyToFrame(program, '0'));
		result.x.push(await keyToFrame(program, 'x'));
		await keyToFrame(program, '0');
		result.s.push(await keyToFrame(program, 's'));
		await keyToFrame(program, '/');
		result['search keystroke'].push(await keyToFrame(program, 'e'));
		// The first Esc clears the search it ends; Ink delivers a bare Esc one tick late.
		result.Esc.push(await keyToFrame(program, '\u001B'));
	}
	return result;
}

function keyDetail(latency: Record<string, number[]>): string {
	return Object.entries(latency)
		.map(([key, times]) => `${key} ${times.map(t => round(t, 0)).join('/')}`)
		.join(', ');
}

export function formatRows(rows: readonly BenchRow[]): string {
	const lines = ['| figure | measured | anchor (same run) | checked | target | |', '|---|---|---|---|---|---|'];
	for (const row of rows) {
		const anchor = row.anchor ? `${row.anchor.value.toLocaleString('en')} (${row.anchor.what})` : '';
		const checked = row.anchor ? `${row.checked}x` : `${row.checked}`;
		lines.push(`| ${row.figure} | ${row.value.toLocaleString('en')} ${row.unit} | ${anchor} | ${checked} | ${row.target} | **${row.pass ? 'PASS' : 'MISS'}** |`);
	}
	return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const quick = process.env.BENCH_TERMINAL_QUICK === '1';
	// An hour live is what the issue's memory row asks; BENCH_TERMINAL_LIVE_MINUTES shortens it for a
	// look (the row then names the minutes it lived, not an hour).
	const liveMinutes = Number(process.env.BENCH_TERMINAL_LIVE_MINUTES ?? 60);
	if (!(liveMinutes > 0)) throw new Error(`BENCH_TERMINAL_LIVE_MINUTES must be a number of minutes above 0, not ${process.env.BENCH_TERMINAL_LIVE_MINUTES}`);
	const options: TerminalBenchOptions = quick
		? {small: 300, large: 2000, idleMs: 1500, repeats: 1, liveMs: 5000, sampleMs: 1000, log: line => process.stderr.write(`  ${line}\n`)}
		: {small: 10_000, large: 100_000, idleMs: 60_000, repeats: 3, liveMs: liveMinutes * 60_000, sampleMs: 60_000, log: line => process.stderr.write(`  ${line}\n`)};
	process.stdout.write(`# terminal (${quick ? 'quick' : 'full'})\n`);
	const rows = await terminalBench(options);
	process.stdout.write(`${formatRows(rows)}\n`);
	const machine = {date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, load: readFileSync('/proc/loadavg', 'utf8').trim()};
	const out = process.env.BENCH_TERMINAL_OUT ?? fileURLToPath(new URL('terminal-results.json', import.meta.url));
	writeFileSync(out, `${JSON.stringify({machine, options: {...options, log: undefined}, rows}, null, 2)}\n`);
	process.stdout.write(`written ${out}\n`);
}
