// Types for the test that checks the patch (test/package/string-width-patch.test.ts).
import type {Plugin} from 'esbuild';

export function patchStringWidth(source: string, path?: string): string;
export const stringWidthLazyEmoji: Plugin;
