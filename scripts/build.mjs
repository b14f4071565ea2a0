// Bundles the CLI into one ESM file: a bundle starts about 3x faster than plain ESM imports of
// ink + react + the AWS SDK (see ../shared/INK-NOTES.md).
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {build} from 'esbuild';
import {bundledPackages, noticesText} from './third-party-notices.mjs';
import {inkOutputCache} from './ink-output-cache.mjs';
import {stringWidthLazyEmoji} from './string-width-lazy-emoji.mjs';
import {yogaWithoutFetch} from './yoga-without-fetch.mjs';

// A clean folder: `npm pack` ships all of dist/, and chunks of an older build have other names.
rmSync('dist', {recursive: true, force: true});

const result = await build({
	entryPoints: ['source/cli.tsx'],
	outdir: 'dist',
	entryNames: 'cli',
	chunkNames: 'chunks/[name]-[hash]',
	// Dynamic imports become chunks loaded on demand: the emulator only for --demo, and Ink's
	// devtools (which imports the uninstalled react-devtools-core) only when DEV=true.
	splitting: true,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	mainFields: ['module', 'main'],
	define: {'process.env.NODE_ENV': '"production"'},
	// Ink imports react-devtools-core only when DEV is set; it is not a dependency.
	external: ['react-devtools-core'],
	banner: {
		js: [
			'#!/usr/bin/env node',
			"import {createRequire as __cpwCreateRequire} from 'node:module';",
			'const require = __cpwCreateRequire(import.meta.url);',
			// On Node < 22 the SDK prints a multi-line warning to stderr that garbles the TUI.
			"process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';",
		].join('\n'),
	},
	// The licence comments are stripped; their packages' notices go to THIRD-PARTY-NOTICES.txt.
	plugins: [inkOutputCache, stringWidthLazyEmoji, yogaWithoutFetch],
	legalComments: 'none',
	metafile: true,
	logLevel: 'warning',
});

const product = JSON.parse(readFileSync('package.json', 'utf8'));
writeFileSync('dist/THIRD-PARTY-NOTICES.txt', noticesText(product, bundledPackages(result.metafile, process.cwd())));
