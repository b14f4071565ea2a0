// The benchmark harness: `npm run bench`. Each bench returns named figures; add a bench by adding
// it to BENCHES.
import process from 'node:process';
import {pollingBench, type BenchResult} from './polling.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const BENCHES: Array<{name: string; run(log: (line: string) => void): Promise<BenchResult[]>}> = [{name: 'polling', run: pollingBench}];

const only = process.argv[2];
for (const bench of BENCHES) {
	if (only && bench.name !== only) continue;
	process.stdout.write(`# ${bench.name}\n`);
	const results = await bench.run(line => process.stderr.write(`  ${line}\n`));
	for (const result of results) process.stdout.write(`${result.name}: ${result.value}${result.detail ? `  (${result.detail})` : ''}\n`);
}
