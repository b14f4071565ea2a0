// Types for the test that checks the patch (test/package/yoga-patch.test.ts).
import type {Plugin} from 'esbuild';

export function patchYogaLoader(source: string, path?: string): string;
export const yogaWithoutFetch: Plugin;
