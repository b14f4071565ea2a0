// An esbuild plugin for the bundle, two patches to Ink 6.8's renderer (both found in CPU profiles
// of the TUI at rest). 1. Ink builds a fresh OutputCaches for every frame, so each
// frame tokenizes every styled line of the screen again (ANSI tokenizing and per-character width
// were most of a frame's cost in a CPU profile: about 60% of the renderer). One shared cache keeps
// the lines that did not change between frames; it is dropped whole past LIMIT entries, so a
// clock that makes a new string every second cannot grow it without bound.
import {readFile} from 'node:fs/promises';

const PER_FRAME = '    caches = new OutputCaches();';
const LIMIT = 20_000;
const WIDEST = 'const currentWidth = widestLine(text);';

export const inkOutputCache = {
	name: 'ink-output-cache',
	setup(build) {
		// The same for render-node-to-output.js, which measures every text node's widest line on
		// every frame, uncached (string-width's grapheme walk: the largest self time at rest).
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(WIDEST)) throw new Error(`ink-output-cache: '${WIDEST.trim()}' not found in ${args.path}`);
			const helper = [
				'',
				'// cp-watch (scripts/ink-output-cache.mjs): widths remembered across frames.',
				'const widestLines = new Map();',
				'function cachedWidestLine(text) {',
				'\tlet width = widestLines.get(text);',
				'\tif (width === undefined) {',
				`\t\tif (widestLines.size >= ${LIMIT}) widestLines.clear();`,
				'\t\twidth = widestLine(text);',
				'\t\twidestLines.set(text, width);',
				'\t}',
				'\treturn width;',
				'}',
				'',
			].join('\n');
			return {contents: source.replaceAll(WIDEST, 'const currentWidth = cachedWidestLine(text);') + helper, loader: 'js'};
		});
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			// Fail the build rather than ship an unpatched renderer after an Ink upgrade.
			if (!source.includes(PER_FRAME)) throw new Error(`ink-output-cache: '${PER_FRAME.trim()}' not found in ${args.path}`);
			const shared = [
				'    caches = sharedOutputCaches();',
			].join('\n');
			const helper = [
				'',
				'// cp-watch (scripts/ink-output-cache.mjs): one cache for every frame.',
				'let sharedCaches;',
				'function sharedOutputCaches() {',
				`\tif (sharedCaches === undefined || sharedCaches.styledChars.size + sharedCaches.widths.size + sharedCaches.blockWidths.size > ${LIMIT}) sharedCaches = new OutputCaches();`,
				'\treturn sharedCaches;',
				'}',
				'',
			].join('\n');
			return {contents: source.replace(PER_FRAME, shared) + helper, loader: 'js'};
		});
	},
};
