// An esbuild plugin for the bundle: string-width 8 (used by Ink and by core/sanitize.ts) builds
// `/^\p{RGI_Emoji}$/v` when it loads and runs it on every non-ASCII grapheme. That one pattern
// cost about 45 ms of the first frame in a CPU profile (about 23 ms to compile it on load, 20 ms
// more for its first match), for screens whose only non-ASCII text is a status mark such as ✔.
// The patch compiles it only when a grapheme could be an RGI emoji, and asks it only then.
//
// Every RGI emoji (Unicode TS #51, ED-27) contains one of: a character with Emoji_Presentation
// (basic emoji, skin-tone modifiers, regional indicators of flags), VS16 U+FE0F (text characters
// shown as emoji), U+20E3 (keycaps), a tag character U+E0020-U+E007F (tag sequences), or ZWJ
// U+200D (ZWJ sequences). A grapheme with none of them cannot match, so skipping the pattern
// changes no width: test/ui/string-width-patch.test.ts checks it against the unpatched pattern.
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';

const EAGER = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
const COULD_BE_RGI_EMOJI = String.raw`/[\p{Emoji_Presentation}\u{FE0F}\u{20E3}\u{200D}\u{E0020}-\u{E007F}]/u`;

const LAZY = [
	'// cp-watch (scripts/string-width-lazy-emoji.mjs): compiled on first need, asked only when it could match.',
	`const couldBeRgiEmoji = ${COULD_BE_RGI_EMOJI};`,
	'let rgiEmojiPattern;',
	'const rgiEmojiRegex = {',
	'\ttest(segment) {',
	'\t\tif (!couldBeRgiEmoji.test(segment)) return false;',
	"\t\trgiEmojiPattern ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v');",
	'\t\treturn rgiEmojiPattern.test(segment);',
	'\t},',
	'};',
].join('\n');

/** string-width's source with the pattern made lazy; throws when the pattern is not where it was. */
export function patchStringWidth(source, path = 'string-width') {
	// Fail the build rather than ship an unpatched copy after a string-width upgrade.
	if (!source.includes(EAGER)) throw new Error(`string-width-lazy-emoji: '${EAGER}' not found in ${path}`);
	return source.replace(EAGER, () => LAZY);
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
