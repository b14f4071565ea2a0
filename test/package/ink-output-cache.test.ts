// Ink's renderer as the bundle has it (scripts/ink-output-cache.mjs): frames drawn through the
// shared, bounded caches are the frames unpatched Ink draws, the caches stay within their bound
// however many new lines a long watch draws, and a cached character is one small shared shape.
import {build} from 'esbuild';
import {styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import {beforeAll, describe, expect, it} from 'vitest';
import {BOUNDED_CACHE, CACHE_CHARACTERS, inkOutputCache, patchSource} from '../../scripts/ink-output-cache.mjs';

interface Cache {
	newer: Map<string, unknown>;
	older: Map<string, unknown>;
	get(text: string): unknown;
	set(text: string, value: unknown): Cache;
}
interface OutputLike {
	write(x: number, y: number, text: string, options: {transformers: unknown[]}): void;
	get(): {output: string; height: number};
	caches: {widths: Cache; blockWidths: Cache; styledChars: Cache};
}
type OutputClass = new (options: {width: number; height: number}) => OutputLike;
type StyledChars = typeof styledCharsFromTokens;

let PatchedOutput: OutputClass;
let UnpatchedOutput: OutputClass;
let patchedStyledChars: StyledChars;

// Ink's package exports do not name its build files; the bundle reaches them by path.
const INK_OUTPUT = "export {default} from './node_modules/ink/build/output.js';";

async function bundled(contents: string, plugins = [inkOutputCache]): Promise<Record<string, unknown>> {
	const result = await build({
		stdin: {contents, resolveDir: process.cwd(), loader: 'js'},
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'node',
		plugins,
		logLevel: 'silent',
	});
	return (await import(`data:text/javascript,${encodeURIComponent(result.outputFiles[0].text)}`)) as Record<string, unknown>;
}

beforeAll(async () => {
	PatchedOutput = (await bundled(INK_OUTPUT)).default as OutputClass;
	UnpatchedOutput = (await bundled(INK_OUTPUT, [])).default as OutputClass;
	patchedStyledChars = (await bundled("export {styledCharsFromTokens} from '@alcalzone/ansi-tokenize';")).styledCharsFromTokens as StyledChars;
});

const held = (cache: Cache) => [...cache.newer.keys(), ...cache.older.keys()].reduce((sum, text) => sum + text.length, 0);
const LINES = [
	'plain text',
	'\u001B[1m\u001B[36mcp-watch\u001B[39m\u001B[22m · \u001B[1m\u001B[31m✖ failed\u001B[39m\u001B[22m · live',
	'\u001B[32m✔ complete \u001B[39m Salesforce-1a7e 漢字 👍🏽 e\u0301 \u001B[7minverse\u001B[0m after reset',
	'\u001B[38;5;208mfg256\u001B[48;2;1;2;3m truecolour bg \u001B[49m\u001B[39m\u001B[4munder\u001B[24m',
	'\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007 done',
];

describe("Ink's output caches in the bundle", () => {
	it('tokenizes every styled line into the characters the unpatched tokenizer gives', () => {
		for (const line of LINES) expect(patchedStyledChars(tokenize(line))).toEqual(styledCharsFromTokens(tokenize(line)));
	});

	it('shares one style list between neighbouring characters of the same style, instead of a copy each', () => {
		const chars = patchedStyledChars(tokenize('\u001B[31mred text\u001B[39m plain'));
		expect(chars[0].styles).toBe(chars[7].styles);
		expect(chars[0].styles).not.toBe(chars[9].styles);
	});

	it('draws frames the unpatched renderer draws, frame after frame through the shared cache', () => {
		for (let frame = 0; frame < 3; frame++) {
			const patched = new PatchedOutput({width: 60, height: 8});
			const unpatched = new UnpatchedOutput({width: 60, height: 8});
			for (const [y, line] of LINES.entries()) {
				const text = y === 0 ? `${line} ${frame}s ago` : line;
				patched.write(2, y, text, {transformers: []});
				unpatched.write(2, y, text, {transformers: []});
			}
			expect(patched.get()).toEqual(unpatched.get());
		}
	});

	it('holds no more than its bound of text however many new lines are drawn, and keeps the lines still in use', () => {
		const steady = '\u001B[1mthe header, the same in every frame\u001B[22m';
		let caches: OutputLike['caches'] | undefined;
		// A clock line that is new every frame, for far longer than the bound holds.
		const frames = Math.ceil((CACHE_CHARACTERS * 3) / 120);
		for (let frame = 0; frame < frames; frame++) {
			const output = new PatchedOutput({width: 130, height: 3});
			output.write(0, 0, steady, {transformers: []});
			output.write(0, 1, `live · updated ${frame}s ago`.padEnd(120, ' '), {transformers: []});
			const {output: text} = output.get();
			expect(text.split('\n')[1]).toBe(`live · updated ${frame}s ago`);
			caches = output.caches;
		}
		for (const cache of Object.values(caches!)) expect(held(cache)).toBeLessThanOrEqual(CACHE_CHARACTERS);
		expect(held(caches!.styledChars)).toBeGreaterThan(CACHE_CHARACTERS / 4);
		expect(caches!.styledChars.newer.has(steady)).toBe(true);
	});

	it('gives back what its older generation holds and moves it to the newer', () => {
		const Cache = new Function(`${BOUNDED_CACHE}; return BoundedTextCache;`)() as new () => Cache;
		const cache = new Cache();
		cache.set('kept', 1);
		for (let i = 0; cache.older.size === 0; i++) cache.set(`filler ${i}`.padEnd(1000, '.'), i);
		expect(cache.older.has('kept')).toBe(true);
		expect(cache.get('kept')).toBe(1);
		expect(cache.newer.has('kept')).toBe(true);
		expect(cache.get('never set')).toBeUndefined();
	});

	it('fails the build when Ink or the tokenizer no longer has the code where it was', () => {
		expect(() => patchSource('output.js', 'class OutputCaches {}', 'ink/build/output.js')).toThrow(/not found in ink\/build\/output\.js/);
		expect(() => patchSource('render-node-to-output.js', 'const w = 1;', 'render-node-to-output.js')).toThrow(/not found/);
		expect(() => patchSource('styledChars.js', 'ret.push({...token});', 'styledChars.js')).toThrow(/not found in styledChars\.js/);
	});
});
