// An esbuild plugin for the bundle: yoga-layout 3 (Ink's layout engine) carries its WebAssembly as
// a base64 data: URL and decodes it in place, except on one path that hands the URL to fetch()
// whenever a global fetch exists, as it does on Node 18 and later. Node's fetch is undici, loaded on
// first use: about 50 ms of compiling on the first frame (a CPU profile of the TUI's start-up),
// for a fetch of bytes already in memory. The patch takes the in-place path for a data: URL, as
// yoga's own instantiation code beside it already does (`ua(H)`: "is a data: URL").
import {readFile} from 'node:fs/promises';

const FETCHING = 'function ya(){return w||"function"!=typeof fetch?';
const IN_PLACE = 'function ya(){return w||ua(H)||"function"!=typeof fetch?';

/** yoga's loader with the data: URL decoded in place; throws when the code is not where it was. */
export function patchYogaLoader(source, path = 'yoga-layout') {
	// Fail the build rather than ship the slow path after a yoga-layout upgrade.
	if (!source.includes(FETCHING)) throw new Error(`yoga-without-fetch: '${FETCHING}' not found in ${path}`);
	return source.replace(FETCHING, () => IN_PLACE);
}

export const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(build) {
		build.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => ({
			contents: patchYogaLoader(await readFile(args.path, 'utf8'), args.path),
			loader: 'js',
		}));
	},
};
