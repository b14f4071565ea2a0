// The built-in scenarios by name (as `--scenario NAME` and `--demo NAME` take them).
import {demoScenario} from './demo.js';
import {domainScenario} from './domain.js';
import {hostileScenario} from './hostile.js';
import {largeScenario} from './large.js';
import {lifecycleScenario} from './lifecycle.js';

export const BUILT_IN_SCENARIOS: Record<string, () => object> = {
	demo: demoScenario,
	large: largeScenario,
	hostile: hostileScenario,
	lifecycle: lifecycleScenario,
	domain: domainScenario,
};

export function builtInScenarioNames(): string[] {
	return Object.keys(BUILT_IN_SCENARIOS);
}
