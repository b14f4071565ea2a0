// Types for the test that checks the patches (test/package/ink-output-cache.test.ts).
import type {Plugin} from 'esbuild';

export const CACHE_CHARACTERS: number;
export const BOUNDED_CACHE: string;
export function patchSource(file: 'output.js' | 'render-node-to-output.js' | 'styledChars.js', source: string, path?: string): string;
export const inkOutputCache: Plugin;
