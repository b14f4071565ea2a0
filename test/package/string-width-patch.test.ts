// The bundle's string-width asks its RGI emoji pattern only when a grapheme could be one
// (scripts/string-width-lazy-emoji.mjs). Skipping it must change no width: checked here against the
// unpatched module, on every code point and on emoji sequences of every kind.
import {build} from 'esbuild';
import stringWidth from 'string-width';
import {beforeAll, describe, expect, it} from 'vitest';
import {patchStringWidth, stringWidthLazyEmoji} from '../../scripts/string-width-lazy-emoji.mjs';

type Width = (text: string) => number;
let patched: Width;

beforeAll(async () => {
	// The module as the bundle has it: built through the same plugin.
	const result = await build({
		stdin: {contents: "export {default} from 'string-width';", resolveDir: process.cwd(), loader: 'js'},
		bundle: true,
		write: false,
		format: 'esm',
		platform: 'node',
		plugins: [stringWidthLazyEmoji],
		logLevel: 'silent',
	});
	const code = result.outputFiles[0].text;
	expect(code).toContain('couldBeRgiEmoji');
	expect(code).toContain('simpleWidth');
	patched = ((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {default: Width}).default;
});

const SEQUENCES = [
	'✔', '✖', '○', '●', '◐', '↻', '⊘', '…', '—', '│', '▌', '·', '✔️', '✖️', '☝', '☝🏻', '👍', '👍🏽', '✅', '❌', '⚠', '⚠️',
	'1️⃣', '#⃣', '*️⃣', '🇫🇷', '🇺🇸', '🇦', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🏳️‍🌈', '👨‍👩‍👧‍👦', '🧑🏽‍💻', '❤️‍🔥', '👁‍🗨', '©', '©️', '®️', '™', '‼️', '↔️',
	'漢字', 'ｶﾀｶﾅ', '한국어', 'é', 'e\u0301', '\u200B', '\u00AD', '\uFEFF', 'a\u200Db', '\u{E0041}', 'x\uFE0F', 'Salesforce-1a7e ✔ 12,345',
];

describe('the bundled string-width', () => {
	it('gives every emoji sequence, mark and script the width the unpatched module gives', () => {
		for (const text of SEQUENCES) expect([text, patched(text)]).toEqual([text, stringWidth(text)]);
	});

	it('gives every code point alone the width the unpatched module gives', () => {
		const differ: string[] = [];
		for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
			if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
			// Unassigned planes 4-13 hold nothing either function treats differently; sampled.
			if (codePoint >= 0x40000 && codePoint < 0xe0000 && codePoint % 4096 !== 0) continue;
			const text = String.fromCodePoint(codePoint);
			if (patched(text) !== stringWidth(text)) differ.push(codePoint.toString(16));
		}
		expect(differ).toEqual([]);
	});

	it('gives text of marks, letters and box drawing, alone or beside anything, the width the unpatched module gives', () => {
		const ranges = [[0x20, 0x7e], [0xa0, 0x24f], [0x2010, 0x205e], [0x2190, 0x23ff], [0x2500, 0x27bf], [0x2800, 0x28ff]];
		const simple = ranges.flatMap(([from, to]) => Array.from({length: to - from + 1}, (_, i) => String.fromCodePoint(from + i)));
		// What may follow or precede them and change the grapheme or the width.
		const others = ['\u0301', '\uFE0F', '\uFE0E', '\u200D', '\u20E3', '\u00AD', '\u200B', '\u2028', '\u202E', '\u2060', '한', '\u1100', '漢', '👍', '🏻', '🇫', '\u0600', '\u0D4E', '\u{E0041}', '\t', '\u001B[31m'];
		// A fixed pseudo-random walk, so a failure names the same strings every run.
		let seed = 9;
		const next = (n: number) => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed % n;
		};
		const differ: string[] = [];
		for (let i = 0; i < 30_000; i++) {
			const length = 1 + next(6);
			let text = '';
			for (let j = 0; j < length; j++) text += next(5) === 0 ? others[next(others.length)] : simple[next(simple.length)];
			if (patched(text) !== stringWidth(text)) differ.push(JSON.stringify(text));
		}
		for (const a of simple) for (const b of ['\u0301', '\uFE0F', '\u200D', '✔']) if (patched(a + b) !== stringWidth(a + b)) differ.push(JSON.stringify(a + b));
		expect(differ.slice(0, 20)).toEqual([]);
	});

	it('fails the build when string-width no longer has the pattern where it was', () => {
		expect(() => patchStringWidth('const x = 1;', 'string-width/index.js')).toThrow(/not found in string-width\/index\.js/);
		expect(() => patchStringWidth('const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'string-width/index.js')).toThrow(/u0020-/);
	});
});
