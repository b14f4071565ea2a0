import {mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {stepKey} from '../../source/core/step.js';
import {writeFileAtomicSync, type AtomicWriteFs} from '../../source/state/atomic-write.js';
import {decodeSeenSync, encodeSeen, encodeSeenSync, type LookToSave} from '../../source/state/seen-file-format.js';
import {KEPT_WORKFLOWS, openSeenStore, stateDirectory} from '../../source/state/seen-store.js';
import {step} from '../support/fake-watch-source.js';

let dir: string;
beforeEach(() => {
	dir = join(mkdtempSync(join(tmpdir(), 'cp-watch-seen-')), 'cp-watch');
});
afterEach(() => rmSync(join(dir, '..'), {recursive: true, force: true}));

const id = (n: number) => n.toString(16).padStart(32, '0');
const look = (n: number, steps = [step(0), step(1, {Status: 'FAILED', RecordsProcessed: 7})], seenAt = 1_000 + n): LookToSave => ({
	domain: 'retail-prod',
	workflowId: id(n),
	steps,
	seenAt,
});

describe('the state directory', () => {
	it('is $XDG_STATE_HOME/cp-watch when absolute, else ~/.local/state/cp-watch', () => {
		expect(stateDirectory({XDG_STATE_HOME: '/var/state'})).toBe('/var/state/cp-watch');
		expect(stateDirectory({XDG_STATE_HOME: 'relative'})).toMatch(/\/\.local\/state\/cp-watch$/);
		expect(stateDirectory({})).toMatch(/\/\.local\/state\/cp-watch$/);
	});
});

describe('the seen store', () => {
	it('reads back what it saved: statuses and records by step', async () => {
		const store = openSeenStore(dir);
		expect(await store.save(look(1))).toBeUndefined();
		const {seen, warning} = await openSeenStore(dir).recall('retail-prod', id(1));
		expect(warning).toBeUndefined();
		expect(seen?.seenAt).toBe(1_001);
		expect(seen?.steps.get(stepKey(step(1)))).toEqual({Status: 'FAILED', RecordsProcessed: 7});
		expect(seen?.steps.size).toBe(2);
	});

	it('keeps the newest 50 workflows: saving a 51st drops the one looked at longest ago', () => {
		const store = openSeenStore(dir);
		for (let n = 0; n < KEPT_WORKFLOWS; n++) {
			store.saveSync(look(n));
			// Modification times order the files; make them distinct whatever the file system's resolution.
			utimesSync(join(dir, `retail-prod.${id(n)}.json.gz`), new Date(1_000_000 + n * 1000), new Date(1_000_000 + n * 1000));
		}
		expect(readdirSync(dir)).toHaveLength(50);
		store.saveSync(look(99));
		const names = readdirSync(dir);
		expect(names).toHaveLength(50);
		expect(names).not.toContain(`retail-prod.${id(0)}.json.gz`);
		expect(names).toContain(`retail-prod.${id(99)}.json.gz`);
		expect(names).toContain(`retail-prod.${id(1)}.json.gz`);
	});

	it('leaves files that are not its own alone when pruning', async () => {
		mkdirSync(dir, {recursive: true});
		writeFileSync(join(dir, 'notes.txt'), 'mine');
		const store = openSeenStore(dir);
		for (let n = 0; n < 55; n++) await store.save(look(n));
		expect(readdirSync(dir)).toContain('notes.txt');
		expect(readdirSync(dir).filter(name => name.endsWith('.json.gz'))).toHaveLength(50);
	});

	it('a damaged file is reported once, then never written over', async () => {
		mkdirSync(dir, {recursive: true});
		const path = join(dir, `retail-prod.${id(1)}.json.gz`);
		writeFileSync(path, 'garbage');
		const store = openSeenStore(dir);
		const first = await store.recall('retail-prod', id(1));
		expect(first.warning).toBe(`last look ignored: ${path} is not a gzip file; it is kept as it is (remove it to start afresh)`);
		expect((await store.recall('retail-prod', id(1))).warning).toBeUndefined();
		expect(await store.save(look(1))).toBeUndefined();
		expect(store.saveSync(look(1))).toBeUndefined();
		expect(readFileSync(path, 'utf8')).toBe('garbage');
	});

	it('a damaged file never read before is found, reported and kept when it would be saved over', () => {
		mkdirSync(dir, {recursive: true});
		const path = join(dir, `retail-prod.${id(1)}.json.gz`);
		writeFileSync(path, encodeSeenSync(look(2)).subarray(0, 20));
		const warning = openSeenStore(dir).saveSync(look(1));
		expect(warning).toMatch(/is not a gzip file; it is kept as it is/);
		expect(readFileSync(path)).toHaveLength(20);
	});

	it('JSON that is not a last look, or another version, is damaged too', async () => {
		mkdirSync(dir, {recursive: true});
		const {gzipSync} = await import('node:zlib');
		writeFileSync(join(dir, `retail-prod.${id(1)}.json.gz`), gzipSync('{"format":"cp-watch last look","version":9}'));
		writeFileSync(join(dir, `retail-prod.${id(2)}.json.gz`), gzipSync('{"format":"cp-watch last look","version":1,"steps":{}}'));
		const store = openSeenStore(dir);
		expect((await store.recall('retail-prod', id(1))).warning).toMatch(/of version 9, which this cp-watch does not read/);
		expect((await store.recall('retail-prod', id(2))).warning).toMatch(/is damaged/);
	});

	it('names the service would not accept are never turned into paths', async () => {
		const store = openSeenStore(dir);
		expect(await store.save({domain: '../../etc', workflowId: id(1), steps: [step(0)], seenAt: 1})).toBeUndefined();
		expect(await store.recall('../../etc', id(1))).toEqual({});
		expect(() => readdirSync(dir)).toThrow();
	});

	it('a state directory it cannot create is one warning, and nothing is thrown', async () => {
		const file = join(dir, '..', 'a-file');
		writeFileSync(file, '');
		const store = openSeenStore(join(file, 'cp-watch'));
		expect(await store.save(look(1))).toMatch(/^last looks not kept: .*a-file\/cp-watch cannot be a directory \(ENOTDIR\)$/);
		expect(await store.save(look(2))).toBeUndefined();
	});

	it('100,000 steps take a few hundred KB on disk and come back whole, by either encoder', async () => {
		const steps = Array.from({length: 100_000}, (_, i) => step(i, {FlowName: `Salesforce-b4c1f11e-contacts-${String(i).padStart(6, '0')}`, Status: i % 7 === 0 ? 'FAILED' : 'COMPLETE', RecordsProcessed: i * 13}));
		const seen = {domain: 'retail-prod', workflowId: id(1), steps, seenAt: 5, workflow: {Status: 'IN_PROGRESS', RecordsProcessed: 12}};
		const bytes = encodeSeenSync(seen);
		expect(bytes.length).toBeLessThan(1_000_000);
		expect((await encodeSeen(seen)).equals(bytes)).toBe(true);
		const back = decodeSeenSync(bytes);
		expect(back.ok && back.seen.steps.size).toBe(100_000);
		expect(back.ok && back.seen.steps.get(stepKey(steps[99_999]))).toEqual({Status: 'COMPLETE', RecordsProcessed: 99_999 * 13});
		expect(back.ok && back.seen.steps.get(stepKey(steps[7]))).toEqual({Status: 'FAILED', RecordsProcessed: 7 * 13});
		expect(back.ok && back.seen.workflow).toEqual({Status: 'IN_PROGRESS', RecordsProcessed: 12});
	});
});

describe('atomic writes', () => {
	it('a write stopped between the temporary file and the rename leaves the old file whole', () => {
		mkdirSync(dir, {recursive: true});
		const path = join(dir, 'file.json');
		writeFileSync(path, 'old and complete');
		const crashing: AtomicWriteFs = {
			writeFileSync: (p, data, options) => writeFileSync(p, data, options),
			renameSync: () => {
				throw new Error('killed');
			},
			unlinkSync: () => undefined,
		};
		expect(() => writeFileAtomicSync(path, 'new', {fs: crashing})).toThrow('killed');
		expect(readFileSync(path, 'utf8')).toBe('old and complete');
		// What is left is a *.tmp beside it, which readers never open and a later save prunes.
		expect(readdirSync(dir).filter(name => name !== 'file.json')).toEqual([expect.stringMatching(/^file\.json\.\d+\.\d+\.tmp$/)]);
	});

	it('the new content appears only by rename: the target is never opened for writing', () => {
		mkdirSync(dir, {recursive: true});
		const path = join(dir, 'file.json');
		const written: string[] = [];
		const renamed: Array<[string, string]> = [];
		const watching: AtomicWriteFs = {
			writeFileSync: (p, data, options) => {
				written.push(p);
				writeFileSync(p, data, options);
			},
			renameSync: (from, to) => {
				renamed.push([from, to]);
				renameSync(from, to);
			},
			unlinkSync: () => undefined,
		};
		writeFileAtomicSync(path, 'new', {fs: watching});
		expect(written).not.toContain(path);
		expect(renamed).toEqual([[written[0], path]]);
		expect(readFileSync(path, 'utf8')).toBe('new');
	});

	it('a save still encoding when a newer one is made gives way: the newer look stays', async () => {
		const store = openSeenStore(dir);
		const older = store.save(look(1, [step(0, {Status: 'IN_PROGRESS'})], 1));
		expect(store.saveSync(look(1, [step(0, {Status: 'COMPLETE'})], 2))).toBeUndefined();
		expect(await older).toBeUndefined();
		const {seen} = await openSeenStore(dir).recall('retail-prod', id(1));
		expect(seen?.seenAt).toBe(2);
		expect(readdirSync(dir)).toEqual([`retail-prod.${id(1)}.json.gz`]);
	});

	it('temporary files left by a crash long ago are pruned by the next save', () => {
		mkdirSync(dir, {recursive: true});
		const stale = join(dir, `retail-prod.${id(1)}.json.gz.123.1.tmp`);
		writeFileSync(stale, 'half');
		utimesSync(stale, new Date(0), new Date(0));
		openSeenStore(dir).saveSync(look(2));
		expect(readdirSync(dir)).toEqual([`retail-prod.${id(2)}.json.gz`]);
		expect(statSync(join(dir, `retail-prod.${id(2)}.json.gz`)).mode & 0o777).toBe(0o600);
	});
});
