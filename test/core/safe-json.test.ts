import {describe, expect, it} from 'vitest';
import {safeJson} from '../../source/core/safe-json.js';

describe('safeJson', () => {
	it('escapes every control, bidi and separator character, and parses back to the same value', () => {
		const value = {message: 'a\u001B[2J\u009B31m\u202Eexe\u2028b\u0007', ok: 'plain ✔ 漢字'};
		const text = safeJson(value, 2);
		expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2028\u2029]/);
		expect(JSON.parse(text)).toEqual(value);
		expect(text).toContain('plain ✔ 漢字');
	});
});
