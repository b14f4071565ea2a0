import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {openPreferencesFile, preferencesPath} from '../../source/cli/preferences-file.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'cpw-prefs-'));

describe('preferences file', () => {
	it('lives under XDG_CONFIG_HOME', () => {
		expect(preferencesPath({XDG_CONFIG_HOME: '/x/conf'})).toBe('/x/conf/cp-watch/config.json');
		expect(preferencesPath({XDG_CONFIG_HOME: 'relative'})).toMatch(/\.config\/cp-watch\/config\.json$/);
	});

	it('round-trips: what is saved is what the next run reads', () => {
		const path = join(scratch(), 'cp-watch', 'config.json');
		const first = openPreferencesFile(path);
		expect(first.preferences).toEqual({});
		expect(first.warning).toBeUndefined();
		const saved = {
			lastDomain: 'retail-prod',
			statusFilter: ['FAILED', 'RETRY'],
			sort: {field: 'records' as const, reverse: true},
			timeMode: 'utc' as const,
		};
		expect(first.save(saved)).toBeUndefined();
		expect(openPreferencesFile(path).preferences).toEqual(saved);
	});

	it('keeps keys it does not know when saving', () => {
		const path = join(scratch(), 'config.json');
		writeFileSync(path, JSON.stringify({theme: 'solarized', timeMode: 'local'}));
		const file = openPreferencesFile(path);
		file.save({timeMode: 'utc'});
		expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({theme: 'solarized', timeMode: 'utc'});
	});

	it('reports a corrupt file, runs with defaults, and never writes over it', () => {
		const path = join(scratch(), 'config.json');
		const corrupt = '{"lastDomain": "retail-prod", "sort": {';
		writeFileSync(path, corrupt);
		const file = openPreferencesFile(path);
		expect(file.preferences).toEqual({});
		expect(file.warning).toMatch(/not valid JSON.*fix or remove it/);
		expect(file.warning).not.toMatch(/\n/);
		file.save({timeMode: 'utc'});
		expect(readFileSync(path, 'utf8')).toBe(corrupt);
	});

	it('drops only the bad value and keeps the good ones', () => {
		const path = join(scratch(), 'config.json');
		writeFileSync(path, JSON.stringify({lastDomain: 'retail-prod', statusFilter: ['FAILED', 'BOGUS'], timeMode: 'utc'}));
		const file = openPreferencesFile(path);
		expect(file.preferences).toEqual({lastDomain: 'retail-prod', timeMode: 'utc'});
		expect(file.warning).toMatch(/statusFilter/);
	});


	it('reports an unreadable path (a directory) instead of failing', () => {
		const directory = scratch();
		const file = openPreferencesFile(directory);
		expect(file.warning).toMatch(/cannot read .*EISDIR/);
		expect(file.save({timeMode: 'utc'})).toBeUndefined();
	});
});
