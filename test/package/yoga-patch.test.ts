// Ink's layout engine must not load Node's fetch to decode its own WebAssembly
// (scripts/yoga-without-fetch.mjs): the patch is in the build, and the build fails without it.
import {readFileSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {patchYogaLoader} from '../../scripts/yoga-without-fetch.mjs';

const yogaFile = join(dirname(createRequire(import.meta.url).resolve('yoga-layout')), '..', 'binaries', 'yoga-wasm-base64-esm.js');

describe('yoga without fetch', () => {
	it('decodes a data: URL in place, in the installed yoga-layout and in the built bundle', () => {
		const patched = patchYogaLoader(readFileSync(yogaFile, 'utf8'));
		expect(patched).toContain('function ya(){return w||ua(H)||"function"!=typeof fetch?');
		const chunks = readdirSync('dist/chunks').map(name => readFileSync(join('dist/chunks', name), 'utf8'));
		expect(chunks.some(text => text.includes('return w || ua(H) || "function" != typeof fetch ?'))).toBe(true);
	});

	it('fails the build when yoga-layout no longer has the code where it was', () => {
		expect(() => patchYogaLoader('function ya(){}', 'yoga.js')).toThrow(/not found in yoga\.js/);
	});
});
