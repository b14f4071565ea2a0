import {describe, expect, it} from 'vitest';
import {createPreferenceMemory} from '../../source/core/preferences.js';

describe('what the TUI remembers', () => {
	it('a --status given for one run is not saved when another setting changes', () => {
		const remember = createPreferenceMemory({statusFilter: ['RETRY'], timeMode: 'local'}, {statusFilter: ['FAILED'], timeMode: 'local'});
		expect(remember({statusFilter: ['FAILED'], timeMode: 'utc'})).toEqual({statusFilter: ['RETRY'], timeMode: 'utc'});
	});

	it('a filter changed with keys is saved, even when it later returns to the flag\'s value', () => {
		const remember = createPreferenceMemory({}, {statusFilter: ['FAILED']});
		expect(remember({statusFilter: []})).toEqual({statusFilter: []});
		expect(remember({statusFilter: ['FAILED']})).toEqual({statusFilter: ['FAILED']});
	});

	it('a --domain is not saved as the last domain until the user goes to another one', () => {
		const remember = createPreferenceMemory({lastDomain: 'retail-prod'}, {lastDomain: 'scratch'});
		expect(remember({lastDomain: 'scratch', sort: {field: 'name', reverse: false}})).toEqual({lastDomain: 'retail-prod', sort: {field: 'name', reverse: false}});
		expect(remember({lastDomain: 'retail-staging'}).lastDomain).toBe('retail-staging');
	});
});
