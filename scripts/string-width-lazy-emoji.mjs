// An esbuild plugin for the bundle: two patches to string-width 8 (used by Ink and by
// core/sanitize.ts), for screens whose only non-ASCII text is marks such as ✔ · │ ⠋.
// 1. It builds `/^\p{RGI_Emoji}$/v` when it loads and runs it on every non-ASCII grapheme: about
//    45 ms of the first frame in a CPU profile (23 ms to compile it on load, 20 ms more for its
//    first match). The patch compiles it only when a grapheme could be an RGI emoji.
// 2. Any non-ASCII text went through Intl.Segmenter (ICU's grapheme rules, loaded on first use:
//    most of 27 ms of string-width in the first frame with rows). Text made only of characters that
//    each form a grapheme of their own and take their East Asian width (Latin-1 and Latin Extended
//    letters, punctuation, arrows, technical symbols, box drawing, shapes, dingbats, Braille; no
//    marks, joiners, selectors, format characters or emoji-presentation characters) is measured
//    character by character, as the segmenter would find it.
//
// Every RGI emoji (Unicode TS #51, ED-27) contains one of: a character with Emoji_Presentation
// (basic emoji, skin-tone modifiers, regional indicators of flags), VS16 U+FE0F (text characters
// shown as emoji), U+20E3 (keycaps), a tag character U+E0020-U+E007F (tag sequences), or ZWJ
// U+200D (ZWJ sequences). A grapheme with none of them cannot match, so skipping the pattern
// changes no width: test/package/string-width-patch.test.ts checks it against the unpatched pattern.
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';

const EAGER = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
// 3. It constructs its Intl.Segmenter on load, which loads ICU's grapheme rules (about 13 ms);
//    the patch makes it on first use, which simple text (2.) never reaches.
const EAGER_SEGMENTER = 'const segmenter = new Intl.Segmenter();';
const SEGMENTING = 'segmenter.segment(string)';
const ASCII_FAST_PATH = '\tif (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n';
const SIMPLE_TEXT = String.raw`/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u024F\u2010-\u2027\u2030-\u205E\u2190-\u23FF\u2500-\u27BF\u2800-\u28FF]*$/`;
const COULD_BE_RGI_EMOJI = String.raw`/[\p{Emoji_Presentation}\u{FE0F}\u{20E3}\u{200D}\u{E0020}-\u{E007F}]/u`;

const LAZY = [
	'// cp-watch (scripts/string-width-lazy-emoji.mjs): compiled on first need, asked only when it could match.',
	`const couldBeRgiEmoji = ${COULD_BE_RGI_EMOJI};`,
	'const emojiPresentation = /\\p{Emoji_Presentation}/u;',
	'let rgiEmojiPattern;',
	'const rgiEmojiRegex = {',
	'\ttest(segment) {',
	'\t\tif (!couldBeRgiEmoji.test(segment)) return false;',
	"\t\trgiEmojiPattern ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v');",
	'\t\treturn rgiEmojiPattern.test(segment);',
	'\t},',
	'};',
].join('\n');

const SIMPLE = [
	ASCII_FAST_PATH,
	'\t// cp-watch (scripts/string-width-lazy-emoji.mjs): one grapheme per character, no segmenter.',
	`\tif (${SIMPLE_TEXT}.test(string) && !emojiPresentation.test(string)) {`,
	'\t\tlet simpleWidth = 0;',
	'\t\tconst simpleOptions = {ambiguousAsWide: !ambiguousIsNarrow};',
	'\t\tfor (let index = 0; index < string.length; index++) simpleWidth += eastAsianWidth(string.charCodeAt(index), simpleOptions);',
	'\t\treturn simpleWidth;',
	'\t}',
	'',
].join('\n');

/** string-width's source with both patches; throws when the code is not where it was. */
export function patchStringWidth(source, path = 'string-width') {
	// Fail the build rather than ship an unpatched copy after a string-width upgrade.
	for (const expected of [EAGER, ASCII_FAST_PATH, EAGER_SEGMENTER, SEGMENTING]) {
		if (!source.includes(expected)) throw new Error(`string-width-lazy-emoji: '${expected.trim()}' not found in ${path}`);
	}
	return source
		.replace(EAGER, () => LAZY)
		.replace(ASCII_FAST_PATH, () => SIMPLE)
		.replace(EAGER_SEGMENTER, () => 'let segmenter;')
		.replace(SEGMENTING, () => '(segmenter ??= new Intl.Segmenter()).segment(string)');
}

export const stringWidthLazyEmoji = {
	name: 'string-width-lazy-emoji',
	setup(build) {
		// The copy Ink and cp-watch import (wrap-ansi keeps an older one of its own, without this pattern).
		const main = createRequire(import.meta.url).resolve('string-width');
		build.onLoad({filter: /[\\/]string-width[\\/]index\.js$/}, async args => {
			if (args.path !== main) return undefined;
			return {contents: patchStringWidth(await readFile(args.path, 'utf8'), args.path), loader: 'js'};
		});
	},
};
