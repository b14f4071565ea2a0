// An esbuild plugin for the bundle: patches to Ink 6.8's renderer and to the tokenizer it uses,
// each found in a profile of the TUI (issue 9).
// 1. Ink builds a fresh OutputCaches for every frame, so each frame tokenizes every styled line
//    of the screen again (ANSI tokenizing and per-character width were most of a frame's cost in a
//    CPU profile: about 60% of the renderer). One shared cache keeps the lines of recent frames.
// 2. render-node-to-output.js measures every text node's widest line on every frame, uncached
//    (string-width's grapheme walk: the largest self time at rest); the same kind of cache keeps them.
// 3. What a cached line costs: @alcalzone/ansi-tokenize makes each character with an object spread
//    and a copy of the style list, and V8 gave each such object a hidden class, a descriptor array
//    and a property array of its own: 325 bytes a character, measured. A heap-snapshot diff of the
//    TUI at rest showed them as nearly all that grew (15,000 characters in 150 s: the status line's
//    clock makes a new line every second). Made as one literal shape sharing the style list, which
//    nothing writes to, a character costs 69 bytes.
// The caches are bounded by the length of the text they hold (a line live for hours keeps making
// new strings) and forget by generations: when the newer one is full it becomes the older and the
// older is dropped, and what the older still holds moves back on its next use. Dropping everything
// at a bound instead made the next frames tokenize the whole screen again (key presses on 100,000
// steps went from a median of 31-38 ms to 49, and past 100 ms at worst, with a 5,000-entry bound).
import {readFile} from 'node:fs/promises';

const PER_FRAME = '    caches = new OutputCaches();';
const CACHE_MAPS = ['    widths = new Map();', '    blockWidths = new Map();', '    styledChars = new Map();'].join('\n');
const WIDEST = 'const currentWidth = widestLine(text);';
const SPREAD_CHAR = ['            ret.push({', '                ...token,', '                styles: [...codes],', '            });'].join('\n');
/** Characters of text (the keys) each cache holds at most, both generations together. A screen of
 * 200x50 is 10,000; the styled-character cache at its bound is about 8 MB. */
export const CACHE_CHARACTERS = 100_000;

/** The generational cache, as it is put into each patched module (one text, two places). */
export const BOUNDED_CACHE = `
// cp-watch (scripts/ink-output-cache.mjs): a Map's get and set, holding at most ${CACHE_CHARACTERS} characters of keys.
class BoundedTextCache {
	newer = new Map();
	older = new Map();
	newerCharacters = 0;
	get(text) {
		const value = this.newer.get(text);
		if (value !== undefined) return value;
		const old = this.older.get(text);
		if (old !== undefined) this.set(text, old);
		return old;
	}
	set(text, value) {
		if (this.newerCharacters + text.length > ${CACHE_CHARACTERS / 2}) {
			this.older = this.newer;
			this.newer = new Map();
			this.newerCharacters = 0;
		}
		this.newer.set(text, value);
		this.newerCharacters += text.length;
		return this;
	}
}
`;

/** The patched source of a module, or an error naming what was not found (an Ink or tokenizer
 * upgrade must fail the build rather than ship an unpatched renderer). */
export function patchSource(file, source, path = file) {
	const need = text => {
		if (!source.includes(text)) throw new Error(`ink-output-cache: '${text.trim().split('\n')[0]}' not found in ${path}`);
	};
	if (file === 'output.js') {
		need(PER_FRAME);
		need(CACHE_MAPS);
		const caches = ['    widths = new BoundedTextCache();', '    blockWidths = new BoundedTextCache();', '    styledChars = new BoundedTextCache();'].join('\n');
		const shared = [
			'',
			'// cp-watch (scripts/ink-output-cache.mjs): one cache for every frame.',
			'let sharedCaches;',
			'function sharedOutputCaches() {',
			'\tsharedCaches ??= new OutputCaches();',
			'\treturn sharedCaches;',
			'}',
			'',
		].join('\n');
		return BOUNDED_CACHE + source.replace(CACHE_MAPS, caches).replace(PER_FRAME, '    caches = sharedOutputCaches();') + shared;
	}
	if (file === 'render-node-to-output.js') {
		need(WIDEST);
		const cached = [
			'',
			'// cp-watch (scripts/ink-output-cache.mjs): widths remembered across frames.',
			'const widestLines = new BoundedTextCache();',
			'function cachedWidestLine(text) {',
			'\tlet width = widestLines.get(text);',
			'\tif (width === undefined) {',
			'\t\twidth = widestLine(text);',
			'\t\twidestLines.set(text, width);',
			'\t}',
			'\treturn width;',
			'}',
			'',
		].join('\n');
		return BOUNDED_CACHE + source.replaceAll(WIDEST, 'const currentWidth = cachedWidestLine(text);') + cached;
	}
	if (file === 'styledChars.js') {
		need(SPREAD_CHAR);
		const literal = ['            ret.push({', "                type: 'char',", '                value: token.value,', '                fullWidth: token.fullWidth,', '                styles: codes,', '            });'].join('\n');
		return source.replace(SPREAD_CHAR, literal);
	}
	throw new Error(`ink-output-cache: nothing to patch in ${path}`);
}

const patchOnLoad = (build, filter, file) =>
	build.onLoad({filter}, async args => ({contents: patchSource(file, await readFile(args.path, 'utf8'), args.path), loader: 'js'}));

export const inkOutputCache = {
	name: 'ink-output-cache',
	setup(build) {
		patchOnLoad(build, /[\\/]ink[\\/]build[\\/]output\.js$/, 'output.js');
		patchOnLoad(build, /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/, 'render-node-to-output.js');
		patchOnLoad(build, /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, 'styledChars.js');
	},
};
