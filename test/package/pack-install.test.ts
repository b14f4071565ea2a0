// The package as a user gets it: `npm pack` in a tree like a fresh clone (it must build by
// itself), then `npm install -g` of the tarball with no registry to reach, then the installed bin.
import {execFileSync, spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {delimiter, dirname, join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cleanEnv} from '../support/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {name: string; version: string};

/** A loopback port nothing listens on: a registry there refuses every connection at once. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(done => server.listen(0, '127.0.0.1', done));
	const {port} = server.address() as {port: number};
	await new Promise(done => server.close(done));
	return port;
}

/** The environment of a user's shell: no npm_* settings inherited from `npm test`, no CI, no AWS,
 * and this test's node first on PATH (the bin's `#!/usr/bin/env node` picks it). */
function userEnv(): NodeJS.ProcessEnv {
	const env = cleanEnv();
	for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
	env.PATH = [dirname(process.execPath), env.PATH].join(delimiter);
	return env;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
	return spawnSync(command, args, {cwd, env, encoding: 'utf8', timeout: 90_000});
}

function explain(result: SpawnSyncReturns<string>): string {
	return `exit ${result.status}\n${result.stdout}\n${result.stderr}`;
}

describe('the npm package', () => {
	let work: string;
	let tarball: string;
	let packedFiles: string[];
	let prefix: string;
	const env = userEnv();

	beforeAll(async () => {
		work = mkdtempSync(join(tmpdir(), 'cp-watch-pack-'));
		// A fresh clone: the files git knows of (committed or not, never ignored ones like dist/),
		// with this tree's node_modules, as `npm ci` would have installed it.
		const clone = join(work, 'clone');
		// safe.directory: CI runs as root, and the clone may belong to another user.
		const listed = execFileSync('git', ['-c', 'safe.directory=*', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: ROOT, encoding: 'utf8'});
		for (const file of listed.split('\0').filter(Boolean)) {
			if (!existsSync(join(ROOT, file))) continue;
			mkdirSync(dirname(join(clone, file)), {recursive: true});
			cpSync(join(ROOT, file), join(clone, file));
		}
		symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');

		const packed = run('npm', ['pack', '--json', '--pack-destination', work], clone, env);
		if (packed.status !== 0) throw new Error(`npm pack failed: ${explain(packed)}`);
		const [report] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{filename: string; files: Array<{path: string}>}>;
		tarball = join(work, report.filename);
		packedFiles = report.files.map(file => file.path);

		prefix = join(work, 'prefix');
		const npmrc = join(work, 'npmrc');
		writeFileSync(npmrc, '');
		const registry = `http://127.0.0.1:${await closedPort()}/`;
		const installed = run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--registry', registry,
			'--cache', join(work, 'cache'), '--userconfig', npmrc, '--no-audit', '--no-fund', '--no-update-notifier', tarball], work, env);
		if (installed.status !== 0) throw new Error(`npm install of the tarball failed: ${explain(installed)}`);
	}, 180_000);

	afterAll(() => {
		if (work) rmSync(work, {recursive: true, force: true});
	});

	it('packs the freshly built bundle, its chunks, README, LICENSE and the third-party notices, nothing else', () => {
		expect(packedFiles).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/THIRD-PARTY-NOTICES.txt']));
		expect(packedFiles.some(file => /^dist\/chunks\/emulator-[\w-]+\.js$/.test(file))).toBe(true);
		expect(packedFiles.filter(file => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file))).toEqual([]);
		expect(tarball.endsWith(`${manifest.name}-${manifest.version}.tgz`)).toBe(true);
	});

	it('installs from the tarball alone: no registry reached and no other package installed', () => {
		const installedRoot = join(prefix, 'lib', 'node_modules');
		expect(readdirSync(installedRoot)).toEqual(['cp-watch']);
		expect(existsSync(join(installedRoot, 'cp-watch', 'node_modules'))).toBe(false);
	});

	it('names every bundled package with its version and licence in the installed notices', () => {
		const notices = readFileSync(join(prefix, 'lib', 'node_modules', 'cp-watch', 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
		for (const name of ['ink', 'react', 'yoga-layout', '@aws-sdk/client-customer-profiles', '@smithy/core']) {
			const {version, license} = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {version: string; license: string};
			expect(notices).toContain(`\n${name} ${version}\nLicence: ${license}\n`);
		}
		expect(notices).toContain('Apache License');
		expect(notices).toContain('Copyright (c) Meta Platforms, Inc. and affiliates.');
		// The test tooling is not in the bundle, so it is not in the notices.
		expect(notices).not.toMatch(/^(vitest|esbuild|typescript) /m);
	});

	it('runs the installed cp-watch: --version and a --demo --once --json snapshot', () => {
		const bin = join(prefix, 'bin', 'cp-watch');
		const version = run(bin, ['--version'], work, env);
		expect(version.status, explain(version)).toBe(0);
		expect(version.stdout.trim()).toBe(manifest.version);

		const snapshot = run(bin, ['--demo', '--once', '--json'], work, env);
		expect(snapshot.status, explain(snapshot)).toBe(0);
		expect(snapshot.stderr).toBe('');
		const document = JSON.parse(snapshot.stdout) as {
			workflow: {WorkflowId: string; Status: string; Metrics: {AppflowIntegration: {TotalSteps: number}}};
			steps: Array<{FlowName: string; Status: string}>;
		};
		expect(document.workflow.WorkflowId).toMatch(/^[0-9a-f]{32}$/);
		expect(document.workflow.Status).toBe('IN_PROGRESS');
		expect(document.steps.length).toBeGreaterThan(0);
		expect(document.steps).toHaveLength(document.workflow.Metrics.AppflowIntegration.TotalSteps);
		for (const step of document.steps) expect(step.Status).toMatch(/^(NOT_STARTED|IN_PROGRESS|COMPLETE|FAILED|SPLIT|RETRY|CANCELLED)$/);
	});
});
