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

	it('fails the build when string-width no longer has the pattern where it was', () => {
		expect(() => patchStringWidth('const x = 1;', 'string-width/index.js')).toThrow(/not found in string-width\/index\.js/);
	});
});
