import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		testTimeout: 20_000,
		hookTimeout: 20_000,
		// Two cores here and in CI; the e2e suite spawns terminals of its own.
		maxWorkers: 2,
		reporters: ['default', './scripts/summary-reporter.ts'],
		env: {AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'},
	},
});
